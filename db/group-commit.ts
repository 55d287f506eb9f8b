/**
 * Group commit. Work submitted during one turn of the event loop runs at the end of that turn,
 * all of it in one IMMEDIATE transaction, and every promise settles only after the COMMIT: under
 * load, hundreds of commits a second become a few dozen, each writing every touched page once.
 *
 * Each item must be atomic on its own (one statement, or its own inTransaction, which nests as a
 * savepoint): an item that throws rejects alone and the batch goes on. If the transaction itself
 * fails (BEGIN or COMMIT: disk full, database closed), every item of the batch rejects.
 *
 * The batch runs inside one synchronous callback, so nothing else on this connection (a timer,
 * another route) can interleave with its transaction.
 *
 * Another connection holding the writer lock (a checkpoint, Litestream, an admin command in
 * another process) must neither stall the event loop nor fail the callers: BEGIN waits at most
 * `lockWaitMs` for the lock (by default not at all), and a batch that could not
 * begin goes back to the front of the queue and is tried again a few milliseconds later, the
 * loop free meanwhile, until `budgetMs` after an item was submitted; only then does that item
 * reject with SQLITE_BUSY (a USSD caller gets "please try again").
 */
import { LOCK_TAKEN, withWriterLock, type Db } from './client';

export interface GroupCommit<T, R> {
  submit(item: T): Promise<R>;
}

/** Enough to amortise a commit; small enough that one batch never holds the loop for long. */
export const MAX_BATCH = 128;

/** How long BEGIN waits for another connection's writer lock, and how long an item may wait. */
export interface BusyPolicy {
  lockWaitMs: number;
  budgetMs: number;
}

/**
 * A hop's budget: Africa's Talking waits about 10 s for an answer (some networks 15). BEGIN does
 * not wait inside SQLite at all: its busy handler sleeps on the event loop in steps (1, 2, 5,
 * 10 ms...), so a checkpoint holding the lock for a few milliseconds cost every wait 18 ms of a
 * held loop (measured during an upgrade); the retry a few milliseconds later leaves it free.
 */
export const DEFAULT_BUSY: BusyPolicy = { lockWaitMs: 0, budgetMs: 8000 };

interface Pending<T, R> {
  item: T;
  /** performance.now() when submitted. */
  since: number;
  resolve: (result: R) => void;
  reject: (err: unknown) => void;
}

type Settled<R> = { ok: true; value: R } | { ok: false; error: unknown };

/** `onBatch` hears the size of every batch committed (the metrics' histogram). */
export function createGroupCommit<T, R>(
  db: Db,
  work: (item: T) => R,
  maxBatch = MAX_BATCH,
  onBatch?: (size: number) => void,
  busy: BusyPolicy = DEFAULT_BUSY,
): GroupCommit<T, R> {
  let queue: Pending<T, R>[] = [];
  let retryDelayMs = 0;
  let retry: NodeJS.Timeout | undefined;

  /** The batch's results, or 'busy' when it could not begin for another connection's lock. */
  const run = (batch: Pending<T, R>[]): Settled<R>[] | 'busy' => {
    const settled: Settled<R>[] = [];
    try {
      const done = withWriterLock(db, busy.lockWaitMs, () => {
        for (const { item } of batch) {
          // SQLite rolls the whole transaction back on some failures (disk full, I/O error):
          // the rest of the batch must not go on committing statement by statement.
          if (!db.$client.inTransaction) throw new Error('the batch transaction was rolled back');
          try {
            settled.push({ ok: true, value: work(item) });
          } catch (error) {
            settled.push({ ok: false, error });
          }
        }
      });
      return done === LOCK_TAKEN ? 'busy' : settled;
    } catch (error) {
      return batch.map(() => ({ ok: false, error }));
    }
  };

  /** Items past their budget fail with SQLITE_BUSY; the rest wait for the retry's flush. */
  const expire = (now: number): void => {
    const busyError = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
    queue = queue.filter((p) => {
      if (now - p.since < busy.budgetMs) return true;
      p.reject(busyError);
      return false;
    });
  };

  const flush = (): void => {
    // Never nest in a transaction someone else left open: the batch would become a savepoint and
    // its promises would settle before the real COMMIT. Try again next turn.
    if (db.$client.inTransaction) {
      setImmediate(flush);
      return;
    }
    const batch = queue.splice(0, maxBatch);
    const settled = run(batch);
    if (settled === 'busy') {
      queue = [...batch, ...queue];
      expire(performance.now());
      retryDelayMs = Math.min(Math.max(retryDelayMs * 2, 5), 100);
      retry =
        queue.length > 0
          ? setTimeout(() => ((retry = undefined), flush()), retryDelayMs)
          : undefined;
      return;
    }
    retryDelayMs = 0;
    if (queue.length > 0) setImmediate(flush);
    onBatch?.(batch.length);
    settled.forEach((s, i) => {
      const p = batch[i];
      if (!p) return;
      if (s.ok) p.resolve(s.value);
      else p.reject(s.error);
    });
  };

  return {
    submit(item) {
      return new Promise<R>((resolve, reject) => {
        // While a retry is pending, its timer flushes the queue.
        if (queue.length === 0 && retry === undefined) setImmediate(flush);
        queue.push({ item, since: performance.now(), resolve, reject });
      });
    },
  };
}

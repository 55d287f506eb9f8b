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
 */
import { inTransaction, type Db } from './client';

export interface GroupCommit<T, R> {
  submit(item: T): Promise<R>;
}

/** Enough to amortise a commit; small enough that one batch never holds the loop for long. */
export const MAX_BATCH = 128;

interface Pending<T, R> {
  item: T;
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
): GroupCommit<T, R> {
  let queue: Pending<T, R>[] = [];

  const run = (batch: Pending<T, R>[]): Settled<R>[] => {
    const settled: Settled<R>[] = [];
    try {
      inTransaction(
        db,
        () => {
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
        },
        { behavior: 'immediate' },
      );
      return settled;
    } catch (error) {
      return batch.map(() => ({ ok: false, error }));
    }
  };

  const flush = (): void => {
    // Never nest in a transaction someone else left open: the batch would become a savepoint and
    // its promises would settle before the real COMMIT. Try again next turn.
    if (db.$client.inTransaction) {
      setImmediate(flush);
      return;
    }
    const batch = queue.length > maxBatch ? queue.splice(0, maxBatch) : queue;
    if (batch === queue) queue = [];
    else setImmediate(flush);
    const settled = run(batch);
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
        if (queue.length === 0) setImmediate(flush);
        queue.push({ item, resolve, reject });
      });
    },
  };
}

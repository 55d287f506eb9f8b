/**
 * Background jobs: the fill-ins an upgrade leaves (db/jobs.ts), run after the server listens so
 * that nothing proportional to the data stands between a start and the first USSD answer.
 *
 * A job walks the complaints in id order, a range of ids per batch. Each batch is one short
 * transaction on the server's own connection that also records how far the job got, so a
 * restart (or a kill -9) goes on from the last committed batch and never does a row twice. The
 * range grows or shrinks so that a batch holds the connection for about `batchMs` (2 ms), and
 * the job then rests as long as the batch took, the event loop free (three times as long while
 * callers kept the loop busy during its last rest): a USSD hop waits at most one batch, and
 * under load the job takes at most a quarter of the loop. Measured during an upgrade, hop p99
 * against the idle server's: at 200,000 complaints 1.97x with 4 ms batches back to back,
 * 1.43x-1.82x with a rest as long as the batch; at 1,000,000 on a quiet box 2.08x with 2 ms
 * batches and that rest; the longer rest under load: see the README's figures. Batches commit
 * without a sync of their own (synchronous = NORMAL): what they write can be computed again, and
 * the next synced commit (a hop's) carries them to disk anyway.
 *
 * Jobs run one after another in the order their migrations added them. A failing batch is
 * logged and tried again later; a job never ends the process.
 */
import { performance } from 'node:perf_hooks';
import type { Logger } from 'pino';
import { LOCK_TAKEN, withWriterLock, type Db, type Tx } from './client';
import {
  advanceJob,
  finishJob,
  lastComplaintId,
  listJobs,
  markJobTarget,
  progressOf,
  type JobRow,
} from './jobs';

export interface FillIn {
  /** Its row's name in background_jobs (the migration that needs it inserts the row). */
  name: string;
  /** What it stores, for the log. */
  what: string;
  /**
   * Does the work for the complaints with ids in (after, upTo], inside the batch's transaction;
   * returns how many complaints it changed.
   */
  fill(tx: Tx, after: number, upTo: number): number;
}

export interface JobRunnerOptions {
  db: Db;
  jobs: readonly FillIn[];
  logger: Logger;
  now: () => number;
  /** How long one batch should hold the connection, ms (default 2). */
  batchMs?: number;
  /** After a failed batch, the first wait before the next try, ms (default 1000; doubles). */
  retryMs?: number;
}

export interface JobRunner {
  /** Settles once every job has finished (or the runner was stopped). */
  readonly finished: Promise<void>;
  /** Stops after the batch in progress. */
  stop(): Promise<void>;
}

// A job's first batch runs cold (statements prepared, code not yet optimised: 256 complaints
// took 17-20 ms), so it starts at the smallest span and doubles while batches stay short.
const MIN_SPAN = 64;
const MAX_SPAN = 50_000;
/** After a failed batch, wait this long before the next try, doubling up to a minute. */
const RETRY_MS = 1000;
const MAX_RETRY_MS = 60_000;
const LOG_EVERY_MS = 10_000;
/** A loop busier than this while a job rested was answering callers: the job rests longer. */
const BUSY_LOOP = 0.5;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Pure. The next batch's range of ids, from how long the last one took: doubled while a batch
 * takes under half its time, halved when one takes over twice it (a batch's wall time also counts
 * the moments the operating system gave the core to another process: one slow batch is noise).
 */
function nextSpan(span: number, tookMs: number, batchMs: number): number {
  if (tookMs < batchMs / 2) return Math.min(span * 2, MAX_SPAN);
  if (tookMs > batchMs * 2) return Math.max(MIN_SPAN, Math.floor(span / 2));
  return span;
}

/**
 * A job's write takes the writer lock at once or not at all (LOCK_TAKEN: it rests and tries
 * again). Waiting in SQLite's busy handler would hold the event loop, and another connection's
 * checkpoint can hold the lock for tens of milliseconds while it syncs the file (measured: a
 * batch's BEGIN waited up to 79 ms at 200,000 complaints).
 */
const atOnce = <T>(db: Db, fn: (tx: Tx) => T): T | typeof LOCK_TAKEN =>
  withWriterLock(db, 0, () => fn(db));

/** One batch: the job's work on (after, upTo] and its new cursor, in one transaction. */
function runBatch(db: Db, job: FillIn, after: number, upTo: number): number | typeof LOCK_TAKEN {
  db.$client.pragma('synchronous = NORMAL');
  try {
    return atOnce(db, (tx) => {
      const changed = job.fill(tx, after, upTo);
      advanceJob(tx, job.name, upTo);
      return changed;
    });
  } finally {
    db.$client.pragma('synchronous = FULL');
  }
}

/**
 * Finishes the job unless complaints were filed past `cursor` meanwhile (then its target moves
 * to them); returns the last id.
 */
function tryFinish(db: Db, job: FillIn, cursor: number, now: number): number | typeof LOCK_TAKEN {
  return atOnce(db, (tx) => {
    const last = lastComplaintId(tx);
    if (last <= cursor) finishJob(tx, job.name, cursor, now);
    else markJobTarget(tx, job.name, last, now);
    return last;
  });
}

/** The job's target: the newest complaint now; LOCK_TAKEN when it could not be recorded at once. */
function markTarget(db: Db, job: FillIn, now: number): number | typeof LOCK_TAKEN {
  return atOnce(db, (tx) => {
    const target = lastComplaintId(tx);
    markJobTarget(tx, job.name, target, now);
    return target;
  });
}

/** Runs every unfinished job to its end, batch by batch, between turns of the event loop. */
export function startJobRunner(o: JobRunnerOptions): JobRunner {
  let stopping = false;
  const batchMs = o.batchMs ?? 2;
  const firstRetryMs = o.retryMs ?? RETRY_MS;
  const known = new Map(o.jobs.map((j) => [j.name, j]));
  // A wait (a rest, a retry's minute) that stop() cuts short: a shutdown never waits on a job.
  let wake: (() => void) | undefined;
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  /**
   * One step: the next batch (after a new target, if complaints came); 'finished' once done,
   * LOCK_TAKEN when the writer lock was taken (nothing done: the job tries again after a rest).
   */
  function step(
    job: FillIn,
    at: { cursor: number; target: number; span: number; changed: number; longestMs: number },
  ): 'batch' | 'finished' | typeof LOCK_TAKEN {
    if (at.cursor >= at.target) {
      const last = tryFinish(o.db, job, at.cursor, o.now());
      if (last === LOCK_TAKEN) return LOCK_TAKEN;
      if (last <= at.cursor) return 'finished';
      at.target = last;
    }
    const upTo = Math.min(at.cursor + at.span, at.target);
    const t0 = performance.now();
    const changed = runBatch(o.db, job, at.cursor, upTo);
    if (changed === LOCK_TAKEN) return LOCK_TAKEN;
    const took = performance.now() - t0;
    at.changed += changed;
    at.span = nextSpan(at.span, took, batchMs);
    at.longestMs = Math.max(at.longestMs, took);
    at.cursor = upTo;
    return 'batch';
  }

  async function runJob(job: FillIn, row: JobRow): Promise<void> {
    const started = performance.now();
    const at = {
      cursor: row.cursor,
      target: row.target,
      span: MIN_SPAN,
      changed: 0,
      longestMs: 0,
    };
    let retryMs = firstRetryMs;
    let batches = 0;
    let loggedAt = started;
    let begun = false;
    let restFactor = 1;
    while (!stopping) {
      // Never nest in a transaction someone else left open (its COMMIT would carry the batch).
      if (o.db.$client.inTransaction) {
        await nextTurn();
        continue;
      }
      const t0 = performance.now();
      try {
        if (!begun) {
          const target = markTarget(o.db, job, o.now());
          if (target === LOCK_TAKEN) {
            await pause(batchMs);
            continue;
          }
          at.target = target;
          o.logger.info(
            { job: job.name, from: at.cursor, to: at.target },
            `background job: ${job.what}`,
          );
          begun = true;
        }
        const done = step(job, at);
        if (done === 'finished') break;
        // The lock is busy for a moment (a checkpoint): rest as after a batch, then try again.
        if (done === LOCK_TAKEN) {
          await pause(batchMs);
          continue;
        }
      } catch (err) {
        // SQLITE_BUSY past the busy timeout (another process's long write), a full disk...
        if (!o.db.$client.open) return;
        o.logger.warn({ err, job: job.name, retryInMs: retryMs }, 'background job batch failed');
        await pause(retryMs);
        retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
        continue;
      }
      retryMs = firstRetryMs;
      batches++;
      if (t0 - loggedAt >= LOG_EVERY_MS) {
        loggedAt = t0;
        const { percent } = progressOf({ ...row, ...at, finishedAt: null });
        o.logger.info({ job: job.name, percent, changed: at.changed }, 'background job progress');
      }
      // As long as the batch took (at most twice its budget, for a batch the OS interrupted),
      // three times that while callers keep the loop busy: they come first.
      const took = Math.max(1, Math.min(performance.now() - t0, batchMs * 2));
      const idle = performance.eventLoopUtilization();
      await pause(took * restFactor);
      restFactor = performance.eventLoopUtilization(idle).utilization > BUSY_LOOP ? 3 : 1;
    }
    if (stopping) return;
    const ms = Math.round(performance.now() - started);
    // The longest batch: how long the job held the event loop (and the writer lock) at most.
    const longestBatchMs = Math.round(at.longestMs * 10) / 10;
    o.logger.info(
      { job: job.name, ms, changed: at.changed, batches, longestBatchMs },
      'background job finished',
    );
  }

  const finished = (async () => {
    await nextTurn();
    for (const row of listJobs(o.db)) {
      if (stopping) return;
      if (row.finishedAt !== null) continue;
      const job = known.get(row.name);
      if (job) await runJob(job, row);
      else o.logger.warn({ job: row.name }, 'background job unknown to this version: left alone');
    }
  })().catch((err: unknown) => o.logger.error({ err }, 'background jobs stopped'));

  return {
    finished,
    async stop() {
      stopping = true;
      wake?.();
      await finished;
    },
  };
}

/** A write that must not meet another writer (no server has the database open). */
function unlocked<T>(result: T | typeof LOCK_TAKEN): T {
  if (result === LOCK_TAKEN) throw new Error('the database is in use by another process');
  return result;
}

/**
 * Runs every unfinished job to its end at once, synchronously, on a database no server has open:
 * for the benches' seeds and for tests. Returns how many rows the jobs changed.
 */
export function runJobsNow(db: Db, jobs: readonly FillIn[], now: number): number {
  let changed = 0;
  for (const row of listJobs(db)) {
    const job = jobs.find((j) => j.name === row.name);
    if (!job || row.finishedAt !== null) continue;
    let cursor = row.cursor;
    for (;;) {
      const target = lastComplaintId(db);
      markJobTarget(db, job.name, target, now);
      while (cursor < target) {
        const upTo = Math.min(cursor + MAX_SPAN, target);
        changed += unlocked(runBatch(db, job, cursor, upTo));
        cursor = upTo;
      }
      if (unlocked(tryFinish(db, job, cursor, now)) <= cursor) break;
    }
  }
  return changed;
}

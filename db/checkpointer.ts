/**
 * WAL checkpoints off the event loop. SQLite's automatic checkpoint runs inside whichever COMMIT
 * crosses the threshold: on the server that is a USSD batch, which then stalls every caller in it
 * while tens of megabytes are copied and synced. Instead a worker thread with its own connection
 * checkpoints, and the server's connection stops checkpointing.
 *
 * What the worker may do is bounded by how long it holds the writer lock, because while it holds
 * it no USSD batch can commit:
 * - every interval, a PASSIVE checkpoint: it copies what no reader still needs and never takes
 *   the writer lock. Once it has copied everything, the next writer starts the WAL again from its
 *   beginning by itself (and `journal_size_limit` trims the file).
 * - a RESTART only when the WAL has grown past `restartFrames` (readers kept it from being reset)
 *   and at most `maxCopyFrames` are left to copy: RESTART copies those holding the writer lock,
 *   then waits for readers. It waits at most `restartWaitMs` for them (then gives up until next
 *   time), so the lock is held for a bounded few milliseconds, never for a copy of tens of MB.
 *   (The earlier design restarted whenever the WAL held 16 MB, copying whatever PASSIVE had left
 *   with the lock held; under a long write burst that took longer than the server's 5 s busy
 *   timeout and a start-up died of SQLITE_BUSY.)
 * - a TRUNCATE when nothing was written since the last interval and everything is copied: the
 *   WAL file goes back to zero bytes while the server is idle.
 * Each action is posted to the server (`onCheckpoint`: tests, metrics). If the worker fails,
 * automatic checkpoints come back on.
 */
import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import { WAL_AUTOCHECKPOINT_PAGES, type Db } from './client';

/** Plain CommonJS run in the worker (eval): no TypeScript loader is needed there. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 0');
function checkpoint(mode, waitMs) {
  db.pragma('busy_timeout = ' + waitMs);
  try {
    const [r] = db.pragma('wal_checkpoint(' + mode + ')');
    return r;
  } finally {
    db.pragma('busy_timeout = 0');
  }
}
let lastLog = -1;
function tick() {
  const passive = checkpoint('PASSIVE', 0);
  if (!passive || passive.busy) return;
  const left = passive.log - passive.checkpointed;
  const idle = passive.log === lastLog;
  lastLog = passive.log;
  let mode;
  if (passive.log >= workerData.restartFrames && left <= workerData.maxCopyFrames) mode = 'RESTART';
  else if (idle && passive.log > 0 && left === 0) mode = 'TRUNCATE';
  if (!mode) return;
  const r = checkpoint(mode, workerData.restartWaitMs);
  if (r && !r.busy) lastLog = 0;
  parentPort.postMessage({ kind: 'checkpoint', mode, left, busy: Boolean(r && r.busy) });
}
const timer = setInterval(() => {
  try {
    tick();
  } catch (err) {
    // SQLITE_BUSY: the writer or another checkpoint (the admin CLI, say) held on; next time.
    // Anything else (a full disk: SQLITE_FULL, an I/O error) is told to the server and tried
    // again next time: the worker outlives the trouble, so checkpoints resume once it passes.
    if (!err || err.code !== 'SQLITE_BUSY') {
      parentPort.postMessage({ kind: 'error', code: err && err.code, message: String(err && err.message) });
    }
  }
}, workerData.intervalMs);
parentPort.on('message', (m) => {
  if (m !== 'stop') return;
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

/** A RESTART or TRUNCATE the worker ran: frames left to copy before it, and whether it gave up. */
export interface CheckpointAction {
  mode: 'RESTART' | 'TRUNCATE';
  left: number;
  busy: boolean;
}

export interface Checkpointer {
  /** Whether the worker still runs (readiness). */
  alive(): boolean;
  /** Stops the worker; the last connection to close checkpoints what is left. */
  stop(): Promise<void>;
}

export function startCheckpointer(
  db: Db,
  file: string,
  options: {
    intervalMs?: number;
    /** WAL frames (4 KB pages) past which a RESTART resets a WAL that readers kept from resetting. */
    restartFrames?: number;
    /** The most frames a RESTART may copy holding the writer lock (default 256: 1 MB). */
    maxCopyFrames?: number;
    logger: Logger;
    onCheckpoint?: (action: CheckpointAction) => void;
  },
): Checkpointer {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      driver: require.resolve('better-sqlite3'),
      file,
      intervalMs: options.intervalMs ?? 1000,
      restartFrames: options.restartFrames ?? 4096,
      maxCopyFrames: options.maxCopyFrames ?? 256,
      restartWaitMs: 20,
    },
  });
  db.$client.pragma('wal_autocheckpoint = 0');
  let stopping = false;
  let exitedYet = false;
  const autoCheckpointsBack = () => {
    if (db.$client.open) db.$client.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
  };
  const exited = new Promise<void>((resolve) =>
    worker.once('exit', () => {
      exitedYet = true;
      if (!stopping) {
        options.logger.error('checkpoint worker stopped: SQLite checkpoints on commit again');
      }
      autoCheckpointsBack();
      resolve();
    }),
  );
  worker.on('error', (err) => options.logger.error({ err }, 'checkpoint worker failed'));
  // A failing checkpoint is retried every interval: log the first, then at most once a minute.
  let lastLogged = { code: '', at: -Infinity };
  worker.on('message', (m: { kind: string; code?: string; message?: string }) => {
    if (m.kind === 'checkpoint') {
      options.onCheckpoint?.(m as unknown as CheckpointAction);
      return;
    }
    const code = m.code ?? 'unknown';
    const now = performance.now();
    if (code === lastLogged.code && now - lastLogged.at < 60_000) return;
    lastLogged = { code, at: now };
    options.logger.error({ code, reason: m.message }, 'wal checkpoint failed: trying again');
  });
  worker.unref();
  return {
    alive: () => !exitedYet,
    async stop() {
      if (stopping) return exited;
      stopping = true;
      worker.postMessage('stop');
      const timeout = setTimeout(() => void worker.terminate(), 2000).unref();
      await exited;
      clearTimeout(timeout);
    },
  };
}

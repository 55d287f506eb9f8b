/**
 * WAL checkpoints off the event loop. SQLite's automatic checkpoint runs inside whichever COMMIT
 * crosses the threshold: on the server that is a USSD batch, which then stalls every caller in it
 * while tens of megabytes are copied and synced. Instead a worker thread with its own connection
 * runs a PASSIVE checkpoint every second (never blocking the writer or readers), and the server's
 * connection stops checkpointing. Under constant writes a PASSIVE checkpoint never quite catches
 * up, so once the WAL holds 16 MB the worker follows with a RESTART checkpoint, which lets the WAL
 * be reused from its start. RESTART holds the writer lock while it copies what the PASSIVE one
 * left and syncs the database file: a batch that begins meanwhile waits (SQLite's busy handler,
 * a few milliseconds) instead of doing the whole copy itself. If the worker fails, automatic
 * checkpoints come back on.
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
// A RESTART checkpoint waits for the writer's current transaction (a few ms at most), copies the
// little a PASSIVE one left, and lets the next commit write the WAL from its start again.
function restart() {
  db.pragma('busy_timeout = ' + workerData.restartWaitMs);
  try {
    db.pragma('wal_checkpoint(RESTART)');
  } finally {
    db.pragma('busy_timeout = 0');
  }
}
const timer = setInterval(() => {
  try {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)');
    if (result && result.log >= workerData.restartFrames) restart();
  } catch (err) {
    // SQLITE_BUSY: the writer or another checkpoint (the admin CLI, say) held on; next time.
    // Anything else (a full disk: SQLITE_FULL, an I/O error) is told to the server and tried
    // again next time: the worker outlives the trouble, so checkpoints resume once it passes.
    if (!err || err.code !== 'SQLITE_BUSY') {
      parentPort.postMessage({ code: err && err.code, message: String(err && err.message) });
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

export interface Checkpointer {
  /** Whether the worker still runs (readiness). */
  alive(): boolean;
  /** Stops the worker; the last connection to close checkpoints what is left. */
  stop(): Promise<void>;
}

export function startCheckpointer(
  db: Db,
  file: string,
  options: { intervalMs?: number; restartFrames?: number; logger: Logger },
): Checkpointer {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      driver: require.resolve('better-sqlite3'),
      file,
      intervalMs: options.intervalMs ?? 1000,
      restartFrames: options.restartFrames ?? 4096,
      restartWaitMs: 200,
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
  worker.on('message', (m: { code?: string; message?: string }) => {
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

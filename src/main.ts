/**
 * The composition root: the only place that reads process.env (after filling it in from `.env`,
 * src/ops/env-file.ts). It takes the database's lock,
 * opens it, starts the server (src/server.ts) and stops it cleanly on SIGTERM/SIGINT.
 */
import { openDatabase, type Db } from '../db/client';
import { parseConfig, walCheckpointsOf } from './config';
import { createLogger } from './logger';
import { loadEnvFile } from './ops/env-file';
import { describeListenFailure } from './ops/listen-failure';
import { describeOpenFailure } from './ops/open-failure';
import { acquireServerLock } from './ops/server-lock';
import { startServer } from './server';

/** Writes one line to stderr and exits 1. */
function fail(line: string): never {
  process.stderr.write(`${line}\n`);
  process.exit(1);
}

function main(): void {
  const envFile = loadEnvFile(process.env, process.cwd());
  if (!envFile.ok) fail(envFile.message);
  const parsed = parseConfig(process.env);
  if (!parsed.ok) fail(`${parsed.message}\nSee .env.example for every variable.`);
  const config = parsed.config;
  let lock: ReturnType<typeof acquireServerLock>;
  try {
    lock = acquireServerLock(config.DATABASE_PATH, new Date());
  } catch (err) {
    fail(describeOpenFailure(config.DATABASE_PATH, err));
  }
  if (!lock.ok) fail(`error: ${config.DATABASE_PATH}: ${lock.message}`);
  // Also on a forced exit or a crash; a kill -9 leaves a stale lock the next start takes over.
  process.once('exit', lock.release);
  const logger = createLogger(config.LOG_LEVEL);
  if (envFile.file)
    logger.info({ file: envFile.file, variables: envFile.applied }, 'settings file read');
  let db: Db;
  try {
    db = openDatabase(config.DATABASE_PATH, walCheckpointsOf(config));
  } catch (err) {
    fail(describeOpenFailure(config.DATABASE_PATH, err));
  }
  const server = startServer(config, db, logger);
  server.listening.catch((err: unknown) => {
    // Nothing was sent and no timer ran: close the database, release the lock (on exit), exit 1.
    process.stderr.write(`${describeListenFailure(config.PORT, config.HOST, err)}\n`);
    void server.stop().finally(() => process.exit(1));
  });
  let shuttingDown = false;
  const shutdown = (signal: string) => {
    // A second signal (tsx passes its own on, an impatient operator) must not kill the process
    // mid-shutdown: the first one is already being carried out.
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info({ signal }, 'shutting down');
    // Not unref'd: it also keeps the process alive while the shutdown waits on unref'd handles
    // (the checkpoint worker), which would otherwise let it exit before the database is closed.
    setTimeout(() => {
      logger.error('shutdown did not finish within 10 s: exiting');
      process.exit(1);
    }, 10_000);
    void server.stop().finally(() => {
      lock.release();
      logger.info('stopped');
      process.exit(0);
    });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main();

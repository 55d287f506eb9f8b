/**
 * Scheduled backups from the running server: one every BACKUP_EVERY_HOURS into BACKUP_DIR (the
 * first one interval after start), named by the moment in UTC, keeping the newest BACKUP_KEEP.
 */
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import type { Db } from '../../db/client';
import { backupDatabase } from './backup';

/** Names the schedule writes and, when pruning, the only names it deletes. */
export const SCHEDULED_BACKUP_NAME = /^kero-\d{8}-\d{6}\.db$/;
/** What a copy interrupted by a crash leaves behind. */
const LEFTOVER_PARTIAL = /^kero-\d{8}-\d{6}\.db\.partial(-journal|-wal|-shm)?$/;

/** setTimeout's longest delay (about 24.8 days); longer waits are taken in several parts. */
const MAX_DELAY_MS = 2 ** 31 - 1;

/** Pure. `YYYYMMDD-HHMMSS` for the moment `ms`, in UTC. */
export function utcStamp(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}`;
}

/** Pure. `kero-YYYYMMDD-HHMMSS.db` for the moment `ms`, in UTC (names sort by time). */
export const backupFileName = (ms: number): string => `kero-${utcStamp(ms)}.db`;

/**
 * Deletes the scheduled backups in `dir` beyond the newest `keep`, and partial copies left by a
 * crash; any other file is left alone. Returns the names deleted. Call it with no backup running.
 */
export function pruneBackups(dir: string, keep: number): string[] {
  const names = readdirSync(dir);
  const backups = names.filter((n) => SCHEDULED_BACKUP_NAME.test(n)).sort();
  const doomed = [
    ...backups.slice(0, Math.max(0, backups.length - keep)),
    ...names.filter((n) => LEFTOVER_PARTIAL.test(n)),
  ];
  for (const name of doomed) rmSync(path.join(dir, name), { force: true });
  return doomed;
}

export interface BackupScheduleOptions {
  db: Db;
  dir: string;
  everyHours: number;
  keep: number;
  logger: Logger;
  /** The clock that names the files. */
  now: () => number;
  /** Overrides `everyHours` (tests). */
  intervalMs?: number;
}

export interface BackupSchedule {
  /** No more backups; one in progress is cancelled and its partial file removed before this resolves. */
  stop(): Promise<void>;
}

/**
 * Starts the schedule. Every outcome is logged (file, size, time taken, files pruned); nothing
 * throws into the event loop. The timers do not keep the process alive.
 */
export function startBackupSchedule(options: BackupScheduleOptions): BackupSchedule {
  const { db, dir, keep, logger } = options;
  const intervalMs = options.intervalMs ?? options.everyHours * 60 * 60 * 1000;
  const cancel = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<void> | undefined;

  const backupOnce = async (): Promise<void> => {
    const file = path.join(dir, backupFileName(options.now()));
    try {
      const { bytes, ms } = await backupDatabase(db, file, { signal: cancel.signal });
      const pruned = pruneBackups(dir, keep);
      logger.info({ file, bytes, ms, pruned }, 'backup written');
    } catch (err) {
      if (cancel.signal.aborted) logger.warn({ file }, 'backup cancelled: the server is stopping');
      else logger.error({ err, file }, 'backup failed');
    }
  };

  const wait = (ms: number, then: () => void): void => {
    const step = Math.min(ms, MAX_DELAY_MS);
    timer = setTimeout(() => (ms > step ? wait(ms - step, then) : then()), step);
    timer.unref();
  };
  const next = (): void =>
    wait(intervalMs, () => {
      inFlight = backupOnce().finally(() => {
        inFlight = undefined;
        if (!cancel.signal.aborted) next();
      });
    });
  next();
  logger.info({ dir, everyHours: options.everyHours, keep }, 'scheduled backups on');

  return {
    async stop() {
      cancel.abort();
      clearTimeout(timer);
      await inFlight;
    },
  };
}

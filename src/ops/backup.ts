/**
 * Backups with SQLite's online backup API: a consistent copy of the live database taken while the
 * server keeps answering, written under `<file>.partial` and renamed only when complete, so a
 * half-written copy never carries the final name. A backup is one self-contained file (rollback
 * journal, no -wal/-shm beside it) that can be copied anywhere and opened read-only.
 */
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import type { Db } from '../../db/client';

/**
 * Pages copied per step inside the server: about 1 MB with 4 KB pages, a few milliseconds of the
 * event loop; USSD batches run between steps. Their writes go through the same connection, so
 * SQLite copies them into the backup as it goes instead of starting over.
 */
export const PAGES_PER_STEP = 256;

/**
 * The whole database in one step, for a process that serves nothing (the admin CLI). Another
 * process's connection restarts a stepped backup at every commit it makes, so under filing load
 * a stepped copy taken outside the server might never finish; one step reads a single snapshot
 * (WAL: the server goes on writing meanwhile).
 */
export const ALL_PAGES = 0x7fffffff;

export interface BackupOptions {
  /** Replace an existing file at the destination (default: refuse). */
  overwrite?: boolean;
  pagesPerStep?: number;
  /** Aborting stops the copy at the next step; the partial file is removed. */
  signal?: AbortSignal;
}

export interface BackupResult {
  file: string;
  bytes: number;
  ms: number;
}

/**
 * Copies the database `db` is connected to into `file` (creating its folder). Rejects (leaving nothing at `file` or
 * `<file>.partial`) if the file exists and `overwrite` is not set, if it is the database itself,
 * if the copy fails or is aborted.
 */
export async function backupDatabase(
  db: Pick<Db, '$client'>,
  file: string,
  options: BackupOptions = {},
): Promise<BackupResult> {
  const started = performance.now();
  if (path.resolve(file) === path.resolve(db.$client.name)) {
    throw new Error(`${file} is the database itself`);
  }
  if (!options.overwrite && existsSync(file)) throw new Error(`${file} already exists`);
  const partial = `${file}.partial`;
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  removeDatabaseFiles(partial);
  try {
    const pages = options.pagesPerStep ?? PAGES_PER_STEP;
    await db.$client.backup(partial, {
      progress: () => {
        if (options.signal?.aborted) throw new Error('backup cancelled');
        return pages;
      },
    });
    toRollbackJournal(partial);
    fsyncPath(partial, 'r+');
    renameSync(partial, file);
    fsyncPath(path.dirname(path.resolve(file)), 'r');
  } catch (err) {
    removeDatabaseFiles(partial);
    throw err;
  }
  return { file, bytes: statSync(file).size, ms: Math.round(performance.now() - started) };
}

/** The copy keeps the source's WAL mode; a single file without -wal/-shm is easier to move. */
function toRollbackJournal(file: string): void {
  const copy = new Database(file, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

/** Flushes a file, or a folder's entries (after a rename), to disk. */
export function fsyncPath(target: string, flags: 'r' | 'r+'): void {
  const fd = openSync(target, flags);
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Removes a database file and whatever SQLite keeps beside it. */
export function removeDatabaseFiles(file: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm'])
    rmSync(`${file}${suffix}`, { force: true });
}

export type BackupCheck =
  | {
      ok: true;
      complaints: number;
      staff: number;
      smsOutbox: number;
      /** created_at of the newest complaint (ms since the epoch), null with no complaints. */
      newestComplaintAt: number | null;
    }
  | { ok: false; problem: string };

const KERO_TABLES = ['complaints', 'staff', 'sms_outbox'] as const;

/**
 * Opens `file` read-only and checks it: `PRAGMA integrity_check` must answer exactly 'ok' and
 * Kero's main tables must be there; then counts their rows. Never throws: a missing, damaged or
 * foreign file is `{ ok: false, problem }`.
 */
export function verifyBackup(file: string): BackupCheck {
  if (!existsSync(file)) return { ok: false, problem: 'no such file' };
  let sqlite: Database.Database;
  try {
    sqlite = new Database(file, { readonly: true, fileMustExist: true });
  } catch (err) {
    return { ok: false, problem: messageOf(err) };
  }
  try {
    return checkOpened(sqlite);
  } catch (err) {
    return { ok: false, problem: messageOf(err) };
  } finally {
    sqlite.close();
  }
}

function checkOpened(sqlite: Database.Database): BackupCheck {
  const rows = sqlite.pragma('integrity_check') as { integrity_check: string }[];
  const answers = rows.map((r) => r.integrity_check);
  if (answers.length !== 1 || answers[0] !== 'ok') {
    return { ok: false, problem: `integrity_check: ${answers.slice(0, 3).join('; ')}` };
  }
  const present = new Set(
    sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[],
  );
  const missing = KERO_TABLES.filter((t) => !present.has(t));
  if (missing.length > 0) {
    return { ok: false, problem: `not a Kero database (no ${missing.join(', ')} table)` };
  }
  const count = (table: string) =>
    sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  const newest = sqlite.prepare('SELECT max(created_at) FROM complaints').pluck().get();
  return {
    ok: true,
    complaints: count('complaints'),
    staff: count('staff'),
    smsOutbox: count('sms_outbox'),
    newestComplaintAt: typeof newest === 'number' ? newest : null,
  };
}

/**
 * The message of a thrown value. Not `instanceof Error`: better-sqlite3's native code keeps the
 * SqliteError class of the first context that loaded it, which fails that test in another one
 * (a second jest test file, a vm context).
 */
export function messageOf(err: unknown): string {
  const message = (err as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(err);
}

/**
 * Runs the real admin CLI (`tsx src/cli/admin/kero.ts`) as a child process against a database file in a
 * temporary folder, and seeds that file through the real services beforehand.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase, type Db } from '../../db/client';
import { dammCheckDigit } from '../../src/complaints/core/numbers';
import { fileFor, type Filing } from '../helpers/world';
import { loadReferenceData } from '../../src/reference/repository';
import { addStaff, type StaffInput } from '../../src/directory/service';

/** Each spawn of tsx takes about a second; a few per test. */
export const CLI_TIMEOUT = 30_000;

const ROOT = path.resolve(__dirname, '../..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');

export const HOUR = 60 * 60 * 1000;
export const DAY = 24 * HOUR;

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface TempDatabase {
  file: string;
  run: (args: string[], env?: Record<string, string>) => CliRun;
  /** Opens the file (migrated, seeded), runs `fn`, closes it again. */
  use: <T>(fn: (db: Db) => T) => T;
  /** The temporary folder holding the database (and any CSV a test writes). */
  dir: string;
  remove: () => void;
}

/** A fresh database file in its own temporary folder; call `remove` in afterAll. */
export function tempDatabase(): TempDatabase {
  const dir = mkdtempSync(path.join(tmpdir(), 'kero-cli-'));
  const file = path.join(dir, 'kero.db');
  return {
    file,
    dir,
    run: (args, env = {}) => {
      const child = spawnSync(TSX, ['src/cli/admin/kero.ts', ...args], {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 20_000,
        // Only what the CLI needs: a developer's own SLA or database settings (the environment's
        // or the project's .env) must not leak in.
        env: {
          PATH: process.env.PATH ?? '',
          DATABASE_PATH: file,
          LOG_LEVEL: 'silent',
          ENV_FILE: 'off',
          ...env,
        },
      });
      return { code: child.status, stdout: child.stdout, stderr: child.stderr };
    },
    use: (fn) => {
      const db = openDatabase(file);
      try {
        return fn(db);
      } finally {
        db.$client.close();
      }
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Adds a staff member through the staff service; throws if it refuses. */
export function seedStaff(db: Db, input: StaffInput, now = Date.now()): number {
  const result = addStaff(db, { now, reference: loadReferenceData(db), source: 'cli' }, input);
  if (!result.ok) throw new Error(result.errors.join('; '));
  return result.value.id;
}

/** A valid complaint number made from a small seed (7 digits, then the Damm check digit). */
export function complaintNumber(seed: number): string {
  const body = String(4_000_000 + seed);
  return body + String(dammCheckDigit(body));
}

/** A complaint seeded with a fixed number (from `seed`): the world's Filing, plus when. */
export interface SeededFiling extends Omit<Filing, 'council'> {
  seed: number;
  councilCode: string;
  categoryCode?: string;
  now?: number;
}

/** Files a complaint through the complaint service (assigned as in production); returns its id. */
export function seedComplaint(db: Db, f: SeededFiling): { id: number; number: string } {
  const number = complaintNumber(f.seed);
  const filing: Filing = {
    council: f.councilCode,
    category: f.categoryCode ?? 'water',
    description: `Complaint ${f.seed}`,
    phone: '+255700000001',
  };
  const row = fileFor(db, loadReferenceData(db), { number, now: f.now ?? Date.now() }, filing);
  return { id: row.id, number };
}

/** Plain rows from the database file, read with better-sqlite3 (read-only) after a command ran. */
export function query<T>(t: TempDatabase, sqlText: string, ...params: unknown[]): T[] {
  const sqlite = new Database(t.file, { readonly: true });
  try {
    return sqlite.prepare(sqlText).all(...params) as T[];
  } finally {
    sqlite.close();
  }
}

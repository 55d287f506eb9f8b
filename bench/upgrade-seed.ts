/**
 * A database as the release before the background jobs left it, at scale: migrated only up to
 * migration 0015 (the dashboard's rollup), seeded with a national desk (./console-seed.ts) whose
 * complaints lack everything a later migration or job fills in: SLA deadlines, office times,
 * place keys, the report cells and the dashboard rollup (their triggers are dropped while the
 * desk is loaded). Starting the current release on it is an upgrade: migrations 0016 onwards,
 * then the background jobs.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import type { Db } from '../db/client';
import * as schema from '../db/schema';
import { categoryCodes, seedAdminUnits } from '../db/seed/seed';
import { seedYear, type ConsoleSeeded } from './console-seed';

const MIGRATIONS = path.join(__dirname, '..', 'db', 'migrations');

/** The last migration of the release before the background jobs. */
export const PREVIOUS_RELEASE = 15;

interface Journal {
  entries: { idx: number; tag: string }[];
}

/** A migrations folder holding only migrations 0 to `upTo` (drizzle reads the journal). */
function migrationsUpTo(upTo: number): { folder: string; remove: () => void } {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kero-migrations-'));
  const journal = JSON.parse(
    fs.readFileSync(path.join(MIGRATIONS, 'meta', '_journal.json'), 'utf8'),
  ) as Journal;
  const entries = journal.entries.filter((e) => e.idx <= upTo);
  fs.mkdirSync(path.join(folder, 'meta'));
  fs.writeFileSync(
    path.join(folder, 'meta', '_journal.json'),
    JSON.stringify({ ...journal, entries }),
  );
  for (const e of entries)
    fs.copyFileSync(path.join(MIGRATIONS, `${e.tag}.sql`), path.join(folder, `${e.tag}.sql`));
  return { folder, remove: () => fs.rmSync(folder, { recursive: true, force: true }) };
}

/** Opens `file` migrated up to migration `upTo` (and no further), with the reference data. */
export function openAtMigration(file: string, upTo: number): Db {
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  const db: Db = drizzle(sqlite, { schema });
  const m = migrationsUpTo(upTo);
  try {
    migrate(db, { migrationsFolder: m.folder });
  } finally {
    m.remove();
  }
  // Today's regions and councils; the categories as the release before 0022 kept them (a code
  // and a position: their names came from the code then).
  db.transaction((tx) => seedAdminUnits(tx));
  const category = sqlite.prepare(
    'INSERT OR IGNORE INTO categories (code, position) VALUES (?, ?)',
  );
  categoryCodes.forEach((code, i) => category.run(code, i + 1));
  return db;
}

/**
 * Applies the migrations after `from` one at a time to `file` (a copy: the upgrade's own start
 * must find them still to do), returning how long each took.
 */
export function timeMigrations(file: string, from: number): { tag: string; ms: number }[] {
  const journal = JSON.parse(
    fs.readFileSync(path.join(MIGRATIONS, 'meta', '_journal.json'), 'utf8'),
  ) as Journal;
  const db: Db = drizzle(new Database(file), { schema });
  try {
    return journal.entries
      .filter((e) => e.idx > from)
      .map((e) => {
        const m = migrationsUpTo(e.idx);
        const t0 = performance.now();
        try {
          migrate(db, { migrationsFolder: m.folder });
        } finally {
          m.remove();
        }
        return { tag: e.tag, ms: Math.round(performance.now() - t0) };
      });
  } finally {
    db.$client.close();
  }
}

/** Seeds the previous release's database of `complaints` complaints (a year of them) at `file`. */
export function seedPreviousRelease(
  file: string,
  complaints: number,
): ConsoleSeeded & { seconds: number } {
  return seedYear(openAtMigration(file, PREVIOUS_RELEASE), complaints, {
    seed: 1705,
    legacy: true,
  });
}

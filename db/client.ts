/**
 * Opens Kero's SQLite database: pragmas once at open, migrations and reference data on every start
 * (both idempotent).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { preparedPerDb } from './prepared';
import * as schema from './schema';
import { seedReferenceData } from './seed/seed';

/** WAL size in pages (4 KB each) at which a commit checkpoints, unless db/checkpointer.ts runs. */
export const WAL_AUTOCHECKPOINT_PAGES = 10_000;

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

const migrationsFolder = path.join(__dirname, 'migrations');

/** Opens (creating the folder if needed), migrates and seeds. `:memory:` gives a private test db. */
export function openDatabase(file: string): Db {
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  // Every COMMIT is on disk before it returns, so a complaint number a caller was shown survives
  // a power cut. Affordable because USSD hops commit in groups (db/group-commit.ts): one sync per
  // batch, not per hop.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Statement journals and sorter spills stay in memory instead of temp files created per use.
  sqlite.pragma('temp_store = MEMORY');
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder });
  seedReferenceData(db);
  return db;
}

type Behavior = 'deferred' | 'immediate' | 'exclusive';

/** better-sqlite3 transaction functions, built once per connection (building one is not free). */
const runnerOf = preparedPerDb((db) => db.$client.transaction((body: () => unknown) => body()));

/**
 * Runs `fn` in one transaction. `fn` receives the database itself: better-sqlite3 has a single
 * synchronous connection, so every statement `fn` runs, including statements prepared once per
 * connection (db/prepared.ts), belongs to the transaction. Nested calls become savepoints.
 */
export function inTransaction<T>(db: Db, fn: (db: Db) => T, config?: { behavior?: Behavior }): T {
  return runnerOf(db)[config?.behavior ?? 'deferred'](() => fn(db)) as T;
}

/**
 * Opens Kero's SQLite database: pragmas once at open, migrations and reference data on every start
 * (both idempotent).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema';
import { seedReferenceData } from './seed/seed';

/** WAL size in pages (4 KB each) at which a commit checkpoints, unless db/checkpointer.ts runs. */
export const WAL_AUTOCHECKPOINT_PAGES = 10_000;

/** The size the WAL file is truncated back to after a checkpoint resets it. */
export const WAL_SIZE_LIMIT_BYTES = 32 * 1024 * 1024;

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/**
 * The database inside inTransaction: the same object. better-sqlite3 has one synchronous
 * connection, so every statement run while a transaction is open belongs to it. The name says
 * which functions expect to run inside the caller's transaction.
 */
export type Tx = Db;

/**
 * Memoises `build(db)` per database: call the result with the db to get its statements. Statements
 * on the request path are built once per connection: drizzle prepared queries keep the SQL text
 * and the compiled SQLite statement, so a hop does not rebuild and re-prepare them, and they run
 * inside whatever transaction the connection has open.
 */
export function preparedPerDb<T>(build: (db: Db) => T): (db: Db) => T {
  const cache = new WeakMap<Db, T>();
  return (db) => {
    let statements = cache.get(db);
    if (!statements) {
      statements = build(db);
      cache.set(db, statements);
    }
    return statements;
  };
}

const migrationsFolder = path.join(__dirname, 'migrations');

/**
 * Who checkpoints the WAL. `kero`: SQLite's automatic checkpoint on commit, until the server's
 * worker (db/checkpointer.ts) takes over. `litestream` (REPLICATION=litestream): Litestream does,
 * and no connection of Kero's ever checkpoints.
 *
 * What Litestream 0.3 needs (its "Tips & caveats", and its db.go): WAL mode; a busy timeout of
 * about 5 s, because its own checkpoints take the writer lock for a moment (RESTART past 10,000
 * WAL pages, its own wait 1 s); and that nobody else resets the WAL under it. It keeps a read
 * transaction open so that no checkpoint can reset the WAL past what it has copied, and lets it
 * go only for its own checkpoint: an automatic checkpoint of ours landing in that moment resets
 * the WAL, Litestream loses its place and starts a new generation (a full snapshot of the
 * database to every replica). Not corruption, but under a heavy write load a race that recurs,
 * so its docs ask such applications to turn automatic checkpoints off: wal_autocheckpoint = 0.
 */
export type WalCheckpoints = 'kero' | 'litestream';

/** Opens (creating the folder if needed), migrates and seeds. `:memory:` gives a private test db. */
export function openDatabase(file: string, checkpoints: WalCheckpoints = 'kero'): Db {
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  // Every COMMIT is on disk before it returns, so a complaint number a caller was shown survives
  // a power cut. Affordable because USSD hops commit in groups (db/group-commit.ts): one sync per
  // batch, not per hop.
  sqlite.pragma('synchronous = FULL');
  // Set before the migrations: a long one must not checkpoint under Litestream either.
  sqlite.pragma(
    `wal_autocheckpoint = ${checkpoints === 'litestream' ? 0 : WAL_AUTOCHECKPOINT_PAGES}`,
  );
  // A WAL that grew under a burst is cut back to this size once a checkpoint resets it, instead
  // of keeping its largest size on disk for ever (it fills a small disk on its own).
  sqlite.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`);
  sqlite.pragma('foreign_keys = ON');
  // At least 5 s, as Litestream asks. The group commit waits far less for the lock before it
  // retries off the event loop (db/group-commit.ts); other writers wait up to this long.
  sqlite.pragma('busy_timeout = 5000');
  // Statement journals and sorter spills stay in memory instead of temp files created per use.
  sqlite.pragma('temp_store = MEMORY');
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder });
  seedReferenceData(db);
  return db;
}

/**
 * Opens an existing database read-only, as it is (no migrations, no seeding): for tools that
 * look at a running server's data. Throws when the file cannot be opened.
 */
export function openReadOnly(file: string, busyTimeoutMs = 2000): Db {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  sqlite.pragma(`busy_timeout = ${busyTimeoutMs}`);
  return drizzle(sqlite, { schema });
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

/** A write that found another connection holding the writer lock: nothing was done. */
export const LOCK_TAKEN = Symbol('writer lock taken');

export const isBusy = (err: unknown): boolean =>
  typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 'SQLITE_BUSY';

/** The connection's busy timeout, set for one BEGIN and put back (prepared once per connection). */
const busyTimeouts = preparedPerDb((db) => {
  const configured = db.$client.pragma('busy_timeout', { simple: true }) as number;
  const short = new Map<number, () => void>();
  const restore = db.$client.prepare(`PRAGMA busy_timeout = ${configured}`);
  return {
    shorten(ms: number) {
      let set = short.get(ms);
      if (!set) {
        const statement = db.$client.prepare(`PRAGMA busy_timeout = ${Math.floor(ms)}`);
        set = () => void statement.run();
        short.set(ms, set);
      }
      set();
    },
    restore: () => void restore.run(),
  };
});

/**
 * `fn` in an IMMEDIATE transaction if the writer lock can be had within `waitMs`, else
 * LOCK_TAKEN (nothing done). SQLite's busy handler sleeps on the calling thread: on the server's
 * connection, waiting the whole busy timeout for another connection's lock (a checkpoint syncing
 * the file, Litestream, an admin command) would hold the event loop; callers wait a little and
 * try again later instead. Once the lock is held the connection's own timeout is back.
 */
export function withWriterLock<T>(db: Db, waitMs: number, fn: () => T): T | typeof LOCK_TAKEN {
  const timeouts = busyTimeouts(db);
  timeouts.shorten(waitMs);
  let locked = false;
  try {
    return inTransaction(
      db,
      () => {
        locked = true;
        timeouts.restore();
        return fn();
      },
      { behavior: 'immediate' },
    );
  } catch (err) {
    if (!locked && isBusy(err)) return LOCK_TAKEN;
    throw err;
  } finally {
    if (db.$client.open) timeouts.restore();
  }
}

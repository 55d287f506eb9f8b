/**
 * Statements on the request path, built once per connection: drizzle prepared queries keep the
 * SQL text and the compiled SQLite statement, so a hop does not rebuild and re-prepare them.
 * better-sqlite3 has one synchronous connection, so a statement prepared on the database runs
 * inside whatever transaction that connection has open.
 */
import type { Db } from './client';

/** Memoises `build(db)` per database: call the result with the db to get its statements. */
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

/**
 * Reads the server's SQLite file directly, read-only, for assertions: one connection per call,
 * closed before returning, so that nothing here holds the file between two server runs.
 */
import Database from 'better-sqlite3';

export function query<T>(dbFile: string, sql: string, ...params: unknown[]): T[] {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

/** Rows of sms_outbox counted by status. */
export function outboxByStatus(dbFile: string): Record<string, number> {
  const rows = query<{ status: string; n: number }>(
    dbFile,
    'SELECT status, count(*) AS n FROM sms_outbox GROUP BY status',
  );
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

/**
 * What the terminal tools read from the server's database, opened read-only: the stored webhook
 * token and the SMS the service has queued for a phone. They never write to it.
 */
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { and, asc, eq, gte, notInArray } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { settings, smsOutbox } from '../../db/schema';

export interface OutboxSms {
  id: number;
  body: string;
  status: string;
  template: string;
  createdAt: number;
}

export interface ServiceDb {
  /** The token the server generated and stored when WEBHOOK_TOKEN is not set. */
  storedToken(): string | undefined;
  /** SMS to `phone` created at or after `since`, leaving out ids already shown. */
  smsTo(phone: string, since: number, seen: ReadonlySet<number>): OutboxSms[];
  close(): void;
}

/** Opens the database read-only, or explains why not (missing file, not a Kero database). */
export function openServiceDb(file: string): { db: ServiceDb } | { error: string } {
  if (!existsSync(file)) return { error: `no database at ${file}` };
  let sqlite: Database.Database;
  try {
    sqlite = new Database(file, { readonly: true, fileMustExist: true });
    sqlite.pragma('busy_timeout = 2000');
  } catch (err) {
    return { error: `cannot open ${file}: ${err instanceof Error ? err.message : String(err)}` };
  }
  const db = drizzle(sqlite);
  // A database from before the outbox existed, or another program's: say so instead of crashing.
  const guard = <T>(read: () => T, fallback: T): T => {
    try {
      return read();
    } catch {
      return fallback;
    }
  };
  return {
    db: {
      storedToken: () =>
        guard(
          () =>
            db.select().from(settings).where(eq(settings.key, 'webhook_token')).get()?.value ??
            undefined,
          undefined,
        ),
      smsTo: (phone, since, seen) =>
        guard(
          () =>
            db
              .select({
                id: smsOutbox.id,
                body: smsOutbox.body,
                status: smsOutbox.status,
                template: smsOutbox.template,
                createdAt: smsOutbox.createdAt,
              })
              .from(smsOutbox)
              .where(
                and(
                  eq(smsOutbox.toPhone, phone),
                  gte(smsOutbox.createdAt, since),
                  seen.size > 0 ? notInArray(smsOutbox.id, [...seen]) : undefined,
                ),
              )
              .orderBy(asc(smsOutbox.id))
              .all(),
          [],
        ),
      close: () => sqlite.close(),
    },
  };
}

/** Pure. One SMS as the tools print it. */
export function smsLine(sms: OutboxSms): string {
  return `SMS from the service (${sms.status}): ${sms.body}`;
}

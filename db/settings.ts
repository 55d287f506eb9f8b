/**
 * Values the service keeps in the `settings` table: the webhook token when none is configured,
 * counters and markers (SMS parts per month, budget warnings given, the last digest day).
 */
import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { preparedPerDb, type Db } from './client';
import { settings } from './schema';

/** The stored webhook token, if the server generated one. */
export function storedWebhookToken(db: Db): string | undefined {
  return db.select().from(settings).where(eq(settings.key, 'webhook_token')).get()?.value;
}

/** The value stored under `key`, or a new random one (of `bytes` bytes) stored now. */
function ensureGenerated(
  db: Db,
  key: string,
  bytes: number,
): { token: string; generated: boolean } {
  const row = db.select().from(settings).where(eq(settings.key, key)).get();
  if (row) return { token: row.value, generated: false };
  const token = randomBytes(bytes).toString('base64url');
  db.insert(settings).values({ key, value: token }).run();
  return { token, generated: true };
}

/** The stored token, or a new random one stored now. */
export const ensureWebhookToken = (db: Db) => ensureGenerated(db, 'webhook_token', 24);

/** The console's key (sign-in codes' hashes, form tokens) when CONSOLE_SECRET is not set. */
export const ensureConsoleSecret = (db: Db): string =>
  ensureGenerated(db, 'console_secret', 32).token;

/** A stored value, or undefined. */
export function readSetting(db: Db, key: string): string | undefined {
  return db.select().from(settings).where(eq(settings.key, key)).get()?.value;
}

/** Stores a value, replacing what was there. */
export function writeSetting(db: Db, key: string, value: string): void {
  db.insert(settings)
    .values({ key, value })
    .onConflictDoUpdate({ target: settings.key, set: { value } })
    .run();
}

const counters = preparedPerDb((db) => ({
  add: db
    .insert(settings)
    .values({ key: sql.placeholder('key'), value: sql`cast(${sql.placeholder('n')} as text)` })
    .onConflictDoUpdate({
      target: settings.key,
      set: {
        value: sql`cast(cast(${settings.value} as integer) + ${sql.placeholder('n')} as text)`,
      },
    })
    .prepare(),
}));

/**
 * Adds `n` to the counter stored under `key` (absent: 0). Prepared once per connection: the
 * dispatcher counts every message it sends.
 */
export function addToCounter(db: Db, key: string, n: number): void {
  counters(db).add.run({ key, n });
}

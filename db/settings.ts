/** Values the service generates once and keeps: the webhook token when none is configured. */
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from './client';
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

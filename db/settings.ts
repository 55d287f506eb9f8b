/** Values the service generates once and keeps: the webhook token when none is configured. */
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from './client';
import { settings } from './schema';

/** The stored webhook token, if the server generated one. */
export function storedWebhookToken(db: Db): string | undefined {
  return db.select().from(settings).where(eq(settings.key, 'webhook_token')).get()?.value;
}

/** The stored token, or a new random one stored now. */
export function ensureWebhookToken(db: Db): { token: string; generated: boolean } {
  const row = db.select().from(settings).where(eq(settings.key, 'webhook_token')).get();
  if (row) return { token: row.value, generated: false };
  const token = randomBytes(24).toString('base64url');
  db.insert(settings).values({ key: 'webhook_token', value: token }).run();
  return { token, generated: true };
}

/**
 * What the terminal tools read from the server's database, opened read-only: the stored webhook
 * token and the SMS the service has queued for a phone. They never write to it.
 */
import { existsSync } from 'node:fs';
import { openReadOnly, type Db } from '../../../db/client';
import { storedWebhookToken } from '../../../db/settings';
import { smsToSince } from '../../outbox/repository';

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
  let db: Db;
  try {
    db = openReadOnly(file);
  } catch (err) {
    return { error: `cannot open ${file}: ${err instanceof Error ? err.message : String(err)}` };
  }
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
      storedToken: () => guard(() => storedWebhookToken(db), undefined),
      smsTo: (phone, since, seen) => guard(() => smsToSince(db, phone, since, seen), []),
      close: () => db.$client.close(),
    },
  };
}

/** Pure. One SMS as the tools print it. */
export function smsLine(sms: OutboxSms): string {
  return `SMS from the service (${sms.status}): ${sms.body}`;
}

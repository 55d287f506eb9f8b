/**
 * Shared set-up for the SMS sending tests: an outbox on a real migrated SQLite database, and the real
 * Africa's Talking gateway pointed at the fake AT server.
 */
import { Writable } from 'node:stream';
import { eq } from 'drizzle-orm';
import pino, { type Logger } from 'pino';
import { inTransaction, type Db } from '../../db/client';
import { smsOutbox, type OutboxRow } from '../../db/schema';
import { createAfricasTalkingGateway } from '../../src/sms/africastalking';
import {
  createDispatcher,
  type Dispatcher,
  type DispatcherOptions,
} from '../../src/sms/dispatcher';
import type { SmsGateway } from '../../src/sms/gateway';
import { enqueueSms } from '../../src/outbox/repository';
import type { FakeAtServer } from '../fakes/fake-at-server';
import type { TestClock } from '../helpers/app';

export const silent = pino({ level: 'silent' });

/** A logger whose JSON lines land in `lines`. */
export function capturingLogger(): { logger: Logger; lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino({ level: 'debug' }, stream), lines };
}

export const API_KEY = 'atsk_test_0123456789';

export function atGatewayFor(
  fake: FakeAtServer,
  extra: { username?: string; senderId?: string; timeoutMs?: number; logger?: Logger } = {},
): SmsGateway {
  return createAfricasTalkingGateway({
    username: extra.username ?? 'sandbox',
    apiKey: API_KEY,
    baseUrl: fake.url,
    timeoutMs: extra.timeoutMs ?? 2_000,
    logger: extra.logger ?? silent,
    ...(extra.senderId ? { senderId: extra.senderId } : {}),
  });
}

/** +2557123xxxxx, a valid Vodacom-style number for each i. */
export const phoneOf = (i: number) => `+2557123${String(10_000 + i).slice(-5)}`;

/** Queues `n` messages ("Ujumbe 0", "Ujumbe 1", ...) due at `now`; returns their ids. */
export function queueMessages(db: Db, n: number, now: number, prefix = 'Ujumbe'): number[] {
  inTransaction(db, (tx) => {
    for (let i = 0; i < n; i++) {
      enqueueSms(tx, { toPhone: phoneOf(i), body: `${prefix} ${i}`, template: 'test' }, now);
    }
  });
  return db
    .select({ id: smsOutbox.id })
    .from(smsOutbox)
    .all()
    .map((r) => r.id);
}

export function outboxRow(db: Db, id: number): OutboxRow {
  const row = db.select().from(smsOutbox).where(eq(smsOutbox.id, id)).get();
  if (!row) throw new Error(`no outbox row ${id}`);
  return row;
}

export const allRows = (db: Db): OutboxRow[] => db.select().from(smsOutbox).all();

/**
 * A dispatcher over `db` sending through the real AT gateway to `fake`, on the test clock: batches
 * 4 at a time, 3 attempts, a 60 s lease, fixed jitter; `overrides` change any of it.
 */
export function testDispatcher(
  db: Db,
  fake: FakeAtServer,
  clock: TestClock,
  overrides: Partial<DispatcherOptions> = {},
): Dispatcher {
  return createDispatcher({
    db,
    gateway: atGatewayFor(fake),
    now: clock.now,
    random: () => 0.5,
    logger: silent,
    concurrency: 4,
    maxAttempts: 3,
    leaseMs: 60_000,
    ...overrides,
  });
}

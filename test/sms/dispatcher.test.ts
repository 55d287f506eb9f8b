/**
 * The outbox dispatcher on a real migrated SQLite database, sending through the real AT gateway to
 * the fake AT server; clock and jitter injected.
 */
import { openDatabase, type Db } from '../../db/client';
import { retryDelayMs } from '../../src/sms/backoff';
import { claimDue, type DispatcherOptions } from '../../src/sms/dispatcher';
import type { SmsGateway } from '../../src/sms/gateway';
import { atReply, startFakeAtServer, type FakeAtServer } from '../fakes/fake-at-server';
import { testClock, T0, type TestClock } from '../helpers/app';
import { allRows, atGatewayFor, outboxRow, queueMessages, testDispatcher } from './support';

const HOUR = 60 * 60_000;

let fake: FakeAtServer;
let db: Db;
let clock: TestClock;
beforeAll(async () => {
  fake = await startFakeAtServer();
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.reset();
  db = openDatabase(':memory:');
  clock = testClock();
});
afterEach(() => db.$client.close());

const dispatcherFor = (overrides: Partial<DispatcherOptions> = {}) =>
  testDispatcher(db, fake, clock, overrides);

test('when rows are due and AT accepts them, then each is sent once and marked sent', async () => {
  const ids = queueMessages(db, 25, T0);
  clock.advance(1_000);

  const result = await dispatcherFor().drainOnce();

  expect(result).toEqual({ sent: 25, retried: 0, failed: 0, deferred: 0 });
  expect(fake.requests).toHaveLength(25);
  expect([...fake.countByMessage().values()].every((n) => n === 1)).toBe(true);
  const row = outboxRow(db, ids[0]!);
  expect(row).toMatchObject({
    status: 'sent',
    attempts: 1,
    cost: 'TZS 22.0000',
    sentAt: T0 + 1_000,
    lastError: null,
  });
  expect(row.messageId).toMatch(/^ATXid_fake\d+$/);
  expect(fake.requests[0]?.form).toMatchObject({ to: row.toPhone, message: row.body });
});

test('when a row is not yet due, then it is not sent', async () => {
  queueMessages(db, 1, T0 + 5_000);
  expect(await dispatcherFor().drainOnce()).toEqual({
    sent: 0,
    retried: 0,
    failed: 0,
    deferred: 0,
  });
  expect(fake.requests).toHaveLength(0);
});

test('when AT fails temporarily, then the row is retried with exponential backoff and jitter', async () => {
  const [id] = queueMessages(db, 1, T0);
  fake.reply(atReply.serverError);
  const dispatcher = dispatcherFor({ maxAttempts: 6, random: () => 0.25 });

  expect(await dispatcher.drainOnce()).toEqual({ sent: 0, retried: 1, failed: 0, deferred: 0 });
  // Attempt 1: ceiling 30 s, jitter 0.25 -> 15 s + 3.75 s.
  expect(retryDelayMs(1, 0.25)).toBe(18_750);
  expect(outboxRow(db, id!)).toMatchObject({
    status: 'queued',
    attempts: 1,
    nextAttemptAt: T0 + 18_750,
    lastError: 'HTTP 500 Internal Server Error',
  });

  clock.set(T0 + 18_749);
  await dispatcher.drainOnce();
  expect(fake.requests).toHaveLength(1);

  clock.set(T0 + 18_750);
  await dispatcher.drainOnce();
  expect(fake.requests).toHaveLength(2);
  // Attempt 2: ceiling 60 s -> 30 s + 7.5 s.
  expect(outboxRow(db, id!)).toMatchObject({
    status: 'queued',
    attempts: 2,
    nextAttemptAt: T0 + 18_750 + 37_500,
  });

  fake.reply(atReply.sent);
  clock.set(T0 + 18_750 + 37_500);
  expect(await dispatcher.drainOnce()).toEqual({ sent: 1, retried: 0, failed: 0, deferred: 0 });
  expect(outboxRow(db, id!)).toMatchObject({ status: 'sent', attempts: 3, lastError: null });
  expect(fake.requests).toHaveLength(3);
});

test('when every attempt fails temporarily, then the row fails after SMS_MAX_ATTEMPTS', async () => {
  const [id] = queueMessages(db, 1, T0);
  fake.reply(atReply.tooManyRequests);
  const dispatcher = dispatcherFor({ maxAttempts: 3 });

  const results = [];
  for (let i = 0; i < 4; i++) {
    results.push(await dispatcher.drainOnce());
    clock.advance(HOUR);
  }

  expect(results).toEqual([
    { sent: 0, retried: 1, failed: 0, deferred: 0 },
    { sent: 0, retried: 1, failed: 0, deferred: 0 },
    { sent: 0, retried: 0, failed: 1, deferred: 0 },
    { sent: 0, retried: 0, failed: 0, deferred: 0 },
  ]);
  expect(fake.requests).toHaveLength(3);
  expect(outboxRow(db, id!)).toMatchObject({
    status: 'failed',
    attempts: 3,
    lastError: 'HTTP 429 Too Many Requests',
  });
});

test('when AT rejects permanently, then the row fails at once and is never retried', async () => {
  const [id] = queueMessages(db, 1, T0);
  fake.reply(atReply.code(403, 'InvalidPhoneNumber'));
  const dispatcher = dispatcherFor();

  expect(await dispatcher.drainOnce()).toEqual({ sent: 0, retried: 0, failed: 1, deferred: 0 });
  clock.advance(24 * HOUR);
  await dispatcher.drainOnce();

  expect(fake.requests).toHaveLength(1);
  expect(outboxRow(db, id!)).toMatchObject({
    status: 'failed',
    attempts: 1,
    lastError: '403 InvalidPhoneNumber',
    messageId: null,
  });
});

test('when a dispatcher crashed after claiming, then the row is re-claimed once its lease expires', async () => {
  const [id] = queueMessages(db, 1, T0);
  // The crashed dispatcher: claimed, never recorded an outcome.
  expect(claimDue(db, T0, 10, 60_000).map((r) => r.id)).toEqual([id]);
  expect(outboxRow(db, id!)).toMatchObject({
    status: 'sending',
    attempts: 1,
    nextAttemptAt: T0 + 60_000,
  });
  const dispatcher = dispatcherFor();

  clock.set(T0 + 59_999);
  expect(await dispatcher.drainOnce()).toEqual({ sent: 0, retried: 0, failed: 0, deferred: 0 });
  clock.set(T0 + 60_000);
  expect(await dispatcher.drainOnce()).toEqual({ sent: 1, retried: 0, failed: 0, deferred: 0 });

  expect(fake.requests).toHaveLength(1);
  expect(outboxRow(db, id!)).toMatchObject({ status: 'sent', attempts: 2 });
});

test('when a lease expires on the last allowed attempt, then the row fails instead of resending', () => {
  const [id] = queueMessages(db, 1, T0);
  claimDue(db, T0, 10, 60_000, 1);

  expect(claimDue(db, T0 + 60_000, 10, 60_000, 1)).toEqual([]);
  expect(outboxRow(db, id!)).toMatchObject({ status: 'failed', attempts: 1 });
  expect(outboxRow(db, id!).lastError).toMatch(/lease expired/);
});

test('when a batch is sent, then no more than `concurrency` messages are in flight at once', async () => {
  queueMessages(db, 30, T0);
  const real = atGatewayFor(fake);
  let inFlight = 0;
  let peak = 0;
  const counting: SmsGateway = {
    name: 'counting',
    async send(sms) {
      peak = Math.max(peak, ++inFlight);
      try {
        return await real.send(sms);
      } finally {
        inFlight -= 1;
      }
    },
  };
  fake.reply((req) => ({ ...atReply.sent(req), delayMs: 5 }));

  const result = await dispatcherFor({ gateway: counting, concurrency: 4 }).drainOnce();

  expect(result.sent).toBe(30);
  expect(peak).toBe(4);
});

test('when drainOnce is called while a drain runs, then it joins it and nothing is sent twice', async () => {
  queueMessages(db, 12, T0);
  const dispatcher = dispatcherFor();
  const first = dispatcher.drainOnce();
  const second = dispatcher.drainOnce();

  expect(second).toBe(first);
  expect(await first).toEqual({ sent: 12, retried: 0, failed: 0, deferred: 0 });
  expect(fake.requests).toHaveLength(12);
});

test('when stopped during a drain, then stop waits for the in-flight sends to be recorded', async () => {
  queueMessages(db, 3, T0);
  fake.reply((req) => ({ ...atReply.sent(req), delayMs: 100 }));
  const dispatcher = dispatcherFor();

  dispatcher.start(10);
  while (fake.requests.length === 0) await new Promise((r) => setTimeout(r, 5));
  await dispatcher.stop();

  expect(allRows(db).map((r) => r.status)).toEqual(['sent', 'sent', 'sent']);
  queueMessages(db, 1, T0);
  await new Promise((r) => setTimeout(r, 50));
  expect(fake.requests).toHaveLength(3);
});

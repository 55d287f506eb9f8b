/**
 * The outbox dispatcher on a real migrated SQLite database, sending through the real AT gateway to
 * the fake AT server; clock and jitter injected.
 */
import { openDatabase, type Db } from '../../db/client';
import { retryDelayMs } from '../../src/sms/core/backoff';
import { claimNext } from '../../src/outbox/claims-repository';
import type { DispatcherOptions } from '../../src/sms/dispatcher';
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

test('when AT cannot take a message now, then the row is retried with exponential backoff and jitter', async () => {
  const [id] = queueMessages(db, 1, T0);
  fake.reply(atReply.code(500, 'InternalServerError'));
  const dispatcher = dispatcherFor({ maxAttempts: 6, random: () => 0.25 });

  expect(await dispatcher.drainOnce()).toEqual({ sent: 0, retried: 1, failed: 0, deferred: 0 });
  // Attempt 1: ceiling 30 s, jitter 0.25 -> 15 s + 3.75 s.
  expect(retryDelayMs(1, 0.25)).toBe(18_750);
  expect(outboxRow(db, id!)).toMatchObject({
    status: 'queued',
    attempts: 1,
    nextAttemptAt: T0 + 18_750,
    lastError: '500 InternalServerError',
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

test('when AT keeps refusing one message for now, then it fails after SMS_MAX_ATTEMPTS', async () => {
  const [id] = queueMessages(db, 1, T0);
  fake.reply(atReply.code(501, 'GatewayError'));
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
    lastError: '501 GatewayError',
    failure: 'attempts',
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
    failure: 'rejected',
    messageId: null,
  });
});

test('when a previous process died holding claims, then start gives them back at once and each is sent once', async () => {
  const ids = queueMessages(db, 3, T0);
  // The dead process: claimed two rows (leased for a long time), never recorded an outcome.
  expect(claimNext(db, T0, HOUR)?.id).toBe(ids[0]);
  expect(claimNext(db, T0, HOUR)?.id).toBe(ids[1]);
  expect(outboxRow(db, ids[0]!)).toMatchObject({
    status: 'sending',
    attempts: 1,
    nextAttemptAt: T0 + HOUR,
  });
  clock.set(T0 + 1_000);
  const dispatcher = dispatcherFor();

  dispatcher.start(60_000);
  await dispatcher.drainOnce();
  await dispatcher.stop();

  expect(fake.requests.map((r) => r.form.message)).toEqual(['Ujumbe 0', 'Ujumbe 1', 'Ujumbe 2']);
  expect(allRows(db).map((r) => [r.status, r.attempts])).toEqual([
    ['sent', 2],
    ['sent', 2],
    ['sent', 1],
  ]);
});

test('when a lease runs out (its sender hung), then the row is queued again with its attempt counted', async () => {
  const [id] = queueMessages(db, 1, T0);
  claimNext(db, T0, 60_000);
  const dispatcher = dispatcherFor();

  clock.set(T0 + 59_999);
  expect(await dispatcher.drainOnce()).toEqual({ sent: 0, retried: 0, failed: 0, deferred: 0 });
  expect(fake.requests).toHaveLength(0);
  clock.set(T0 + 60_000 + 60_000);
  expect(await dispatcher.drainOnce()).toEqual({ sent: 1, retried: 0, failed: 0, deferred: 0 });
  expect(outboxRow(db, id!)).toMatchObject({ status: 'sent', attempts: 2 });
});

test('when messages are sent, then only the ones in flight are ever claimed', async () => {
  queueMessages(db, 30, T0);
  const sendingSeen: number[] = [];
  const real = atGatewayFor(fake);
  const watching: SmsGateway = {
    name: 'watching',
    send(sms) {
      sendingSeen.push(allRows(db).filter((r) => r.status === 'sending').length);
      return real.send(sms);
    },
  };

  const result = await dispatcherFor({ gateway: watching, concurrency: 4 }).drainOnce();

  expect(result.sent).toBe(30);
  expect(Math.max(...sendingSeen)).toBeLessThanOrEqual(4);
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

/**
 * The dispatcher when Africa's Talking refuses the account (bad credentials, no balance): no message
 * is failed for it, the drain stops and the dispatcher pauses. Real migrated SQLite, the real AT
 * gateway against the fake AT server (or a stub gateway where the order of answers matters).
 */
import { openDatabase, type Db } from '../../db/client';
import type { DispatcherOptions } from '../../src/sms/dispatcher';
import type { SendOutcome } from '../../src/sms/core/outcome';
import type { SmsGateway } from '../../src/sms/gateway';
import { atReply, startFakeAtServer, type FakeAtServer } from '../fakes/fake-at-server';
import { testClock, T0, type TestClock } from '../helpers/app';
import { allRows, capturingLogger, outboxRow, queueMessages, testDispatcher } from './support';

const PAUSE = { firstMs: 60_000, maxMs: 4 * 60_000 };
const REFUSED = 'account refused: 405 InsufficientBalance';

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
  testDispatcher(db, fake, clock, { accountPause: PAUSE, ...overrides });

/** The pauses the dispatcher announced, in order (one error line each). */
const pausesIn = (lines: Array<Record<string, unknown>>) =>
  lines.filter((l) => l.level === 50 && /PAUSED/.test(String(l.msg))).map((l) => l.pauseMs);

test('when AT refuses the account, then the messages stay queued with their attempts and no more are sent', async () => {
  queueMessages(db, 10, T0);
  fake.reply(atReply.insufficientBalance);

  const result = await dispatcherFor().drainOnce();

  // The four sends in flight (concurrency 4) were refused; no fifth was claimed or started.
  expect(result).toEqual({ sent: 0, retried: 0, failed: 0, deferred: 4 });
  expect(fake.requests).toHaveLength(4);
  const rows = allRows(db);
  expect(rows.map((r) => [r.status, r.attempts, r.nextAttemptAt])).toEqual(
    rows.map(() => ['queued', 0, T0]),
  );
  const sent = new Set(fake.requests.map((r) => r.form.message));
  for (const row of rows) expect(row.lastError).toBe(sent.has(row.body) ? REFUSED : null);
});

test('when AT rejects the credentials on a message already tried, then it keeps its attempt count and is sent once the key works', async () => {
  const [id] = queueMessages(db, 1, T0);
  fake.replyOnce(atReply.code(500, 'InternalServerError'));
  fake.reply(atReply.authInvalid);
  const dispatcher = dispatcherFor({ maxAttempts: 2 });

  expect(await dispatcher.drainOnce()).toMatchObject({ retried: 1 });
  for (let i = 1; i <= 3; i++) {
    clock.advance(PAUSE.maxMs);
    expect(await dispatcher.drainOnce()).toEqual({ sent: 0, retried: 0, failed: 0, deferred: 1 });
  }
  expect(outboxRow(db, id!)).toMatchObject({
    status: 'queued',
    attempts: 1,
    lastError: 'account refused: HTTP 401 The supplied authentication is invalid',
  });

  fake.reply(atReply.sent);
  clock.advance(PAUSE.maxMs);
  expect(await dispatcher.drainOnce()).toEqual({ sent: 1, retried: 0, failed: 0, deferred: 0 });
  expect(outboxRow(db, id!)).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
  expect(fake.requests).toHaveLength(5);
});

test('when the account was refused, then nothing is sent before the pause ends, and then one message first', async () => {
  queueMessages(db, 10, T0);
  fake.reply(atReply.insufficientBalance);
  const dispatcher = dispatcherFor();
  await dispatcher.drainOnce();
  expect(fake.requests).toHaveLength(4);

  clock.set(T0 + PAUSE.firstMs - 1);
  expect(await dispatcher.drainOnce()).toEqual({ sent: 0, retried: 0, failed: 0, deferred: 0 });
  expect(fake.requests).toHaveLength(4);

  clock.set(T0 + PAUSE.firstMs);
  expect(await dispatcher.drainOnce()).toEqual({ sent: 0, retried: 0, failed: 0, deferred: 1 });
  expect(fake.requests).toHaveLength(5);

  fake.reply(atReply.sent);
  clock.set(T0 + PAUSE.firstMs + 2 * PAUSE.firstMs);
  expect(await dispatcher.drainOnce()).toEqual({ sent: 10, retried: 0, failed: 0, deferred: 0 });
  expect(allRows(db).map((r) => [r.status, r.attempts])).toEqual(
    allRows(db).map(() => ['sent', 1]),
  );
});

test('when refusals repeat, then the pause doubles up to its cap, and a message sent resets it', async () => {
  queueMessages(db, 10, T0);
  fake.reply(atReply.insufficientBalance);
  const { logger, lines } = capturingLogger();
  const dispatcher = dispatcherFor({ logger });

  // Each drain lands exactly when the previous pause ends.
  const waits = [0, 60_000, 120_000, 240_000, 240_000];
  for (const wait of waits) {
    clock.advance(wait);
    expect(await dispatcher.drainOnce()).toMatchObject({ deferred: wait === 0 ? 4 : 1 });
    clock.advance(-1);
    await dispatcher.drainOnce();
    clock.advance(1);
  }
  expect(fake.requests).toHaveLength(4 + 4);
  expect(pausesIn(lines)).toEqual([60_000, 120_000, 240_000, 240_000, 240_000]);

  // The balance is topped up, then runs out again after two messages: the probe goes through,
  // four go at once, three are refused and one is accepted (answered last, so it claims no more).
  fake.replyOnce(atReply.sent);
  fake.replyOnce((req) => ({ ...atReply.sent(req), delayMs: 30 }));
  clock.advance(240_000);
  expect(await dispatcher.drainOnce()).toMatchObject({ sent: 2, deferred: 3 });
  expect(pausesIn(lines).slice(5)).toEqual([60_000]);
  const announced = lines.filter((l) => l.level === 50 && /PAUSED/.test(String(l.msg)));
  expect(announced[0]).toMatchObject({
    reason: '405 InsufficientBalance',
    gateway: 'africastalking',
  });
  expect(JSON.stringify(lines)).not.toMatch(/\+2557123\d{5}/);
});

test('when a send in flight is accepted after another was refused, then the pause still grows', async () => {
  queueMessages(db, 3, T0);
  const refused: SendOutcome = { kind: 'permanent', reason: '401 auth', operator: true };
  let calls = 0;
  const stub: SmsGateway = {
    name: 'stub',
    async send() {
      calls += 1;
      if (calls !== 2) return refused;
      // Accepted by AT before the balance ran out, answered after the refusal.
      await new Promise((r) => setTimeout(r, 20));
      return { kind: 'sent', messageId: 'ATXid_1', cost: null, statusCode: 101 };
    },
  };
  const { logger, lines } = capturingLogger();
  const dispatcher = dispatcherFor({ gateway: stub, concurrency: 2, logger });

  expect(await dispatcher.drainOnce()).toEqual({ sent: 1, retried: 0, failed: 0, deferred: 1 });
  clock.advance(PAUSE.firstMs);
  expect(await dispatcher.drainOnce()).toEqual({ sent: 0, retried: 0, failed: 0, deferred: 1 });

  expect(calls).toBe(3);
  expect(pausesIn(lines)).toEqual([60_000, 120_000]);
});

test('when AT rejects one message permanently, then only that message fails and sending goes on without a pause', async () => {
  const ids = queueMessages(db, 5, T0);
  fake.replyOnce(atReply.code(403, 'InvalidPhoneNumber'));
  const dispatcher = dispatcherFor({ concurrency: 1 });

  expect(await dispatcher.drainOnce()).toEqual({ sent: 4, retried: 0, failed: 1, deferred: 0 });
  expect(outboxRow(db, ids[0]!)).toMatchObject({
    status: 'failed',
    attempts: 1,
    lastError: '403 InvalidPhoneNumber',
  });

  queueMessages(db, 1, T0);
  expect(await dispatcher.drainOnce()).toEqual({ sent: 1, retried: 0, failed: 0, deferred: 0 });
  expect(fake.requests).toHaveLength(6);
});

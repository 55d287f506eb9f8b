/**
 * The dispatcher through an outage of the SMS API (HTTP 5xx, 429, no answer): messages lose no
 * attempt, sending pauses while one probe goes every few seconds, the backlog drains at full speed
 * as soon as a probe goes through, and what waited out the retry budget fails as expired. Real
 * migrated SQLite, the real AT gateway against the fake AT server, the test clock.
 */
import { openDatabase, type Db } from '../../db/client';
import type { DispatcherOptions } from '../../src/sms/dispatcher';
import {
  atReply,
  startFakeAtServer,
  type FakeAtServer,
  type FakeReply,
} from '../fakes/fake-at-server';
import { testClock, T0, type TestClock } from '../helpers/app';
import { allRows, outboxRow, queueMessages, testDispatcher } from './support';

const PROBE_MS = 5_000;
const TICK_MS = 2_000;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

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
  testDispatcher(db, fake, clock, { probeMs: PROBE_MS, ...overrides });

/** An AT that is down while `down()` holds and otherwise accepts, remembering what it accepted. */
function flakyAt(down: () => boolean, how: FakeReply = atReply.serverError) {
  const accepted: string[] = [];
  fake.reply((req) => {
    if (down()) return how;
    accepted.push(req.form.message ?? '');
    return atReply.sent(req);
  });
  return accepted;
}

test.each([
  ['HTTP 500', atReply.serverError],
  ['HTTP 429', atReply.tooManyRequests],
  ['a dropped connection', atReply.resetConnection],
])(
  'when the API fails with %s, then the messages lose no attempt and nothing more is sent until the probe',
  async (_name, how) => {
    queueMessages(db, 10, T0);
    flakyAt(() => true, how);
    const dispatcher = dispatcherFor();

    expect(await dispatcher.drainOnce()).toEqual({ sent: 0, retried: 0, failed: 0, deferred: 4 });
    expect(allRows(db).map((r) => [r.status, r.attempts, r.nextAttemptAt])).toEqual(
      allRows(db).map(() => ['queued', 0, T0]),
    );
    expect(allRows(db)[0]?.lastError).toMatch(/^outage: /);
    expect(dispatcher.health()).toMatchObject({ state: 'open', failingSince: T0 });

    clock.advance(PROBE_MS - 1);
    expect(await dispatcher.drainOnce()).toEqual({ sent: 0, retried: 0, failed: 0, deferred: 0 });
    expect(fake.requests).toHaveLength(4);

    clock.advance(1);
    expect(dispatcher.health().state).toBe('half_open');
    expect(await dispatcher.drainOnce()).toEqual({ sent: 0, retried: 0, failed: 0, deferred: 1 });
    expect(fake.requests).toHaveLength(5);
    expect(dispatcher.health()).toMatchObject({ state: 'open', failingSince: T0 });
  },
);

test('when a 20-minute outage ends, then the backlog drains at the first probe and every message goes exactly once', async () => {
  let down = true;
  const accepted = flakyAt(() => down);
  const dispatcher = dispatcherFor({ concurrency: 10, maxAttempts: 6 });
  let queued = 0;
  const queue = (n: number) => {
    queueMessages(db, n, clock.now(), `Ujumbe ${queued}-`);
    queued += n;
  };

  queue(40);
  // Twenty minutes of the dispatcher's 2-second timer against a dead API, filings still coming in.
  for (let t = 0; t < 20 * MINUTE; t += TICK_MS) {
    if (t % MINUTE === 0) queue(5);
    await dispatcher.drainOnce();
    clock.advance(TICK_MS);
  }
  expect(accepted).toEqual([]);
  const probes = fake.requests.length;
  // Four sends were in flight when it broke, then one probe every 5 s: 240 in 20 minutes.
  expect(probes).toBeLessThanOrEqual(10 + (20 * MINUTE) / PROBE_MS);
  expect(allRows(db).every((r) => r.status === 'queued' && r.attempts === 0)).toBe(true);

  down = false;
  const recovered = clock.now();
  let firstSentAt: number | undefined;
  while (allRows(db).some((r) => r.status !== 'sent')) {
    const result = await dispatcher.drainOnce();
    if (result.sent > 0) firstSentAt ??= clock.now();
    clock.advance(TICK_MS);
    expect(clock.now() - recovered).toBeLessThan(MINUTE);
  }

  expect(firstSentAt! - recovered).toBeLessThanOrEqual(PROBE_MS + TICK_MS);
  expect(accepted).toHaveLength(queued);
  expect(new Set(accepted).size).toBe(queued);
  expect(allRows(db).every((r) => r.attempts === 1 && r.failure === null)).toBe(true);
  expect(dispatcher.health()).toMatchObject({ state: 'closed', failingSince: null });
});

test('when a message is still unsent after the retry budget, then it fails as expired and no other does', async () => {
  const [old] = queueMessages(db, 1, T0);
  flakyAt(() => true);
  const dispatcher = dispatcherFor({ retryBudgetMs: 48 * HOUR });
  await dispatcher.drainOnce();
  clock.set(T0 + 47 * HOUR);
  const young = queueMessages(db, 1, clock.now()).at(-1);

  clock.set(T0 + 48 * HOUR + 1);
  await dispatcher.drainOnce();

  expect(outboxRow(db, old!)).toMatchObject({ status: 'failed', failure: 'expired', attempts: 0 });
  expect(outboxRow(db, old!).lastError).toBe(
    'not sent within 48 h: outage: HTTP 500 Internal Server Error',
  );
  expect(outboxRow(db, young!)).toMatchObject({ status: 'queued' });
});

test('when the probe finds nothing to send, then the breaker closes and the next message tells', async () => {
  queueMessages(db, 1, T0);
  let down = true;
  flakyAt(() => down);
  const dispatcher = dispatcherFor();
  await dispatcher.drainOnce();
  down = false;
  db.$client.prepare("UPDATE sms_outbox SET status = 'sent'").run();

  clock.advance(PROBE_MS);
  await dispatcher.drainOnce();

  expect(dispatcher.health().state).toBe('closed');
  queueMessages(db, 1, clock.now());
  expect(await dispatcher.drainOnce()).toMatchObject({ sent: 1 });
});

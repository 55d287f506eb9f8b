/**
 * Quiet hours in the dispatcher, through the clock passed in, on a real migrated SQLite database
 * and the real AT gateway against the fake AT server: citizen updates due between 21:00 and 07:00
 * (Tanzanian time) are held until 07:00 and then go in the order they were queued; everything
 * else goes at once; the row says when it was held and why.
 */
import { asc } from 'drizzle-orm';
import { inTransaction, openDatabase, type Db } from '../../db/client';
import { smsOutbox } from '../../db/schema';
import { enqueueSms } from '../../src/outbox/repository';
import type { DispatcherOptions } from '../../src/sms/dispatcher';
import { atReply, startFakeAtServer, type FakeAtServer } from '../fakes/fake-at-server';
import { testClock, type TestClock } from '../helpers/app';
import { eat } from '../helpers/world';
import { outboxRow, phoneOf, testDispatcher } from './support';

const NIGHT = { start: 21 * 60, end: 7 * 60 };

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
  clock = testClock(eat('2026-03-13 20:59')); // a Friday evening
});
afterEach(() => db.$client.close());

const dispatcherFor = (overrides: Partial<DispatcherOptions> = {}) =>
  testDispatcher(db, fake, clock, { quietHours: NIGHT, concurrency: 1, ...overrides });

/** Queues one message of `template` now; its id. */
function queue(template: string, i = 0): number {
  inTransaction(db, (tx) =>
    enqueueSms(tx, { toPhone: phoneOf(i), body: `${template} ${i}`, template }, clock.now()),
  );
  return db.select({ id: smsOutbox.id }).from(smsOutbox).orderBy(asc(smsOutbox.id)).all().at(-1)!
    .id;
}

const sentBodies = () => fake.requests.map((r) => r.form.message);

test('when a status update is due at 20:59 on a Friday, then it goes at once', async () => {
  const id = queue('sms.assigned');

  expect(await dispatcherFor().drainOnce()).toMatchObject({ sent: 1, deferred: 0 });
  expect(outboxRow(db, id)).toMatchObject({ status: 'sent', heldAt: null, heldReason: null });
});

test('when messages are due at 21:00, then the citizen updates are held until 07:00 and the rest go at once', async () => {
  clock.set(eat('2026-03-13 21:00'));
  const held = ['sms.assigned', 'sms.resolved', 'sms.reopened', 'sms.escalated'].map(queue);
  const now = ['sms.received', 'sms.reply', 'sms.citizen.reopened', 'sms.staff.assigned'].map(
    (template, i) => queue(template, 10 + i),
  );

  expect(await dispatcherFor().drainOnce()).toEqual({
    sent: 4,
    retried: 0,
    failed: 0,
    deferred: 4,
  });

  for (const id of now) expect(outboxRow(db, id).status).toBe('sent');
  for (const id of held) {
    expect(outboxRow(db, id)).toMatchObject({
      status: 'queued',
      attempts: 0,
      nextAttemptAt: eat('2026-03-14 07:00'),
      heldAt: eat('2026-03-13 21:00'),
      heldUntil: eat('2026-03-14 07:00'),
      heldReason: 'quiet_hours',
      sentAt: null,
    });
  }
  expect(sentBodies()).toEqual([
    'sms.received 10',
    'sms.reply 11',
    'sms.citizen.reopened 12',
    'sms.staff.assigned 13',
  ]);
});

test('when the night passes, then nothing held goes at 06:59 and at 07:00 all go in the order they were queued', async () => {
  clock.set(eat('2026-03-13 21:30'));
  queue('sms.resolved', 1);
  clock.set(eat('2026-03-13 23:10'));
  queue('sms.assigned', 2);
  queue('sms.received', 3);
  clock.set(eat('2026-03-14 02:00')); // Saturday
  queue('sms.escalated', 4);
  const dispatcher = dispatcherFor();
  await dispatcher.drainOnce();
  expect(sentBodies()).toEqual(['sms.received 3']);

  clock.set(eat('2026-03-14 06:59'));
  expect(await dispatcher.drainOnce()).toMatchObject({ sent: 0, deferred: 0 });

  clock.set(eat('2026-03-14 07:00'));
  expect(await dispatcher.drainOnce()).toMatchObject({ sent: 3, deferred: 0 });
  expect(sentBodies()).toEqual([
    'sms.received 3',
    'sms.resolved 1',
    'sms.assigned 2',
    'sms.escalated 4',
  ]);
  const rows = db.select().from(smsOutbox).orderBy(asc(smsOutbox.id)).all();
  expect(rows.map((r) => [r.template, r.status, r.heldReason, r.sentAt])).toEqual([
    ['sms.resolved', 'sent', 'quiet_hours', eat('2026-03-14 07:00')],
    ['sms.assigned', 'sent', 'quiet_hours', eat('2026-03-14 07:00')],
    ['sms.received', 'sent', null, eat('2026-03-14 02:00')],
    ['sms.escalated', 'sent', 'quiet_hours', eat('2026-03-14 07:00')],
  ]);
});

test('when a status update is retried into the quiet hours, then the retry waits for 07:00 at no attempt', async () => {
  clock.set(eat('2026-03-13 20:59') + 50_000);
  const id = queue('sms.resolved');
  fake.replyOnce(atReply.code(500, 'InternalServerError'));
  const dispatcher = dispatcherFor({ maxAttempts: 6 });
  expect(await dispatcher.drainOnce()).toMatchObject({ retried: 1 });
  const retryAt = outboxRow(db, id).nextAttemptAt;
  expect(retryAt).toBeGreaterThan(eat('2026-03-13 21:00'));

  clock.set(retryAt);
  expect(await dispatcher.drainOnce()).toMatchObject({ sent: 0, deferred: 1 });
  expect(outboxRow(db, id)).toMatchObject({
    status: 'queued',
    attempts: 1,
    nextAttemptAt: eat('2026-03-14 07:00'),
    heldReason: 'quiet_hours',
  });
  expect(fake.requests).toHaveLength(1);
});

test('when a message is held longer than the retry budget, then it is not expired: its wait counts from 07:00', async () => {
  clock.set(eat('2026-03-13 21:00'));
  const id = queue('sms.assigned');
  const dispatcher = dispatcherFor({ retryBudgetMs: 60 * 60_000 });
  await dispatcher.drainOnce();

  clock.set(eat('2026-03-14 07:00'));
  expect(await dispatcher.drainOnce()).toMatchObject({ sent: 1, failed: 0 });
  expect(outboxRow(db, id).status).toBe('sent');
});

test('when quiet hours are off, then a status update goes at 23:00', async () => {
  clock.set(eat('2026-03-13 23:00'));
  const id = queue('sms.escalated');

  expect(await dispatcherFor({ quietHours: null }).drainOnce()).toMatchObject({ sent: 1 });
  expect(outboxRow(db, id).heldAt).toBeNull();
});

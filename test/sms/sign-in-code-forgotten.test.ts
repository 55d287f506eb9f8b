/**
 * Issue 23: a sign-in code's SMS does not keep the code once it is spent. Sent through the real
 * AT gateway to the fake AT server, or failed, its stored body no longer holds the code (the
 * template's words, the recipient and the delivery state stay); one still queued when its code
 * expires is failed as expired, its code taken out. Other SMS keep their bodies.
 */
import { openDatabase, type Db } from '../../db/client';
import { inTransaction } from '../../db/client';
import { enqueueSms } from '../../src/outbox/repository';
import { SIGN_IN_CODE_TEMPLATE } from '../../src/outbox/core/quiet-hours';
import { atReply, startFakeAtServer, type FakeAtServer } from '../fakes/fake-at-server';
import { testClock, T0, type TestClock } from '../helpers/app';
import { allRows, testDispatcher } from './support';

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

const CODE_SMS = 'Kero sign-in code: 686808. It works once, for 5 minutes. Never share it.';

function queue(body: string, template: string, phone = '+255711000005'): void {
  inTransaction(db, (tx) => enqueueSms(tx, { toPhone: phone, body, template }, T0));
}

test('when a sign-in code is sent, then the outbox keeps the SMS without the code, and other SMS whole', async () => {
  queue(CODE_SMS, SIGN_IN_CODE_TEMPLATE);
  queue('Kero 5927 7607: Assigned. Water, Kinondoni MC', 'sms.staff.assigned');
  clock.advance(1_000);

  await testDispatcher(db, fake, clock).drainOnce();

  // The code went to AT...
  expect(fake.requests.map((r) => r.form.message)).toContain(CODE_SMS);
  // ...and is kept nowhere.
  const [code, other] = allRows(db);
  expect(code).toMatchObject({
    status: 'sent',
    toPhone: '+255711000005',
    template: SIGN_IN_CODE_TEMPLATE,
    body: 'Kero sign-in code: [removed]. It works once, for 5 minutes. Never share it.',
  });
  expect(code?.messageId).toMatch(/^ATXid_fake/);
  expect(other?.body).toBe('Kero 5927 7607: Assigned. Water, Kinondoni MC');
  expect(JSON.stringify(db.$client.prepare('SELECT * FROM sms_outbox').all())).not.toContain(
    '686808',
  );
});

test('when AT refuses a sign-in code for good, then the failed row keeps no code either', async () => {
  fake.reply(atReply.invalidPhoneNumber);
  queue(CODE_SMS, SIGN_IN_CODE_TEMPLATE);
  clock.advance(1_000);

  await testDispatcher(db, fake, clock).drainOnce();

  const [row] = allRows(db);
  expect(row?.status).toBe('failed');
  expect(row?.body).not.toContain('686808');
});

test('when a sign-in code is still queued after it expired, then it is failed as expired and its code taken out', async () => {
  fake.reply(atReply.authInvalid); // The account refused: nothing goes out, the rows stay queued.
  queue(CODE_SMS, SIGN_IN_CODE_TEMPLATE);
  queue('Kero: a message that may wait', 'sms.staff.assigned');
  clock.advance(1_000);
  const dispatcher = testDispatcher(db, fake, clock);
  await dispatcher.drainOnce();
  expect(allRows(db).map((r) => r.status)).toEqual(['queued', 'queued']);

  clock.advance(6 * 60_000);
  fake.reply(atReply.sent);
  const before = fake.requests.length;
  await dispatcher.drainOnce();
  const after = fake.requests.slice(before).map((r) => r.form.message);

  const [code, other] = allRows(db);
  expect(code).toMatchObject({ status: 'failed', failure: 'expired' });
  expect(code?.body).not.toContain('686808');
  // The dead code was not sent once it had expired; the other message was.
  expect(after).not.toContain(CODE_SMS);
  expect(after).toContain('Kero: a message that may wait');
  expect(other?.status).toBe('sent');
});

/** Issue 23 part 2: the code that confirms a staff member's new phone is spent the same way. */
const PHONE_CODE_SMS =
  'Kero: 424242 is the code to make this phone the console sign-in phone of Asha Mushi, asked for by Rehema Mushi. Give it to them only if you expect it. It works once, for 5 minutes.';

test('when a phone-change code is sent, then the outbox keeps the SMS without the code', async () => {
  queue(PHONE_CODE_SMS, 'sms.staff.phoneCode', '+255715000999');
  clock.advance(1_000);

  await testDispatcher(db, fake, clock).drainOnce();

  expect(fake.requests.map((r) => r.form.message)).toContain(PHONE_CODE_SMS);
  const [row] = allRows(db);
  expect(row).toMatchObject({
    status: 'sent',
    template: 'sms.staff.phoneCode',
    body: PHONE_CODE_SMS.replace('424242', '[removed]'),
  });
});

test('when a phone-change code is still queued after it expired, then it is failed as expired and its code taken out', async () => {
  fake.reply(atReply.authInvalid);
  queue(PHONE_CODE_SMS, 'sms.staff.phoneCode', '+255715000999');
  clock.advance(1_000);
  const dispatcher = testDispatcher(db, fake, clock);
  await dispatcher.drainOnce();
  clock.advance(6 * 60_000);
  fake.reply(atReply.sent);
  const before = fake.requests.length;
  await dispatcher.drainOnce();

  const [row] = allRows(db);
  expect(row).toMatchObject({ status: 'failed', failure: 'expired' });
  expect(row?.body).not.toContain('424242');
  expect(fake.requests.slice(before).map((r) => r.form.message)).not.toContain(PHONE_CODE_SMS);
});

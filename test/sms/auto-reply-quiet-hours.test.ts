/**
 * Automatic replies and quiet hours, end to end: complaints filed at night on real SQLite, the
 * outbox drained by the dispatcher through the real Africa's Talking SDK to the fake AT server.
 * An automatic reply sent as its own SMS waits exactly as the status SMS it follows: the
 * acknowledgement's goes at once, the assignment's is held to 07:00 and then follows it.
 */
import { asc, eq } from 'drizzle-orm';
import { smsOutbox } from '../../db/schema';
import { addAutoReply } from '../../src/complaints/replies';
import { startFakeAtServer, type FakeAtServer } from '../fakes/fake-at-server';
import { hqStaff, officer } from '../helpers/staff';
import { eat, file, openWorld, type World } from '../helpers/world';
import { testDispatcher } from './support';

const NIGHT = { start: 21 * 60, end: 7 * 60 };
const CITIZEN_PHONE = '+255689000001';

let fake: FakeAtServer;
let w: World;
beforeAll(async () => {
  fake = await startFakeAtServer();
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.reset();
  w = openWorld({ start: eat('2026-03-13 21:30') }); // a Friday night
});
afterEach(() => w.close());

function auto(trigger: string, textEn: string) {
  const hq = hqStaff(w);
  const form = { title: '', region: '', category: 'water', trigger, textSw: textEn, textEn };
  const r = addAutoReply({ db: w.db, now: w.clock.now, reference: w.reference }, hq, form);
  if (!r.ok) throw new Error('auto reply refused');
}

const LONG =
  'The water engineer of {council} will visit within 5 working days to look at your {category} problem.';

const toCitizen = () =>
  w.db
    .select()
    .from(smsOutbox)
    .where(eq(smsOutbox.toPhone, CITIZEN_PHONE))
    .orderBy(asc(smsOutbox.id))
    .all();
const sent = () =>
  fake.requests.filter((r) => r.form.to === CITIZEN_PHONE).map((r) => r.form.message);

test('when a complaint is filed at 21:30, then the assignment SMS and its automatic reply wait for 07:00 and go in that order', async () => {
  officer(w, 'DAR');
  auto('assigned', LONG);
  file(w, { council: 'DAR-KIM', category: 'water', language: 'en' });
  const dispatcher = testDispatcher(w.db, fake, w.clock, { quietHours: NIGHT, concurrency: 1 });

  await dispatcher.drainOnce();
  expect(sent()).toEqual([expect.stringContaining('has been received') as unknown]);
  expect(toCitizen().map((m) => [m.template, m.status, m.heldUntil])).toEqual([
    ['sms.received', 'sent', null],
    ['sms.assigned', 'queued', eat('2026-03-14 07:00')],
    ['sms.assigned+auto', 'queued', eat('2026-03-14 07:00')],
  ]);

  w.clock.set(eat('2026-03-14 07:00'));
  await dispatcher.drainOnce();
  expect(sent().slice(1)).toEqual([
    expect.stringContaining('has been assigned to an officer') as unknown,
    expect.stringMatching(
      /^PO-RALG, complaint \d{4} \d{4}: The water engineer of Kinondoni MC/,
    ) as unknown,
  ]);
});

test('when the acknowledgement has an automatic reply of its own, then both go at once, quiet hours or not', async () => {
  auto('received', LONG);
  file(w, { council: 'DAR-KIM', category: 'water', language: 'en' });
  const dispatcher = testDispatcher(w.db, fake, w.clock, { quietHours: NIGHT, concurrency: 1 });

  await dispatcher.drainOnce();

  expect(toCitizen().map((m) => [m.template, m.status, m.heldReason])).toEqual([
    ['sms.received', 'sent', null],
    ['sms.received+auto', 'sent', null],
  ]);
  expect(sent()).toHaveLength(2);
});

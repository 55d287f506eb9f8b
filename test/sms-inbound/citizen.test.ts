/**
 * Citizens' SMS through POST /sms/inbound: a message onto their complaint, the only-open-complaint
 * fallback and the help listing, STATUS/HALI, REOPEN/FUNGUA inside and outside 14 days, and the
 * 1-5 rating, where a 1 or 2 reopens the complaint one level up.
 */
import { resolveComplaint, type ActionDeps } from '../../src/complaints/actions';
import { dammCheckDigit, formatComplaintNumber } from '../../src/complaints/core/numbers';
import { smsText, type SmsKey } from '../../src/text/sms';
import { DEFAULT_ORGANISATION, orgVars } from '../../src/text/org';
import { en, sw } from '../helpers/ussd-paths';
import {
  CITIZEN,
  complaintById,
  DAY,
  eventsOf,
  HOUR,
  inboundRows,
  lastOutboxId,
  openSms,
  OTHER_CITIZEN,
  outboxAfter,
  snapshot,
  staffDesk,
  STRANGER,
  type DeskStaff,
  type Sms,
} from './world';
import { type Lang } from '../../src/text/translate';
import { type StaffRow, type ComplaintRow } from '../../db/schema';

let s: Sms;
let d: DeskStaff;
/** Neema's (Kinondoni), filed in English by CITIZEN. */
let mine: ComplaintRow;

beforeEach(() => {
  s = openSms();
  d = staffDesk(s);
  mine = s.file({ council: 'DAR-KIM', phone: CITIZEN, language: 'en' });
  s.t.clock.advance(HOUR);
});
afterEach(() => s.close());

const spaced = (c: ComplaintRow) => formatComplaintNumber(c.number);
/** An SMS as the default organisation (PO-RALG) words it. */
const text = (key: SmsKey, lang: Lang, vars: Record<string, string | number> = {}) =>
  smsText(key, lang, { ...orgVars(DEFAULT_ORGANISATION, lang), ...vars });
const actions = (): ActionDeps => ({
  db: s.t.db,
  now: s.t.clock.now,
  reference: s.t.deps.reference,
});

function resolve(c: ComplaintRow, by: StaffRow): void {
  const result = resolveComplaint(actions(), by.id, c.number, 'bomba limetengenezwa');
  if (!result.ok) throw new Error(result.refusal.code);
}

async function sms(from: string, body: string) {
  const after = lastOutboxId(s.t);
  const res = await s.send(from, body);
  expect(res.status).toBe(200);
  return outboxAfter(s.t, after);
}

const lastInbound = () => inboundRows(s.t).at(-1);

describe('messages onto a complaint', () => {
  test('when the SMS starts with their complaint number, then the rest goes onto the thread, the owner is told and the citizen gets a receipt', async () => {
    const sent = await sms(CITIZEN, `${spaced(mine)} maji bado hayatoki`);

    expect(eventsOf(s.t, mine.id).at(-1)).toMatchObject({
      type: 'citizen_message',
      actor: 'citizen',
      note: 'maji bado hayatoki',
    });
    expect(sent).toEqual([
      expect.objectContaining({
        toPhone: d.neema.phone,
        template: 'sms.staff.citizenMessage',
        body: text('sms.staff.citizenMessage', 'en', {
          number: spaced(mine),
          message: 'maji bado hayatoki',
        }),
      }),
      expect.objectContaining({
        toPhone: CITIZEN,
        body: text('sms.citizen.added', 'en', { number: spaced(mine) }),
      }),
    ]);
    expect(lastInbound()).toMatchObject({ handledAs: 'citizen_message', complaintId: mine.id });
  });

  test('when they have several complaints, then the number picks the one, typed with or without a space', async () => {
    const second = s.file({ council: 'DAR-UBM', phone: CITIZEN, language: 'en' });
    await sms(CITIZEN, `${second.number} shule haina madawati`);
    await sms(CITIZEN, `${spaced(mine)}: bomba limepasuka`);

    expect(eventsOf(s.t, second.id).at(-1)).toMatchObject({
      type: 'citizen_message',
      note: 'shule haina madawati',
    });
    expect(eventsOf(s.t, mine.id).at(-1)).toMatchObject({
      type: 'citizen_message',
      note: 'bomba limepasuka',
    });
  });

  test('when they have one open complaint and write plain text, then it goes onto that one', async () => {
    await sms(CITIZEN, 'Bado hakuna maji leo');

    expect(eventsOf(s.t, mine.id).at(-1)).toMatchObject({
      type: 'citizen_message',
      note: 'Bado hakuna maji leo',
    });
  });

  test('when they have several open complaints and write plain text, then nothing is added and the help lists their numbers', async () => {
    const second = s.file({ council: 'DAR-UBM', phone: CITIZEN, language: 'en' });
    const before = snapshot(s.t).complaint_events;
    const sent = await sms(CITIZEN, 'Bado hakuna maji leo');

    expect(snapshot(s.t).complaint_events).toEqual(before);
    expect(sent.map((m) => m.body)).toEqual([
      text('sms.citizen.help', 'en', { numbers: `${spaced(mine)}, ${spaced(second)}` }),
    ]);
    expect(lastInbound()?.handledAs).toBe('help');
  });

  test('when none of their complaints is open, then the help says how to file one', async () => {
    resolve(mine, d.neema);
    s.t.clock.advance(HOUR);
    await sms(CITIZEN, '5');
    const sent = await sms(CITIZEN, 'Asante sana');

    expect(sent.map((m) => m.body)).toEqual([
      text('sms.citizen.helpNone', 'en', { code: '*384*1234#' }),
    ]);
  });

  test("when the number is someone else's, then the message does not go onto their complaint", async () => {
    const other = s.file({ council: 'DAR-UBM', phone: OTHER_CITIZEN });
    await sms(CITIZEN, `${other.number} hello`);

    expect(eventsOf(s.t, other.id).map((e) => e.type)).not.toContain('citizen_message');
    expect(eventsOf(s.t, mine.id).at(-1)).toMatchObject({
      type: 'citizen_message',
      note: `${other.number} hello`,
    });
  });

  test('when the Kiswahili word HALI starts an ordinary sentence, then it is a message, not a command', async () => {
    await sms(CITIZEN, 'Hali ya maji bado ni mbaya');

    expect(eventsOf(s.t, mine.id).at(-1)).toMatchObject({
      type: 'citizen_message',
      note: 'Hali ya maji bado ni mbaya',
    });
  });
});

describe('STATUS / HALI', () => {
  test.each(['STATUS', 'HALI', 'status'])(
    'when a citizen sends %s <number>, then the status comes back in words',
    async (word) => {
      const sent = await sms(CITIZEN, `${word} ${spaced(mine)}`);

      expect(sent.map((m) => m.body)).toEqual([
        text('sms.citizen.status', 'en', {
          number: spaced(mine),
          status: 'Assigned',
          council: 'Kinondoni MC',
          date: '12/03/2026',
        }),
      ]);
      expect(lastInbound()).toMatchObject({ handledAs: 'status', complaintId: mine.id });
    },
  );

  test('when they send just their complaint number, then the status comes back', async () => {
    const sent = await sms(CITIZEN, mine.number);

    expect(sent[0]?.template).toBe('sms.citizen.status');
  });

  test('when anyone asks the status of a number, then they get the status but never the description', async () => {
    const sent = await sms(STRANGER, `HALI ${mine.number}`);

    expect(sent.map((m) => m.body)).toEqual([
      text('sms.citizen.status', 'sw', {
        number: spaced(mine),
        status: sw('status.assigned'),
        council: 'Kinondoni Manispaa',
        date: '12/03/2026',
      }),
    ]);
    expect(sent[0]?.body).not.toContain('Maji');
  });

  test('when the number is wrong or unknown, then the citizen is told which', async () => {
    const unknown = `1234567${dammCheckDigit('1234567')}`;
    const typo = `${mine.number.slice(0, 7)}${(Number(mine.number[7]) + 1) % 10}`;

    expect((await sms(CITIZEN, 'HALI 1234'))[0]?.body).toBe(
      text('sms.citizen.badNumber', 'en', { input: '1234' }),
    );
    expect((await sms(CITIZEN, `HALI ${typo}`))[0]?.body).toBe(
      text('sms.citizen.typo', 'en', { input: typo }),
    );
    expect((await sms(CITIZEN, `HALI ${unknown}`))[0]?.body).toBe(
      text('sms.citizen.notFound', 'en', { number: formatComplaintNumber(unknown) }),
    );
  });

  test('when the keyword comes alone, then the help comes back', async () => {
    const sent = await sms(CITIZEN, 'STATUS');

    expect(sent[0]?.template).toBe('sms.citizen.help');
  });
});

describe('REOPEN / FUNGUA', () => {
  test('when a citizen reopens within 14 days, then it goes back to its officer, who is told, and the citizen is told', async () => {
    resolve(mine, d.neema);
    s.t.clock.advance(13 * DAY);
    const sent = await sms(CITIZEN, `REOPEN ${spaced(mine)}`);

    expect(complaintById(s.t, mine.id)).toMatchObject({
      status: 'assigned',
      assigneeId: d.neema.id,
      resolvedAt: null,
    });
    expect(eventsOf(s.t, mine.id).at(-1)).toMatchObject({
      type: 'reopened',
      actor: 'citizen',
      fromStatus: 'resolved',
      toStatus: 'assigned',
    });
    expect(sent.map((m) => [m.toPhone, m.template])).toEqual([
      [d.neema.phone, 'sms.staff.reopened'],
      [CITIZEN, 'sms.citizen.reopened'],
    ]);
    expect(sent[0]?.body).toContain(en('sms.reason.citizenReopen'));
    // An answer to the citizen's own SMS: it goes at once, quiet hours or not.
    expect(sent[1]?.body).toBe(text('sms.citizen.reopened', 'en', { number: spaced(mine) }));
    expect(lastInbound()).toMatchObject({ handledAs: 'reopen', complaintId: mine.id });
  });

  test("when FUNGUA comes with the citizen's words, then the officer reads them", async () => {
    resolve(mine, d.neema);
    const sent = await sms(CITIZEN, `fungua ${mine.number} maji bado hayatoki`);

    expect(sent[0]?.body).toContain('"maji bado hayatoki"');
  });

  test('when the resolution is older than 14 days, then it is refused politely and nothing changes', async () => {
    resolve(mine, d.neema);
    s.t.clock.advance(15 * DAY);
    const before = snapshot(s.t);
    const sent = await sms(CITIZEN, `FUNGUA ${spaced(mine)}`);

    expect(snapshot(s.t).complaints).toEqual(before.complaints);
    expect(snapshot(s.t).complaint_events).toEqual(before.complaint_events);
    expect(sent.map((m) => m.body)).toEqual([
      text('sms.citizen.reopenLate', 'en', { number: spaced(mine), days: 14, code: '*384*1234#' }),
    ]);
  });

  test('when the complaint is still open, then it is refused and says how to add details', async () => {
    const sent = await sms(CITIZEN, `REOPEN ${mine.number}`);

    expect(sent.map((m) => m.body)).toEqual([
      text('sms.citizen.reopenOpen', 'en', { number: spaced(mine), status: 'Assigned' }),
    ]);
    expect(complaintById(s.t, mine.id).status).toBe('assigned');
  });

  test("when the complaint is someone else's, then it is not reopened", async () => {
    const other = s.file({ council: 'DAR-UBM', phone: OTHER_CITIZEN });
    resolve(other, d.juma);
    const sent = await sms(CITIZEN, `REOPEN ${other.number}`);

    expect(complaintById(s.t, other.id).status).toBe('resolved');
    expect(sent.map((m) => m.template)).toEqual(['sms.citizen.reopenNotYours']);
  });
});

describe('rating 1-5', () => {
  test('when a citizen answers a resolution with 4, then the rating and a rated event are stored and they are thanked', async () => {
    resolve(mine, d.neema);
    const sent = await sms(CITIZEN, '4');

    expect(complaintById(s.t, mine.id)).toMatchObject({ rating: 4, status: 'resolved' });
    expect(eventsOf(s.t, mine.id).at(-1)).toMatchObject({
      type: 'rated',
      actor: 'citizen',
      note: '4',
    });
    expect(sent.map((m) => m.body)).toEqual([
      text('sms.citizen.rated', 'en', { number: spaced(mine), rating: 4 }),
    ]);
    expect(lastInbound()).toMatchObject({ handledAs: 'rating', complaintId: mine.id });
  });

  test('when several complaints were resolved, then the digit rates the most recent unrated one', async () => {
    const second = s.file({ council: 'DAR-KIM', phone: CITIZEN, language: 'en' });
    resolve(mine, d.neema);
    s.t.clock.advance(HOUR);
    resolve(second, d.neema);
    await sms(CITIZEN, '5');
    await sms(CITIZEN, '3');

    expect([complaintById(s.t, second.id).rating, complaintById(s.t, mine.id).rating]).toEqual([
      5, 3,
    ]);
  });

  test('when nothing is waiting for a rating, then a digit is an ordinary message', async () => {
    await sms(CITIZEN, '5');

    expect(complaintById(s.t, mine.id).rating).toBeNull();
    expect(eventsOf(s.t, mine.id).at(-1)).toMatchObject({ type: 'citizen_message', note: '5' });
  });

  test('when the rating is 1, then the complaint is reopened and passed to the region supervisor, with events and SMS', async () => {
    resolve(mine, d.neema);
    const sent = await sms(CITIZEN, '1');

    expect(complaintById(s.t, mine.id)).toMatchObject({
      rating: 1,
      status: 'assigned',
      level: 'region',
      assigneeId: d.darSup.id,
      resolvedAt: null,
    });
    expect(eventsOf(s.t, mine.id).slice(-3)).toEqual([
      expect.objectContaining({ type: 'rated', note: '1' }),
      expect.objectContaining({
        type: 'reopened',
        actor: 'citizen',
        fromStatus: 'resolved',
        toStatus: 'assigned',
      }),
      expect.objectContaining({ type: 'escalated', assigneeId: d.darSup.id }),
    ]);
    expect(sent).toEqual([
      expect.objectContaining({
        toPhone: CITIZEN,
        body: text('sms.citizen.lowRated', 'en', {
          number: spaced(mine),
          level: en('sms.level.region'),
        }),
      }),
      expect.objectContaining({ toPhone: d.darSup.phone, template: 'sms.staff.escalated' }),
    ]);
    expect(sent[1]?.body).toContain(en('sms.reason.lowRating', { rating: 1 }));
  });

  test('when a complaint already at the region is rated 2, then it goes to headquarters', async () => {
    await s.send(d.darSup.phone, `TAKE ${mine.number}`);
    expect(complaintById(s.t, mine.id)).toMatchObject({ level: 'region', assigneeId: d.darSup.id });
    resolve(mine, d.darSup);
    await sms(CITIZEN, '2');

    expect(complaintById(s.t, mine.id)).toMatchObject({
      rating: 2,
      level: 'national',
      assigneeId: d.hq.id,
    });
  });

  test('when a low rating comes after the 14 days, then it is only recorded', async () => {
    resolve(mine, d.neema);
    s.t.clock.advance(20 * DAY);
    const sent = await sms(CITIZEN, '1');

    expect(complaintById(s.t, mine.id)).toMatchObject({
      rating: 1,
      status: 'resolved',
      assigneeId: d.neema.id,
    });
    expect(sent.map((m) => m.template)).toEqual(['sms.citizen.rated']);
  });
});

/**
 * Automatic replies on real SQLite: a category's text goes with the citizen's status SMS of a
 * change, in the citizen's language with the variables filled: in the same SMS when that adds no
 * SMS part, else as the next SMS (template `<status>+auto`). Other categories, other changes and
 * retired replies add nothing.
 */
import { reopenComplaint, resolveComplaint, takeComplaint } from '../../src/complaints/actions';
import { formatComplaintNumber } from '../../src/complaints/core/numbers';
import { addAutoReply, retireAutoReply } from '../../src/complaints/replies';
import type { ReplyForm } from '../../src/complaints/core/reply-rules';
import { findAutoReply } from '../../src/complaints/replies-repository';
import { isGsm7, smsParts } from '../../src/text/gsm7';
import { CITIZEN, file, openWorld, outboxOf, type World } from '../helpers/world';
import { hqStaff, officer } from '../helpers/staff';
import type { StaffRow } from '../../db/schema';

let w: World;
let hq: StaffRow;
beforeEach(() => {
  w = openWorld();
  hq = hqStaff(w, { name: 'Zawadi Mrema' });
});
afterEach(() => w.close());

const deps = () => ({ db: w.db, now: w.clock.now, reference: w.reference });

function auto(category: string, trigger: string, textSw: string, textEn: string): number {
  const form: ReplyForm = { title: '', region: '', category, trigger, textSw, textEn };
  const r = addAutoReply(deps(), hq, form);
  if (!r.ok) throw new Error(`auto reply refused: ${JSON.stringify(r)}`);
  return r.row.id;
}

const toCitizen = (id: number) =>
  outboxOf(w, id)
    .filter((m) => m.toPhone === CITIZEN)
    .map((m) => [m.template, m.body]);

const SHORT_SW = 'Afisa {officer} atafika ndani ya siku 5.';
const SHORT_EN = '{officer} will visit within 5 days.';
const LONG_SW =
  'Mhandisi wa maji wa {council} atatembelea eneo lako ndani ya siku 5 za kazi kukagua tatizo la {category}.';
const LONG_EN =
  'The water engineer of {council} will visit within 5 working days to look at your {category} problem.';

describe('with the assignment SMS', () => {
  test('when the reply fits in the assigned SMS part, then the citizen gets one SMS: the status, then the reply filled in Kiswahili', () => {
    officer(w, 'DAR', { name: 'Neema Kweka' });
    const id = auto('water', 'assigned', SHORT_SW, SHORT_EN);
    const c = file(w, { council: 'DAR-KIM', category: 'water', language: 'sw' });
    const number = formatComplaintNumber(c.number);
    const status = `OR-TAMISEMI: Lalamiko lako ${number} limepangiwa afisa wa Kinondoni Manispaa. Utapokea majibu yake kwa SMS.`;

    expect(toCitizen(c.id)).toEqual([
      ['sms.received', expect.stringContaining('limepokelewa') as unknown],
      ['sms.assigned', `${status} Afisa Neema Kweka atafika ndani ya siku 5.`],
    ]);
    const body = toCitizen(c.id)[1]?.[1] ?? '';
    expect(smsParts(body).parts).toBe(1);
    expect(findAutoReply(w.db, id)?.sent).toBe(1);
  });

  test('when the reply would add an SMS part, then it follows as a second SMS in English, queued as sms.assigned+auto right after', () => {
    officer(w, 'DAR', { name: 'Neema Kweka' });
    auto('water', 'assigned', LONG_SW, LONG_EN);
    const c = file(w, { council: 'DAR-KIM', category: 'water', language: 'en' });
    const number = formatComplaintNumber(c.number);
    const rows = outboxOf(w, c.id).filter((m) => m.toPhone === CITIZEN);

    expect(rows.map((m) => [m.template, m.body])).toEqual([
      ['sms.received', expect.stringContaining('has been received') as unknown],
      [
        'sms.assigned',
        `PO-RALG: your complaint ${number} has been assigned to an officer of Kinondoni MC. You will get their reply by SMS.`,
      ],
      [
        'sms.assigned+auto',
        `PO-RALG, complaint ${number}: The water engineer of Kinondoni MC will visit within 5 working days to look at your Water problem.`,
      ],
    ]);
    expect(rows[2]?.id).toBe((rows[1]?.id ?? 0) + 1);
    for (const m of rows) {
      expect(isGsm7(m.body)).toBe(true);
      expect(smsParts(m.body).parts).toBe(1);
    }
  });

  test('when a headquarters complaint is taken, then the assigned SMS carries the reply with the taker as {officer}', () => {
    const c = file(w, { council: 'DAR-KIM', category: 'water', language: 'en' });
    const o = officer(w, 'DAR', { name: 'Juma Said' });
    auto('water', 'assigned', SHORT_SW, SHORT_EN);

    expect(takeComplaint(w.deps, o.id, c.number)).toMatchObject({ ok: true });

    expect(toCitizen(c.id).at(-1)).toEqual([
      'sms.assigned',
      expect.stringMatching(/by SMS\. Juma Said will visit within 5 days\.$/) as unknown,
    ]);
  });

  test('when nobody has the complaint, then {officer} reads "our officer"', () => {
    auto('water', 'received', 'Asante. {officer} atakupigia.', 'Thank you. {officer} will call.');
    const c = file(w, { council: 'DAR-KIM', category: 'water', language: 'en' });

    expect(toCitizen(c.id)).toEqual([
      ['sms.received', expect.stringMatching(/ Thank you\. our officer will call\.$/) as unknown],
    ]);
  });

  test('when the officer name has letters SMS cannot carry, then the filled text is transliterated to GSM-7', () => {
    officer(w, 'DAR', { name: 'Zoë Łukasz' });
    auto('water', 'assigned', SHORT_SW, SHORT_EN);
    const c = file(w, { council: 'DAR-KIM', category: 'water', language: 'en' });
    const body = toCitizen(c.id)[1]?.[1] ?? '';

    expect(body).toMatch(/ Zoe Lukasz will visit within 5 days\.$/);
    expect(isGsm7(body, { allowExtended: false })).toBe(true);
  });
});

describe('what adds nothing', () => {
  test('when the category, the change or the reply differs (or it was retired), then the status SMS go as before', () => {
    officer(w, 'DAR');
    auto('roads', 'assigned', SHORT_SW, SHORT_EN);
    const resolvedOnly = auto('water', 'resolved', 'Asante.', 'Thank you.');
    const water = file(w, { council: 'DAR-KIM', category: 'water' });
    expect(toCitizen(water.id).map(([t]) => t)).toEqual(['sms.received', 'sms.assigned']);
    expect(toCitizen(water.id)[1]?.[1]).toMatch(/kwa SMS\.$/);

    const retired = auto('water', 'assigned', SHORT_SW, SHORT_EN);
    expect(retireAutoReply(deps(), hq, retired)).toMatchObject({ ok: true });
    const later = file(w, { council: 'DAR-KIM', category: 'water' });
    expect(toCitizen(later.id)[1]?.[1]).toMatch(/kwa SMS\.$/);
    expect(findAutoReply(w.db, resolvedOnly)?.sent).toBe(0);
  });
});

describe('with the other status SMS', () => {
  test('when a resolution SMS already takes two parts, then a reply that fits in them goes in the same SMS', () => {
    const o = officer(w, 'DAR');
    auto('water', 'resolved', 'Tafadhali tunza bomba.', 'Please look after the pipe.');
    const c = file(w, { council: 'DAR-KIM', category: 'water', language: 'en' });
    const note = 'The pipe at the school was replaced and water flows again in the whole village';

    resolveComplaint(w.deps, o.id, c.number, note);

    const [template, body = ''] = toCitizen(c.id).at(-1) ?? [];
    expect(template).toBe('sms.resolved');
    expect(body).toMatch(/very good\)\. Please look after the pipe\.$/);
    expect(smsParts(body).parts).toBe(2);
    expect(toCitizen(c.id).filter(([t]) => t === 'sms.resolved+auto')).toEqual([]);
  });

  test('when a staff member reopens, then the reopened SMS carries the reopened reply', () => {
    const o = officer(w, 'DAR');
    auto('water', 'reopened', 'Tunalishughulikia tena.', 'We are on it again.');
    const c = file(w, { council: 'DAR-KIM', category: 'water', language: 'en' });
    resolveComplaint(w.deps, o.id, c.number, 'Fixed');

    expect(reopenComplaint(w.deps, o.id, c.number, 'Still dry')).toMatchObject({ ok: true });

    expect(toCitizen(c.id).at(-1)).toEqual([
      'sms.reopened',
      expect.stringMatching(/back with the officer\. We are on it again\.$/) as unknown,
    ]);
  });
});

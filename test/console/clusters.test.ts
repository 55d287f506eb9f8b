/**
 * Clusters: complaints of one council and category about the same place within 7 days. Shown on
 * the queue and the complaint page; a supervisor links them under a lead and from the lead sends
 * one update or resolves them together, while each citizen hears about their own number and can
 * rate or reopen their own.
 */
import { asc, eq } from 'drizzle-orm';
import { complaintEvents, complaints, smsOutbox, type ComplaintRow } from '../../db/schema';
import { formatComplaintNumber } from '../../src/complaints/core/numbers';
import { formBody, postForm } from '../helpers/at-ussd';
import { TEST_TOKEN } from '../helpers/app';
import { DAY, DESK, eat } from '../helpers/world';
import { openConsoleWorld, signedIn, textOf, type ConsoleWorld } from './world';

const START = eat('2026-03-12 09:00');

let w: ConsoleWorld;
let a: ComplaintRow, b: ComplaintRow, c: ComplaintRow, f: ComplaintRow;
let otherCategory: ComplaintRow, otherCouncil: ComplaintRow, otherPlace: ComplaintRow;

beforeEach(() => {
  w = openConsoleWorld();
  const at = (days: number, filing: Parameters<ConsoleWorld['file']>[0]) => {
    w.clock.set(START + days * DAY);
    return w.file(filing);
  };
  a = at(0, { council: 'DAR-KIM', place: 'Kijiji cha Mwenge', phone: '+255689100001' });
  b = at(2, {
    council: 'DAR-KIM',
    place: 'Mwenge village',
    phone: '+255689100002',
    language: 'en',
  });
  c = at(6, { council: 'DAR-KIM', place: 'MWENGE.', phone: '+255689100003' });
  f = at(8, { council: 'DAR-KIM', place: 'mwenge', phone: '+255689100004' });
  otherCategory = at(1, { council: 'DAR-KIM', place: 'Mwenge', category: 'health' });
  otherCouncil = at(1, { council: 'DAR-UBM', place: 'Mwenge' });
  otherPlace = at(1, { council: 'DAR-KIM', place: 'Mwananyamala' });
  w.clock.set(START + 9 * DAY);
});
afterEach(() => w.close());

const row = (x: ComplaintRow) =>
  w.db.select().from(complaints).where(eq(complaints.id, x.id)).get();
const lastSmsTo = (phone: string) =>
  w.db
    .select()
    .from(smsOutbox)
    .where(eq(smsOutbox.toPhone, phone))
    .orderBy(asc(smsOutbox.id))
    .all()
    .slice(-1)[0];
const everything = () => ({
  complaints: w.db.$client.prepare('SELECT * FROM complaints ORDER BY id').all(),
  events: w.db.$client.prepare('SELECT * FROM complaint_events ORDER BY id').all(),
  sms: w.db.$client.prepare('SELECT * FROM sms_outbox ORDER BY id').all(),
});
const numbersIn = (html: string, section = 'cluster') => {
  const part = html.slice(html.indexOf(`id="${section}"`));
  return [
    ...part.slice(0, part.indexOf('</section>')).matchAll(/href="\/console\/c\/(\d{8})"/g),
  ].map((m) => m[1]);
};
let smsIds = 0;
const citizenSms = (from: string, text: string) =>
  postForm(
    w.app,
    `/sms/inbound?token=${TEST_TOKEN}`,
    formBody({
      date: '2026-03-21 09:00:00',
      from,
      id: `ATXid_cl_${++smsIds}`,
      linkId: 'L',
      text,
      to: '15055',
      networkCode: '64004',
    }),
  );

describe('who is in a cluster', () => {
  it('the same council, category and place (as typed any way), filed within 7 days', async () => {
    const { agent } = await signedIn(w, DESK.darSup.phone);
    const pageA = await agent.get(`/console/c/${a.number}`);
    expect(numbersIn(pageA.text).sort()).toEqual([b.number, c.number].sort());
    // C is within 7 days of A, B and F: its cluster holds all three.
    const pageC = await agent.get(`/console/c/${c.number}`);
    expect(numbersIn(pageC.text).sort()).toEqual([a.number, b.number, f.number].sort());
    for (const x of [otherCategory, otherCouncil, otherPlace]) {
      expect(numbersIn(pageC.text)).not.toContain(x.number);
    }
  });

  it('the queue says how many similar complaints a row has', async () => {
    const { agent } = await signedIn(w, DESK.darSup.phone);
    const queue = await agent.get('/console?tab=open');
    const rowOf = (n: string) =>
      new RegExp(`/console/c/${n}"[^]*?</tr>`).exec(queue.text)?.[0] ?? '';
    expect(textOf(rowOf(a.number))).toContain('Similar: 2');
    expect(textOf(rowOf(c.number))).toContain('Similar: 3');
    expect(textOf(rowOf(otherPlace.number))).not.toContain('Similar');
  });

  it('only what the viewer may see: an officer of another council sees none of it', async () => {
    const { agent } = await signedIn(w, DESK.juma.phone); // covers Ubungo
    const page = await agent.get(`/console/c/${otherCouncil.number}`);
    expect(page.status).toBe(200);
    expect(numbersIn(page.text)).toEqual([]);
  });
});

describe('linking under a lead', () => {
  it('a supervisor links the cluster under one complaint; each gets an event', async () => {
    const { agent, csrf } = await signedIn(w, DESK.darSup.phone);
    const res = await agent
      .post(`/console/c/${a.number}/link`)
      .type('form')
      .send(`_csrf=${csrf}&numbers=${b.number}&numbers=${c.number}`);
    expect(res.status).toBe(303);
    expect([row(b)?.leadId, row(c)?.leadId, row(a)?.leadId]).toEqual([a.id, a.id, null]);
    const linked = w.db
      .select()
      .from(complaintEvents)
      .where(eq(complaintEvents.type, 'linked'))
      .all();
    expect(linked.map((e) => [e.complaintId, e.note, e.source]).sort()).toEqual(
      [
        [b.id, a.number, 'console'],
        [c.id, a.number, 'console'],
      ].sort(),
    );
    const page = await agent.get(res.headers.location ?? '');
    expect(textOf(page.text)).toContain('2 complaints linked under this one.');
    expect(textOf(page.text)).toContain(`Rehema Mushi linked similar complaints under it`);
    const child = await agent.get(`/console/c/${b.number}`);
    expect(textOf(child.text)).toContain(
      `This complaint is linked under ${formatComplaintNumber(a.number)}`,
    );
  });

  it('all or none: one complaint outside the cluster links nothing', async () => {
    const { agent, csrf } = await signedIn(w, DESK.darSup.phone);
    const before = everything();
    const res = await agent
      .post(`/console/c/${a.number}/link`)
      .type('form')
      .send(`_csrf=${csrf}&numbers=${b.number}&numbers=${otherCategory.number}`);
    expect(res.status).toBe(409);
    expect(textOf(res.text)).toContain(
      `Nothing was linked: ${formatComplaintNumber(otherCategory.number)} cannot be`,
    );
    expect(everything()).toEqual(before);
  });

  it('an officer may not link (no form, and a forged one changes nothing)', async () => {
    const { agent, csrf } = await signedIn(w, DESK.neema.phone);
    const page = await agent.get(`/console/c/${a.number}`);
    expect(page.text).not.toContain(`/console/c/${a.number}/link`);
    const before = everything();
    const res = await agent
      .post(`/console/c/${a.number}/link`)
      .type('form')
      .send(`_csrf=${csrf}&numbers=${b.number}`);
    expect(res.status).toBe(409);
    expect(textOf(res.text)).toContain('Only a supervisor can assign complaints to others.');
    expect(everything()).toEqual(before);
  });

  it('unlinking takes one complaint out of the group', async () => {
    const { agent, csrf } = await signedIn(w, DESK.darSup.phone);
    await agent
      .post(`/console/c/${a.number}/link`)
      .type('form')
      .send(`_csrf=${csrf}&numbers=${b.number}&numbers=${c.number}`);
    const res = await agent
      .post(`/console/c/${a.number}/unlink`)
      .type('form')
      .send({ _csrf: csrf, number: c.number });
    expect(res.status).toBe(303);
    expect([row(b)?.leadId, row(c)?.leadId]).toEqual([a.id, null]);
    // Only a complaint linked under this one can be unlinked from its page.
    const wrong = await agent
      .post(`/console/c/${c.number}/unlink`)
      .type('form')
      .send({ _csrf: csrf, number: b.number });
    expect(wrong.status).toBe(404);
    expect(row(b)?.leadId).toBe(a.id);
  });
});

describe('acting on the group from the lead', () => {
  beforeEach(async () => {
    const { agent, csrf } = await signedIn(w, DESK.darSup.phone);
    await agent
      .post(`/console/c/${a.number}/link`)
      .type('form')
      .send(`_csrf=${csrf}&numbers=${b.number}&numbers=${c.number}`);
  });

  it('one update reaches every citizen, each about their own number and in their language', async () => {
    const { agent, csrf } = await signedIn(w, DESK.darSup.phone);
    const res = await agent
      .post(`/console/c/${a.number}/group-reply`)
      .type('form')
      .send({ _csrf: csrf, text: 'Fundi yuko njiani / A technician is on the way' });
    expect(res.status).toBe(303);
    for (const x of [a, b, c]) {
      const sms = lastSmsTo(x.citizenPhone);
      expect(sms?.template).toBe('sms.reply');
      expect(sms?.body).toContain(formatComplaintNumber(x.number));
      expect(sms?.body).toContain('A technician is on the way');
      for (const other of [a, b, c].filter((o) => o !== x))
        expect(sms?.body).not.toContain(formatComplaintNumber(other.number));
      expect(row(x)?.firstResponseAt).not.toBeNull();
    }
    expect(lastSmsTo(b.citizenPhone)?.body).toMatch(/complaint/i); // B files in English
    expect(lastSmsTo(a.citizenPhone)?.body).toMatch(/lalamiko/i);
    expect(textOf((await agent.get(res.headers.location ?? '')).text)).toContain(
      'Update sent for 3 complaints.',
    );
  });

  it('resolving together: each citizen rates or reopens their own', async () => {
    const { agent, csrf } = await signedIn(w, DESK.darSup.phone);
    const res = await agent
      .post(`/console/c/${a.number}/group-resolve`)
      .type('form')
      .send({ _csrf: csrf, text: 'Pampu imetengenezwa' });
    expect(res.status).toBe(303);
    expect([a, b, c].map((x) => row(x)?.status)).toEqual(['resolved', 'resolved', 'resolved']);
    for (const x of [a, b, c]) {
      expect(lastSmsTo(x.citizenPhone)?.template).toBe('sms.resolved');
      expect(lastSmsTo(x.citizenPhone)?.body).toContain(formatComplaintNumber(x.number));
    }
    expect((await citizenSms(b.citizenPhone, '4')).status).toBe(200);
    expect((await citizenSms(c.citizenPhone, `REOPEN ${c.number}`)).status).toBe(200);
    expect([row(a)?.rating, row(b)?.rating, row(c)?.rating]).toEqual([null, 4, null]);
    expect([row(a)?.status, row(b)?.status, row(c)?.status]).toEqual([
      'resolved',
      'resolved',
      'assigned',
    ]);
  });

  it('an empty update is refused next to its field, and nothing is sent', async () => {
    const { agent, csrf } = await signedIn(w, DESK.darSup.phone);
    const before = everything();
    const res = await agent
      .post(`/console/c/${a.number}/group-reply`)
      .type('form')
      .send({ _csrf: csrf, text: ' ' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('id="group-reply-error"');
    expect(everything()).toEqual(before);
  });
});

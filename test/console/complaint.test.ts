/**
 * One complaint in the console: what a staff member sees and does. Every action goes through the
 * services the SMS commands use, so a console reply writes the same event and SMS as `R <number>`
 * by SMS (only the source differs). A complaint outside the viewer's scope is a 404 for the page
 * and for every action, and the action changes nothing.
 */
import { asc, eq } from 'drizzle-orm';
import { complaintEvents, complaints, smsOutbox, type ComplaintRow } from '../../db/schema';
import { formatComplaintNumber } from '../../src/complaints/core/numbers';
import { formBody, postForm } from '../helpers/at-ussd';
import { TEST_TOKEN } from '../helpers/app';
import { DESK, eat } from '../helpers/world';
import { openConsoleWorld, signedIn, textOf, type ConsoleWorld } from './world';

let w: ConsoleWorld;
beforeEach(() => {
  w = openConsoleWorld();
});
afterEach(() => w.close());

const eventsOf = (c: ComplaintRow) =>
  w.db
    .select()
    .from(complaintEvents)
    .where(eq(complaintEvents.complaintId, c.id))
    .orderBy(asc(complaintEvents.id))
    .all();
const smsOf = (c: ComplaintRow) =>
  w.db
    .select()
    .from(smsOutbox)
    .where(eq(smsOutbox.complaintId, c.id))
    .orderBy(asc(smsOutbox.id))
    .all();
const reload = (c: ComplaintRow) =>
  w.db.select().from(complaints).where(eq(complaints.id, c.id)).get();
const everything = () => ({
  complaints: w.db.$client.prepare('SELECT * FROM complaints ORDER BY id').all(),
  events: w.db.$client.prepare('SELECT * FROM complaint_events ORDER BY id').all(),
  sms: w.db.$client.prepare('SELECT * FROM sms_outbox ORDER BY id').all(),
});

let smsIds = 0;
/** A staff member's SMS command, as Africa's Talking posts it. */
const smsCommand = (from: string, text: string) =>
  postForm(
    w.app,
    `/sms/inbound?token=${TEST_TOKEN}`,
    formBody({
      date: '2026-03-12 09:01:05',
      from,
      id: `ATXid_c_${++smsIds}`,
      linkId: 'L',
      text,
      to: '15055',
      networkCode: '64004',
    }),
  );

/** What an event says apart from when, where from and which SMS. */
const shape = (e: ReturnType<typeof eventsOf>[number]) => ({
  type: e.type,
  actor: e.actor,
  staffId: e.staffId,
  assigneeId: e.assigneeId,
  fromStatus: e.fromStatus,
  toStatus: e.toStatus,
  note: e.note,
  linkedSms: e.smsId !== null,
});

describe('the same actions as the SMS commands', () => {
  it.each([
    [
      'reply',
      (n: string) => `R ${n} Fundi anakuja kesho asubuhi`,
      'reply',
      { message: 'Fundi anakuja kesho asubuhi' },
    ],
    [
      'note',
      (n: string) => `N ${n} Nimeongea na mhandisi`,
      'note',
      { text: 'Nimeongea na mhandisi' },
    ],
    [
      'resolve',
      (n: string) => `DONE ${n} Bomba limetengenezwa`,
      'resolve',
      { note: 'Bomba limetengenezwa' },
    ],
  ] as const)(
    '%s: same events and SMS as by SMS, marked as from the console',
    async (_name, command, path, form) => {
      const bySms = w.file({ council: 'DAR-KIM' });
      const byConsole = w.file({ council: 'DAR-KIM' });
      const before = { sms: smsOf(bySms).length, console: smsOf(byConsole).length };
      expect((await smsCommand(DESK.neema.phone, command(bySms.number))).status).toBe(200);
      const { agent, csrf } = await signedIn(w, DESK.neema.phone);
      const res = await agent
        .post(`/console/c/${byConsole.number}/${path}`)
        .type('form')
        .send({ _csrf: csrf, ...form });
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe(`/console/c/${byConsole.number}?done=${path}`);

      const a = eventsOf(bySms).slice(-1)[0];
      const b = eventsOf(byConsole).slice(-1)[0];
      if (!a || !b) throw new Error('no events');
      expect(shape(b)).toEqual(shape(a));
      expect([a.source, b.source]).toEqual(['sms', 'console']);
      // What the citizen gets is the same; the SMS command's own confirmation to the officer is
      // the console's notice on screen instead.
      const toCitizen = (c: ComplaintRow, from: number) =>
        smsOf(c)
          .slice(from)
          .filter((s) => s.toPhone !== DESK.neema.phone)
          .map((s) => ({
            to: s.toPhone,
            template: s.template,
            body: s.body.replace(formatComplaintNumber(c.number), 'N'),
          }));
      expect(toCitizen(byConsole, before.console)).toEqual(toCitizen(bySms, before.sms));
      expect(toCitizen(byConsole, before.console)).toHaveLength(path === 'note' ? 0 : 1);
      expect(reload(byConsole)?.status).toBe(reload(bySms)?.status);
    },
  );

  it('the page says what happened, in the staff member’s language', async () => {
    const c = w.file({ council: 'DAR-KIM' });
    const { agent, csrf } = await signedIn(w, DESK.neema.phone);
    const done = await agent
      .post(`/console/c/${c.number}/reply`)
      .type('form')
      .send({ _csrf: csrf, message: 'We are on it' });
    const page = await agent.get(done.headers.location ?? '');
    expect(textOf(page.text)).toContain('Your reply is on its way to the citizen.');
    expect(textOf(page.text)).toContain('Neema Kweka replied');
    expect(textOf(page.text)).toContain('in the console');
  });

  it('a resolution during the quiet hours says when the citizen will be asked to rate, as the SMS command does', async () => {
    const quiet = { start: 21 * 60, end: 7 * 60 };
    const resolveAt = async (wall: string) => {
      w.clock.set(eat(wall));
      const c = w.file({ council: 'DAR-KIM' });
      const { agent, csrf } = await signedIn(w, DESK.neema.phone);
      const done = await agent
        .post(`/console/c/${c.number}/resolve`)
        .type('form')
        .send({ _csrf: csrf, note: 'Bomba limetengenezwa' });
      return textOf((await agent.get(done.headers.location ?? '')).text);
    };
    w.console.quietHours = quiet;
    expect(await resolveAt('2026-03-12 22:11')).toContain(
      'Resolved. The citizen will be told and asked to rate the service at 07:00, when the quiet hours end.',
    );
    expect(await resolveAt('2026-03-13 10:00')).toContain(
      'Resolved. The citizen has been asked to rate the service.',
    );
  });

  it('a refusal is shown in words and changes nothing (an officer resolving a colleague’s complaint)', async () => {
    const c = w.file({ council: 'DAR-UBM' }); // Juma's council: assigned to Juma
    const sup = await signedIn(w, DESK.darSup.phone);
    // Neema does not cover Ubungo: the complaint is not hers to see either.
    const neema = await signedIn(w, DESK.neema.phone);
    expect((await neema.agent.get(`/console/c/${c.number}`)).status).toBe(404);
    // The supervisor gives a Kinondoni complaint to Juma; Neema covers Kinondoni, so she sees it...
    const k = w.file({ council: 'DAR-KIM' });
    const juma = w.desk.juma;
    expect(
      (
        await sup.agent
          .post(`/console/c/${k.number}/assign`)
          .type('form')
          .send({ _csrf: sup.csrf, staffId: String(juma.id) })
      ).status,
    ).toBe(303);
    const before = everything();
    const res = await neema.agent
      .post(`/console/c/${k.number}/resolve`)
      .type('form')
      .send({ _csrf: neema.csrf, note: 'done' });
    // ...but may not resolve it: it is another officer's.
    expect(res.status).toBe(409);
    expect(textOf(res.text)).toContain(
      `Complaint ${formatComplaintNumber(k.number)} is assigned to another officer. Ask your supervisor.`,
    );
    expect(everything()).toEqual(before);
  });

  it('an empty reply is refused next to the field, and nothing is sent', async () => {
    const c = w.file({ council: 'DAR-KIM' });
    const { agent, csrf } = await signedIn(w, DESK.neema.phone);
    const before = everything();
    const res = await agent
      .post(`/console/c/${c.number}/reply`)
      .type('form')
      .send({ _csrf: csrf, message: '   ' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('id="reply-message-error"');
    expect(res.text).toContain('href="#reply-message"');
    expect(everything()).toEqual(before);
  });

  it('the reply preview shows the SMS the citizen gets, its length and parts', async () => {
    const c = w.file({ council: 'DAR-KIM', language: 'en' });
    const { agent, csrf } = await signedIn(w, DESK.neema.phone);
    const res = await agent
      .post(`/console/c/${c.number}/preview`)
      .type('form')
      .send({ _csrf: csrf, message: 'Fundi anakuja – kesho ✓' });
    expect(res.status).toBe(200);
    const text = textOf(res.text);
    expect(text).toContain(formatComplaintNumber(c.number));
    expect(text).toMatch(/\d+ characters, [12] SMS/);
    expect(text).toContain('✓');
    // No-JS: the Preview button redraws the page with the draft kept.
    const page = await agent
      .post(`/console/c/${c.number}/reply`)
      .type('form')
      .send({ _csrf: csrf, message: 'Tunakuja kesho', preview: '1' });
    expect(page.status).toBe(200);
    expect(page.text).toContain('Tunakuja kesho</textarea>');
    expect(smsOf(c).filter((s) => s.template?.includes('reply'))).toEqual([]);
    // The preview is the SMS the reply then queues, word for word, the organisation's prefix too.
    const shown = /<div class="sms-preview">([^<]*)<\/div>/.exec(page.text)?.[1];
    expect(shown).toBe(`PO-RALG, complaint ${formatComplaintNumber(c.number)}: Tunakuja kesho`);
    await agent
      .post(`/console/c/${c.number}/reply`)
      .type('form')
      .send({ _csrf: csrf, message: 'Tunakuja kesho' });
    expect(smsOf(c).find((s) => s.template === 'sms.reply')?.body).toBe(shown);
  });
});

describe('the citizen’s number', () => {
  it('is masked until asked for with a reason, which is recorded', async () => {
    const c = w.file({ council: 'DAR-KIM', phone: '+255689123456' });
    const { agent, csrf } = await signedIn(w, DESK.neema.phone);
    const page = await agent.get(`/console/c/${c.number}`);
    expect(page.text).not.toContain('689123456');
    expect(textOf(page.text)).toContain('+255 6•• ••• 456');
    const noReason = await agent
      .post(`/console/c/${c.number}/phone`)
      .type('form')
      .send({ _csrf: csrf, reason: ' ' });
    expect(noReason.status).toBe(400);
    expect(noReason.text).not.toContain('689123456');
    const shown = await agent
      .post(`/console/c/${c.number}/phone`)
      .type('form')
      .send({ _csrf: csrf, reason: 'To call back about the tap' });
    expect(shown.status).toBe(200);
    expect(shown.text).toContain('href="tel:+255689123456"');
    const e = eventsOf(c).slice(-1)[0];
    expect([e?.type, e?.staffId, e?.note, e?.source]).toEqual([
      'phone_shown',
      w.desk.neema.id,
      'To call back about the tap',
      'console',
    ]);
    expect(textOf((await agent.get(`/console/c/${c.number}`)).text)).toContain(
      'Neema Kweka looked at the phone number',
    );
  });

  it('is never shown for an anonymous complaint', async () => {
    const c = w.file({ council: 'DAR-KIM', phone: '+255689123456', anonymous: true });
    const { agent, csrf } = await signedIn(w, DESK.neema.phone);
    const page = await agent.get(`/console/c/${c.number}`);
    expect(textOf(page.text)).toContain('Anonymous: the number is never shown');
    expect(page.text).not.toContain(`/console/c/${c.number}/phone`);
    const forced = await agent
      .post(`/console/c/${c.number}/phone`)
      .type('form')
      .send({ _csrf: csrf, reason: 'curious' });
    expect(forced.text).not.toContain('689123456');
  });
});

describe('scope', () => {
  const ACTIONS = [
    ['reply', { message: 'hello there' }],
    ['note', { text: 'hello there' }],
    ['take', {}],
    ['assign', { staffId: '1' }],
    ['start', {}],
    ['resolve', { note: 'done' }],
    ['reopen', { reason: 'again' }],
    ['phone', { reason: 'call back' }],
    ['preview', { message: 'x' }],
  ] as const;

  it.each([
    ['an officer of another council', 'juma'],
    ['an officer of another region', 'aruOfficer'],
    ['a supervisor of another region', 'aruSup'],
  ] as const)(
    '%s gets a 404 for the page and every action, and nothing changes',
    async (_who, key) => {
      // All three read the console in Kiswahili.
      const c = w.file({ council: 'DAR-KIM' });
      const { agent, csrf } = await signedIn(w, DESK[key].phone);
      expect((await agent.get(`/console/c/${c.number}`)).status).toBe(404);
      const before = everything();
      for (const [action, form] of ACTIONS) {
        const res = await agent
          .post(`/console/c/${c.number}/${action}`)
          .type('form')
          .send({ _csrf: csrf, ...form });
        expect([action, res.status]).toEqual([action, 404]);
        expect(res.text).not.toContain(c.description);
      }
      expect(everything()).toEqual(before);
      // And the queue's number search does not give it away either.
      const search = await agent.get(`/console?q=${c.number}`);
      expect(search.status).toBe(400);
      expect(textOf(search.text)).toContain(
        `Hakuna lalamiko ${formatComplaintNumber(c.number)} katika malalamiko unayoweza kuona.`,
      );
    },
  );

  it.each([
    ['the officer of its council', 'neema'],
    ['the region’s supervisor', 'darSup'],
    ['headquarters', 'hq'],
  ] as const)('%s sees it', async (_who, key) => {
    const c = w.file({ council: 'DAR-KIM' });
    const { agent } = await signedIn(w, DESK[key].phone);
    const page = await agent.get(`/console/c/${c.number}`);
    expect(page.status).toBe(200);
    expect(textOf(page.text)).toContain(c.description);
  });

  it('a number with a typing mistake is said to be one', async () => {
    const c = w.file({ council: 'DAR-KIM' });
    const { agent } = await signedIn(w, DESK.neema.phone);
    const typo = `${c.number.slice(0, 7)}${(Number(c.number[7]) + 1) % 10}`;
    const res = await agent.get(`/console?q=${typo}`);
    expect(res.status).toBe(400);
    expect(textOf(res.text)).toContain(`${typo} has a typing mistake`);
    const found = await agent.get(
      `/console?q=${formatComplaintNumber(c.number).replace(' ', '+')}`,
    );
    expect(found.status).toBe(303);
    expect(found.headers.location).toBe(`/console/c/${c.number}`);
  });

  it('words find complaints in the tab, which says it shows matches rather than counts', async () => {
    const well = w.file({ council: 'DAR-KIM', description: 'Kisima cha Mwenge kimeharibika' });
    w.file({ council: 'DAR-KIM', description: 'Taa za barabarani hazifanyi kazi' });
    const { agent } = await signedIn(w, DESK.darSup.phone);
    const res = await agent.get('/console?tab=open&q=kisima');
    expect(res.status).toBe(200);
    const text = textOf(res.text);
    expect(text).toContain('All open: complaints matching “kisima”');
    expect(res.text).toContain(`/console/c/${well.number}"`);
    expect(res.text).not.toContain('class="count"');
    expect((res.text.match(/<tr>/g) ?? []).length).toBe(2); // the header and the well
    const plain = await agent.get('/console?tab=open');
    expect(plain.text).toContain('class="count"');
  });
});

describe('assigning', () => {
  it('headquarters picks from supervisors and headquarters, or from the staff of the region it filters to', async () => {
    w.file({ council: 'DAR-KIM' });
    const { agent } = await signedIn(w, DESK.hq.phone);
    const optionsOf = (html: string) =>
      [...html.matchAll(/<option value="(\d+)"/g)].map((m) => Number(m[1]));
    const country = optionsOf((await agent.get('/console?tab=open')).text);
    expect(country).toContain(w.desk.darSup.id);
    expect(country).toContain(w.desk.hq.id);
    expect(country).not.toContain(w.desk.neema.id);
    const dar = optionsOf((await agent.get('/console?tab=open&region=DAR')).text);
    expect(dar).toEqual(
      expect.arrayContaining([w.desk.neema.id, w.desk.juma.id, w.desk.darSup.id]),
    );
    expect(dar).not.toContain(w.desk.aruOfficer.id);
  });

  it('a supervisor assigns one complaint, and several from the queue', async () => {
    const one = w.file({ council: 'DAR-KIM' });
    const more = [w.file({ council: 'DAR-KIM' }), w.file({ council: 'DAR-UBM' })];
    const { agent, csrf } = await signedIn(w, DESK.darSup.phone);
    const juma = w.desk.juma;
    const res = await agent
      .post(`/console/c/${one.number}/assign`)
      .type('form')
      .send({ _csrf: csrf, staffId: String(juma.id) });
    expect(res.status).toBe(303);
    expect(textOf((await agent.get(res.headers.location ?? '')).text)).toContain(
      'Assigned to Juma Said.',
    );
    expect(reload(one)?.assigneeId).toBe(juma.id);
    const bulk = await agent
      .post('/console/assign-many')
      .type('form')
      .send(
        `_csrf=${csrf}&staffId=${juma.id}&back=${encodeURIComponent('/console?tab=open')}&numbers=${more[0]?.number}&numbers=${more[1]?.number}`,
      );
    expect(bulk.status).toBe(303);
    expect(bulk.headers.location).toBe(`/console?tab=open&done=assigned&n=2&to=${juma.id}`);
    expect(more.map((c) => reload(c)?.assigneeId)).toEqual([juma.id, juma.id]);
    expect(textOf((await agent.get(bulk.headers.location ?? '')).text)).toContain(
      '2 complaints assigned to Juma Said.',
    );
  });

  it('an officer has no assign form, and a forged one is refused', async () => {
    const c = w.file({ council: 'DAR-KIM' });
    const { agent, csrf } = await signedIn(w, DESK.neema.phone);
    const page = await agent.get(`/console/c/${c.number}`);
    expect(page.text).not.toContain(`/console/c/${c.number}/assign`);
    const before = everything();
    const res = await agent
      .post(`/console/c/${c.number}/assign`)
      .type('form')
      .send({ _csrf: csrf, staffId: String(w.desk.juma.id) });
    expect(res.status).toBe(409);
    expect(textOf(res.text)).toContain('Only a supervisor can assign complaints to others.');
    expect(everything()).toEqual(before);
  });
});

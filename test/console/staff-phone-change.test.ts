/**
 * Issue 23, part 2: a staff member's sign-in phone cannot be changed silently. A new number on
 * the staff form changes nothing yet: a code goes to the new phone, and only that code, typed on
 * the staff page, makes the change; then, in one transaction, the phone changes, every session
 * of the account ends, the old phone is told by SMS who changed it and when, and the audit log
 * keeps who, when, the field, before and after.
 */
import { desc, eq } from 'drizzle-orm';
import { consoleSessions, smsOutbox, staff, type StaffRow } from '../../db/schema';
import { DESK } from '../helpers/world';
import {
  askCode,
  browser,
  csrfIn,
  lastCodeTo,
  openConsoleWorld,
  signedIn,
  textOf,
  type Agent,
  type ConsoleWorld,
} from './world';

let w: ConsoleWorld;
beforeEach(() => {
  w = openConsoleWorld();
});
afterEach(() => w.close());

const MIN = 60_000;
const NEW = '+255715000999';
const CODE_TEMPLATE = 'sms.staff.phoneCode';

/** The staff form of `m` as it stands, with `over` changed. */
function formOf(m: StaffRow, councils: string[], over: Record<string, string> = {}) {
  const fields: Record<string, string> = {
    name: m.name,
    phone: m.phone,
    role: m.role,
    region: m.regionCode ?? '',
    wards: '',
    lang: m.language,
    ...over,
  };
  return [
    ...Object.entries(fields).map(([k, v]) => `${k}=${encodeURIComponent(v)}`),
    ...councils.map((c) => `councils=${c}`),
  ].join('&');
}

async function editNeema(agent: Agent, csrf: string, over: Record<string, string>) {
  return agent
    .post(`/console/staff/${w.desk.neema.id}`)
    .type('form')
    .send(`_csrf=${csrf}&${formOf(w.desk.neema, ['DAR-KIM'], over)}`);
}

/** The code of the last phone-change SMS to `phone`. */
function phoneCodeTo(phone: string): string | undefined {
  const row = w.db
    .select()
    .from(smsOutbox)
    .where(eq(smsOutbox.toPhone, phone))
    .orderBy(desc(smsOutbox.id))
    .get();
  return row?.template === CODE_TEMPLATE ? /\d{6}/.exec(row.body)?.[0] : undefined;
}

const smsTo = (phone: string) =>
  w.db.select().from(smsOutbox).where(eq(smsOutbox.toPhone, phone)).all();
const staffRow = (id: number) => w.db.select().from(staff).where(eq(staff.id, id)).get();
const staffAudit = (id: number) =>
  w.db.$client
    .prepare(
      `SELECT actor_staff_id AS actor, action, before, after, source, at FROM audit_log
        WHERE entity_kind = 'staff' AND entity_id = ? ORDER BY id`,
    )
    .all(String(id)) as {
    actor: number | null;
    action: string;
    before: string | null;
    after: string | null;
    source: string | null;
    at: number;
  }[];

async function confirm(agent: Agent, csrf: string, code: string, id = w.desk.neema.id) {
  return agent.post(`/console/staff/${id}/phone`).type('form').send({ _csrf: csrf, code });
}

describe('asking for a new phone number', () => {
  it('when a supervisor types a new phone for an officer, then nothing changes yet: a code goes to the new phone and the page asks for it', async () => {
    const { agent, csrf } = await signedIn(w, DESK.darSup.phone);
    const res = await editNeema(agent, csrf, { phone: '0715 000 999' });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`/console/staff/${w.desk.neema.id}?done=code`);
    expect(staffRow(w.desk.neema.id)?.phone).toBe(DESK.neema.phone);
    const [sms] = smsTo(NEW);
    expect(sms?.template).toBe(CODE_TEMPLATE);
    expect(sms?.body).toMatch(
      /^Kero: \d{6} is the code to make this phone the console sign-in phone of Neema Kweka, asked for by Rehema Mushi\. Give it to them only if you expect it\. It works once, for 5 minutes\.$/,
    );
    expect(smsTo(DESK.neema.phone)).toEqual([]);
    // Only a keyed hash of the code is kept.
    const code = phoneCodeTo(NEW) ?? '';
    const rows = w.db.$client.prepare('SELECT * FROM staff_phone_changes').all();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ staff_id: w.desk.neema.id, new_phone: NEW, tries: 0 });
    expect((rows[0] as { code_hash: string }).code_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(rows)).not.toContain(code);
    const page = await agent.get(res.headers.location ?? '');
    const text = textOf(page.text);
    expect(text).toContain(`A code was sent by SMS to ${NEW}`);
    expect(text).toContain('Neema Kweka keeps the old number until then');
    expect(page.text).toContain(`action="/console/staff/${w.desk.neema.id}/phone"`);
    expect(page.text).toContain('name="code"');
    // The request is in the log too.
    expect(staffAudit(w.desk.neema.id).at(-1)).toMatchObject({
      actor: w.desk.darSup.id,
      action: 'phone_requested',
      before: JSON.stringify(DESK.neema.phone),
      after: JSON.stringify(NEW),
      source: 'console',
    });
  });

  it('when the new phone is another staff member’s, then the form says so and no code is sent', async () => {
    const { agent, csrf } = await signedIn(w, DESK.darSup.phone);
    const res = await editNeema(agent, csrf, { phone: DESK.juma.phone });
    expect(res.status).toBe(400);
    expect(textOf(res.text)).toContain(`${DESK.juma.phone} is already registered to Juma Said`);
    expect(w.db.$client.prepare('SELECT count(*) AS n FROM staff_phone_changes').get()).toEqual({
      n: 0,
    });
  });

  it('sends at most 5 phone-change codes for one editor in 15 minutes', async () => {
    const { agent, csrf } = await signedIn(w, DESK.darSup.phone);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push((await editNeema(agent, csrf, { phone: `+25571500099${i}` })).status);
    }
    expect(statuses).toEqual([303, 303, 303, 303, 303, 429]);
    const refused = await editNeema(agent, csrf, { phone: '+255715000980' });
    expect(textOf(refused.text)).toContain('Too many codes sent');
    expect(smsTo('+255715000995')).toEqual([]);
    w.clock.advance(15 * MIN);
    expect((await editNeema(agent, csrf, { phone: '+255715000981' })).status).toBe(303);
  });
});

describe('confirming it with the code', () => {
  it('when the right code is typed, then the phone changes, every session of the officer ends, the old phone is told who and when, and the log keeps it', async () => {
    const neema = await signedIn(w, DESK.neema.phone);
    // A sign-in half done on the old phone: its code must not open the account afterwards.
    const halfway = browser(w);
    await askCode(w, halfway, DESK.neema.phone);
    const oldCode = lastCodeTo(w, DESK.neema.phone) ?? '';
    const halfwayCsrf = csrfIn((await halfway.get('/console/sign-in/code')).text);
    const sup = await signedIn(w, DESK.darSup.phone);
    await editNeema(sup.agent, sup.csrf, { phone: NEW });
    w.clock.advance(2 * MIN);

    const res = await confirm(sup.agent, sup.csrf, phoneCodeTo(NEW) ?? '');

    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(
      `/console/staff?done=phone&name=${encodeURIComponent('Neema Kweka')}`,
    );
    expect(textOf((await sup.agent.get(res.headers.location ?? '')).text)).toContain(
      'The sign-in phone of Neema Kweka was changed. Their console sessions were ended and their old phone was told by SMS.',
    );
    expect(staffRow(w.desk.neema.id)?.phone).toBe(NEW);
    // Every session of the account ended, on the server.
    expect((await neema.agent.get('/console')).status).toBe(303);
    const sessions = w.db
      .select()
      .from(consoleSessions)
      .where(eq(consoleSessions.staffId, w.desk.neema.id))
      .all();
    expect(sessions.length).toBeGreaterThan(0);
    expect(sessions.every((s) => s.endedAt !== null)).toBe(true);
    const late = await halfway
      .post('/console/sign-in/code')
      .type('form')
      .send({ _csrf: halfwayCsrf, code: oldCode });
    expect(late.status).toBe(400);
    expect((await halfway.get('/console')).status).toBe(303);
    // The old phone is told, in the officer's language.
    const told = smsTo(DESK.neema.phone).filter((s) => s.template === 'sms.staff.phoneChanged');
    expect(told.map((s) => s.body)).toEqual([
      'Kero: the console sign-in phone of Neema Kweka was changed by Rehema Mushi on 12/03/2026 at 09:02 to a number ending 999. Every console session of the account was ended. If you did not expect this, call headquarters at once.',
    ]);
    // The log: who, when, the field, before and after, from the console.
    expect(staffAudit(w.desk.neema.id).at(-1)).toEqual({
      actor: w.desk.darSup.id,
      action: 'phone',
      before: JSON.stringify(DESK.neema.phone),
      after: JSON.stringify(NEW),
      source: 'console',
      at: w.clock.now(),
    });
    // The new phone signs in; the old one gets no code any more.
    const codesToOld = () =>
      smsTo(DESK.neema.phone).filter((s) => s.template === 'console.code').length;
    const before = codesToOld();
    await askCode(w, browser(w), DESK.neema.phone);
    expect(codesToOld()).toBe(before);
    expect((await signedIn(w, NEW)).csrf).toBeTruthy();
  });

  it('works once: the same code again finds nothing waiting', async () => {
    const { agent, csrf } = await signedIn(w, DESK.darSup.phone);
    await editNeema(agent, csrf, { phone: NEW });
    const code = phoneCodeTo(NEW) ?? '';
    expect((await confirm(agent, csrf, code)).status).toBe(303);
    const again = await confirm(agent, csrf, code);
    expect(again.status).toBe(400);
    expect(textOf(again.text)).toContain('No phone change is waiting for a code.');
  });

  it('a wrong code is refused and counted; after 5 wrong codes even the right one no longer works', async () => {
    const { agent, csrf } = await signedIn(w, DESK.darSup.phone);
    await editNeema(agent, csrf, { phone: NEW });
    const code = phoneCodeTo(NEW) ?? '';
    const wrong = code === '000000' ? '111111' : '000000';
    const first = await confirm(agent, csrf, wrong);
    expect(first.status).toBe(400);
    expect(textOf(first.text)).toContain('That code is not right.');
    for (let i = 0; i < 4; i++) await confirm(agent, csrf, wrong);
    const late = await confirm(agent, csrf, code);
    expect(late.status).toBe(400);
    expect(textOf(late.text)).toContain('No phone change is waiting for a code.');
    expect(staffRow(w.desk.neema.id)?.phone).toBe(DESK.neema.phone);
    expect(staffAudit(w.desk.neema.id).map((a) => a.action)).toContain('phone_failed');
  });

  it('expires after 5 minutes', async () => {
    const { agent, csrf } = await signedIn(w, DESK.darSup.phone);
    await editNeema(agent, csrf, { phone: NEW });
    w.clock.advance(5 * MIN);
    const res = await confirm(agent, csrf, phoneCodeTo(NEW) ?? '');
    expect(res.status).toBe(400);
    expect(staffRow(w.desk.neema.id)?.phone).toBe(DESK.neema.phone);
    expect(smsTo(DESK.neema.phone).filter((s) => s.template === 'sms.staff.phoneChanged')).toEqual(
      [],
    );
  });

  it('when it is cancelled, then its code no longer works and the log says so', async () => {
    const { agent, csrf } = await signedIn(w, DESK.darSup.phone);
    await editNeema(agent, csrf, { phone: NEW });
    const cancel = await agent
      .post(`/console/staff/${w.desk.neema.id}/phone/cancel`)
      .type('form')
      .send({ _csrf: csrf });
    expect(cancel.status).toBe(303);
    expect(textOf((await agent.get(cancel.headers.location ?? '')).text)).toContain(
      'The phone change was cancelled.',
    );
    expect((await confirm(agent, csrf, phoneCodeTo(NEW) ?? '')).status).toBe(400);
    expect(staffRow(w.desk.neema.id)?.phone).toBe(DESK.neema.phone);
    expect(staffAudit(w.desk.neema.id).at(-1)).toMatchObject({
      actor: w.desk.darSup.id,
      action: 'phone_cancelled',
      before: JSON.stringify(NEW),
      after: null,
    });
  });

  it('when someone else took the new number meanwhile, then the code is refused and nothing changes', async () => {
    const { agent, csrf } = await signedIn(w, DESK.darSup.phone);
    await editNeema(agent, csrf, { phone: NEW });
    w.hire({ name: 'Quick Hand', phone: NEW, role: 'officer', region: 'DAR' });
    const res = await confirm(agent, csrf, phoneCodeTo(NEW) ?? '');
    expect(res.status).toBe(400);
    expect(textOf(res.text)).toContain(`${NEW} is already registered to Quick Hand`);
    expect(staffRow(w.desk.neema.id)?.phone).toBe(DESK.neema.phone);
  });

  it('an empty code, letters, or a code with nothing waiting get a clear answer, never a 500', async () => {
    const { agent, csrf } = await signedIn(w, DESK.darSup.phone);
    const none = await confirm(agent, csrf, '123456');
    expect(none.status).toBe(400);
    expect(textOf(none.text)).toContain('No phone change is waiting for a code.');
    await editNeema(agent, csrf, { phone: NEW });
    for (const typed of ['', 'abcdef', '12 34', '1'.repeat(500)]) {
      const res = await confirm(agent, csrf, typed);
      expect([typed.slice(0, 6), res.status]).toEqual([typed.slice(0, 6), 400]);
      expect(textOf(res.text)).toContain('That code is not right.');
    }
    const cancelNone = await agent
      .post(`/console/staff/${w.desk.juma.id}/phone/cancel`)
      .type('form')
      .send({ _csrf: csrf });
    expect(cancelNone.status).toBe(303);
  });

  it('a supervisor cannot confirm or cancel a change of someone they do not manage (404)', async () => {
    const hq = await signedIn(w, DESK.hq.phone);
    await hq.agent
      .post(`/console/staff/${w.desk.aruOfficer.id}`)
      .type('form')
      .send(`_csrf=${hq.csrf}&${formOf(w.desk.aruOfficer, [], { phone: NEW })}`);
    const code = phoneCodeTo(NEW) ?? '';
    expect(code).toMatch(/^\d{6}$/);
    const sup = await signedIn(w, DESK.darSup.phone);
    expect((await confirm(sup.agent, sup.csrf, code, w.desk.aruOfficer.id)).status).toBe(404);
    const cancel = await sup.agent
      .post(`/console/staff/${w.desk.aruOfficer.id}/phone/cancel`)
      .type('form')
      .send({ _csrf: sup.csrf });
    expect(cancel.status).toBe(404);
    expect(staffRow(w.desk.aruOfficer.id)?.phone).toBe(DESK.aruOfficer.phone);
    // Headquarters still can.
    expect((await confirm(hq.agent, hq.csrf, code, w.desk.aruOfficer.id)).status).toBe(303);
  });

  it('headquarters changing their own phone are signed out like anyone else', async () => {
    const hq = await signedIn(w, DESK.hq.phone);
    const me = w.desk.hq;
    await hq.agent
      .post(`/console/staff/${me.id}`)
      .type('form')
      .send(`_csrf=${hq.csrf}&${formOf(me, [], { phone: NEW })}`);
    const res = await confirm(hq.agent, hq.csrf, phoneCodeTo(NEW) ?? '', me.id);
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/console/sign-in');
    expect((await hq.agent.get('/console')).status).toBe(303);
    expect(staffRow(me.id)?.phone).toBe(NEW);
  });
});

describe('the log of staff changes', () => {
  it('keeps every other field changed on the form, one row each with before and after, from the console', async () => {
    const { agent, csrf } = await signedIn(w, DESK.hq.phone);
    const res = await editNeema(agent, csrf, {
      name: 'Neema K. Kweka',
      role: 'supervisor',
      region: 'ARU',
      lang: 'sw',
    });
    expect(res.status).toBe(400); // councils of another region, for a supervisor
    const ok = await agent
      .post(`/console/staff/${w.desk.neema.id}`)
      .type('form')
      .send(
        `_csrf=${csrf}&${formOf(w.desk.neema, [], { name: 'Neema K. Kweka', role: 'supervisor', region: 'ARU', lang: 'sw' })}`,
      );
    expect(ok.status).toBe(303);
    const rows = staffAudit(w.desk.neema.id).filter((a) => a.action !== 'create');
    expect(rows.map((a) => [a.action, a.before, a.after, a.actor, a.source])).toEqual([
      ['name', '"Neema Kweka"', '"Neema K. Kweka"', w.desk.hq.id, 'console'],
      ['role', '"officer"', '"supervisor"', w.desk.hq.id, 'console'],
      ['region', '"DAR"', '"ARU"', w.desk.hq.id, 'console'],
      ['councils', '["DAR-KIM"]', '[]', w.desk.hq.id, 'console'],
      ['language', '"en"', '"sw"', w.desk.hq.id, 'console'],
    ]);
  });

  it('keeps additions, deactivations and activations, with who and where from', async () => {
    const { agent, csrf } = await signedIn(w, DESK.darSup.phone);
    await agent
      .post('/console/staff')
      .type('form')
      .send(`_csrf=${csrf}&name=Amina+Ally&phone=0713000111&role=officer&region=DAR&lang=sw`);
    const amina = w.db.select().from(staff).where(eq(staff.phone, '+255713000111')).get();
    await agent.post(`/console/staff/${amina?.id}/deactivate`).type('form').send({ _csrf: csrf });
    await agent.post(`/console/staff/${amina?.id}/activate`).type('form').send({ _csrf: csrf });
    const rows = staffAudit(amina?.id ?? 0);
    expect(rows.map((a) => [a.action, a.before, a.after, a.actor, a.source])).toEqual([
      [
        'create',
        null,
        JSON.stringify({
          name: 'Amina Ally',
          phone: '+255713000111',
          role: 'officer',
          region: 'DAR',
          councils: [],
          wards: [],
          language: 'sw',
          active: true,
        }),
        w.desk.darSup.id,
        'console',
      ],
      ['active', 'true', 'false', w.desk.darSup.id, 'console'],
      ['active', 'false', 'true', w.desk.darSup.id, 'console'],
    ]);
    // The desk was hired from the command line: no one signed in, source cli.
    expect(staffAudit(w.desk.neema.id)[0]).toMatchObject({
      actor: null,
      action: 'create',
      source: 'cli',
    });
  });

  it('headquarters read every staff change, and one member’s on their page; a supervisor only their officers’; officers nothing', async () => {
    const sup = await signedIn(w, DESK.darSup.phone);
    await editNeema(sup.agent, sup.csrf, { lang: 'sw' });
    const hq = await signedIn(w, DESK.hq.phone);
    const all = await hq.agent.get('/console/staff/changes');
    expect(all.status).toBe(200);
    const text = textOf(all.text);
    expect(text).toContain('Recent changes to staff');
    expect(text).toMatch(/Rehema Mushi \(console\) Neema Kweka Language English Kiswahili/);
    expect(text).toMatch(/Command line Baraka Laizer Added/);
    expect(all.text).toContain(`href="/console/staff/${w.desk.neema.id}"`);
    expect((await hq.agent.get('/console/staff')).text).toContain('href="/console/staff/changes"');
    const mine = textOf((await hq.agent.get(`/console/staff/${w.desk.neema.id}`)).text);
    expect(mine).toContain('Changes to Neema Kweka');
    expect(mine).toMatch(/Rehema Mushi \(console\) Language English Kiswahili/);
    // A supervisor: their officer's history, not the whole log.
    expect((await sup.agent.get('/console/staff/changes')).status).toBe(403);
    expect(textOf((await sup.agent.get(`/console/staff/${w.desk.neema.id}`)).text)).toContain(
      'Changes to Neema Kweka',
    );
    const officer = await signedIn(w, DESK.juma.phone);
    expect((await officer.agent.get('/console/staff/changes')).status).toBe(403);
  });
});

/**
 * The other console pages: logging a phone call, managing staff, and one's own account.
 */
import { asc, eq } from 'drizzle-orm';
import { complaintEvents, complaints, consoleSessions, smsOutbox, staff } from '../../db/schema';
import { formatComplaintNumber } from '../../src/complaints/core/numbers';
import { DESK } from '../helpers/world';
import { browser, openConsoleWorld, signedIn, textOf, type ConsoleWorld } from './world';

let w: ConsoleWorld;
beforeEach(() => {
  w = openConsoleWorld();
});
afterEach(() => w.close());

const CALL = {
  phone: '0754 111 222',
  language: 'en',
  region: 'DAR',
  council: 'DAR-KIM',
  category: 'water',
  place: 'Mwananyamala',
  description: 'No water at the Mwananyamala tap for five days',
  identity: 'identified',
};

describe('logging a phone call', () => {
  it('files a complaint like USSD does: number, officer, SMS to the caller; channel call, by the agent', async () => {
    const { agent, csrf } = await signedIn(w, DESK.darSup.phone);
    const res = await agent
      .post('/console/call')
      .type('form')
      .send({ _csrf: csrf, ...CALL });
    expect(res.status).toBe(303);
    const c = w.db.select().from(complaints).get();
    if (!c) throw new Error('nothing filed');
    expect(res.headers.location).toBe(`/console/call?filed=${c.number}`);
    expect(c).toMatchObject({
      channel: 'call',
      citizenPhone: '+255754111222',
      language: 'en',
      councilCode: 'DAR-KIM',
      categoryCode: 'water',
      place: 'Mwananyamala',
      anonymous: false,
      assigneeId: w.desk.neema.id, // Kinondoni's officer, as for a USSD filing
      status: 'assigned',
    });
    expect(c.firstResponseDueAt).not.toBeNull();
    const first = w.db
      .select()
      .from(complaintEvents)
      .where(eq(complaintEvents.complaintId, c.id))
      .orderBy(asc(complaintEvents.id))
      .get();
    expect([first?.type, first?.staffId, first?.source]).toEqual([
      'received',
      w.desk.darSup.id,
      'console',
    ]);
    const ack = w.db
      .select()
      .from(smsOutbox)
      .where(eq(smsOutbox.toPhone, '+255754111222'))
      .orderBy(asc(smsOutbox.id))
      .get();
    expect(ack?.body).toContain(`your complaint ${formatComplaintNumber(c.number)}`);
    expect(ack?.body).toContain(`*384*1234*${c.number}#`);
    const page = await agent.get(res.headers.location ?? '');
    expect(textOf(page.text)).toContain(`Complaint ${formatComplaintNumber(c.number)} filed.`);
    expect(page.text).toContain(`href="/console/c/${c.number}"`);
    // The form is empty again for the next caller.
    expect(page.text).not.toContain('Mwananyamala');
  });

  it('lists every problem at once, next to its field, and keeps what was typed', async () => {
    const { agent, csrf } = await signedIn(w, DESK.darSup.phone);
    const res = await agent
      .post('/console/call')
      .type('form')
      .send({
        _csrf: csrf,
        ...CALL,
        phone: '12',
        council: 'ARU-ARC',
        category: 'weather',
        description: 'short',
      });
    expect(res.status).toBe(400);
    const text = textOf(res.text);
    for (const m of [
      'Enter the caller phone number',
      'Choose a council of the region',
      'Choose a category',
      'The description needs 10 to 150 characters',
    ]) {
      expect(text).toContain(m);
    }
    expect(res.text).toContain('href="#call-phone"');
    expect(res.text).toContain('value="Mwananyamala"');
    expect(res.text).toContain('>short</textarea>');
    expect(w.db.select().from(complaints).all()).toEqual([]);
  });

  it('a regional agent files only in their region', async () => {
    const { agent, csrf } = await signedIn(w, DESK.darSup.phone);
    const res = await agent
      .post('/console/call')
      .type('form')
      .send({ _csrf: csrf, ...CALL, region: 'ARU', council: 'ARU-ARC' });
    expect(res.status).toBe(400);
    expect(textOf(res.text)).toContain('Choose a region');
    expect(w.db.select().from(complaints).all()).toEqual([]);
  });

  it('an anonymous caller’s number is never shown to staff', async () => {
    const { agent, csrf } = await signedIn(w, DESK.hq.phone);
    await agent
      .post('/console/call')
      .type('form')
      .send({ _csrf: csrf, ...CALL, identity: 'anonymous' });
    const c = w.db.select().from(complaints).get();
    expect(c?.anonymous).toBe(true);
    const page = await agent.get(`/console/c/${c?.number}`);
    expect(textOf(page.text)).toContain('Anonymous: the number is never shown');
  });
});

describe('staff', () => {
  it('officers may not open the staff pages', async () => {
    const { agent } = await signedIn(w, DESK.neema.phone);
    expect((await agent.get('/console/staff')).status).toBe(403);
    expect((await agent.get('/console')).text).not.toContain('href="/console/staff"');
  });

  it('a supervisor sees their region’s staff with their open complaints', async () => {
    w.file({ council: 'DAR-KIM' });
    w.file({ council: 'DAR-KIM' });
    const { agent } = await signedIn(w, DESK.darSup.phone);
    const page = await agent.get('/console/staff');
    expect(page.status).toBe(200);
    const text = textOf(page.text);
    expect(text).toContain('Neema Kweka');
    expect(text).toContain('Juma Said');
    expect(text).not.toContain('Baraka Laizer'); // Arusha
    const neemaRow =
      /<tr><td data-label="Name">Neema Kweka<\/td>.*?<\/tr>/.exec(page.text)?.[0] ?? '';
    expect(neemaRow).toContain('<td data-label="Open" class="num">2</td>');
    // Officers of the region are theirs to manage; they themselves are not.
    expect(page.text).toContain(`/console/staff/${w.desk.neema.id}/deactivate`);
    expect(page.text).not.toContain(`/console/staff/${w.desk.darSup.id}/deactivate`);
  });

  it('a supervisor adds an officer to their own region, whatever region the form says', async () => {
    const { agent, csrf } = await signedIn(w, DESK.darSup.phone);
    const res = await agent
      .post('/console/staff')
      .type('form')
      .send(
        `_csrf=${csrf}&name=Amina+Ally&phone=0713000111&role=officer&region=ARU&councils=DAR-TEM&lang=sw`,
      );
    expect(res.status).toBe(303);
    const amina = w.db.select().from(staff).where(eq(staff.phone, '+255713000111')).get();
    expect([amina?.role, amina?.regionCode, amina?.language]).toEqual(['officer', 'DAR', 'sw']);
    expect(textOf((await agent.get(res.headers.location ?? '')).text)).toContain(
      'Amina Ally added.',
    );
  });

  it('a supervisor may not make a supervisor or headquarters member', async () => {
    const { agent, csrf } = await signedIn(w, DESK.darSup.phone);
    const res = await agent.post('/console/staff').type('form').send({
      _csrf: csrf,
      name: 'Big Boss',
      phone: '0713000112',
      role: 'hq',
      region: '',
      lang: 'en',
    });
    expect(res.status).toBe(400);
    expect(textOf(res.text)).toContain('Choose a role you may give');
    expect(w.db.select().from(staff).where(eq(staff.phone, '+255713000112')).get()).toBeUndefined();
  });

  it('says who already has a phone number', async () => {
    const { agent, csrf } = await signedIn(w, DESK.darSup.phone);
    const res = await agent
      .post('/console/staff')
      .type('form')
      .send({ _csrf: csrf, name: 'Copy Cat', phone: DESK.juma.phone, role: 'officer', lang: 'sw' });
    expect(res.status).toBe(400);
    expect(textOf(res.text)).toContain(`${DESK.juma.phone} is already registered to Juma Said`);
  });

  it('does not tell a supervisor who holds a number outside their region (issue 23)', async () => {
    const { agent, csrf } = await signedIn(w, DESK.darSup.phone);
    for (const holder of [DESK.hq, DESK.aruOfficer]) {
      const res = await agent
        .post('/console/staff')
        .type('form')
        .send({ _csrf: csrf, name: 'Copy Cat', phone: holder.phone, role: 'officer', lang: 'sw' });
      expect(res.status).toBe(400);
      const text = textOf(res.text);
      expect(text).toContain(`${holder.phone} cannot be used`);
      expect(text).not.toContain(holder.name);
      expect(text).not.toContain('already registered');
    }
  });

  it('edits an officer’s councils and language', async () => {
    const { agent, csrf } = await signedIn(w, DESK.darSup.phone);
    const neema = w.desk.neema;
    const form = await agent.get(`/console/staff/${neema.id}`);
    expect(form.status).toBe(200);
    expect(form.text).toContain('value="DAR-KIM" checked');
    const res = await agent
      .post(`/console/staff/${neema.id}`)
      .type('form')
      .send(
        `_csrf=${csrf}&name=Neema+Kweka&phone=${encodeURIComponent(neema.phone)}&role=officer&region=DAR&councils=DAR-KIM&councils=DAR-TEM&lang=sw`,
      );
    expect(res.status).toBe(303);
    const councils = w.db.$client
      .prepare('SELECT council_code AS c FROM staff_councils WHERE staff_id = ? ORDER BY c')
      .all(neema.id);
    expect(councils).toEqual([{ c: 'DAR-KIM' }, { c: 'DAR-TEM' }]);
    expect(w.db.select().from(staff).where(eq(staff.id, neema.id)).get()?.language).toBe('sw');
  });

  it('a supervisor adds a ward officer by ward names; the list and the edit form show the wards (issue 19)', async () => {
    const { agent, csrf } = await signedIn(w, DESK.darSup.phone);
    const res = await agent
      .post('/console/staff')
      .type('form')
      .send(
        `_csrf=${csrf}&name=Zawadi+Mussa&phone=0713000333&role=officer&region=DAR&wards=${encodeURIComponent('Kata ya Magomeni, 14106')}&lang=sw`,
      );
    expect(res.status).toBe(303);
    const zawadi = w.db.select().from(staff).where(eq(staff.phone, '+255713000333')).get();
    const coverage = (table: string, column: string) =>
      w.db.$client
        .prepare(`SELECT ${column} AS c FROM ${table} WHERE staff_id = ? ORDER BY c`)
        .pluck()
        .all(zawadi?.id);
    expect(coverage('staff_wards', 'ward_code')).toEqual(['14101', '14106']);
    expect(coverage('staff_councils', 'council_code')).toEqual(['DAR-KIM']);
    const row =
      /<tr><td data-label="Name">Zawadi Mussa<\/td>.*?<\/tr>/.exec(
        (await agent.get('/console/staff')).text,
      )?.[0] ?? '';
    expect(textOf(row)).toContain('Wards: Magomeni (14101), Tandale (14106)');
    const form = await agent.get(`/console/staff/${zawadi?.id}`);
    expect(form.text).toMatch(/name="wards" value="14101, 14106"/);
  });

  it('a ward name several wards share, or a ward for a supervisor, is refused on the form with the reason', async () => {
    const { agent, csrf } = await signedIn(w, DESK.hq.phone);
    const send = (role: string, wards: string) =>
      agent.post('/console/staff').type('form').send({
        _csrf: csrf,
        name: 'Kheri Lema',
        phone: '0713000444',
        role,
        region: 'ARU',
        wards,
        lang: 'en',
      });
    const shared = await send('officer', 'Majengo');
    expect(shared.status).toBe(400);
    expect(textOf(shared.text)).toContain(
      'Majengo is the name of several wards; write one of the codes: 23319 (ARU-MED), 23411 (ARU-MOD)',
    );
    const supervising = await send('supervisor', '23319');
    expect(supervising.status).toBe(400);
    expect(textOf(supervising.text)).toContain('Only officers cover wards');
    expect(w.db.select().from(staff).where(eq(staff.phone, '+255713000444')).get()).toBeUndefined();
  });

  it('a supervisor cannot open or change someone outside their management (404, nothing changed)', async () => {
    const { agent, csrf } = await signedIn(w, DESK.darSup.phone);
    const before = w.db.$client.prepare('SELECT * FROM staff ORDER BY id').all();
    for (const other of [w.desk.aruOfficer, w.desk.hq, w.desk.darSup]) {
      expect((await agent.get(`/console/staff/${other.id}`)).status).toBe(404);
      for (const path of ['', '/deactivate', '/activate']) {
        const res = await agent
          .post(`/console/staff/${other.id}${path}`)
          .type('form')
          .send({ _csrf: csrf, name: 'X Y', phone: other.phone, role: 'officer', lang: 'en' });
        expect([path, res.status]).toEqual([path, 404]);
      }
    }
    expect(w.db.$client.prepare('SELECT * FROM staff ORDER BY id').all()).toEqual(before);
  });

  it('deactivating moves their open complaints to colleagues and signs them out', async () => {
    const c = w.file({ council: 'DAR-KIM' });
    expect(c.assigneeId).toBe(w.desk.neema.id);
    const neema = await signedIn(w, DESK.neema.phone);
    const sup = await signedIn(w, DESK.darSup.phone);
    const res = await sup.agent
      .post(`/console/staff/${w.desk.neema.id}/deactivate`)
      .type('form')
      .send({ _csrf: sup.csrf });
    expect(res.status).toBe(303);
    expect(textOf((await sup.agent.get(res.headers.location ?? '')).text)).toContain(
      'Neema Kweka deactivated; 1 open complaints moved to colleagues.',
    );
    const moved = w.db.select().from(complaints).where(eq(complaints.id, c.id)).get();
    expect(moved?.assigneeId).not.toBe(w.desk.neema.id);
    expect((await neema.agent.get('/console')).status).toBe(303);
    const open = w.db
      .select()
      .from(consoleSessions)
      .where(eq(consoleSessions.staffId, w.desk.neema.id))
      .all();
    expect(open.every((s) => s.endedAt !== null)).toBe(true);
    // And back again.
    const back = await sup.agent
      .post(`/console/staff/${w.desk.neema.id}/activate`)
      .type('form')
      .send({ _csrf: sup.csrf });
    expect(back.status).toBe(303);
    expect(w.db.select().from(staff).where(eq(staff.id, w.desk.neema.id)).get()?.active).toBe(true);
  });

  it('imports a CSV all or nothing; a supervisor’s import stays in their region', async () => {
    const { agent, csrf } = await signedIn(w, DESK.darSup.phone);
    const csv =
      'name,phone,role,region,councils,lang\nAmina Ally,0713000111,officer,DAR,DAR-TEM,sw\nOmari Juma,0713000222,officer,ARU,,en\n';
    const refused = await agent
      .post('/console/staff/import')
      .field('_csrf', csrf)
      .attach('file', Buffer.from(csv), 'staff.csv');
    expect(refused.status).toBe(400);
    expect(textOf(refused.text)).toContain('line 3: You cannot manage this staff member.');
    expect(w.db.select().from(staff).where(eq(staff.phone, '+255713000111')).get()).toBeUndefined();
    const good = csv.split('\n').slice(0, 2).join('\n');
    const res = await agent
      .post('/console/staff/import')
      .field('_csrf', csrf)
      .attach('file', Buffer.from(`\uFEFF${good}\n`), 'staff.csv');
    expect(res.status).toBe(303);
    expect(textOf((await agent.get(res.headers.location ?? '')).text)).toContain(
      '1 staff imported.',
    );
    expect(
      w.db.select().from(staff).where(eq(staff.phone, '+255713000111')).get()?.regionCode,
    ).toBe('DAR');
  });

  it('an upload without the form’s token is refused before anything is read', async () => {
    const { agent } = await signedIn(w, DESK.darSup.phone);
    const res = await agent
      .post('/console/staff/import')
      .attach('file', Buffer.from('name,phone,role\nA B,0713000333,officer\n'), 'staff.csv');
    expect(res.status).toBe(403);
    const stranger = await browser(w)
      .post('/console/staff/import')
      .attach('file', Buffer.from('x'), 'staff.csv');
    expect(stranger.status).toBe(403);
  });

  it('headquarters see everyone and may filter by region', async () => {
    const { agent } = await signedIn(w, DESK.hq.phone);
    const all = textOf((await agent.get('/console/staff')).text);
    expect(all).toContain('Baraka Laizer');
    expect(all).toContain('Neema Kweka');
    const aru = textOf((await agent.get('/console/staff?region=ARU')).text);
    expect(aru).toContain('Baraka Laizer');
    expect(aru).not.toContain('Neema Kweka');
  });
});

describe('account', () => {
  it('switching language changes the console and the staff member’s SMS language, and comes back to the page', async () => {
    const { agent, csrf } = await signedIn(w, DESK.neema.phone);
    const res = await agent
      .post('/console/account/language')
      .type('form')
      .send({ _csrf: csrf, lang: 'sw', back: '/console?tab=open' });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/console?tab=open');
    expect(w.db.select().from(staff).where(eq(staff.id, w.desk.neema.id)).get()?.language).toBe(
      'sw',
    );
    expect(textOf((await agent.get('/console')).text)).toContain('Umeingia kama Neema Kweka');
    const evil = await agent
      .post('/console/account/language')
      .type('form')
      .send({ _csrf: csrf, lang: 'en', back: '//evil.example/' });
    expect(evil.headers.location).toBe('/console');
  });

  it('lists where one is signed in, ends one session, or every other one', async () => {
    const a = await signedIn(w, DESK.neema.phone);
    const b = await signedIn(w, DESK.neema.phone);
    const c = await signedIn(w, DESK.neema.phone);
    const page = await a.agent.get('/console/account');
    expect(textOf(page.text)).toContain('This browser');
    const ends = [
      ...page.text.matchAll(/action="(\/console\/account\/sessions\/[^/]+\/end)"/g),
    ].map((m) => m[1]);
    expect(ends).toHaveLength(2);
    await a.agent
      .post(ends[0] ?? '')
      .type('form')
      .send({ _csrf: a.csrf });
    const alive = [b, c].map((x) => x.agent.get('/console').then((r) => r.status));
    expect((await Promise.all(alive)).sort()).toEqual([200, 303]);
    const others = await a.agent
      .post('/console/account/sessions/end-others')
      .type('form')
      .send({ _csrf: a.csrf });
    expect(others.headers.location).toBe('/console/account?done=others');
    expect((await b.agent.get('/console')).status).toBe(303);
    expect((await c.agent.get('/console')).status).toBe(303);
    expect((await a.agent.get('/console')).status).toBe(200);
  });

  it('cannot end another staff member’s session', async () => {
    const a = await signedIn(w, DESK.neema.phone);
    const b = await signedIn(w, DESK.juma.phone);
    const theirs = w.db
      .select()
      .from(consoleSessions)
      .where(eq(consoleSessions.staffId, w.desk.juma.id))
      .get();
    await a.agent
      .post(`/console/account/sessions/${theirs?.id}/end`)
      .type('form')
      .send({ _csrf: a.csrf });
    expect((await b.agent.get('/console')).status).toBe(200);
  });
});

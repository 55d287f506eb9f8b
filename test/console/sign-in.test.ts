/**
 * Signing in to the console by SMS code, and the session that follows: the code's life (once,
 * 5 minutes, 5 tries), the same answer for registered and unknown phones, the limits, the
 * session's idle and absolute ends, signing out, deactivation, and the checks on every POST.
 */
import { eq } from 'drizzle-orm';
import { consoleSessions, consoleSignIns, smsOutbox } from '../../db/schema';
import { digestOf } from '../../src/console/auth/tokens';
import { deactivateStaff } from '../../src/directory/service';
import { DESK, STRANGER } from '../helpers/world';
import {
  askCode,
  browser,
  csrfIn,
  lastCodeTo,
  openConsoleWorld,
  signedIn,
  textOf,
  typeCode,
  type ConsoleWorld,
} from './world';

let w: ConsoleWorld;
beforeEach(() => {
  w = openConsoleWorld();
});
afterEach(() => w.close());

const MIN = 60_000;

describe('asking for a code', () => {
  it('sends a 6-digit code by SMS in the staff member’s language and moves to the code page (in Kiswahili by default)', async () => {
    const agent = browser(w);
    const res = await askCode(w, agent, '0711 000 001');
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/console/sign-in/code');
    const sms = w.db.select().from(smsOutbox).where(eq(smsOutbox.toPhone, DESK.neema.phone)).all();
    expect(sms).toHaveLength(1);
    expect(sms[0]?.body).toMatch(/^Kero sign-in code: \d{6}\. It works once, for 5 minutes\./);
    const page = await agent.get('/console/sign-in/code');
    expect(textOf(page.text)).toContain('Kama +255711000001 imesajiliwa, msimbo unakuja kwa SMS');
  });

  it('stores only a keyed hash of the code, never the code', async () => {
    await askCode(w, browser(w), DESK.neema.phone);
    const code = lastCodeTo(w, DESK.neema.phone) ?? '';
    const row = w.db.select().from(consoleSignIns).get();
    expect(row?.codeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(code);
  });

  it('answers an unknown phone exactly as a registered one, and sends it nothing', async () => {
    const known = browser(w);
    const unknown = browser(w);
    const a = await askCode(w, known, DESK.neema.phone);
    const b = await askCode(w, unknown, STRANGER);
    expect([b.status, b.headers.location]).toEqual([a.status, a.headers.location]);
    const pa = textOf((await known.get('/console/sign-in/code')).text);
    const pb = textOf((await unknown.get('/console/sign-in/code')).text);
    expect(pb.replace(STRANGER, 'PHONE')).toBe(pa.replace(DESK.neema.phone, 'PHONE'));
    expect(w.db.select().from(smsOutbox).where(eq(smsOutbox.toPhone, STRANGER)).all()).toEqual([]);
    // And any code typed for the unknown phone is "not right", like a wrong one.
    const typed = await typeCode(unknown, '123456');
    expect(typed.status).toBe(400);
    expect(textOf(typed.text)).toContain('Msimbo huo si sahihi');
  });

  it('refuses a phone number that is not one, keeping what was typed', async () => {
    const agent = browser(w);
    const page = await agent.get('/console/sign-in?lang=en');
    const res = await agent
      .post('/console/sign-in')
      .type('form')
      .send({ _csrf: csrfIn(page.text), phone: '12ab' });
    expect(res.status).toBe(400);
    expect(textOf(res.text)).toContain('Enter a phone number like 0712 345 678');
    expect(res.text).toContain('value="12ab"');
  });

  it('sends at most 3 codes to one phone from one address in 15 minutes', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await askCode(w, browser(w), DESK.neema.phone)).status);
    expect(statuses).toEqual([303, 303, 303, 429]);
    const sent = w.db.select().from(smsOutbox).where(eq(smsOutbox.toPhone, DESK.neema.phone)).all();
    expect(sent).toHaveLength(3);
  });

  it('lets the same address ask again once 15 minutes have passed', async () => {
    for (let i = 0; i < 3; i++) await askCode(w, browser(w), DESK.neema.phone);
    expect((await askCode(w, browser(w), DESK.neema.phone)).status).toBe(429);
    w.clock.advance(15 * MIN);
    expect((await askCode(w, browser(w), DESK.neema.phone)).status).toBe(303);
  });

  it('lets one address ask for at most 20 codes in 15 minutes, whatever the phones', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) {
      const phone = `+2557540000${String(i).padStart(2, '0')}`;
      statuses.push((await askCode(w, browser(w), phone)).status);
    }
    expect(statuses.slice(0, 20).every((s) => s === 303)).toBe(true);
    expect(statuses[20]).toBe(429);
  });
});

describe('typing the code', () => {
  it('signs in with the right code: a session cookie (HttpOnly, SameSite=Lax), then the queue', async () => {
    const agent = browser(w);
    await askCode(w, agent, DESK.neema.phone);
    const res = await typeCode(agent, lastCodeTo(w, DESK.neema.phone) ?? '');
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/console');
    const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
    const session = cookies.find((c) => c.startsWith('kero_session='));
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Lax/);
    const home = await agent.get('/console');
    expect(home.status).toBe(200);
    expect(textOf(home.text)).toContain('Signed in as Neema Kweka');
  });

  it('takes the code with spaces in it', async () => {
    const agent = browser(w);
    await askCode(w, agent, DESK.neema.phone);
    const code = lastCodeTo(w, DESK.neema.phone) ?? '';
    const res = await typeCode(agent, `${code.slice(0, 3)} ${code.slice(3)}`);
    expect(res.headers.location).toBe('/console');
  });

  it('works once: the same code again is refused', async () => {
    const agent = browser(w);
    await askCode(w, agent, DESK.neema.phone);
    const code = lastCodeTo(w, DESK.neema.phone) ?? '';
    expect((await typeCode(agent, code)).status).toBe(303);
    // A second browser replaying the sign-in cookie and code.
    const row = w.db.select().from(consoleSignIns).get();
    expect(row?.endedAt).not.toBeNull();
    const again = browser(w);
    await askCode(w, again, STRANGER); // a pending sign-in of its own
    expect((await typeCode(again, code)).status).toBe(400);
  });

  it('expires after 5 minutes', async () => {
    const agent = browser(w);
    await askCode(w, agent, DESK.neema.phone);
    const code = lastCodeTo(w, DESK.neema.phone) ?? '';
    w.clock.advance(5 * MIN);
    const res = await agent
      .post('/console/sign-in/code')
      .type('form')
      .send({ _csrf: csrfIn((await agent.get('/console/sign-in')).text), code });
    expect(res.status).toBe(400);
    expect(textOf(res.text)).toContain('Msimbo huo umepitwa na muda au umeshatumika. Omba mpya.');
    expect((await agent.get('/console')).status).toBe(303);
  });

  it('ends after 5 wrong tries: even the right code no longer works', async () => {
    const agent = browser(w);
    await askCode(w, agent, DESK.neema.phone);
    const code = lastCodeTo(w, DESK.neema.phone) ?? '';
    const wrong = code === '000000' ? '111111' : '000000';
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await typeCode(agent, wrong)).status);
    expect(statuses).toEqual([400, 400, 400, 400, 400]);
    const page = await agent.get('/console/sign-in');
    const last = await agent
      .post('/console/sign-in/code')
      .type('form')
      .send({ _csrf: csrfIn(page.text), code });
    expect(last.status).toBe(400);
    expect(w.db.select().from(consoleSessions).all()).toEqual([]);
  });

  it('replaces an older code when a new one is asked for', async () => {
    const agent = browser(w);
    await askCode(w, agent, DESK.neema.phone);
    const first = lastCodeTo(w, DESK.neema.phone) ?? '';
    const resend = await agent
      .post('/console/sign-in/resend')
      .type('form')
      .send({ _csrf: csrfIn((await agent.get('/console/sign-in/code')).text) });
    expect(resend.status).toBe(303);
    const second = lastCodeTo(w, DESK.neema.phone) ?? '';
    expect(
      w.db
        .select()
        .from(consoleSignIns)
        .all()
        .filter((s) => s.endedAt === null),
    ).toHaveLength(1);
    if (first !== second) expect((await typeCode(agent, first)).status).toBe(400);
    expect((await typeCode(agent, second)).status).toBe(303);
  });

  it('sends no code to a deactivated staff member', async () => {
    deactivateStaff(
      w.db,
      { now: w.clock.now(), reference: w.console.reference, source: 'cli' },
      DESK.juma.phone,
    );
    await askCode(w, browser(w), DESK.juma.phone);
    expect(lastCodeTo(w, DESK.juma.phone)).toBeUndefined();
  });
});

describe('the session', () => {
  it('stores only a digest of the cookie’s token, and a new token at every sign-in', async () => {
    const a = await signedIn(w, DESK.neema.phone);
    const b = await signedIn(w, DESK.neema.phone);
    const rows = w.db.select().from(consoleSessions).all();
    expect(rows).toHaveLength(2);
    expect(new Set(rows.map((r) => r.id)).size).toBe(2);
    expect(a.csrf).not.toBe(b.csrf);
  });

  it('ends after 30 idle minutes, and says so', async () => {
    const { agent } = await signedIn(w, DESK.neema.phone);
    w.clock.advance(29 * MIN);
    expect((await agent.get('/console')).status).toBe(200);
    w.clock.advance(29 * MIN);
    expect((await agent.get('/console')).status).toBe(200);
    w.clock.advance(30 * MIN);
    const res = await agent.get('/console');
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/console/sign-in?ended=1');
    const page = await agent.get('/console/sign-in?ended=1&lang=en');
    expect(textOf(page.text)).toContain('Your session ended. Please sign in again.');
  });

  it('ends 10 hours after sign-in however busy', async () => {
    const { agent } = await signedIn(w, DESK.neema.phone);
    for (let i = 0; i < 20; i++) {
      w.clock.advance(29 * MIN);
      expect((await agent.get('/console')).status).toBe(200);
    }
    w.clock.advance(29 * MIN); // 10 h 29 min after sign-in
    expect((await agent.get('/console')).status).toBe(303);
  });

  it('signing out ends the session on the server: the old cookie no longer works', async () => {
    const { agent, csrf } = await signedIn(w, DESK.neema.phone);
    const cookie = (await agent.get('/console')).request.cookies;
    const out = await agent.post('/console/sign-out').type('form').send({ _csrf: csrf });
    expect(out.status).toBe(303);
    expect(out.headers.location).toBe('/console/sign-in?out=1');
    const replay = await browser(w).get('/console').set('Cookie', String(cookie));
    expect(replay.status).toBe(303);
    const row = w.db.select().from(consoleSessions).get();
    expect(row?.endedAt).not.toBeNull();
  });

  it('deactivating a staff member ends their sessions at once', async () => {
    const { agent } = await signedIn(w, DESK.neema.phone);
    expect((await agent.get('/console')).status).toBe(200);
    deactivateStaff(
      w.db,
      { now: w.clock.now(), reference: w.console.reference, source: 'cli' },
      DESK.neema.phone,
    );
    expect((await agent.get('/console')).status).toBe(303);
  });

  it('every page behind sign-in sends a stranger to the sign-in page', async () => {
    for (const path of [
      '/console',
      '/console/call',
      '/console/staff',
      '/console/account',
      '/console/c/12345678',
    ]) {
      const res = await browser(w).get(path);
      expect([path, res.status, res.headers.location]).toEqual([path, 303, '/console/sign-in']);
    }
  });
});

describe('every POST', () => {
  it('is refused without the form’s token, and changes nothing', async () => {
    const c = w.file({ council: 'DAR-KIM' });
    const { agent } = await signedIn(w, DESK.neema.phone);
    const before = w.db.$client.prepare('SELECT count(*) AS n FROM complaint_events').get();
    const res = await agent
      .post(`/console/c/${c.number}/note`)
      .type('form')
      .send({ text: 'hello there' });
    expect(res.status).toBe(403);
    expect(textOf(res.text)).toContain('This form had expired or came from another site');
    const wrong = await agent
      .post(`/console/c/${c.number}/note`)
      .type('form')
      .send({ _csrf: 'x'.repeat(22), text: 'hello there' });
    expect(wrong.status).toBe(403);
    expect(w.db.$client.prepare('SELECT count(*) AS n FROM complaint_events').get()).toEqual(
      before,
    );
  });

  it('is refused from another site (Sec-Fetch-Site or Origin), even with the token', async () => {
    const c = w.file({ council: 'DAR-KIM' });
    const { agent, csrf } = await signedIn(w, DESK.neema.phone);
    const cross = await agent
      .post(`/console/c/${c.number}/note`)
      .set('Sec-Fetch-Site', 'cross-site')
      .type('form')
      .send({ _csrf: csrf, text: 'hello there' });
    expect(cross.status).toBe(403);
    const origin = await agent
      .post(`/console/c/${c.number}/note`)
      .set('Origin', 'https://evil.example')
      .type('form')
      .send({ _csrf: csrf, text: 'hello there' });
    expect(origin.status).toBe(403);
    const same = await agent
      .post(`/console/c/${c.number}/note`)
      .set('Sec-Fetch-Site', 'same-origin')
      .type('form')
      .send({ _csrf: csrf, text: 'hello there' });
    expect(same.status).toBe(303);
  });

  it('the sign-in form has its own token too (login CSRF)', async () => {
    const res = await browser(w)
      .post('/console/sign-in')
      .type('form')
      .send({ phone: DESK.neema.phone });
    expect(res.status).toBe(403);
    expect(lastCodeTo(w, DESK.neema.phone)).toBeUndefined();
  });
});

describe('headers', () => {
  it('pages carry a strict CSP, no caching, no framing', async () => {
    const res = await browser(w).get('/console/sign-in');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('the session cookie is __Host- and Secure when the console is served over HTTPS', async () => {
    const secure = openConsoleWorld({ secureCookie: true });
    try {
      const agent = browser(secure);
      const page = await agent.get('/console/sign-in');
      const cookies = ([] as string[]).concat(page.headers['set-cookie'] ?? []);
      expect(
        cookies.some(
          (c) => c.startsWith('__Host-kero_pre=') && /Secure/.test(c) && /Path=\//.test(c),
        ),
      ).toBe(true);
      expect(page.headers['strict-transport-security']).toBeDefined();
    } finally {
      secure.close();
    }
  });

  it('a session id is the digest of the cookie token', async () => {
    const agent = browser(w);
    await askCode(w, agent, DESK.neema.phone);
    const res = await typeCode(agent, lastCodeTo(w, DESK.neema.phone) ?? '');
    const token = /kero_session=([^;]+)/.exec(String(res.headers['set-cookie']))?.[1] ?? '';
    expect(w.db.select().from(consoleSessions).get()?.id).toBe(digestOf(token));
  });
});

/**
 * Issue 23: anyone who knows a staff phone could keep it from getting codes by asking 3 times
 * from anywhere. Codes are counted per phone *and* address (3 in 15 minutes), under a higher
 * ceiling per phone (10 in an hour, against SMS cost) that an address this staff member signed
 * in from in the last 30 days does not meet.
 */
describe('a stranger cannot keep a staff member from signing in', () => {
  let p: ConsoleWorld;
  beforeEach(() => {
    p = openConsoleWorld({}, undefined, { trustProxy: 1 });
  });
  afterEach(() => p.close());

  const from = async (address: string, phone: string) => {
    const agent = browser(p);
    const page = await agent.get('/console/sign-in').set('X-Forwarded-For', address);
    return agent
      .post('/console/sign-in')
      .set('X-Forwarded-For', address)
      .type('form')
      .send({ _csrf: csrfIn(page.text), phone });
  };
  const codesTo = (phone: string) =>
    p.db.select().from(smsOutbox).where(eq(smsOutbox.toPhone, phone)).all().length;

  it('when a stranger has asked 3 times for an officer’s phone, then the officer still gets a code from their own address', async () => {
    const stranger = [];
    for (let i = 0; i < 4; i++)
      stranger.push((await from('203.0.113.66', DESK.neema.phone)).status);
    expect(stranger).toEqual([303, 303, 303, 429]);
    const officer = await from('198.51.100.7', DESK.neema.phone);
    expect(officer.status).toBe(303);
    expect(codesTo(DESK.neema.phone)).toBe(4);
  });

  it('past 10 codes an hour to one phone, only an address the staff member signed in from before still gets one', async () => {
    // Neema signed in from the office yesterday.
    const office = '198.51.100.7';
    const agent = browser(p);
    const page = await agent.get('/console/sign-in').set('X-Forwarded-For', office);
    await agent
      .post('/console/sign-in')
      .set('X-Forwarded-For', office)
      .type('form')
      .send({ _csrf: csrfIn(page.text), phone: DESK.neema.phone });
    const code = lastCodeTo(p, DESK.neema.phone) ?? '';
    const codePage = await agent.get('/console/sign-in/code').set('X-Forwarded-For', office);
    const signed = await agent
      .post('/console/sign-in/code')
      .set('X-Forwarded-For', office)
      .type('form')
      .send({ _csrf: csrfIn(codePage.text), code });
    expect(signed.headers.location).toBe('/console');
    p.clock.advance(24 * 60 * MIN);
    // Strangers from four addresses ask 10 times within the hour.
    const statuses: number[] = [];
    for (const address of ['203.0.113.1', '203.0.113.2', '203.0.113.3']) {
      for (let i = 0; i < 3; i++) statuses.push((await from(address, DESK.neema.phone)).status);
    }
    statuses.push((await from('203.0.113.4', DESK.neema.phone)).status);
    expect(statuses.every((s) => s === 303)).toBe(true);
    // The ceiling: an eleventh from a new address sends nothing...
    expect((await from('203.0.113.5', DESK.neema.phone)).status).toBe(429);
    expect(codesTo(DESK.neema.phone)).toBe(11);
    // ...but the office still gets its code.
    expect((await from(office, DESK.neema.phone)).status).toBe(303);
    expect(codesTo(DESK.neema.phone)).toBe(12);
    // A phone nobody has is refused at the same point, so the limit tells nothing about who is staff.
    for (let i = 0; i < 10; i++) await from(`203.0.114.${i}`, STRANGER);
    expect((await from('203.0.114.99', STRANGER)).status).toBe(429);
  });
});

/**
 * The call-back queue through the real app: each region's staff see their region's open
 * requests (headquarters every region, or one), the first due first, overdue ones marked; a
 * request outside one's region does not exist for them; tries that reach nobody (the second,
 * an hour later at least, closes the request and the caller's SMS goes out through the real
 * Africa's Talking SDK to the fake AT server, in the caller's language); closing with a note.
 */
import { asc, eq } from 'drizzle-orm';
import { smsOutbox } from '../../db/schema';
import { formatCallbackReference } from '../../src/callbacks/core/reference';
import { translate } from '../../src/text/translate';
import { startFakeAtServer, type FakeAtServer } from '../fakes/fake-at-server';
import { T0 } from '../helpers/app';
import { DAY, DESK, eat, HOUR } from '../helpers/world';
import { testDispatcher } from '../sms/support';
import { ask, auditOf, callbackRow, referencesOn } from './callbacks-world';
import { openConsoleWorld, signedIn, textOf, type ConsoleWorld } from './world';

let w: ConsoleWorld;
beforeEach(() => {
  w = openConsoleWorld();
});
afterEach(() => w.close());

const CALLER = '+255754000101';

/** Three requests: Dar es Salaam two days ago (overdue now), Arusha at 08:00, Dar at 09:00. */
function threeRequests() {
  w.clock.set(T0 - 2 * DAY);
  const darOld = ask(w, { phone: '+255754000201', region: 'DAR', category: 'health' });
  w.clock.set(T0 - HOUR);
  const aru = ask(w, { phone: '+255754000202', region: 'ARU' });
  w.clock.set(T0);
  const darNew = ask(w, { phone: '+255754000203', region: 'DAR', category: 'roads' });
  return { darOld, aru, darNew };
}

describe('who sees which requests, in which order', () => {
  test('when requests wait in two regions, then each region sees its own and headquarters all, the first due first', async () => {
    const { darOld, aru, darNew } = threeRequests();
    const seen = async (phone: string, path = '/console/callbacks') => {
      const { agent } = await signedIn(w, phone);
      return referencesOn((await agent.get(path)).text);
    };
    expect(await seen(DESK.darSup.phone)).toEqual([darOld.reference, darNew.reference]);
    // An officer kept to Kinondoni sees the whole region's: a request carries no council.
    expect(await seen(DESK.neema.phone)).toEqual([darOld.reference, darNew.reference]);
    expect(await seen(DESK.aruOfficer.phone)).toEqual([aru.reference]);
    expect(await seen(DESK.hq.phone)).toEqual([darOld.reference, aru.reference, darNew.reference]);
    expect(await seen(DESK.hq.phone, '/console/callbacks?region=ARU')).toEqual([aru.reference]);
    // A staff member of a region cannot look at another region by its address.
    expect(await seen(DESK.darSup.phone, '/console/callbacks?region=ARU')).toEqual([
      darOld.reference,
      darNew.reference,
    ]);
  });

  test('when a request is past its deadline, then its row is marked overdue and the counts say so', async () => {
    const { darOld, darNew } = threeRequests();
    const { agent } = await signedIn(w, DESK.darSup.phone);
    const page = await agent.get('/console/callbacks');
    const rows = page.text.split('<tr').slice(2);
    expect(rows[0]).toContain('class="overdue"');
    expect(rows[0]).toContain(`>${formatCallbackReference(darOld.reference)}<`);
    expect(textOf(rows[0] ?? '')).toContain('Overdue 1 d');
    expect(rows[1]).not.toContain('class="overdue"');
    expect(textOf(rows[1] ?? '')).toContain('1 d left');
    expect(rows[1]).toContain(`>${formatCallbackReference(darNew.reference)}<`);
    expect(textOf(page.text)).toContain('Open: 2, overdue: 1. The first due comes first.');
    // The phone is masked in the list; the request's own page gives it to call.
    expect(page.text).toContain('+255 7•• ••• 201');
    expect(page.text).not.toContain('754000201');
  });

  test('when a request of another region is asked for, then it does not exist, and nothing can be done to it', async () => {
    const { aru } = threeRequests();
    const { agent, csrf } = await signedIn(w, DESK.darSup.phone);
    expect((await agent.get(`/console/callbacks/${aru.reference}`)).status).toBe(404);
    const post = await agent
      .post(`/console/callbacks/${aru.reference}/missed`)
      .type('form')
      .send({ _csrf: csrf, seen: '0' });
    expect(post.status).toBe(404);
    const close = await agent
      .post(`/console/callbacks/${aru.reference}/close`)
      .type('form')
      .send({ _csrf: csrf, note: 'Not mine' });
    expect(close.status).toBe(404);
    expect(callbackRow(w, aru.reference)).toMatchObject({ status: 'open', attempts: 0 });
  });

  test('when the queue is empty, then it says so', async () => {
    const { agent } = await signedIn(w, DESK.aruSup.phone);
    expect(textOf((await agent.get('/console/callbacks')).text)).toContain(
      'Hakuna ombi la kupigiwa simu linalosubiri.',
    );
  });
});

describe('tries that reach nobody', () => {
  let fake: FakeAtServer;
  beforeAll(async () => {
    fake = await startFakeAtServer();
  });
  afterAll(() => fake.close());
  beforeEach(() => fake.reset());

  const missed = async (
    agent: Awaited<ReturnType<typeof signedIn>>['agent'],
    csrf: string,
    ref: string,
    seen: number,
  ) =>
    agent
      .post(`/console/callbacks/${ref}/missed`)
      .type('form')
      .send({ _csrf: csrf, seen: String(seen) });

  test.each(['sw', 'en'] as const)(
    'when nobody answers twice an hour apart (caller in %s), then the request closes as unreachable and the SMS says how to ask again',
    async (lang) => {
      const r = ask(w, { phone: CALLER, region: 'DAR', lang });
      const { agent, csrf } = await signedIn(w, DESK.darSup.phone);

      const first = await missed(agent, csrf, r.reference, 0);
      expect(first.status).toBe(303);
      expect(first.headers.location).toBe(`/console/callbacks/${r.reference}?done=missed`);
      const page = await agent.get(first.headers.location ?? '');
      expect(textOf(page.text)).toContain('Try recorded. Call again from 10:00.');
      expect(callbackRow(w, r.reference)).toMatchObject({
        status: 'open',
        attempts: 1,
        lastAttemptAt: T0,
        lastAttemptBy: w.desk.darSup.id,
      });

      // Ten minutes later is the same try: refused, nothing counted.
      w.clock.advance(10 * 60_000);
      const soon = await missed(agent, csrf, r.reference, 1);
      expect(soon.status).toBe(409);
      expect(textOf(soon.text)).toContain(
        'A second try must be at least an hour after the first: record it from 10:00.',
      );
      // A page from before the first try (a double click) counts nothing either.
      const stale = await missed(agent, csrf, r.reference, 0);
      expect(stale.status).toBe(409);
      expect(textOf(stale.text)).toContain('Someone recorded a try a moment ago');
      expect(callbackRow(w, r.reference).attempts).toBe(1);
      expect(w.db.select().from(smsOutbox).where(eq(smsOutbox.toPhone, CALLER)).all()).toEqual([]);

      // An hour on (a new sign-in: the console's sessions end after 30 idle minutes).
      w.clock.set(T0 + HOUR);
      const later = await signedIn(w, DESK.darSup.phone);
      const second = await missed(later.agent, later.csrf, r.reference, 1);
      expect(second.headers.location).toBe(`/console/callbacks/${r.reference}?done=unreachable`);
      expect(callbackRow(w, r.reference)).toMatchObject({
        status: 'unreachable',
        attempts: 2,
        closedAt: T0 + HOUR,
        closedBy: w.desk.darSup.id,
      });
      expect(auditOf(w, r)).toEqual([
        ['request', null],
        ['missed', w.desk.darSup.id],
        ['unreachable', w.desk.darSup.id],
      ]);

      const dispatcher = testDispatcher(w.db, fake, w.clock, { concurrency: 1 });
      await dispatcher.drainOnce();
      const sent = fake.requests.filter((q) => q.form.to === CALLER).map((q) => q.form.message);
      const expected = translate('sms.callback.unreachable', lang, {
        orgSms: lang === 'sw' ? 'OR-TAMISEMI' : 'PO-RALG',
        number: formatCallbackReference(r.reference),
        code: '*384*1234#',
      });
      expect(sent).toEqual([expected]);
      expect(expected).toContain(lang === 'sw' ? 'uchague Nipigie' : 'choose Call me back');
      const row = w.db.select().from(smsOutbox).where(eq(smsOutbox.toPhone, CALLER)).get();
      expect(row).toMatchObject({ template: 'sms.callback.unreachable', status: 'sent' });

      const after = textOf((await later.agent.get(`/console/callbacks/${r.reference}`)).text);
      expect(after).toContain('Not reached: closed, the caller was sent an SMS');
      expect(after).toContain('Not reached by Rehema Mushi a second time');
      expect(after).not.toContain('Could not reach the caller');
      const queue = await later.agent.get('/console/callbacks');
      expect(referencesOn(queue.text)).toEqual([]);
    },
  );

  test('when the second try is recorded at 21:50, then the SMS waits for the morning', async () => {
    w.clock.set(eat('2026-03-12 20:50'));
    const r = ask(w, { phone: CALLER, region: 'DAR' });
    const { agent, csrf } = await signedIn(w, DESK.darSup.phone);
    expect((await missed(agent, csrf, r.reference, 0)).status).toBe(303);
    w.clock.set(eat('2026-03-12 21:50'));
    const later = await signedIn(w, DESK.darSup.phone);
    expect((await missed(later.agent, later.csrf, r.reference, 1)).status).toBe(303);
    const dispatcher = testDispatcher(w.db, fake, w.clock, {
      concurrency: 1,
      quietHours: { start: 21 * 60, end: 7 * 60 },
    });
    await dispatcher.drainOnce();
    expect(fake.requests.filter((q) => q.form.to === CALLER)).toEqual([]);
    const held = w.db.select().from(smsOutbox).where(eq(smsOutbox.toPhone, CALLER)).get();
    expect(held?.heldUntil).toBe(eat('2026-03-13 07:00'));
  });
});

describe('closing with a note', () => {
  test('when the note is empty, then it is asked for at its field; given, the request closes with it', async () => {
    const r = ask(w, { phone: CALLER, region: 'DAR' });
    const { agent, csrf } = await signedIn(w, DESK.neema.phone);
    const close = (note: string) =>
      agent
        .post(`/console/callbacks/${r.reference}/close`)
        .type('form')
        .send({ _csrf: csrf, note });

    const empty = await close('   ');
    expect(empty.status).toBe(400);
    expect(empty.text).toContain('href="#cb-note"');
    expect(empty.text).toContain('id="cb-note-error"');
    expect(callbackRow(w, r.reference).status).toBe('open');
    const long = await close('x'.repeat(501));
    expect(long.status).toBe(400);
    expect(long.text).toContain('x'.repeat(501));

    const done = await close('Answered on the phone: the water office opens at 8.');
    expect(done.headers.location).toBe(`/console/callbacks?done=closed&n=${r.reference}`);
    const queue = await agent.get(done.headers.location ?? '');
    expect(textOf(queue.text)).toContain(`Request ${formatCallbackReference(r.reference)} closed.`);
    expect(referencesOn(queue.text)).toEqual([]);
    expect(callbackRow(w, r.reference)).toMatchObject({
      status: 'closed',
      closedBy: w.desk.neema.id,
      closeNote: 'Answered on the phone: the water office opens at 8.',
    });
    expect(auditOf(w, r)).toEqual([
      ['request', null],
      ['close', w.desk.neema.id],
    ]);
    const page = textOf((await agent.get(`/console/callbacks/${r.reference}`)).text);
    expect(page).toContain('Closed by Neema Kweka: Answered on the phone');

    // Closed already: a second close is refused and changes nothing.
    const again = await close('Again');
    expect(again.status).toBe(409);
    expect(textOf(again.text)).toContain('is no longer open: Closed with a note');
    const sms = w.db
      .select()
      .from(smsOutbox)
      .where(eq(smsOutbox.toPhone, CALLER))
      .orderBy(asc(smsOutbox.id));
    expect(sms.all()).toEqual([]);
  });
});

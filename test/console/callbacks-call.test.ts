/**
 * A call-back request becomes a complaint through "Log a call", end to end: a caller asks on USSD
 * (through the webhook, as Africa's Talking posts it), the request waits in the region's queue,
 * the agent opens it, the form comes prefilled (phone, language, region, category), and filing
 * makes a complaint with channel `call` and closes the request with the complaint's id. A request
 * no longer open, or of another region, files nothing. And the dashboard's call-back counts.
 */
import { asc, eq } from 'drizzle-orm';
import { callbacks, complaintEvents, complaints } from '../../db/schema';
import { closeCallback, logCallbackCall, recordMissedTry } from '../../src/callbacks/service';
import { formatCallbackReference } from '../../src/callbacks/core/reference';
import { formatComplaintNumber } from '../../src/complaints/core/numbers';
import { scopeOf } from '../../src/complaints/core/scope';
import { atPhone } from '../helpers/at-ussd';
import { T0 } from '../helpers/app';
import { DAY, DESK, HOUR } from '../helpers/world';
import { ask, auditOf, callbackDeps, callbackRow, referencesOn } from './callbacks-world';
import { openConsoleWorld, signedIn, textOf, type ConsoleWorld } from './world';

let w: ConsoleWorld;
beforeEach(() => {
  w = openConsoleWorld();
});
afterEach(() => w.close());

const CALLER = '+255754000101';

describe('logging the call of a request as a complaint', () => {
  test('when a USSD caller asks to be called back, then the region sees it and the agent turns it into a complaint with Log a call', async () => {
    // The caller, on USSD: English, Call me back, Water, Dar es Salaam, Send.
    const phone = atPhone(w.app, { phone: CALLER });
    const s = phone.dial();
    await s.send('');
    await s.replies('2', '4', '3', '2');
    const end = await s.reply('1');
    const request = w.db.select().from(callbacks).get();
    if (!request) throw new Error('no request made');
    expect(end).toContain(`Request number: ${formatCallbackReference(request.reference)}`);

    // The region's queue lists it; its page gives the number to call and the way to log it.
    const { agent, csrf } = await signedIn(w, DESK.darSup.phone);
    expect(referencesOn((await agent.get('/console/callbacks')).text)).toEqual([request.reference]);
    const page = await agent.get(`/console/callbacks/${request.reference}`);
    expect(page.text).toContain(`href="tel:${CALLER}"`);
    expect(textOf(page.text)).toContain('Call +255 754 000 101');
    expect(page.text).toContain(`href="/console/call?callback=${request.reference}"`);

    // The form, prefilled.
    const form = await agent.get(`/console/call?callback=${request.reference}`);
    expect(form.status).toBe(200);
    expect(form.text).toContain(`name="callback" value="${request.reference}"`);
    expect(form.text).toContain(
      `name="phone" class="short" autocomplete="off" inputmode="tel" value="${CALLER}"`,
    );
    expect(form.text).toMatch(/value="en" checked/);
    expect(form.text).toMatch(/<option value="DAR" selected/);
    expect(form.text).toMatch(/<option value="water" selected/);
    expect(textOf(form.text)).toContain(
      `Calling back request ${formatCallbackReference(request.reference)}: filing this complaint closes the request.`,
    );

    w.clock.advance(20 * 60_000);
    const filed = await agent.post('/console/call').type('form').send({
      _csrf: csrf,
      callback: request.reference,
      phone: CALLER,
      language: 'en',
      region: 'DAR',
      council: 'DAR-KIM',
      category: 'water',
      place: 'Mwananyamala',
      description: 'No water at the Mwananyamala tap for five days',
      identity: 'identified',
    });
    const c = w.db.select().from(complaints).get();
    if (!c) throw new Error('nothing filed');
    expect(filed.status).toBe(303);
    expect(filed.headers.location).toBe(`/console/callbacks?done=logged&n=${c.number}`);
    expect(c).toMatchObject({
      channel: 'call',
      citizenPhone: CALLER,
      language: 'en',
      regionCode: 'DAR',
      councilCode: 'DAR-KIM',
      categoryCode: 'water',
      assigneeId: w.desk.neema.id,
    });
    const received = w.db
      .select()
      .from(complaintEvents)
      .where(eq(complaintEvents.complaintId, c.id))
      .orderBy(asc(complaintEvents.id))
      .get();
    expect([received?.type, received?.staffId, received?.source]).toEqual([
      'received',
      w.desk.darSup.id,
      'console',
    ]);
    expect(callbackRow(w, request.reference)).toMatchObject({
      status: 'logged',
      complaintId: c.id,
      closedBy: w.desk.darSup.id,
      closedAt: T0 + 20 * 60_000,
    });
    expect(auditOf(w, request)).toEqual([
      ['request', null],
      ['logged', w.desk.darSup.id],
    ]);

    const queue = await agent.get(filed.headers.location ?? '');
    expect(textOf(queue.text)).toContain(`Complaint ${formatComplaintNumber(c.number)} filed.`);
    expect(referencesOn(queue.text)).toEqual([]);
    // The complaint names the request it came from.
    const complaintPage = await agent.get(`/console/c/${c.number}`);
    expect(textOf(complaintPage.text)).toContain(
      `From call-back request ${formatCallbackReference(request.reference)}`,
    );
    expect(complaintPage.text).toContain(`href="/console/callbacks/${request.reference}"`);
    const after = await agent.get(`/console/callbacks/${request.reference}`);
    expect(after.text).toContain(`href="/console/c/${c.number}"`);
    expect(textOf(after.text)).toContain(
      `Logged by Rehema Mushi as complaint ${formatComplaintNumber(c.number)}`,
    );
  });

  test('when the request was closed meanwhile, then nothing is filed and the form comes back without it', async () => {
    const r = ask(w, { phone: CALLER, region: 'DAR' });
    const { agent, csrf } = await signedIn(w, DESK.darSup.phone);
    const form = await agent.get(`/console/call?callback=${r.reference}`);
    expect(form.text).toContain(`name="callback" value="${r.reference}"`);
    const juma = { staffId: w.desk.juma.id, scope: scopeOf({ ...w.desk.juma, councils: [] }) };
    expect(closeCallback(callbackDeps(w), juma, r.reference, 'Called back already').ok).toBe(true);

    const res = await agent.post('/console/call').type('form').send({
      _csrf: csrf,
      callback: r.reference,
      phone: CALLER,
      language: 'en',
      region: 'DAR',
      council: 'DAR-KIM',
      category: 'water',
      place: '',
      description: 'No water at the Mwananyamala tap for five days',
      identity: 'identified',
    });
    expect(res.status).toBe(409);
    expect(textOf(res.text)).toContain(
      `Request ${formatCallbackReference(r.reference)} is no longer open: Closed with a note.`,
    );
    expect(res.text).not.toContain('name="callback"');
    expect(res.text).toContain('No water at the Mwananyamala tap for five days');
    expect(w.db.select().from(complaints).all()).toEqual([]);
    expect(callbackRow(w, r.reference).status).toBe('closed');

    // Opening the form from it again says so, and offers an empty form.
    const again = await agent.get(`/console/call?callback=${r.reference}`);
    expect(again.status).toBe(404);
    expect(again.text).not.toContain('name="callback"');
  });

  test('when the form is sent twice (a double click), then one complaint is filed and the second send shows the request, logged', async () => {
    const r = ask(w, { phone: CALLER, region: 'DAR' });
    const { agent, csrf } = await signedIn(w, DESK.darSup.phone);
    const send = () =>
      agent.post('/console/call').type('form').send({
        _csrf: csrf,
        callback: r.reference,
        phone: CALLER,
        language: 'en',
        region: 'DAR',
        council: 'DAR-KIM',
        category: 'water',
        place: '',
        description: 'No water at the Mwananyamala tap for five days',
        identity: 'identified',
      });
    const [first, second] = [await send(), await send()];
    const filed = w.db.select().from(complaints).all();
    expect(filed).toHaveLength(1);
    expect(first.headers.location).toBe(`/console/callbacks?done=logged&n=${filed[0]?.number}`);
    expect(second.status).toBe(303);
    expect(second.headers.location).toBe(`/console/callbacks/${r.reference}?done=already`);
    const page = textOf((await agent.get(second.headers.location ?? '')).text);
    expect(page).toContain(
      'This request is already logged as a complaint: nothing more was filed.',
    );
    expect(page).toContain(`Complaint ${formatComplaintNumber(filed[0]?.number ?? '')}`);
  });

  test('when an agent of another region opens or sends it, then it does not exist and nothing is filed', async () => {
    const r = ask(w, { phone: CALLER, region: 'DAR' });
    const { agent, csrf } = await signedIn(w, DESK.aruOfficer.phone);
    const form = await agent.get(`/console/call?callback=${r.reference}`);
    expect(form.status).toBe(404);
    expect(form.text).not.toContain(CALLER);
    const res = await agent.post('/console/call').type('form').send({
      _csrf: csrf,
      callback: r.reference,
      phone: CALLER,
      language: 'sw',
      region: 'ARU',
      council: 'ARU-ARC',
      category: 'water',
      place: '',
      description: 'Maji hayatoki kijijini tangu wiki iliyopita',
      identity: 'identified',
    });
    expect(res.status).toBe(404);
    expect(w.db.select().from(complaints).all()).toEqual([]);
    expect(callbackRow(w, r.reference).status).toBe('open');
  });
});

describe("the dashboard's call-back counts", () => {
  /** Requests in Dar es Salaam in every state, one in Arusha, and one in Dar 40 days ago. */
  function seed() {
    const deps = callbackDeps(w);
    const dar = { staffId: w.desk.darSup.id, scope: scopeOf({ ...w.desk.darSup, councils: [] }) };
    w.clock.set(T0 - 40 * DAY);
    ask(w, { phone: '+255754000300', region: 'DAR' });
    w.clock.set(T0 - 3 * DAY);
    const overdue = ask(w, { phone: '+255754000301', region: 'DAR' });
    const logged = ask(w, { phone: '+255754000302', region: 'DAR' });
    const closed = ask(w, { phone: '+255754000303', region: 'DAR' });
    const unreachable = ask(w, { phone: '+255754000304', region: 'DAR' });
    ask(w, { phone: '+255754000305', region: 'ARU' });
    w.clock.set(T0 - 2 * DAY);
    const call = {
      phone: '+255754000302',
      language: 'en' as const,
      draft: {
        regionCode: 'DAR',
        councilCode: 'DAR-KIM',
        categoryCode: 'water',
        place: null,
        description: 'No water at the tap for five days',
        anonymous: false,
      },
    };
    const callDeps = {
      ...deps,
      policy: w.console.sla,
      randomInt: w.console.randomInt,
      serviceCode: '*384*1234#',
    };
    expect(logCallbackCall(callDeps, dar, logged.reference, call).ok).toBe(true);
    expect(closeCallback(deps, dar, closed.reference, 'Answered').ok).toBe(true);
    expect(recordMissedTry(deps, dar, unreachable.reference, 0).ok).toBe(true);
    w.clock.advance(2 * HOUR);
    expect(recordMissedTry(deps, dar, unreachable.reference, 1).ok).toBe(true);
    w.clock.set(T0);
    ask(w, { phone: '+255754000306', region: 'DAR' });
    return { overdue };
  }

  /** The call-back table of a dashboard page: each row's words and number. */
  const figures = (html: string) => {
    const section = html.slice(html.indexOf('id="h-callbacks"'));
    const body = section.slice(0, section.indexOf('</table>'));
    return [...body.matchAll(/<th scope="row">([^<]+)<\/th><td class="num">([^<]+)<\/td>/g)].map(
      (m) => [m[1], m[2]],
    );
  };

  test('when headquarters and a region look at the last 30 days, then each sees its requests by how they ended', async () => {
    seed();
    const hq = await signedIn(w, DESK.hq.phone);
    const all = await hq.agent.get('/console/dashboard');
    expect(figures(all.text)).toEqual([
      ['Asked', '6'],
      ['Waiting for a call', '3'],
      ['Waiting past their deadline', '2'],
      ['Logged as complaints', '1'],
      ['Closed with a note', '1'],
      ['Not reached', '1'],
    ]);
    expect(textOf(all.text)).toContain('Requests made in the period, all regions.');

    const sup = await signedIn(w, DESK.darSup.phone);
    const dar = await sup.agent.get('/console/dashboard');
    expect(figures(dar.text)).toEqual([
      ['Asked', '5'],
      ['Waiting for a call', '2'],
      ['Waiting past their deadline', '1'],
      ['Logged as complaints', '1'],
      ['Closed with a note', '1'],
      ['Not reached', '1'],
    ]);
    expect(textOf(dar.text)).toContain('Requests made in the period, region Dar es Salaam.');
    expect(dar.text).toContain('href="/console/callbacks?region=DAR"');

    // Headquarters looking at Arusha; a week back leaves out what was asked before it.
    const aru = await hq.agent.get('/console/dashboard?region=ARU');
    expect(figures(aru.text).slice(0, 3)).toEqual([
      ['Asked', '1'],
      ['Waiting for a call', '1'],
      ['Waiting past their deadline', '1'],
    ]);
    const week = await sup.agent.get('/console/dashboard?period=week');
    expect(figures(week.text)[0]).toEqual(['Asked', '5']);
    const custom = await sup.agent.get(
      '/console/dashboard?period=custom&from=2026-01-01&to=2026-02-28',
    );
    expect(figures(custom.text)[0]).toEqual(['Asked', '1']);
  });
});

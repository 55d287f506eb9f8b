/**
 * Console pages, exports and Open311 answered by the read workers (worker threads, each with its
 * own read-only connection) are, byte for byte, what the same reads answer on the main thread:
 * for headquarters, a supervisor and an officer, every page kind, the CSV exports streamed in
 * many chunks, Open311 pages in JSON and XML and the public figures; the ward list (issue 19) is read by the workers
 * as by the main thread.
 */
import { insertSmsFiling } from '../../src/citizens/sms-filings-repository';
import request from 'supertest';
import { inTransaction } from '../../db/client';
import { logCallbackCall, recordMissedTry, requestCallback } from '../../src/callbacks/service';
import { replyToComplaint, resolveComplaint } from '../../src/complaints/actions';
import { addAutoReply, addSavedReply } from '../../src/complaints/replies';
import { saveRule } from '../../src/directory/routing-rules';
import { addTeamMember, createTeam } from '../../src/directory/teams';
import { DESK } from '../helpers/world';
import { openPoolWorld, type PoolWorld } from './pool-world';

let w: PoolWorld;
const cookies: Record<string, string> = {};
const numbers: string[] = [];
const replyIds = { saved: 0, auto: 0 };
const routing = { team: 0, rule: 0 };
const callbackRefs: string[] = [];

beforeAll(async () => {
  w = openPoolWorld();
  const actions = {
    db: w.db,
    now: w.clock.now,
    reference: w.console.reference,
    hours: w.console.hours,
  };
  // A saved reply the composer offers on water complaints, and an automatic reply on their assignment.
  const replyDeps = { db: w.db, now: w.clock.now, reference: w.console.reference };
  const texts = { textSw: 'Tutafika {council}. {officer}', textEn: 'We will come to {council}.' };
  const saved = addSavedReply(replyDeps, w.desk.hq, {
    ...texts,
    title: 'Visit',
    category: 'water',
    region: '',
    trigger: '',
  });
  const auto = addAutoReply(replyDeps, w.desk.hq, {
    ...texts,
    title: '',
    category: 'water',
    region: '',
    trigger: 'assigned',
  });
  if (!saved.ok || !auto.ok) throw new Error('replies refused');
  replyIds.saved = saved.row.id;
  replyIds.auto = auto.row.id;
  // Enough complaints for a CSV of many chunks (64 KB each) and deep Open311 pages.
  inTransaction(w.db, () => {
    for (let i = 0; i < 1200; i++) {
      w.clock.advance(60_000);
      const c = w.file({
        council: ['DAR-KIM', 'DAR-UBM', 'ARU-ARC'][i % 3] ?? 'DAR-KIM',
        category: ['water', 'roads', 'health'][i % 3] ?? 'water',
        place: `Mtaa wa ${i % 17}`,
        // Every other Kinondoni complaint recognised as the ward Magomeni.
        ...(i % 6 === 0 ? { ward: '14101' } : {}),
        description: `Maji hayatoki kijijini tangu wiki iliyopita, namba ${i}; "bomba" limevunjika.`,
      });
      numbers.push(c.number);
      if (i % 4 === 0) replyToComplaint(actions, w.desk.hq.id, c.number, 'Tunashughulikia');
      if (i % 8 === 0) resolveComplaint(actions, w.desk.hq.id, c.number, 'Imerekebishwa');
    }
  });
  // A team and a rule that sends Kinondoni's water complaints to it (the routing pages).
  const as = { now: w.clock.now(), reference: w.console.reference, actorId: w.desk.hq.id };
  const team = createTeam(w.db, as, { name: 'Maji Dar', regionCode: 'DAR' });
  if (!team.ok) throw new Error('no team');
  addTeamMember(w.db, as, team.value.id, w.desk.juma.id);
  const target = { kind: 'team' as const, teamId: team.value.id };
  const where = { regionCode: 'DAR', councilCode: 'DAR-KIM' };
  const rule = saveRule(w.db, as, null, { categoryCode: 'water', ...where, target });
  if (!rule.ok) throw new Error('no rule');
  routing.team = team.value.id;
  routing.rule = rule.value.id;
  // An SMS complaint waiting in triage, with Kero's guesses (the SMS-to-route tab).
  insertSmsFiling(w.db, {
    number: '50042464',
    phone: '+255713000111',
    text: 'Hakuna maji kijijini Msasani wiki mbili sasa',
    language: 'sw',
    guessRegions: ',DAR,',
    guessCouncil: 'DAR-KIM',
    guessCategory: 'water',
    guessWard: '14110',
    guessVillage: null,
    receivedAt: w.clock.now(),
  });
  // Call-back requests in two regions, one tried once and one logged as a complaint.
  const cb = { db: w.db, now: w.clock.now, reference: w.console.reference };
  const asked = ['DAR', 'DAR', 'ARU'].map((region, i) =>
    inTransaction(w.db, (tx) =>
      requestCallback(tx, {
        phone: `+25575400040${i}`,
        reference: ['1000002', '1000015', '1000028'][i] ?? '',
        regionCode: region,
        categoryCode: 'water',
        language: 'en',
        serviceCode: '*384*1234#',
        hours: w.console.hours,
        now: w.clock.now(),
      }),
    ),
  );
  const hq = { staffId: w.desk.hq.id, scope: { kind: 'all' as const } };
  recordMissedTry(cb, hq, asked[0]?.reference ?? '', 0);
  const call = { phone: '+255754000401', language: 'en' as const };
  const draft = { regionCode: 'DAR', councilCode: 'DAR-KIM', categoryCode: 'water', place: null };
  const callDeps = { ...cb, policy: w.console.sla, randomInt: () => 3, serviceCode: '*384*1234#' };
  const filed = logCallbackCall(callDeps, hq, asked[1]?.reference ?? '', {
    ...call,
    draft: { ...draft, description: 'No water for five days at the tap', anonymous: false },
  });
  if (!filed.ok) throw new Error('call-back not logged');
  callbackRefs.push(...asked.map((r) => r.reference));
  for (const who of ['hq', 'darSup', 'neema'] as const)
    cookies[who] = await w.cookieOf(DESK[who].phone);
}, 60_000);

afterAll(() => w.stop());

const both = async (url: string, cookie = '') => {
  const [here, pooled] = await Promise.all(
    [w.inThread, w.pooled].map((app) => request(app).get(url).set('Cookie', cookie)),
  );
  return { here: here!, pooled: pooled! };
};

const answer = (r: request.Response) => ({
  status: r.status,
  type: r.headers['content-type'] as unknown,
  location: r.headers.location as unknown,
  disposition: r.headers['content-disposition'] as unknown,
  link: r.headers.link as unknown,
  body: r.text,
});

describe('reads through the worker pool', () => {
  const pages = (): [string, string][] => [
    ['hq', '/console'],
    ['hq', '/console?tab=resolved&category=water'],
    ['hq', '/console?q=bomba'],
    ['hq', `/console?q=${numbers[5] ?? ''}`],
    ['hq', '/console?q=1234'],
    ['hq', `/console/c/${numbers[8] ?? ''}`],
    ['hq', '/console/c/00000000'],
    ['hq', '/console/staff'],
    ['hq', `/console/staff/${w.desk.neema.id}`],
    ['hq', `/console/staff/${w.desk.neema.id}/deactivate`],
    ['hq', '/console/dashboard'],
    ['hq', '/console/dashboard?period=year&region=DAR'],
    ['hq', '/console/account?done=language'],
    ['hq', '/console/call'],
    ['darSup', '/console?tab=open'],
    ['darSup', '/console?tab=open&council=DAR-KIM&ward=14101'],
    ['darSup', '/console/dashboard?period=year&council=DAR-KIM'],
    ['darSup', `/console/c/${numbers[6] ?? ''}`],
    ['darSup', '/console/dashboard?period=custom&from=2026-03-12&to=2026-03-11'],
    ['darSup', '/console/staff?done=add&name=Asha'],
    ['hq', '/console/replies'],
    ['hq', `/console/replies/saved/${replyIds.saved}`],
    ['hq', `/console/replies/auto/${replyIds.auto}`],
    ['darSup', '/console/replies?done=add&title=Visit'],
    ['darSup', `/console/replies/auto/${replyIds.auto}`],
    ['neema', '/console/replies'],
    ['neema', '/console'],
    ['neema', `/console/c/${numbers[2] ?? ''}`],
    ['neema', '/console/dashboard?period=week'],
    ['neema', '/console/staff'],
    ['hq', '/console/teams'],
    ['hq', `/console/teams/${routing.team}`],
    ['hq', '/console/rules?category=water&council=DAR-KIM'],
    ['hq', `/console/rules/${routing.rule}`],
    ['darSup', '/console/rules?category=roads&council=DAR-KIM'],
    ['darSup', '/console/teams?done=delete&name=Maji'],
    ['neema', '/console/rules'],
    ['hq', '/console/triage'],
    ['darSup', '/console/triage?routed=50042464'],
    ['neema', '/console/triage'],
    ['hq', '/console/callbacks'],
    ['hq', '/console/callbacks?region=ARU'],
    ['darSup', '/console/callbacks'],
    ['darSup', '/console/callbacks?done=closed&n=1000002'],
    ['darSup', `/console/callbacks/${callbackRefs[0] ?? ''}?done=missed`],
    ['darSup', `/console/callbacks/${callbackRefs[1] ?? ''}`],
    ['darSup', `/console/callbacks/${callbackRefs[2] ?? ''}`],
    ['neema', `/console/call?callback=${callbackRefs[0] ?? ''}`],
  ];

  it('when each page kind is read, then the pool answers what the main thread answers', async () => {
    for (const [who, url] of pages()) {
      const r = await both(url, cookies[who]);
      expect([who, url, answer(r.pooled)]).toEqual([who, url, answer(r.here)]);
      expect([who, url, r.pooled.status < 500]).toEqual([who, url, true]);
    }
  });

  it.each([
    '/console/queue.csv?tab=open',
    '/console/queue.csv?tab=resolved',
    '/console/dashboard.csv?table=category',
    '/console/dashboard.csv?table=area&public=1&period=year',
    '/console/queue.csv?tab=open&council=DAR-KIM&ward=14101',
    '/console/dashboard.csv?table=area&period=year&region=DAR&council=DAR-KIM',
  ])('when %s is exported, then the pool streams the same file in chunks', async (url) => {
    const r = await both(url, cookies.hq);
    expect(answer(r.pooled)).toEqual(answer(r.here));
    expect(r.pooled.status).toBe(200);
  });

  it('when a council is read by ward, then the pool names its wards as the main thread does', async () => {
    const page = await both('/console/dashboard?period=year&council=DAR-KIM', cookies.darSup);
    expect(page.pooled.status).toBe(200);
    expect(page.pooled.text).toContain('<caption>By ward</caption>');
    expect(page.pooled.text).toContain('<th scope="row">Magomeni</th>');
    const queue = await both('/console?tab=open&council=DAR-KIM&ward=14101', cookies.darSup);
    expect(queue.pooled.text).toContain('<option value="14101" selected>Magomeni</option>');
    expect(queue.pooled.text).not.toContain('Kinondoni MC</td>'); // every row names its ward
  });

  it('when the whole queue is exported, then the file spans several of the workers chunks', async () => {
    const r = await both('/console/queue.csv?tab=open', cookies.hq);
    expect(Buffer.byteLength(r.pooled.text)).toBeGreaterThan(3 * 64 * 1024);
  });

  it.each([
    '/open311/v2/requests.json',
    '/open311/v2/requests.xml?page_size=50&page=3',
    '/open311/v2/requests.json?status=closed&page_size=100&page=2',
    '/open311/v2/requests.json?page_size=1000&page=2',
    '/open311/v2/requests.json?page=0',
  ])('when Open311 %s is asked, then the pool answers the same', async (url) => {
    const r = await both(url);
    expect(answer(r.pooled)).toEqual(answer(r.here));
  });

  it.each([
    '/figures',
    '/figures?lang=en&period=365&region=DAR',
    '/figures.csv?period=90&lang=en',
    '/figures?region=XYZ',
  ])('when the public figures %s are asked, then the pool answers the same', async (url) => {
    const r = await both(url);
    expect(answer(r.pooled)).toEqual(answer(r.here));
  });

  it('when one Open311 request is asked by number, then the pool answers the same', async () => {
    const r = await both(`/open311/v2/requests/${numbers[3] ?? ''}.json`);
    expect(answer(r.pooled)).toEqual(answer(r.here));
    expect(r.pooled.status).toBe(200);
  });
});

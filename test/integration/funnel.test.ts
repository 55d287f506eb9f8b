/**
 * The USSD funnel from sessions recorded by the real USSD handler (hops posted as Africa's
 * Talking posts them, on the test clock) and AT's end-of-session notices (POST /ussd/events),
 * with answers known by construction: who stopped where, on which network, on which day.
 */
import { menu } from '../../menus';
import { parsePeriod } from '../../src/reports/core/period';
import { ussdFunnel } from '../../src/reports/funnel';
import { filingFlow } from '../../src/ussd/core/filing-flow';
import { makeTestApp, type TestApp } from '../helpers/app';
import { atPhone, eventsPath, formBody, postForm, type AtSession } from '../helpers/at-ussd';
import { ARUSHA, ARUSHA_CC, FILE, IDENTIFIED, SEND, SKIP, WATER } from '../helpers/ussd-paths';
import { eat } from '../helpers/world';

const KISWAHILI = '1';
const CANCEL = '0';
const UP_TO_CONFIRM = [
  KISWAHILI,
  FILE,
  ARUSHA,
  ARUSHA_CC,
  WATER,
  SKIP,
  'Maji hayatoki tangu jana',
  IDENTIFIED,
];
const COMPLETE = [...UP_TO_CONFIRM, SEND];
const TO_COUNCIL = [KISWAHILI, FILE, ARUSHA];
const TO_DESCRIPTION = UP_TO_CONFIRM.slice(0, 6);

let t: TestApp;
let phones = 0;
beforeEach(() => {
  t = makeTestApp();
});
afterEach(() => t.close());

/** A new phone dials on `network` at `at` and gives `replies`, ten seconds apart. */
async function dial(network: string, at: number, replies: string[]): Promise<AtSession> {
  t.clock.set(at);
  const phone = `+2557540000${String(++phones).padStart(2, '0')}`;
  const s = atPhone(t.app, { phone, networkCode: network }).dial();
  await s.send('');
  for (const reply of replies) {
    t.clock.advance(10_000);
    await s.reply(reply);
  }
  return s;
}

/** AT's end-of-session notice for `s`. */
async function atEnds(s: AtSession, status: string, seconds: number): Promise<void> {
  const body = formBody({
    sessionId: s.sessionId,
    serviceCode: '*384*1234#',
    networkCode: '',
    phoneNumber: '+255754000000',
    status,
    durationInMillis: String(seconds * 1000),
    hopsCount: String(s.bodies.length),
  });
  expect((await postForm(t.app, eventsPath(), body)).status).toBe(200);
}

const funnelAt = (now: number, from?: string, to?: string) => {
  const period = parsePeriod(from, to);
  if (!period.ok) throw new Error(period.errors.join('; '));
  return ussdFunnel(t.db, period.value, filingFlow(menu), now);
};

describe('the USSD funnel', () => {
  beforeEach(async () => {
    // Thursday: 4 filings complete on Vodacom, 3 callers stop at the council list on Airtel (AT
    // sends no notice for them). Friday: 2 cancel on the confirm screen (Halotel, Yas), 1 times
    // out on the description screen on a network Kero does not know.
    for (const [i, seconds] of [40, 50, 60, 70].entries()) {
      await atEnds(
        await dial('64004', eat('2026-03-12 09:00') + i * 60_000, COMPLETE),
        'Success',
        seconds,
      );
    }
    for (let i = 0; i < 3; i++)
      await dial('64005', eat('2026-03-12 10:00') + i * 60_000, TO_COUNCIL);
    await atEnds(
      await dial('64009', eat('2026-03-13 08:00'), [...UP_TO_CONFIRM, CANCEL]),
      'Success',
      35,
    );
    await atEnds(
      await dial('64002', eat('2026-03-13 08:30'), [...UP_TO_CONFIRM, CANCEL]),
      'Success',
      45,
    );
    await atEnds(await dial('63902', eat('2026-03-13 09:00'), TO_DESCRIPTION), 'Incomplete', 180);
  });

  test('when the funnel is computed, then each screen shows how many reached it and who stopped there', () => {
    const f = funnelAt(eat('2026-03-13 12:00')).overall;

    expect(f).toMatchObject({
      sessions: 10,
      live: 0,
      filing: 10,
      completed: 4,
      cancelled: 2,
      limited: 0,
      abandoned: 4,
      timedOut: 1,
      failed: 0,
    });
    expect(f.screens.map((s) => [s.screen, s.reached, s.abandoned, s.timedOut])).toEqual([
      ['file.region', 10, 0, 0],
      ['file.council', 10, 3, 0],
      ['file.category', 7, 0, 0],
      ['file.place', 7, 0, 0],
      ['file.description', 7, 1, 1],
      ['file.identity', 6, 0, 0],
      ['file.confirm', 6, 0, 0],
      ['file.done', 4, 0, 0],
      // The choice among places a typed name could be (issue 19): nobody here was offered one.
      ['file.place.choose', 0, 0, 0],
      ['file.edit', 0, 0, 0],
    ]);
  });

  test('when the medians are taken, then AT durations are used where AT sent one, else first to last hop', () => {
    const f = funnelAt(eat('2026-03-13 12:00')).overall;

    // 30 30 30 (three hops 10 s apart, no notice) 35 40 | 45 50 60 70 180 s; 4 4 4 7 10 | 10 ... hops.
    expect(f.median).toEqual({ durationMs: 42_500, hops: 10 });
    expect(f.completedMedian).toEqual({ durationMs: 55_000, hops: 10 });
  });

  test('when it is split by network, then each operator is named from its code and unknown codes are kept', () => {
    const networks = funnelAt(eat('2026-03-13 12:00')).networks;

    expect(
      networks.map((n) => [
        n.network,
        n.name,
        n.sessions,
        n.completed,
        n.cancelled,
        n.abandoned,
        n.timedOut,
      ]),
    ).toEqual([
      ['64004', 'Vodacom', 4, 4, 0, 0, 0],
      ['64005', 'Airtel', 3, 0, 0, 3, 0],
      ['63902', '63902', 1, 0, 0, 1, 1],
      ['64009', 'Halotel', 1, 0, 1, 0, 0],
      ['64002', 'Yas (ex-Tigo)', 1, 0, 1, 0, 0],
    ]);
    const airtel = networks.find((n) => n.name === 'Airtel');
    expect(airtel?.screens.find((s) => s.screen === 'file.council')).toEqual({
      screen: 'file.council',
      reached: 3,
      abandoned: 3,
      timedOut: 0,
    });
  });

  test('when it is split by day, then each session counts on the Tanzanian day it started', () => {
    const days = funnelAt(eat('2026-03-13 12:00')).days;

    expect(
      days.map((d) => [d.day, d.sessions, d.completed, d.cancelled, d.abandoned, d.timedOut]),
    ).toEqual([
      ['2026-03-12', 7, 4, 0, 3, 0],
      ['2026-03-13', 3, 0, 2, 1, 1],
    ]);
  });

  test('when a period is given, then only the sessions started in it count', () => {
    const friday = funnelAt(eat('2026-03-13 12:00'), '2026-03-13', '2026-03-13').overall;

    expect(friday).toMatchObject({ sessions: 3, cancelled: 2, abandoned: 1, completed: 0 });
  });
});

describe('sessions that are not (yet) lost', () => {
  test('when a caller is still on a screen within 3 minutes, then the session is live, not abandoned', async () => {
    await dial('64004', eat('2026-03-12 09:00'), TO_COUNCIL);

    expect(funnelAt(eat('2026-03-12 09:02')).overall).toMatchObject({
      sessions: 1,
      live: 1,
      abandoned: 0,
    });
    expect(funnelAt(eat('2026-03-12 09:04')).overall).toMatchObject({
      sessions: 1,
      live: 0,
      abandoned: 1,
    });
  });

  test('when a caller goes back to the main menu and leaves, then the session never entered filing', async () => {
    await dial('64004', eat('2026-03-12 09:00'), [KISWAHILI, FILE, '0']);

    const f = funnelAt(eat('2026-03-12 12:00')).overall;

    expect(f).toMatchObject({ sessions: 1, filing: 0, abandoned: 0 });
    expect(f.screens[0]).toEqual({ screen: 'file.region', reached: 0, abandoned: 0, timedOut: 0 });
  });

  test('when AT reports a session Failed, then it counts as failed', async () => {
    await atEnds(await dial('64004', eat('2026-03-12 09:00'), TO_COUNCIL), 'Failed', 12);

    expect(funnelAt(eat('2026-03-12 12:00')).overall).toMatchObject({
      failed: 1,
      abandoned: 1,
      timedOut: 0,
    });
  });
});

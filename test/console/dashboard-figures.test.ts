/**
 * The dashboard's figures over a week whose answers are known by construction
 * (./dashboard-world.ts): scope, period edges in Tanzanian time, office-time medians and 90th
 * percentiles, SLA shares, reopenings, ratings, the trend and the staff table. The numbers below
 * are worked out by hand from that table, not by running the same queries again. The public
 * figures (/figures) of the same week say what the dashboard says.
 */
import type { Scope } from '../../src/complaints/core/scope';
import { countryTable, regionTable } from '../../src/figures/core/figures';
import { regionCounts } from '../../src/figures/reads';
import { reopenComplaint, replyToComplaint, resolveComplaint } from '../../src/complaints/actions';
import { loadPopulations } from '../../src/reference/population';
import { dashboardPeriod } from '../../src/reports/core/dashboard-period';
import { loadDashboard, type Dashboard } from '../../src/reports/dashboard';
import { formBody, postForm } from '../helpers/at-ussd';
import { TEST_TOKEN } from '../helpers/app';
import { DESK, eat, HOUR } from '../helpers/world';
import { NOW, WEEK, seedWeek } from './dashboard-world';
import { openConsoleWorld, type ConsoleWorld } from './world';

let w: ConsoleWorld;
beforeEach(() => {
  w = openConsoleWorld();
});
afterEach(() => w.close());

function dashboardOf(scope: Scope, withStaff = false, period = WEEK): Dashboard {
  const p = dashboardPeriod({ period: 'custom', ...period }, NOW);
  if (p.problem) throw new Error(p.problem);
  const ref = w.console.reference;
  return loadDashboard(
    { db: w.db, hours: w.console.hours, populations: loadPopulations() },
    {
      scope,
      period: p.period,
      now: NOW,
      withStaff,
      order: {
        areas:
          scope.kind === 'all'
            ? ref.regions.map((r) => r.code)
            : (ref.councilsByRegion.get(scope.regionCode) ?? []).map((c) => c.code),
        categories: ref.categories,
      },
    },
  );
}

const counts = (rows: Dashboard['byArea']) =>
  Object.fromEntries(rows.map((r) => [r.key, r.figures.received]));

describe('the dashboard of a known week', () => {
  it('when a Dar es Salaam supervisor looks, then every figure is the region week by hand', () => {
    seedWeek(w);
    const d = dashboardOf({ kind: 'region', regionCode: 'DAR' }, true);
    expect(d.totals).toEqual({
      received: 8,
      resolved: 3,
      open: 5,
      unattended: 1,
      // 5 on time of 8: K, G and F are still unanswered past their deadline on Thursday 12th
      // (whether or not the escalation timer has run: G's flags change nothing).
      firstResponseSla: 62.5,
      resolutionSla: 100, // 3 on time of 3; no 14-day deadline has passed yet
      reopenRate: 33.3, // B, of A, B, D
      ratings: [1, 0, 0, 1, 1],
      ratingAverage: 3.33,
    });
    // Office hours to first response 1, 2, 3, 4, 11; to resolution 8, 8, 33.
    expect(d.firstResponse).toEqual({ median: 3, p90: 11 });
    expect(d.resolution).toEqual({ median: 8, p90: 33 });
    expect(d.area).toBe('council');
    expect(counts(d.byArea)).toEqual({ 'DAR-KIM': 5, 'DAR-TEM': 1, 'DAR-UBM': 2 });
    expect(d.byArea.find((r) => r.key === 'DAR-KIM')?.per10k).toBe(0.05); // of 982,328
    expect(d.per10k).toBe(0.01); // 8 of 5,383,728
    expect(counts(d.byCategory)).toEqual({ water: 4, roads: 2, health: 2 });
    expect(d.byCategory.map((r) => r.key)).toEqual(['health', 'water', 'roads']);
    expect(counts(d.byChannel)).toEqual({ ussd: 4, sms: 2, call: 2 });
    expect(d.byChannel.map((r) => r.key)).toEqual(['ussd', 'sms', 'call']);
    // H (Sunday 1 March 23:59) falls in the week before; I (Monday 9 March 00:00) after.
    expect(d.trend.received).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 8]);
    expect(d.trend.resolved).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3]);
    expect(
      d.staff.map((s) => [s.name, s.assigned, s.replied, s.resolved, s.medianFirstResponse]),
    ).toEqual([
      ['Neema Kweka', 4, 3, 3, 3],
      ['Juma Said', 2, 2, 0, 1],
      ['Rehema Mushi', 1, 0, 0, null],
    ]);
  });

  it('when headquarters looks, then it sees both regions, by region, from the rollup', () => {
    seedWeek(w);
    const d = dashboardOf({ kind: 'all' });
    expect(d.totals.received).toBe(9);
    expect(d.area).toBe('region');
    expect(counts(d.byArea)).toEqual({ ARU: 1, DAR: 8 });
    expect(d.firstResponse).toEqual({ median: 3, p90: 11 });
    expect(d.resolution).toEqual({ median: 8, p90: 33 });
    expect(d.trend.received.slice(10)).toEqual([1, 9]);
    expect(d.staff).toEqual([]);
  });

  it("when Arusha's supervisor looks, then none of Dar es Salaam's complaints count", () => {
    seedWeek(w);
    const d = dashboardOf({ kind: 'region', regionCode: 'ARU' }, true);
    expect(d.totals.received).toBe(1);
    expect(counts(d.byArea)).toEqual({ 'ARU-ARC': 1 });
    expect(d.firstResponse).toEqual({ median: null, p90: null });
    expect(d.staff.map((s) => s.name)).toEqual(['Neema Kweka']);
  });

  it('when an officer looks, then it is their councils and what is assigned to them elsewhere', () => {
    seedWeek(w);
    const neema = w.desk.neema;
    const d = dashboardOf({
      kind: 'officer',
      staffId: neema.id,
      regionCode: 'DAR',
      councils: ['DAR-KIM'],
    });
    expect(d.totals.received).toBe(6);
    expect(counts(d.byArea)).toEqual({ 'DAR-KIM': 5, 'ARU-ARC': 1 });
    expect(d.firstResponse).toEqual({ median: 3, p90: 4 }); // A 2, B 3, D 4
  });

  it('when the period is one Tanzanian day, then its edges are midnight EAT', () => {
    seedWeek(w);
    const d = dashboardOf({ kind: 'region', regionCode: 'DAR' }, false, {
      from: '2026-03-02',
      to: '2026-03-02',
    });
    // K at 00:00, A, G and B; not H at 23:59 the day before.
    expect(d.totals.received).toBe(4);
  });

  it('when the rollup and the complaints are read for the same region, then they agree', () => {
    seedWeek(w);
    const whole = dashboardOf({ kind: 'region', regionCode: 'DAR' });
    const all = dashboardOf({ kind: 'officer', staffId: -1, regionCode: 'DAR', councils: [] });
    const raw = dashboardOf({
      kind: 'officer',
      staffId: -1,
      regionCode: 'DAR',
      councils: ['DAR-DAC', 'DAR-KGM', 'DAR-KIM', 'DAR-TEM', 'DAR-UBM'],
    });
    expect(all.totals).toEqual(whole.totals);
    expect(raw.totals).toEqual(whole.totals);
    expect(raw.byCategory).toEqual(whole.byCategory);
  });
});

describe('the public figures of the same week', () => {
  it('when every category is published, then each region and council has the received, resolved, resolved on time and median first response of the dashboard', () => {
    seedWeek(w);
    const ref = w.console.reference;
    const p = dashboardPeriod({ period: 'custom', ...WEEK }, NOW).period;
    const counted = (region: string) =>
      regionCounts(
        { db: w.db, now: () => NOW },
        { region, from: p.from, until: p.until, categories: [...ref.categoryInfo.keys()] },
      );
    const same = (d: Dashboard) => ({
      areas: Object.fromEntries(
        d.byArea.map((r) => [
          r.key,
          [r.figures.received, r.figures.resolved, r.figures.resolutionSla],
        ]),
      ),
      median: d.firstResponse.median,
    });
    const published = (t: ReturnType<typeof countryTable>) => ({
      areas: Object.fromEntries(
        t.rows
          .filter((r) => r.received > 0)
          .map((r) => [r.code, [r.received, r.resolved, r.onTime]]),
      ),
      median: t.total.medianHours,
    });

    const country = countryTable(
      ref.regions.map((r) => counted(r.code)),
      ref.regions.map((r) => r.code),
    );
    const dar = regionTable(
      counted('DAR'),
      (ref.councilsByRegion.get('DAR') ?? []).map((c) => c.code),
    );

    expect(published(country)).toEqual(same(dashboardOf({ kind: 'all' })));
    expect(published(dar)).toEqual(same(dashboardOf({ kind: 'region', regionCode: 'DAR' })));
    expect(Object.keys(published(dar).areas)).toEqual(['DAR-KIM', 'DAR-TEM', 'DAR-UBM']);
  });
});

describe('office time, stored as it happens', () => {
  it('when a reply and a resolution are made in the console, then their office hours are kept', () => {
    w.clock.set(eat('2026-03-06 15:00')); // a Friday, half an hour before closing
    const c = w.file({ council: 'DAR-KIM' });
    const deps = {
      db: w.db,
      now: w.clock.now,
      reference: w.console.reference,
      hours: w.console.hours,
    };
    w.clock.set(eat('2026-03-09 09:30')); // Monday: 0.5 h + 2 h
    expect(replyToComplaint(deps, w.desk.neema.id, c.number, 'Tunashughulikia').ok).toBe(true);
    w.clock.set(eat('2026-03-09 10:30'));
    expect(resolveComplaint(deps, w.desk.neema.id, c.number, 'Imerekebishwa').ok).toBe(true);
    const row = w.db.$client
      .prepare(
        'SELECT first_response_work_ms AS fr, resolution_work_ms AS res FROM complaints WHERE id = ?',
      )
      .get(c.id);
    expect(row).toEqual({ fr: 2.5 * HOUR, res: 3.5 * HOUR });
  });

  it('when a reply comes by SMS command, then its office time is kept at once too', async () => {
    w.clock.set(eat('2026-03-06 15:00')); // a Friday, half an hour before closing
    const c = w.file({ council: 'DAR-KIM' });
    w.clock.set(eat('2026-03-09 09:30')); // Monday: 0.5 h + 2 h
    const res = await postForm(
      w.app,
      `/sms/inbound?token=${TEST_TOKEN}`,
      formBody({
        date: '2026-03-09 09:30:00',
        from: DESK.neema.phone,
        id: 'ATXid_office_time',
        linkId: 'L',
        text: `R ${c.number} Tunashughulikia`,
        to: '15055',
        networkCode: '64004',
      }),
    );
    expect(res.status).toBe(200);
    const row = w.db.$client
      .prepare('SELECT first_response_work_ms AS fr FROM complaints WHERE id = ?')
      .get(c.id);
    expect(row).toEqual({ fr: 2.5 * HOUR });
  });

  it('when a complaint is reopened, then its resolution time is cleared and the reopening counted', () => {
    w.clock.set(eat('2026-03-02 08:00'));
    const c = w.file({ council: 'DAR-KIM' });
    const deps = {
      db: w.db,
      now: w.clock.now,
      reference: w.console.reference,
      hours: w.console.hours,
    };
    w.clock.set(eat('2026-03-02 09:00'));
    resolveComplaint(deps, w.desk.neema.id, c.number, 'Imerekebishwa');
    expect(reopenComplaint(deps, w.desk.darSup.id, c.number, 'Bado').ok).toBe(true);
    const row = w.db.$client
      .prepare('SELECT resolution_work_ms AS res, reopen_count AS n FROM complaints WHERE id = ?')
      .get(c.id);
    expect(row).toEqual({ res: null, n: 1 });
  });
});

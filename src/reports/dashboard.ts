/**
 * The console's dashboard for one staff member's scope and one period: the figures ministers ask
 * for (./core/dashboard.ts) over the complaints filed in it, broken down by area (regions for
 * headquarters, councils otherwise, wards for one council), category and channel, a 12-week trend
 * and, for supervisors and headquarters, the staff table. Read-only. While a background job it depends on is still
 * filling in older complaints after an upgrade, it says how far that job is instead of figures.
 */
import type { Db } from '../../db/client';
import { preparing } from '../../db/jobs';
import { OPEN_DEADLINES_JOB } from './open-deadlines';
import { ROLLUP_JOBS } from './rollup';
import type { Scope } from '../complaints/core/scope';
import type { WorkingHours } from '../text/calendar';
import {
  breakdown,
  figuresOf,
  mergeHistograms,
  mergeRows,
  per10k,
  quantile,
  rowsBy,
  staffFigures,
  tallyDurations,
  weekSeries,
  type CountRow,
  type Dimension,
  type Figures,
  type Histogram,
  type StaffFigures,
} from './core/dashboard';
import { TREND_WEEKS, trendWindow, type DashboardPeriod } from './core/dashboard-period';
import {
  rawCells,
  rawDurations,
  rawTrend,
  overdueCells,
  rollupCells,
  rollupHours,
  rollupTrend,
  staffNamesById,
  wardCells,
  type RawScope,
  type Window,
} from './dashboard-repository';

/** The background jobs (db/jobs.ts) the counts depend on, and those the office times do. */
export const FIGURE_JOBS = ROLLUP_JOBS;
export const TIME_JOBS = ['work_times'];

export interface DashboardDeps {
  db: Db;
  hours: WorkingHours;
  /** People per region and council code (src/reference/population.ts). */
  populations: ReadonlyMap<string, number>;
}

export interface DashboardRequest {
  scope: Scope;
  period: DashboardPeriod;
  /** The staff table (supervisors and headquarters looking at a region). */
  withStaff: boolean;
  /** The instant lateness is judged at: open complaints past a deadline then are late. */
  now: number;
  /**
   * A region's dashboard narrowed to one of its councils (a region scope only), read from its
   * complaints; `byWard`: its areas are its wards (the council has a ward list).
   */
  council?: { code: string; byWard: boolean };
  /** Order of regions, councils and categories as the reference lists them. */
  order: { areas: readonly string[]; categories: readonly string[] };
}

/** Office hours (whole, rounded up): median and 90th percentile. */
export interface Spread {
  median: number | null;
  p90: number | null;
}

export interface Row {
  key: string;
  figures: Figures;
  /** Complaints per 10,000 people (areas with a known population only). */
  per10k?: number | null;
}

export interface Dashboard {
  totals: Figures;
  per10k: number | null;
  firstResponse: Spread;
  resolution: Spread;
  area: 'region' | 'council' | 'ward';
  byArea: Row[];
  byCategory: Row[];
  byChannel: Row[];
  /** Per week (oldest first): complaints filed and complaints resolved in it. */
  trend: { received: number[]; resolved: number[] };
  staff: (StaffFigures & { name: string })[];
  /** Per cent done of the background jobs the figures (the office times) wait for; null: ready. */
  preparing: { figures: number | null; times: number | null };
}

const CHANNELS = ['ussd', 'sms', 'call'];

interface Parts {
  area: CountRow[];
  category: CountRow[];
  channel: CountRow[];
  hours: { firstResponse: Histogram; resolution: Histogram };
  trend: { received: [number, number][]; resolved: [number, number][] };
}

function fromRaw(
  db: Db,
  s: RawScope,
  w: Window,
  trend: Window,
  now: number,
  hours: Parts['hours'] = hoursOf(db, s, w),
): Parts {
  const cells = rawCells(db, s, w, now);
  return {
    area: rowsBy(cells, 'council'),
    category: rowsBy(cells, 'category'),
    channel: rowsBy(cells, 'channel'),
    hours,
    trend: rawTrend(db, s, trend),
  };
}

function hoursOf(db: Db, s: RawScope, w: Window): Parts['hours'] {
  const { firstResponse, resolution } = tallyDurations(rawDurations(db, s, w));
  return { firstResponse, resolution };
}

/**
 * The country's or a region's breakdowns from the rollup, each with the complaints that are open
 * past a deadline now counted late (they change with the clock, not in the rollup).
 */
function fromRollup(db: Db, region: string | undefined, w: Window, now: number) {
  const late = overdueCells(db, region, w, now, preparing(db, [OPEN_DEADLINES_JOB]) === null);
  const cells = rollupCells(db, region, w);
  const by = (set: number, d: Dimension) => mergeRows(rowsBy(cells[set] ?? [], d), rowsBy(late, d));
  return region === undefined
    ? { area: by(0, 'region'), category: by(0, 'category'), channel: by(1, 'channel') }
    : { area: by(0, 'council'), category: by(0, 'category'), channel: by(0, 'channel') };
}

/**
 * Where each part comes from. The country and a whole region: the rollup (a region's
 * histograms from its complaints, a few tens of thousands a year at most). An officer's own
 * councils, and one council of a region: their complaints. An officer's complaints assigned from
 * elsewhere: added to either.
 */
function partsOf(
  db: Db,
  r: { scope: Scope; now: number },
  w: Window,
  trend: Window,
  tally: ReturnType<typeof tallyDurations> | undefined,
  council: RawScope | undefined,
): Parts {
  const { scope, now } = r;
  if (council) {
    const hours = tally && { firstResponse: tally.firstResponse, resolution: tally.resolution };
    return fromRaw(db, council, w, trend, now, hours);
  }
  if (scope.kind === 'all') {
    return {
      ...fromRollup(db, undefined, w, now),
      hours: rollupHours(db, w),
      trend: rollupTrend(db, undefined, trend),
    };
  }
  const region: RawScope = { kind: 'region', regionCode: scope.regionCode };
  if (scope.kind === 'officer' && scope.councils.length > 0) {
    const own = fromRaw(db, { ...region, councils: scope.councils }, w, trend, now);
    return merge(own, fromRaw(db, elsewhere(scope), w, trend, now));
  }
  const whole: Parts = {
    ...fromRollup(db, scope.regionCode, w, now),
    hours: tally
      ? { firstResponse: tally.firstResponse, resolution: tally.resolution }
      : hoursOf(db, region, w),
    trend: rollupTrend(db, scope.regionCode, trend),
  };
  return scope.kind === 'officer'
    ? merge(whole, fromRaw(db, elsewhere(scope), w, trend, now))
    : whole;
}

const elsewhere = (s: Extract<Scope, { kind: 'officer' }>): RawScope => ({
  kind: 'assignedElsewhere',
  staffId: s.staffId,
  regionCode: s.regionCode,
});

function merge(a: Parts, b: Parts): Parts {
  return {
    area: mergeRows(a.area, b.area),
    category: mergeRows(a.category, b.category),
    channel: mergeRows(a.channel, b.channel),
    hours: {
      firstResponse: mergeHistograms(a.hours.firstResponse, b.hours.firstResponse),
      resolution: mergeHistograms(a.hours.resolution, b.hours.resolution),
    },
    trend: {
      received: [...a.trend.received, ...b.trend.received],
      resolved: [...a.trend.resolved, ...b.trend.resolved],
    },
  };
}

const spreadOf = (h: Histogram): Spread => ({ median: quantile(h, 0.5), p90: quantile(h, 0.9) });

/** The dashboard of `r.scope` over `r.period`. */
export function loadDashboard(deps: DashboardDeps, r: DashboardRequest): Dashboard {
  const pop = deps.populations;
  const w = { from: r.period.from, until: r.period.until };
  const council: RawScope | undefined =
    r.council && r.scope.kind === 'region'
      ? { kind: 'region', regionCode: r.scope.regionCode, councils: [r.council.code] }
      : undefined;
  // A region's (or its council's) staff table and histograms come from one read of its complaints.
  const tally =
    r.withStaff && r.scope.kind === 'region'
      ? tallyDurations(
          rawDurations(deps.db, council ?? { kind: 'region', regionCode: r.scope.regionCode }, w),
        )
      : undefined;
  const p = partsOf(deps.db, r, w, trendWindow(r.period), tally, council);
  const byWard = council !== undefined && r.council?.byWard === true;
  const area = r.scope.kind === 'all' ? 'region' : byWard ? 'ward' : 'council';
  const areaRows = council && byWard ? wardCells(deps.db, council, w, r.now) : p.area;
  const byArea = breakdown(areaRows, r.order.areas).map((row) => ({
    ...row,
    per10k: per10k(row.figures.received, pop.get(row.key)),
  }));
  // Every complaint has one channel: the channel rows add up to the whole.
  const totals = figuresOf(p.channel);
  // A rate for the whole scope only where it is whole areas: the country, a region, a council.
  const people =
    r.scope.kind === 'all'
      ? r.order.areas.reduce((n, code) => n + (pop.get(code) ?? 0), 0)
      : council && r.council
        ? pop.get(r.council.code)
        : r.scope.kind === 'region'
          ? pop.get(r.scope.regionCode)
          : undefined;
  const staff = tally ? staffFigures(tally.staff) : [];
  const timesWait = preparing(deps.db, [...FIGURE_JOBS, ...TIME_JOBS]);
  const names = staffNamesById(
    deps.db,
    staff.map((s) => s.staffId),
  );
  return {
    totals,
    per10k: per10k(totals.received, people),
    firstResponse: spreadOf(p.hours.firstResponse),
    resolution: spreadOf(p.hours.resolution),
    area,
    byArea,
    byCategory: breakdown(p.category, r.order.categories),
    byChannel: breakdown(p.channel, CHANNELS),
    trend: {
      received: weekSeries(p.trend.received, TREND_WEEKS),
      resolved: weekSeries(p.trend.resolved, TREND_WEEKS),
    },
    staff: staff.map((s) => ({
      ...s,
      name: names.get(s.staffId) ?? `#${s.staffId}`,
      // No median of a part of the office times: the page says they are being prepared.
      ...(timesWait === null ? {} : { medianFirstResponse: null }),
    })),
    preparing: { figures: preparing(deps.db, FIGURE_JOBS), times: timesWait },
  };
}

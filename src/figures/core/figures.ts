/**
 * Pure. The public figures (issue 21 part 4): per region and per council, over the last 30, 90
 * or 365 days, the complaints of published categories received, resolved, the share resolved on
 * time and the median office hours to a first response. The database hands over counts per
 * council and whole office hour (`FigureCell`); this folds them per council, adds councils up to
 * a region and regions up to the country (medians from the merged histograms), and publishes
 * each row with the dashboard's small-cell rule (src/reports/core/dashboard.ts publicRow). The
 * page's address is ./query.ts.
 */
import {
  mergeHistograms,
  percent,
  publicRow,
  quantile,
  type Histogram,
} from '../../reports/core/dashboard';

/** Some complaints of one council whose first response took `hours` (null: none yet). */
export interface FigureCell {
  council: string;
  hours: number | null;
  received: number;
  resolved: number;
  /** Resolved by the resolution deadline. */
  resolutionMet: number;
  /** Resolved after it, or still open past it. */
  resolutionMissed: number;
}

/** An area's complaints in the period: counts, and office hours to a first response. */
export interface AreaCounts {
  received: number;
  resolved: number;
  resolutionMet: number;
  resolutionMissed: number;
  firstResponse: Histogram;
}

export type CouncilCounts = AreaCounts & { council: string };

/**
 * Per cent done of the background jobs an upgrade left that these figures wait for (null: done):
 * the older complaints' deadlines (the shares on time), their office times (the medians).
 */
export interface Preparing {
  deadlines: number | null;
  times: number | null;
}

/** One region's councils in the period, as one read worker job computes them. */
export interface RegionCounts {
  region: string;
  /** The instant they were read at. */
  computedAt: number;
  councils: CouncilCounts[];
  preparing: Preparing;
}

const none = (): AreaCounts => ({
  received: 0,
  resolved: 0,
  resolutionMet: 0,
  resolutionMissed: 0,
  firstResponse: [],
});

/** Pure. Counts added up; histograms merged. */
export function addCounts(parts: readonly AreaCounts[]): AreaCounts {
  const sum = none();
  for (const p of parts) {
    sum.received += p.received;
    sum.resolved += p.resolved;
    sum.resolutionMet += p.resolutionMet;
    sum.resolutionMissed += p.resolutionMissed;
  }
  sum.firstResponse = mergeHistograms(...parts.map((p) => p.firstResponse));
  return sum;
}

/** Pure. Rows read per council and office hour as each council's counts, in the order read. */
export function councilCounts(cells: readonly FigureCell[]): CouncilCounts[] {
  const by = new Map<string, FigureCell[]>();
  for (const c of cells) by.set(c.council, [...(by.get(c.council) ?? []), c]);
  return [...by.entries()].map(([council, list]) => ({
    council,
    ...addCounts(
      list.map((c) => ({
        ...c,
        firstResponse: c.hours === null ? [] : ([[c.hours, c.received]] as Histogram),
      })),
    ),
  }));
}

/** An area's row: what the page and the CSV show of it. */
export interface AreaFigures {
  /** A region's or council's code; '' for the country. */
  code: string;
  received: number;
  resolved: number;
  /**
   * Per cent of those resolved or past their deadline that were resolved by it; null: none, or
   * deadlines being prepared.
   */
  onTime: number | null;
  /** Median whole office hours to a first response; null: none, or times being prepared. */
  medianHours: number | null;
}

export interface FiguresTable {
  rows: AreaFigures[];
  total: AreaFigures;
  /** When the oldest part of these figures was read. */
  computedAt: number;
  preparing: Preparing;
}

/** An area's row; a share or median of only part of its complaints is left out. */
function areaFigures(code: string, c: AreaCounts, p: Preparing): AreaFigures {
  return {
    code,
    received: c.received,
    resolved: c.resolved,
    onTime:
      p.deadlines === null ? percent(c.resolutionMet, c.resolutionMet + c.resolutionMissed) : null,
    medianHours: p.times === null ? quantile(c.firstResponse, 0.5) : null,
  };
}

/**
 * Every area of `listed` in that order, even with no complaint (an empty row must read like a
 * small one, "<5", or leaving it out would tell them apart), then any other with complaints.
 */
function tableOf(
  areas: ReadonlyMap<string, AreaCounts>,
  listed: readonly string[],
  totalCode: string,
  meta: { computedAt: number; preparing: Preparing },
): FiguresTable {
  const extra = [...areas.entries()]
    .filter(([code, c]) => !listed.includes(code) && c.received > 0)
    .map(([code]) => code)
    .sort();
  return {
    rows: [...listed, ...extra].map((code) =>
      areaFigures(code, areas.get(code) ?? none(), meta.preparing),
    ),
    total: areaFigures(totalCode, addCounts([...areas.values()]), meta.preparing),
    ...meta,
  };
}

/** Pure. A region's page: its councils (`councils`: the reference's, in order) and its total. */
export function regionTable(r: RegionCounts, councils: readonly string[]): FiguresTable {
  const areas = new Map(r.councils.map((c) => [c.council, c]));
  return tableOf(areas, councils, r.region, { computedAt: r.computedAt, preparing: r.preparing });
}

/** Pure. The country's page: each region (`shown` in order, then others with complaints). */
export function countryTable(
  regions: readonly RegionCounts[],
  shown: readonly string[],
): FiguresTable {
  const areas = new Map(regions.map((r) => [r.region, addCounts(r.councils)]));
  // Each region read the jobs' progress when it was counted: the least of them.
  const least = (k: keyof Preparing) => {
    const waits = regions.map((r) => r.preparing[k]).filter((p): p is number => p !== null);
    return waits.length === 0 ? null : Math.min(...waits);
  };
  return tableOf(areas, shown, '', {
    computedAt: Math.min(...regions.map((r) => r.computedAt)),
    preparing: { deadlines: least('deadlines'), times: least('times') },
  });
}

export type PublishedCell = number | string | null;

/**
 * Pure. A row as published, by the dashboard's rule for publication: received and resolved
 * under 5 read "<5"; a row of fewer than 5 complaints has its share and median left out.
 */
export function publishedCells(f: AreaFigures): PublishedCell[] {
  return publicRow([f.received, f.resolved, f.onTime, f.medianHours], f.received, [0, 1]);
}

/**
 * The complaints report ministers ask for: per region and category, counts by status, medians of
 * the time to first response and to resolution, and SLA breaches; and the same for the total.
 * Counts are summed from the report's cells, medians found in the duration indexes
 * (./repository.ts): over a million complaints it reads a few thousand cells and indexes, never
 * the complaints themselves.
 */
import { inTransaction, type Db } from '../../db/client';
import { median } from './core/median';
import {
  groupCounts,
  medianTook,
  periodDurations,
  type GroupCounts,
  type ReportFilters,
} from './repository';

export type { ReportFilters };

export interface ReportFigures {
  received: number;
  assigned: number;
  inProgress: number;
  resolved: number;
  closed: number;
  total: number;
  /** Median hours from filing to the first staff reply; null when none was answered. */
  medianFirstResponseHours: number | null;
  /** Median hours from filing to resolution; null when none is resolved. */
  medianResolutionHours: number | null;
  /** Complaints that breached either SLA (escalated or recorded as a breach). */
  slaBreaches: number;
}

export interface ReportRow extends ReportFigures {
  regionCode: string;
  categoryCode: string;
}

export interface ComplaintReport {
  rows: ReportRow[];
  total: ReportFigures;
}

const HOUR = 60 * 60 * 1000;

const hours = (ms: number | null) => (ms === null ? null : ms / HOUR);

type Group = { regionCode?: string; categoryCode?: string; from?: number; until?: number };

/** The figures of one group in one fixed key order (the JSON output shows it). */
function figures(c: Counts, firstResponseMs: number | null, resolutionMs: number | null) {
  return {
    received: c.received,
    assigned: c.assigned,
    inProgress: c.inProgress,
    resolved: c.resolved,
    closed: c.closed,
    total: c.total,
    medianFirstResponseHours: hours(firstResponseMs),
    medianResolutionHours: hours(resolutionMs),
    slaBreaches: c.slaBreaches,
  };
}

type Counts = Omit<GroupCounts, 'regionCode' | 'categoryCode'>;

function totalOf(groups: readonly GroupCounts[]): Counts {
  const sum = (pick: (g: GroupCounts) => number) => groups.reduce((n, g) => n + pick(g), 0);
  return {
    received: sum((g) => g.received),
    assigned: sum((g) => g.assigned),
    inProgress: sum((g) => g.inProgress),
    resolved: sum((g) => g.resolved),
    closed: sum((g) => g.closed),
    total: sum((g) => g.total),
    slaBreaches: sum((g) => g.slaBreaches),
    answered: sum((g) => g.answered),
    done: sum((g) => g.done),
  };
}

/** How a period's medians are found (see `complaintReport`). */
export type MedianStrategy = 'walk' | 'scan';

/**
 * Medians by walking the duration indexes: each group's walk goes halfway through the group's
 * complaints of all time, whatever the period.
 */
function walked(db: Db, groups: GroupCounts[], total: Counts, filters: ReportFilters) {
  const period = {
    ...(filters.from === undefined ? {} : { from: filters.from }),
    ...(filters.until === undefined ? {} : { until: filters.until }),
  };
  const medians = (c: Counts, group: Group) => ({
    firstResponse: medianTook(db, 'firstResponse', group, c.answered),
    resolution: medianTook(db, 'resolution', group, c.done),
  });
  return {
    groups: groups.map((g) =>
      medians(g, { ...period, regionCode: g.regionCode, categoryCode: g.categoryCode }),
    ),
    total: medians(total, {
      ...period,
      ...(filters.regionCode ? { regionCode: filters.regionCode } : {}),
    }),
  };
}

const toArray = (json: string) => Float64Array.from(JSON.parse(json) as number[]);

function concat(parts: readonly Float64Array[]): Float64Array {
  const all = new Float64Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return all;
}

/** Medians from each group's durations in the period, sorted here. */
function scanned(db: Db, groups: GroupCounts[], filters: ReportFilters) {
  const read = new Map(
    periodDurations(db, filters).map((d) => [
      `${d.regionCode} ${d.categoryCode}`,
      { first: toArray(d.firstResponseMs), done: toArray(d.resolutionMs) },
    ]),
  );
  const none = { first: new Float64Array(), done: new Float64Array() };
  const each = groups.map((g) => read.get(`${g.regionCode} ${g.categoryCode}`) ?? none);
  return {
    groups: each.map((d) => ({ firstResponse: median(d.first), resolution: median(d.done) })),
    total: {
      firstResponse: median(concat(each.map((d) => d.first))),
      resolution: median(concat(each.map((d) => d.done))),
    },
  };
}

/**
 * A period this much smaller than all time has its durations read rather than the indexes
 * walked. Measured over a million complaints (bench/reports.ts): a report that reads costs about
 * 2.5 µs of CPU per complaint of the period, one that walks about 0.25 µs per complaint of all
 * time, so they cross near a tenth.
 */
const SCAN_BELOW = 1 / 10;

/**
 * Runs the report over the complaints matching `filters` (a period's ends are Tanzanian
 * midnights); rows ordered by region, category. Read in one transaction, so the counts and the
 * medians describe the same moment.
 *
 * Counts come from the cells. Medians either walk the duration indexes (cost: half of all the
 * complaints of all time, whatever the period) or read the period's durations and sort them
 * (cost: the period's complaints). A period holding less than SCAN_BELOW of all the complaints is
 * read; all time and long periods are walked. `strategy` forces one (the tests check both give
 * the same figures).
 */
export function complaintReport(
  db: Db,
  filters: ReportFilters,
  strategy?: MedianStrategy,
): ComplaintReport {
  return inTransaction(db, () => {
    const groups = groupCounts(db, filters);
    const total = totalOf(groups);
    const periodic = filters.from !== undefined || filters.until !== undefined;
    const chosen =
      strategy ??
      (periodic &&
      total.total <
        SCAN_BELOW *
          totalOf(groupCounts(db, { ...filters, from: undefined, until: undefined })).total
        ? 'scan'
        : 'walk');
    const m = chosen === 'scan' ? scanned(db, groups, filters) : walked(db, groups, total, filters);
    const figuresOf = (c: Counts, i: number | undefined) => {
      const medians = i === undefined ? m.total : m.groups[i];
      return figures(c, medians?.firstResponse ?? null, medians?.resolution ?? null);
    };
    return {
      rows: groups.map((g, i) => ({
        regionCode: g.regionCode,
        categoryCode: g.categoryCode,
        ...figuresOf(g, i),
      })),
      total: figuresOf(total, undefined),
    };
  });
}

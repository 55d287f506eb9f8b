/**
 * The complaints report ministers ask for: per region and category, counts by status, medians of
 * the time to first response and to resolution, and SLA breaches. One grouped SQL scan does the
 * counting and hands back each group's durations, whose medians are taken here: SQLite's window
 * functions would sort every duration on disk, several times slower over a million complaints.
 */
import type { Db } from '../../db/client';
import { median } from './core/median';
import { groupedRows, type ReportFilters } from './repository';

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

const hours = (ms: number | null) => (ms === null ? null : ms / HOUR);

type Counts = Omit<ReportFigures, 'medianFirstResponseHours' | 'medianResolutionHours'>;

/** The figures in one fixed key order (the JSON output shows it), medians from raw durations. */
function figures(c: Counts, firstResponseMs: Float64Array, resolutionMs: Float64Array) {
  return {
    received: c.received,
    assigned: c.assigned,
    inProgress: c.inProgress,
    resolved: c.resolved,
    closed: c.closed,
    total: c.total,
    medianFirstResponseHours: hours(median(firstResponseMs)),
    medianResolutionHours: hours(median(resolutionMs)),
    slaBreaches: c.slaBreaches,
  };
}

/** Runs the report over the complaints matching `filters`; rows ordered by region, category. */
export function complaintReport(db: Db, filters: ReportFilters): ComplaintReport {
  const grouped = groupedRows(db, filters);
  const firstResponse = grouped.map((g) => toArray(g.firstResponseMs));
  const resolution = grouped.map((g) => toArray(g.resolutionMs));
  const rows: ReportRow[] = grouped.map((g, i) => ({
    regionCode: g.regionCode,
    categoryCode: g.categoryCode,
    ...figures(g, firstResponse[i] ?? new Float64Array(), resolution[i] ?? new Float64Array()),
  }));
  const sum = (pick: (r: Counts) => number) => rows.reduce((n, r) => n + pick(r), 0);
  const totals: Counts = {
    received: sum((r) => r.received),
    assigned: sum((r) => r.assigned),
    inProgress: sum((r) => r.inProgress),
    resolved: sum((r) => r.resolved),
    closed: sum((r) => r.closed),
    total: sum((r) => r.total),
    slaBreaches: sum((r) => r.slaBreaches),
  };
  return { rows, total: figures(totals, concat(firstResponse), concat(resolution)) };
}

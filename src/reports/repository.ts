/**
 * What the complaints report reads. Counts come from `report_cells`, the per region, category and
 * day of filing tallies that triggers keep in the transaction of every change to a complaint
 * (migration 0010): a few thousand rows for a year of a million complaints. Medians come from the
 * indexes on how long each complaint took to be answered and resolved, in that order: a median is
 * a walk to the middle of its group's part of the index, skipping (inside the index) complaints
 * filed outside the period; nothing is sorted.
 *
 * Measured over a million complaints before choosing (a shared, loaded 2-core machine): the
 * grouped scan of `complaints` this replaces took 4.4–6 s; a covering index on every column it
 * read still took about 450 ms for the counts alone; the cells take tens of ms, the medians'
 * walks about 50 ms per kind (see bench/report-bench.ts for the figures of record).
 */
import { and, eq, gte, lt, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { preparedPerDb, type Db } from '../../db/client';
import { complaints, reportCells } from '../../db/schema';
import { DAY_MS, EAT_OFFSET_MS } from '../text/calendar';

export interface ReportFilters {
  regionCode?: string;
  /** Complaints created at or after this instant (ms). */
  from?: number;
  /** Complaints created before this instant (ms). */
  until?: number;
}

/** One (region, category) group's counts. */
export interface GroupCounts {
  regionCode: string;
  categoryCode: string;
  received: number;
  assigned: number;
  inProgress: number;
  resolved: number;
  closed: number;
  total: number;
  slaBreaches: number;
  /** Complaints with a first response, and with a resolution time. */
  answered: number;
  done: number;
}

export type Milestone = 'firstResponse' | 'resolution';

/** The Tanzanian day (days since 1970-01-01 EAT) an instant falls on, when it starts that day. */
function wholeDay(ms: number | undefined): number | undefined | null {
  if (ms === undefined) return undefined;
  return (ms + EAT_OFFSET_MS) % DAY_MS === 0 ? (ms + EAT_OFFSET_MS) / DAY_MS : null;
}

/** Pure. The period as days of filing; its ends must be Tanzanian midnights (as parsePeriod's). */
export function periodDays(f: ReportFilters): { from?: number; until?: number } {
  const from = wholeDay(f.from);
  const until = wholeDay(f.until);
  if (from === null || until === null) {
    throw new Error('a report period starts and ends at midnight, Tanzanian time');
  }
  return { ...(from === undefined ? {} : { from }), ...(until === undefined ? {} : { until }) };
}

const sum = (column: SQLiteColumn) => sql<number>`sum(${column})`;

/** Each group's counts from the cells, ordered by region and category. */
export function groupCounts(db: Db, f: ReportFilters): GroupCounts[] {
  const days = periodDays(f);
  const c = reportCells;
  return db
    .select({
      regionCode: c.regionCode,
      categoryCode: c.categoryCode,
      received: sum(c.received),
      assigned: sum(c.assigned),
      inProgress: sum(c.inProgress),
      resolved: sum(c.resolved),
      closed: sum(c.closed),
      total: sum(c.total),
      slaBreaches: sum(c.breaches),
      answered: sum(c.answered),
      done: sum(c.done),
    })
    .from(c)
    .where(
      and(
        f.regionCode === undefined ? undefined : eq(c.regionCode, f.regionCode),
        days.from === undefined ? undefined : gte(c.day, days.from),
        days.until === undefined ? undefined : lt(c.day, days.until),
      ),
    )
    .groupBy(c.regionCode, c.categoryCode)
    .having(sql`sum(${c.total}) > 0`)
    .orderBy(c.regionCode, c.categoryCode)
    .all();
}

// Written exactly as in the indexes' definitions (db/schema.ts), so that SQLite uses them.
const TOOK_SQL = {
  firstResponse: {
    took: '(first_response_at - created_at)',
    reached: 'first_response_at IS NOT NULL',
  },
  resolution: { took: '(resolved_at - created_at)', reached: 'resolved_at IS NOT NULL' },
};

/** Who a median is of: a region and category, a region, or everything. */
type Shape = 'group' | 'region' | 'all';

/** The duration indexes (db/schema.ts): per region and category, and over everything. */
const INDEX = {
  firstResponse: { group: 'complaints_response_time_idx', all: 'complaints_all_response_time_idx' },
  resolution: {
    group: 'complaints_resolution_time_idx',
    all: 'complaints_all_resolution_time_idx',
  },
};

/**
 * The walks, prepared once per database (a report takes hundreds of medians, and preparing each
 * statement anew cost more than the walks), each naming its index: with the period's bounds as
 * parameters SQLite would otherwise read the period index and sort all of it. A missing end of
 * the period is passed as the widest one. Written in SQL: drizzle has no INDEXED BY.
 */
const walks = preparedPerDb((db) => {
  const walk = (milestone: Milestone, shape: Shape) => {
    const took = milestone === 'firstResponse' ? TOOK_SQL.firstResponse : TOOK_SQL.resolution;
    const index = INDEX[milestone][shape === 'all' ? 'all' : 'group'];
    const where = [
      `${took.reached}`,
      ...(shape === 'all' ? [] : ['region_code = @region']),
      ...(shape === 'group' ? ['category_code = @category'] : []),
      'created_at >= @from AND created_at < @until',
    ].join(' AND ');
    return db.$client.prepare<Record<string, string | number>, { ms: number }>(
      `SELECT ${took.took} AS ms FROM complaints INDEXED BY ${index} WHERE ${where}
       ORDER BY ${took.took} LIMIT 2 OFFSET @offset`,
    );
  };
  const shapes = (milestone: Milestone) => ({
    group: walk(milestone, 'group'),
    region: walk(milestone, 'region'),
    all: walk(milestone, 'all'),
  });
  return { firstResponse: shapes('firstResponse'), resolution: shapes('resolution') };
});

/**
 * The median of how long the `count` complaints of a group (a region and category, a region, or
 * all) filed in the period that reached `milestone` took, in ms: the middle one or two in index
 * order. `count` comes from the cells.
 */
export function medianTook(
  db: Db,
  milestone: Milestone,
  group: { regionCode?: string; categoryCode?: string; from?: number; until?: number },
  count: number,
): number | null {
  if (count === 0) return null;
  const shape: Shape =
    group.regionCode === undefined ? 'all' : group.categoryCode === undefined ? 'region' : 'group';
  const middle = walks(db)[milestone][shape].all({
    region: group.regionCode ?? '',
    category: group.categoryCode ?? '',
    from: group.from ?? Number.MIN_SAFE_INTEGER,
    until: group.until ?? Number.MAX_SAFE_INTEGER,
    offset: (count - 1) >> 1,
  });
  const [lower, upper] = middle.map((r) => r.ms);
  if (lower === undefined) return null;
  return count % 2 === 1 || upper === undefined ? lower : (lower + upper) / 2;
}

/** A group's durations in a period, as JSON arrays of ms. */
export interface PeriodDurations {
  regionCode: string;
  categoryCode: string;
  firstResponseMs: string;
  resolutionMs: string;
}

/** A JSON array of the ms from filing to `milestone`, for complaints that reached it. */
const durations = (milestone: typeof complaints.firstResponseAt) =>
  sql<string>`json_group_array(${milestone} - ${complaints.createdAt}) filter (where ${milestone} is not null)`;

/**
 * Each group's durations in the period, read from the period index alone (no row is fetched) and
 * gathered by SQLite into JSON arrays, which cost far less than a million rows handed to
 * JavaScript: for a period short enough that reading it beats walking the duration indexes.
 */
export function periodDurations(db: Db, f: ReportFilters): PeriodDurations[] {
  const where = and(
    f.from === undefined ? undefined : gte(complaints.createdAt, f.from),
    f.until === undefined ? undefined : lt(complaints.createdAt, f.until),
    f.regionCode === undefined ? undefined : eq(complaints.regionCode, f.regionCode),
  );
  // Written out: drizzle's query builder has no INDEXED BY.
  return db.all<PeriodDurations>(sql`
    SELECT region_code AS regionCode, category_code AS categoryCode,
      ${durations(complaints.firstResponseAt)} AS firstResponseMs,
      ${durations(complaints.resolvedAt)} AS resolutionMs
    FROM ${complaints} INDEXED BY complaints_period_times_idx
    WHERE ${where ?? sql`1`}
    GROUP BY region_code, category_code`);
}

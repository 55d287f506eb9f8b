/**
 * What the complaints report reads. Counts come from the one rollup's region-and-category rows
 * (`complaint_rollup`, kinds `rcw` per week and `rc` per day of filing, kept by triggers in the
 * transaction of every change to a complaint): some 12,000 rows for a year of complaints.
 * Breaches that the clock alone makes (an open complaint past a deadline) are counted when read,
 * from the queue's deadline index. Medians come from the
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
import { preparedPerDb, type Db } from '../../db/client';
import { complaints } from '../../db/schema';
import { DAY_MS, EAT_OFFSET_MS } from '../text/calendar';
import { overdueFrom, regionCategoryRows } from './dashboard-repository';

export interface ReportFilters {
  /** The instant lateness is judged at: an open complaint past a deadline then has breached it. */
  now: number;
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

/**
 * Each group's counts, ordered by region and category: the rollup's, with the open complaints
 * past a deadline at `f.now` that the rollup does not yet count as breaches added.
 */
export function groupCounts(db: Db, f: ReportFilters): GroupCounts[] {
  const days = periodDays(f);
  const region = f.regionCode === undefined ? '' : 'AND region = @region';
  const since = `${f.from === undefined ? '' : 'AND created_at >= @from'} ${f.until === undefined ? '' : 'AND created_at < @until'}`;
  // The overdue ones are a range of each region's deadline index. A complaint already answered
  // late is a breach in the rollup.
  const overdue = `SELECT region_code AS region, category_code AS category, 0 AS n,
      0 AS st_received, 0 AS st_assigned, 0 AS st_in_progress, 0 AS st_resolved, 0 AS st_closed,
      sum(NOT coalesce(first_response_at > first_response_due_at, 0)) AS late,
      0 AS answered, 0 AS resolved_ever
    FROM ${overdueFrom(f.regionCode)} ${since}
    GROUP BY region_code, category_code`;
  const rows = regionCategoryRows(
    `region, category, n, st_received, st_assigned, st_in_progress, st_resolved, st_closed, late,
     answered, resolved_ever`,
    days,
    region,
  );
  return db.$client
    .prepare(
      `SELECT region AS regionCode, category AS categoryCode, sum(st_received) AS received,
              sum(st_assigned) AS assigned, sum(st_in_progress) AS inProgress,
              sum(st_resolved) AS resolved, sum(st_closed) AS closed, sum(n) AS total,
              sum(late) AS slaBreaches, sum(answered) AS answered, sum(resolved_ever) AS done
         FROM (${rows} UNION ALL ${overdue})
        GROUP BY region, category HAVING sum(n) > 0 ORDER BY region, category`,
    )
    .all({
      now: f.now,
      ...(f.regionCode === undefined ? {} : { region: f.regionCode }),
      ...(days.from === undefined ? {} : { from: f.from }),
      ...(days.until === undefined ? {} : { until: f.until }),
    }) as GroupCounts[];
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

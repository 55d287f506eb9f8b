/**
 * The dashboard's reads. Counts come from the one rollup `complaint_rollup` (db/schema.ts, kept
 * by triggers): a year of the country is a few tens of thousands of rows. Lateness of complaints
 * still open past a deadline changes with the clock, not with a write, so it is counted when read
 * from the queue's deadline index (`overdueCells`): the open complaints past their deadline now.
 * What the rollup cannot answer (an officer's own councils, the complaints assigned to them
 * elsewhere, a region's office-time histograms and its staff table) is read from `complaints`
 * through the covering index `complaints_dashboard_idx` (region, filing time, then every column
 * counted), never the table. Raw SQL on purpose: these are aggregates drizzle would only wrap.
 */
import { preparedPerDb, type Db, type Tx } from '../../db/client';
import type { Cell, CountRow, Durations, Histogram } from './core/dashboard';

export interface Window {
  from: number;
  until: number;
}

/** Complaints read one by one: a region, an officer's councils, or one owner outside a region. */
export type RawScope =
  | { kind: 'region'; regionCode: string; councils?: readonly string[] }
  | { kind: 'assignedElsewhere'; staffId: number; regionCode: string };

const DAY_SQL = (ms: string) => `((${ms} + 10800000) / 86400000)`;
/** Tanzanian day number of an instant, as the rollup keys its rows. */
export const dayOf = (ms: number): number => Math.floor((ms + 10_800_000) / 86_400_000);

/** The rollup's counters as the dashboard's counts (./core/dashboard.ts Counts). */
const ROLLUP_COUNTS = `sum(n) AS received, sum(st_resolved + st_closed) AS resolved,
  sum(st_received + st_assigned + st_in_progress) AS open, sum(unattended) AS unattended,
  sum(answered) AS answered, sum(fr_met) AS firstResponseMet,
  sum(fr_late) AS firstResponseMissed, sum(resolved_ever) AS resolvedEver,
  sum(res_met) AS resolutionMet, sum(res_late) AS resolutionMissed, sum(ever_done) AS everDone,
  sum(reopened) AS reopened, sum(r1) AS r1, sum(r2) AS r2, sum(r3) AS r3, sum(r4) AS r4,
  sum(r5) AS r5`;

/**
 * The rollup's region-and-category rows of the days [from, until) (either end open), as one
 * SELECT of `columns` (with `where` added to each part): the whole weeks inside from `rcw`, the
 * days before the first and after the last from `rc`. A year is some 60 rows per region and
 * category instead of 365.
 */
export function regionCategoryRows(
  columns: string,
  days: { from?: number | undefined; until?: number | undefined },
  where = '',
): string {
  const { from, until } = days;
  for (const d of [from, until]) {
    if (d !== undefined && !Number.isSafeInteger(d)) throw new Error(`not a day number: ${d}`);
  }
  const range = (kind: 'rc' | 'rcw', after?: number, before?: number) =>
    `SELECT ${columns} FROM complaint_rollup WHERE kind = '${kind}'${after === undefined ? '' : ` AND day >= ${after}`}${before === undefined ? '' : ` AND day < ${before}`} ${where}`;
  const firstWeek = from === undefined ? undefined : from + ((7 - (from % 7)) % 7);
  const endWeek = until === undefined ? undefined : until - (until % 7);
  if (firstWeek !== undefined && endWeek !== undefined && firstWeek >= endWeek) {
    return range('rc', from, until);
  }
  return [
    range('rcw', firstWeek, endWeek),
    ...(from !== undefined && firstWeek !== undefined && from < firstWeek
      ? [range('rc', from, firstWeek)]
      : []),
    ...(until !== undefined && endWeek !== undefined && endWeek < until
      ? [range('rc', endWeek, until)]
      : []),
  ].join('\n UNION ALL ');
}

/**
 * The rollup's cells of the period: for the country (`region` undefined) by region and category
 * (`rcw` and `rc` rows) and by channel (`ch` rows), two sets that each add up to the whole; for a region by
 * council, category and channel (`c` rows). Keys a set does not have are ''.
 */
export function rollupCells(db: Db, region: string | undefined, w: Window): Cell[][] {
  const days = [dayOf(w.from), dayOf(w.until)];
  const read = (sql: string, ...params: (string | number)[]) =>
    db.$client.prepare(sql).all(...params) as Cell[];
  if (region === undefined) {
    return [
      read(
        `SELECT region, '' AS council, category, '' AS channel, ${ROLLUP_COUNTS}
           FROM (${regionCategoryRows('*', { from: days[0], until: days[1] })})
          GROUP BY region, category`,
      ),
      read(
        `SELECT '' AS region, '' AS council, '' AS category, channel, ${ROLLUP_COUNTS}
           FROM complaint_rollup WHERE kind = 'ch' AND day >= ? AND day < ? GROUP BY channel`,
        ...days,
      ),
    ];
  }
  return [
    read(
      `SELECT region, council, category, channel, ${ROLLUP_COUNTS} FROM complaint_rollup
        WHERE kind = 'c' AND day >= ? AND day < ? AND region = ? GROUP BY council, category, channel`,
      ...days,
      region,
    ),
  ];
}

/** Complaints filed and resolved per week of `w` (week 0 starts at `w.from`), from the rollup. */
export function rollupTrend(
  db: Db,
  region: string | undefined,
  w: Window,
): { received: [number, number][]; resolved: [number, number][] } {
  const of = (kind: string) =>
    db.$client
      .prepare(
        // CAST: better-sqlite3 may bind a number as REAL, and a REAL week would not be whole.
        `SELECT (day - CAST(? AS INTEGER)) / 7, sum(n) FROM complaint_rollup
          WHERE kind = ? AND day >= ? AND day < ? ${region === undefined ? '' : 'AND region = ?'}
          GROUP BY 1`,
      )
      .raw()
      .all(
        dayOf(w.from),
        kind,
        dayOf(w.from),
        dayOf(w.until),
        ...(region === undefined ? [] : [region]),
      ) as [number, number][];
  return { received: of(region === undefined ? 'ch' : 'rc'), resolved: of('res') };
}

/** The country's office-time histograms (whole hours) from the rollup. */
export function rollupHours(
  db: Db,
  w: Window,
): { firstResponse: Histogram; resolution: Histogram } {
  const of = (kind: string) =>
    db.$client
      .prepare(
        `SELECT hours, sum(n) FROM complaint_rollup
          WHERE kind = ? AND day >= ? AND day < ? GROUP BY hours ORDER BY hours`,
      )
      .raw()
      .all(kind, dayOf(w.from), dayOf(w.until)) as Histogram;
  return { firstResponse: of('hfr'), resolution: of('hres') };
}

/**
 * FROM and WHERE of the open complaints past the deadline they work to at @now, in a region
 * (@region) or the country. The queue's deadline index (the region's, when there is one) holds
 * exactly the open complaints by that deadline (`due_at`): the overdue ones are a range of it.
 */
export const overdueFrom = (region: string | undefined): string =>
  region === undefined
    ? 'complaints INDEXED BY complaints_due_idx WHERE due_at < @now'
    : 'complaints INDEXED BY complaints_region_due_idx WHERE region_code = @region AND due_at < @now';

const LATE_ZERO = `0 AS received, 0 AS resolved, 0 AS open, 0 AS unattended, 0 AS answered,
    0 AS firstResponseMet, 0 AS resolvedEver, 0 AS resolutionMet, 0 AS everDone, 0 AS reopened,
    0 AS r1, 0 AS r2, 0 AS r3, 0 AS r4, 0 AS r5`;

/**
 * The open complaints filed in the period that are past a deadline at `now`, as cells that count
 * only that lateness: unanswered past the first-response deadline, unresolved past the
 * resolution deadline. Read from `open_deadlines` in its key's order (region, category, channel,
 * council: grouped as it is walked, no sort) once its job has copied the older complaints
 * (`complete`); before that from the queue's index (`overdueFrom`), sorted.
 */
export function overdueCells(
  db: Db,
  region: string | undefined,
  w: Window,
  now: number,
  complete: boolean,
): Cell[] {
  const params = { now, from: w.from, until: w.until, ...(region === undefined ? {} : { region }) };
  if (complete) {
    return db.$client
      .prepare(
        `SELECT region, council, category, channel, sum(unanswered) AS firstResponseMissed,
                sum(resolution_due_at < @now) AS resolutionMissed, ${LATE_ZERO}
           FROM open_deadlines
          WHERE ${region === undefined ? '' : 'region = @region AND '}due_at < @now
            AND created_at >= @from AND created_at < @until
          GROUP BY region, category, channel, council`,
      )
      .all(params) as Cell[];
  }
  return db.$client
    .prepare(
      `SELECT region_code AS region, council_code AS council, category_code AS category, channel,
              sum(first_response_at IS NULL) AS firstResponseMissed,
              sum(resolution_due_at < @now) AS resolutionMissed, ${LATE_ZERO}
         FROM ${overdueFrom(region)} AND created_at >= @from AND created_at < @until
        GROUP BY region_code, council_code, category_code, channel`,
    )
    .all(params) as Cell[];
}

/** A raw scope on a period as SQL: each term can be read from an index. */
function rawWhere(s: RawScope, w: Window, on = 'created_at') {
  const period = `${on} >= ? AND ${on} < ?`;
  if (s.kind === 'assignedElsewhere') {
    return {
      where: `assignee_id = ? AND region_code <> ? AND ${period}`,
      params: [s.staffId, s.regionCode, w.from, w.until] as (string | number)[],
    };
  }
  const councils = s.councils ?? [];
  const inCouncils =
    councils.length === 0 ? '' : ` AND council_code IN (${councils.map(() => '?').join(', ')})`;
  return {
    where: `region_code = ? AND ${period}${inCouncils}`,
    params: [s.regionCode, w.from, w.until, ...councils] as (string | number)[],
  };
}

/** Open and past `deadline` at @now (the deadline read from the row). */
const overdue = (deadline: string) =>
  `(status IN ('received', 'assigned', 'in_progress') AND ${deadline} < @now)`;

const answeredOrResolved = 'coalesce(first_response_at, resolved_at)';

/** A complaint (of `complaints`) resolved by its resolution deadline, 1 or 0. */
export const RESOLUTION_MET = 'coalesce(resolved_at <= resolution_due_at, 0)';
/** Resolved after its resolution deadline, or still open past it at @now, 1 or 0. */
export const RESOLUTION_MISSED = `(coalesce(resolved_at > resolution_due_at, 0) OR
               (resolved_at IS NULL AND ${overdue('resolution_due_at')}))`;

/**
 * The dashboard's counts (./core/dashboard.ts Counts) of a group of complaints, read from them;
 * lateness as the rollup and `overdueCells` count it together: late answers and resolutions, and
 * open complaints past a deadline at @now.
 */
const RAW_COUNTS = `count(*) AS received,
           sum(status IN ('resolved', 'closed')) AS resolved,
           sum(status IN ('received', 'assigned', 'in_progress')) AS open,
           sum(status IN ('received', 'assigned', 'in_progress') AND assignee_id IS NULL) AS unattended,
           sum(first_response_at IS NOT NULL) AS answered,
           sum(coalesce(${answeredOrResolved} <= first_response_due_at, 0)) AS firstResponseMet,
           sum(coalesce(${answeredOrResolved} > first_response_due_at, 0) OR
               (${answeredOrResolved} IS NULL AND ${overdue('first_response_due_at')})) AS firstResponseMissed,
           sum(resolved_at IS NOT NULL) AS resolvedEver,
           sum(${RESOLUTION_MET}) AS resolutionMet,
           sum(${RESOLUTION_MISSED}) AS resolutionMissed,
           sum(resolved_at IS NOT NULL OR reopen_count > 0) AS everDone,
           sum(reopen_count > 0) AS reopened,
           sum(coalesce(rating = 1, 0)) AS r1, sum(coalesce(rating = 2, 0)) AS r2,
           sum(coalesce(rating = 3, 0)) AS r3, sum(coalesce(rating = 4, 0)) AS r4,
           sum(coalesce(rating = 5, 0)) AS r5`;

/** Counts per region, council, category and channel, read from the complaints (RAW_COUNTS). */
export function rawCells(db: Db, s: RawScope, w: Window, now: number): Cell[] {
  const r = rawWhere(s, w);
  const sql = `
    SELECT region_code AS region, council_code AS council, category_code AS category,
           channel, ${RAW_COUNTS}
      FROM complaints WHERE ${r.where}
     GROUP BY region_code, council_code, category_code, channel`;
  return db.$client.prepare(sql).all(...r.params, { now }) as Cell[];
}

/**
 * Counts per ward (its code; '' for the complaints whose place matched no ward), read from the
 * complaints (RAW_COUNTS): for a council, whose year is a few thousand complaints. The period is
 * a range of the covering index; the ward, which no index carries, is read from each row.
 */
export function wardCells(db: Db, s: RawScope, w: Window, now: number): CountRow[] {
  const r = rawWhere(s, w);
  const sql = `
    SELECT coalesce(ward_code, '') AS key, ${RAW_COUNTS}
      FROM complaints WHERE ${r.where}
     GROUP BY ward_code`;
  return db.$client.prepare(sql).all(...r.params, { now }) as CountRow[];
}

const HOURS = (column: string) => `(${column} + 3599999) / 3600000`;

/** An office-time histogram (whole hours, rounded up) read from the complaints. */
export function rawHours(
  db: Db,
  s: RawScope,
  w: Window,
  measure: 'firstResponse' | 'resolution',
): Histogram {
  const r = rawWhere(s, w);
  const column = measure === 'firstResponse' ? 'first_response_work_ms' : 'resolution_work_ms';
  return db.$client
    .prepare(
      `SELECT ${HOURS(column)}, count(*) FROM complaints
          WHERE ${r.where} AND ${column} IS NOT NULL GROUP BY 1 ORDER BY 1`,
    )
    .raw()
    .all(...r.params) as Histogram;
}

/**
 * Each complaint's owner, office hours to first response and to resolution, whether answered and
 * resolved: one read of the covering index, in index order (no sort), for
 * ./core/dashboard.ts tallyDurations.
 */
export function rawDurations(db: Db, s: RawScope, w: Window): Durations[] {
  const r = rawWhere(s, w);
  return db.$client
    .prepare(
      `SELECT assignee_id, ${HOURS('first_response_work_ms')}, ${HOURS('resolution_work_ms')},
              first_response_at IS NOT NULL, status IN ('resolved', 'closed')
         FROM complaints WHERE ${r.where}`,
    )
    .raw()
    .all(...r.params) as Durations[];
}

/** Complaints filed and resolved per week of `w`, read from the complaints. */
export function rawTrend(
  db: Db,
  s: RawScope,
  w: Window,
): { received: [number, number][]; resolved: [number, number][] } {
  const week = (column: string) => `(${DAY_SQL(column)} - ${dayOf(w.from)}) / 7`;
  const filed = rawWhere(s, w);
  const done = rawWhere(s, w, 'resolved_at');
  const received = db.$client
    .prepare(
      `SELECT ${week('created_at')}, count(*) FROM complaints WHERE ${filed.where} GROUP BY 1`,
    )
    .raw()
    .all(...filed.params) as [number, number][];
  const resolved = db.$client
    .prepare(
      `SELECT ${week('resolved_at')}, count(*) FROM complaints
        WHERE status IN ('resolved', 'closed') AND ${done.where} GROUP BY 1`,
    )
    .raw()
    .all(...done.params) as [number, number][];
  return { received, resolved };
}

/** Names of staff members by id. */
export function staffNamesById(db: Db, ids: readonly number[]): Map<number, string> {
  if (ids.length === 0) return new Map();
  const rows = db.$client
    .prepare(`SELECT id, name FROM staff WHERE id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(ids)) as { id: number; name: string }[];
  return new Map(rows.map((r) => [r.id, r.name]));
}

export interface PendingWorkTime {
  id: number;
  createdAt: number;
  firstResponseAt: number | null;
  resolvedAt: number | null;
}

/** The complaints with ids in (after, upTo] whose reply or resolution is not in office time. */
export function pendingWorkTimes(tx: Tx, after: number, upTo: number): PendingWorkTime[] {
  return tx.$client
    .prepare(
      `SELECT id, created_at AS createdAt, first_response_at AS firstResponseAt,
              resolved_at AS resolvedAt FROM complaints
        WHERE id > ? AND id <= ?
          AND ((first_response_at IS NOT NULL AND first_response_work_ms IS NULL)
            OR (resolved_at IS NOT NULL AND resolution_work_ms IS NULL))`,
    )
    .all(after, upTo) as PendingWorkTime[];
}

/**
 * Stores office times where they are missing (a time already stored is kept). Prepared once per
 * connection: the triggers on complaints make preparing an UPDATE of it cost about a millisecond.
 */
const storeWorkTimes = preparedPerDb((db) =>
  db.$client.prepare(
    `UPDATE complaints SET first_response_work_ms = coalesce(first_response_work_ms, ?),
            resolution_work_ms = coalesce(resolution_work_ms, ?) WHERE id = ?`,
  ),
);

export function setWorkTimes(
  tx: Tx,
  id: number,
  firstResponseWorkMs: number | null,
  resolutionWorkMs: number | null,
): void {
  storeWorkTimes(tx).run(firstResponseWorkMs, resolutionWorkMs, id);
}

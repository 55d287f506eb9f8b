/**
 * The dashboard's reads. Counts come from the daily rollup `complaint_days` (kept by triggers,
 * migration 0015): a year of a region is a few thousand rows. What the rollup cannot answer (an
 * officer's own councils, the complaints assigned to them elsewhere, a region's office-time
 * histograms and its staff table) is read from `complaints` through the covering index
 * `complaints_dashboard_idx` (region, filing time, then every column counted), never the table.
 * Raw SQL on purpose: these are aggregates drizzle would only wrap.
 */
import type { Db, Tx } from '../../db/client';
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

const COUNTS = `sum(received) AS received, sum(resolved) AS resolved, sum(open) AS open,
  sum(unattended) AS unattended, sum(answered) AS answered,
  sum(first_response_met) AS firstResponseMet, sum(first_response_missed) AS firstResponseMissed,
  sum(resolved_ever) AS resolvedEver, sum(resolution_met) AS resolutionMet,
  sum(resolution_missed) AS resolutionMissed, sum(ever_done) AS everDone,
  sum(reopened) AS reopened, sum(r1) AS r1, sum(r2) AS r2, sum(r3) AS r3, sum(r4) AS r4,
  sum(r5) AS r5`;

/** Rollup rows of one kind for the country (`region` '') or a region, added up per key. */
export function rollupRows(
  db: Db,
  region: string,
  kind: 'region' | 'council' | 'category' | 'channel',
  w: Window,
): CountRow[] {
  return db.$client
    .prepare(
      `SELECT key, ${COUNTS} FROM complaint_days
        WHERE region = ? AND kind = ? AND day >= ? AND day < ? GROUP BY key`,
    )
    .all(region, kind, dayOf(w.from), dayOf(w.until)) as CountRow[];
}

/** Complaints filed and resolved per week of `w` (week 0 starts at `w.from`), from the rollup. */
export function rollupTrend(
  db: Db,
  region: string,
  w: Window,
): { received: [number, number][]; resolved: [number, number][] } {
  const of = (kind: string, column: string) =>
    db.$client
      .prepare(
        // CAST: better-sqlite3 may bind a number as REAL, and a REAL week would not be whole.
        `SELECT (day - CAST(? AS INTEGER)) / 7, sum(${column}) FROM complaint_days
          WHERE region = ? AND kind = ? AND day >= ? AND day < ? GROUP BY 1`,
      )
      .raw()
      .all(dayOf(w.from), region, kind, dayOf(w.from), dayOf(w.until)) as [number, number][];
  return { received: of('channel', 'received'), resolved: of('resolved_on', 'resolved') };
}

/** The country's office-time histograms (whole hours) from the rollup. */
export function rollupHours(
  db: Db,
  w: Window,
): { firstResponse: Histogram; resolution: Histogram } {
  const of = (measure: string) =>
    db.$client
      .prepare(
        `SELECT hours, sum(n) FROM complaint_day_hours
          WHERE measure = ? AND day >= ? AND day < ? GROUP BY hours ORDER BY hours`,
      )
      .raw()
      .all(measure, dayOf(w.from), dayOf(w.until)) as Histogram;
  return { firstResponse: of('fr'), resolution: of('res') };
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

/** Counts per region, council, category and channel, read from the complaints. */
export function rawCells(db: Db, s: RawScope, w: Window): Cell[] {
  const r = rawWhere(s, w);
  const sql = `
    SELECT region_code AS region, council_code AS council, category_code AS category,
           channel, count(*) AS received,
           sum(status IN ('resolved', 'closed')) AS resolved,
           sum(status IN ('received', 'assigned', 'in_progress')) AS open,
           sum(status IN ('received', 'assigned', 'in_progress') AND assignee_id IS NULL) AS unattended,
           sum(first_response_at IS NOT NULL) AS answered,
           sum(coalesce(first_response_at <= first_response_due_at, 0)) AS firstResponseMet,
           sum(coalesce(first_response_at > first_response_due_at, 0) OR
               (first_response_at IS NULL AND first_response_escalated_at IS NOT NULL)) AS firstResponseMissed,
           sum(resolved_at IS NOT NULL) AS resolvedEver,
           sum(coalesce(resolved_at <= resolution_due_at, 0)) AS resolutionMet,
           sum(coalesce(resolved_at > resolution_due_at, 0) OR
               (resolved_at IS NULL AND resolution_escalated_at IS NOT NULL)) AS resolutionMissed,
           sum(resolved_at IS NOT NULL OR reopen_count > 0) AS everDone,
           sum(reopen_count > 0) AS reopened,
           sum(coalesce(rating = 1, 0)) AS r1, sum(coalesce(rating = 2, 0)) AS r2,
           sum(coalesce(rating = 3, 0)) AS r3, sum(coalesce(rating = 4, 0)) AS r4,
           sum(coalesce(rating = 5, 0)) AS r5
      FROM complaints WHERE ${r.where}
     GROUP BY region_code, council_code, category_code, channel`;
  return db.$client.prepare(sql).all(...r.params) as Cell[];
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

/** Complaints whose reply or resolution time is not yet in office time (at most `limit`). */
export function pendingWorkTimes(tx: Tx, limit: number): PendingWorkTime[] {
  return tx.$client
    .prepare(
      `SELECT id, created_at AS createdAt, first_response_at AS firstResponseAt,
              resolved_at AS resolvedAt FROM complaints INDEXED BY complaints_work_pending_idx
        WHERE (first_response_at IS NOT NULL AND first_response_work_ms IS NULL)
           OR (resolved_at IS NOT NULL AND resolution_work_ms IS NULL)
        LIMIT ?`,
    )
    .all(limit) as PendingWorkTime[];
}

/** Stores office times where they are missing (a time already stored is kept). */
export function setWorkTimes(
  tx: Tx,
  id: number,
  firstResponseWorkMs: number | null,
  resolutionWorkMs: number | null,
): void {
  tx.$client
    .prepare(
      `UPDATE complaints SET first_response_work_ms = coalesce(first_response_work_ms, ?),
              resolution_work_ms = coalesce(resolution_work_ms, ?) WHERE id = ?`,
    )
    .run(firstResponseWorkMs, resolutionWorkMs, id);
}

/**
 * The report's one grouped scan of `complaints`: per region and category, counts by status, SLA
 * breaches, and each group's durations to first response and to resolution (as JSON arrays whose
 * medians src/reports/report.ts takes: SQLite's window functions would sort every duration on
 * disk, several times slower over a million complaints).
 */
import { and, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { complaints } from '../../db/schema';

export interface ReportFilters {
  regionCode?: string;
  /** Complaints created at or after this instant (ms). */
  from?: number;
  /** Complaints created before this instant (ms). */
  until?: number;
}

function whereOf(f: ReportFilters): SQL | undefined {
  return and(
    f.regionCode === undefined ? undefined : eq(complaints.regionCode, f.regionCode),
    f.from === undefined ? undefined : gte(complaints.createdAt, f.from),
    f.until === undefined ? undefined : lt(complaints.createdAt, f.until),
  );
}

const countIf = (condition: SQL) =>
  sql<number>`coalesce(sum(case when ${condition} then 1 else 0 end), 0)`;
const statusIs = (status: string) => countIf(sql`${complaints.status} = ${status}`);
/** A JSON array of the milliseconds from filing to `milestone`, for complaints that reached it. */
const durations = (milestone: typeof complaints.firstResponseAt) =>
  sql<string>`json_group_array(${milestone} - ${complaints.createdAt}) filter (where ${milestone} is not null)`;

/** One row per (region, category) of the complaints matching `filters`. */
export function groupedRows(db: Db, filters: ReportFilters) {
  return (
    db
      .select({
        regionCode: complaints.regionCode,
        categoryCode: complaints.categoryCode,
        received: statusIs('received'),
        assigned: statusIs('assigned'),
        inProgress: statusIs('in_progress'),
        resolved: statusIs('resolved'),
        closed: statusIs('closed'),
        total: sql<number>`count(*)`,
        slaBreaches: countIf(
          sql`${complaints.firstResponseEscalatedAt} is not null or ${complaints.resolutionEscalatedAt} is not null`,
        ),
        firstResponseMs: durations(complaints.firstResponseAt),
        resolutionMs: durations(complaints.resolvedAt),
      })
      .from(complaints)
      .where(whereOf(filters))
      // `+region_code`: scan the table and sort, rather than walk the (region, status) index and
      // look every row up, which is much slower once the whole table is read.
      .groupBy(sql`+${complaints.regionCode}`, complaints.categoryCode)
      .orderBy(complaints.regionCode, complaints.categoryCode)
      .all()
  );
}

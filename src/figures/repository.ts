/**
 * The public figures' one read: a region's complaints of a period, of the categories given,
 * counted per council and whole office hour to a first response, in one pass over the
 * dashboard's covering index (complaints_dashboard_idx: region, filing time, then every column
 * read here), never the table. Lateness is judged as the dashboard judges it (its SQL, from
 * src/reports/dashboard-repository.ts). Measured at a million complaints: one pass gives every
 * column faster than the rollup's council rows plus a second read for the histograms, which the
 * rollup keeps for the whole country only (README, Public figures).
 */
import { preparedPerDb, type Db } from '../../db/client';
import { RESOLUTION_MET, RESOLUTION_MISSED } from '../reports/dashboard-repository';
import type { FigureCell } from './core/figures';

const SQL = `
  SELECT council_code AS council, (first_response_work_ms + 3599999) / 3600000 AS hours,
         count(*) AS received, sum(status IN ('resolved', 'closed')) AS resolved,
         sum(${RESOLUTION_MET}) AS resolutionMet, sum(${RESOLUTION_MISSED}) AS resolutionMissed
    FROM complaints
   WHERE region_code = @region AND created_at >= @from AND created_at < @until
     AND category_code IN (SELECT value FROM json_each(@categories))
   GROUP BY council_code, hours`;

const statement = preparedPerDb((db) => db.$client.prepare(SQL));

/**
 * The complaints of `region` filed in [from, until) whose category is one of `categories`, per
 * council and office hours to a first response; open ones past their deadline at `now` late.
 */
export function figureCells(
  db: Db,
  region: string,
  w: { from: number; until: number },
  now: number,
  categories: readonly string[],
): FigureCell[] {
  return statement(db).all({
    region,
    from: w.from,
    until: w.until,
    now,
    categories: JSON.stringify(categories),
  }) as FigureCell[];
}

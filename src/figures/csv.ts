/**
 * The public figures as CSV: the page's table (its rows and its total) in the same published
 * form, counts under 5 as "<5" and that row's share and median left out, with each area's code
 * and the period's dates on every row so that a file read later still says what it counts.
 */
import { csvText } from '../reports/csv';
import type { DashboardPeriod } from '../reports/core/dashboard-period';
import type { Lang } from '../text/translate';
import { publishedCells, type FiguresTable } from './core/figures';
import type { FiguresQuery } from './core/query';
import { sayFigures } from './words';

export function figuresCsv(v: {
  lang: Lang;
  query: FiguresQuery;
  period: DashboardPeriod;
  table: FiguresTable;
  areaName: (code: string) => string;
}): { name: string; text: string } {
  const say = (k: Parameters<typeof sayFigures>[1]) => sayFigures(v.lang, k);
  const header = [
    say('colCode'),
    say(v.query.region ? 'colCouncil' : 'colRegion'),
    say('received'),
    say('resolved'),
    say('csvOnTime'),
    say('csvMedian'),
    say('from'),
    say('to'),
  ];
  const dates = [v.period.fromDate, v.period.toDate];
  const rows = [
    ...v.table.rows.map((f) => [f.code, v.areaName(f.code), ...publishedCells(f), ...dates]),
    [v.query.region ?? 'TZ', say('total'), ...publishedCells(v.table.total), ...dates],
  ];
  const name = `kero-figures-${v.query.region ?? 'TZ'}-${v.period.fromDate}-${v.period.toDate}.csv`;
  return { name, text: csvText(header, rows) };
}

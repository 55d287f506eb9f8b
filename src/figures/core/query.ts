/**
 * Pure. The public figures' address (/figures, /figures.csv): the period in days and the region,
 * read from a request's query and written back into links.
 */
import type { Lang } from '../../text/translate';

/** The periods the page offers, in days, and the dashboard's preset of each. */
export const FIGURES_DAYS = [30, 90, 365] as const;
export type FiguresDays = (typeof FIGURES_DAYS)[number];
export const PRESET_OF = { 30: 'month', 90: 'quarter', 365: 'year' } as const;

export interface FiguresQuery {
  days: FiguresDays;
  /** A region's page (its councils); undefined: the country's (its regions). */
  region: string | undefined;
}

export type FiguresProblem = 'period' | 'region';

export type ParsedFigures =
  { ok: true; query: FiguresQuery } | { ok: false; problem: FiguresProblem; query: FiguresQuery };

/**
 * Pure. The page an address asks for: `period` one of 30, 90, 365 (default 30), `region` a
 * region's code in any case (absent or empty: the country). Anything else is named as the
 * problem, beside the country's last 30 days to show instead.
 */
export function parseFiguresQuery(
  q: { period?: unknown; region?: unknown },
  regionCodes: readonly string[],
): ParsedFigures {
  const fallback: FiguresQuery = { days: 30, region: undefined };
  const days = q.period === undefined ? 30 : FIGURES_DAYS.find((d) => String(d) === q.period);
  if (days === undefined) return { ok: false, problem: 'period', query: fallback };
  if (q.region === undefined || q.region === '')
    return { ok: true, query: { days, region: undefined } };
  const asked = typeof q.region === 'string' ? q.region.toUpperCase() : undefined;
  const region = regionCodes.find((c) => c === asked);
  if (region === undefined) return { ok: false, problem: 'region', query: { ...fallback, days } };
  return { ok: true, query: { days, region } };
}

/** Pure. The address of a page (or of its CSV) of `q` in `lang`. */
export function figuresHref(q: FiguresQuery, lang: Lang, csv = false): string {
  const region = q.region ? `&region=${encodeURIComponent(q.region)}` : '';
  return `/figures${csv ? '.csv' : ''}?period=${q.days}${region}&lang=${lang}`;
}

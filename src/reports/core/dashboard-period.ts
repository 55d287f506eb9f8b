/**
 * The dashboard's period. Pure: a preset (the last 7, 30, 90 or 365 days up to and including
 * today) or custom dates, in Tanzanian calendar days (UTC+3), as the half-open range of instants
 * the figures filter on, and the dates the queue's links carry.
 */
import { DAY_MS, dayKey, startOfDay, startOfTanzanianDay } from '../../text/calendar';

export const PRESETS = ['week', 'month', 'quarter', 'year', 'custom'] as const;
export type Preset = (typeof PRESETS)[number];

const DAYS: Record<Exclude<Preset, 'custom'>, number> = {
  week: 7,
  month: 30,
  quarter: 90,
  year: 365,
};

/** Longest custom period: two years of days. */
export const MAX_DAYS = 731;

export interface DashboardPeriod {
  preset: Preset;
  /** 00:00 EAT of the first day. */
  from: number;
  /** 00:00 EAT of the day after the last. */
  until: number;
  /** First and last day, YYYY-MM-DD (the queue's `from` and `to`). */
  fromDate: string;
  toDate: string;
}

export type PeriodProblem = 'badFrom' | 'badTo' | 'order' | 'tooLong';

function lastDays(preset: Exclude<Preset, 'custom'>, now: number): DashboardPeriod {
  const until = startOfDay(now) + DAY_MS;
  const from = until - DAYS[preset] * DAY_MS;
  return { preset, from, until, fromDate: dayKey(from), toDate: dayKey(until - 1) };
}

/**
 * Pure. The period a request asks for: a preset (default the last 30 days), or `custom` with
 * both dates. A bad custom period comes back as the default with the problem named.
 */
export function dashboardPeriod(
  q: { period?: string; from?: string; to?: string },
  now: number,
): { period: DashboardPeriod; problem?: PeriodProblem } {
  const preset = PRESETS.find((p) => p === q.period) ?? (q.from || q.to ? 'custom' : 'month');
  if (preset !== 'custom') return { period: lastDays(preset, now) };
  const from = startOfTanzanianDay(q.from ?? '');
  const to = startOfTanzanianDay(q.to ?? '');
  const problem: PeriodProblem | undefined =
    from === undefined
      ? 'badFrom'
      : to === undefined
        ? 'badTo'
        : to < from
          ? 'order'
          : (to - from) / DAY_MS + 1 > MAX_DAYS
            ? 'tooLong'
            : undefined;
  if (problem || from === undefined || to === undefined) {
    return { period: lastDays('month', now), problem: problem ?? 'badFrom' };
  }
  const until = to + DAY_MS;
  return { period: { preset, from, until, fromDate: dayKey(from), toDate: dayKey(to) } };
}

/** Weeks in the trend. */
export const TREND_WEEKS = 12;

/** Pure. The trend's 12 weeks: seven-day weeks ending with the period's last day. */
export function trendWindow(p: DashboardPeriod): { from: number; until: number } {
  return { from: p.until - TREND_WEEKS * 7 * DAY_MS, until: p.until };
}

/** Pure. The first and last day of trend week `i` (YYYY-MM-DD). */
export function trendWeek(p: DashboardPeriod, i: number): { fromDate: string; toDate: string } {
  const start = trendWindow(p).from + i * 7 * DAY_MS;
  return { fromDate: dayKey(start), toDate: dayKey(start + 7 * DAY_MS - 1) };
}

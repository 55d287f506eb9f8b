/**
 * Service levels. Pure: working-day arithmetic in Tanzanian time (UTC+3, no daylight saving),
 * Monday to Friday minus configured holidays, and the two breach rules.
 */
const DAY = 24 * 60 * 60 * 1000;
const EAT = 3 * 60 * 60 * 1000;

export interface SlaPolicy {
  /** Working days allowed for the first response (default 3). */
  firstResponseWorkingDays: number;
  /** Calendar days allowed for resolution (default 14). */
  resolutionDays: number;
  /** Public holidays as YYYY-MM-DD. */
  holidays: ReadonlySet<string>;
}

/** Pure. The Tanzanian calendar day of an instant, YYYY-MM-DD. */
export function dayKey(ms: number): string {
  return new Date(ms + EAT).toISOString().slice(0, 10);
}

/** Pure. Start (00:00 EAT) of the Tanzanian day containing `ms`. */
export function startOfDay(ms: number): number {
  return Math.floor((ms + EAT) / DAY) * DAY - EAT;
}

/** Pure. Monday to Friday and not a holiday. */
export function isWorkingDay(ms: number, holidays: ReadonlySet<string>): boolean {
  const weekday = new Date(ms + EAT).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.has(dayKey(ms));
}

/**
 * Pure. The end (midnight EAT) of the n-th working day after the day of `ms`: a complaint filed
 * on Friday with n = 3 is due by the end of Wednesday; one filed on Saturday, too.
 */
export function endOfWorkingDaysAfter(
  ms: number,
  n: number,
  holidays: ReadonlySet<string>,
): number {
  let day = startOfDay(ms);
  let counted = 0;
  while (counted < n) {
    day += DAY;
    if (isWorkingDay(day + DAY / 2, holidays)) counted++;
  }
  return day + DAY;
}

/** Pure. Working days from the day after `from` up to and including the day of `to`. */
export function workingDaysBetween(
  from: number,
  to: number,
  holidays: ReadonlySet<string>,
): number {
  let n = 0;
  for (let day = startOfDay(from) + DAY; day <= startOfDay(to); day += DAY) {
    if (isWorkingDay(day + DAY / 2, holidays)) n++;
  }
  return n;
}

export interface SlaFacts {
  status: string;
  createdAt: number;
  firstResponseAt: number | null;
  firstResponseEscalatedAt: number | null;
  resolutionEscalatedAt: number | null;
}

const openStatuses = new Set(['received', 'assigned', 'in_progress']);

/** Pure. Which escalation is due now, if any; each breach escalates once. */
export function dueEscalation(
  c: SlaFacts,
  now: number,
  policy: SlaPolicy,
): 'region' | 'national' | undefined {
  if (!openStatuses.has(c.status)) return undefined;
  if (c.resolutionEscalatedAt === null && now >= c.createdAt + policy.resolutionDays * DAY) {
    return 'national';
  }
  const firstDue = endOfWorkingDaysAfter(
    c.createdAt,
    policy.firstResponseWorkingDays,
    policy.holidays,
  );
  // Escalations only go up: once at headquarters, a late first-response breach must not hand the
  // complaint back down to the region.
  if (
    c.firstResponseAt === null &&
    c.firstResponseEscalatedAt === null &&
    c.resolutionEscalatedAt === null &&
    now >= firstDue
  ) {
    return 'region';
  }
  return undefined;
}

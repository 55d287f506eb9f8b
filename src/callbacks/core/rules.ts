/**
 * The call-back desk's rules. Pure: when a request is due, which region's queue holds it, who sees
 * it, and what a try that reached nobody does.
 */
import type { Scope } from '../../complaints/core/scope';
import { addWorkingMs, workingDayMs, type WorkingHours } from '../../text/calendar';

/** Tries that reach nobody before the request closes as unreachable (and the citizen is told). */
export const MAX_ATTEMPTS = 2;

/**
 * The least time between two tries: calling twice in a row is one try. An hour later the
 * citizen may be back from the field, the market or out of a meeting.
 */
export const RETRY_GAP_MS = 60 * 60_000;

/** The longest closing note. */
export const NOTE_MAX = 500;

/** WORKING_HOURS's default (07:30-15:30), for a USSD handler built without office hours. */
export const STANDARD_OFFICE = { startMinute: 7 * 60 + 30, endMinute: 15 * 60 + 30 };

/**
 * Pure. When a request asked for at `askedAt` is due: one working day of office hours later
 * (10:00 on a Monday: 10:00 on Tuesday; a Friday evening or a Saturday: the end of Monday's
 * office hours), holidays left out.
 */
export function callbackDue(askedAt: number, hours: WorkingHours): number {
  return addWorkingMs(askedAt, workingDayMs(hours), hours);
}

/**
 * Pure. The region whose queue a staff member sees: every region for headquarters (undefined),
 * else their own. A request carries no council, so an officer kept to some councils sees the
 * whole region's requests, as the region's supervisor does.
 */
export function callbackRegionOf(scope: Scope): string | undefined {
  return scope.kind === 'all' ? undefined : scope.regionCode;
}

/** Pure. Whether a request of `regionCode` is in the scope's queue. */
export function callbackInScope(scope: Scope, regionCode: string): boolean {
  const region = callbackRegionOf(scope);
  return region === undefined || region === regionCode;
}

/**
 * Pure. What a try that reached nobody does to a request tried `attempts` times, the last at
 * `lastAt`: too soon after the last one (it counts as the same try), or counted, closing the
 * request as unreachable when it is the last allowed.
 */
export function missedTry(
  r: { attempts: number; lastAttemptAt: number | null },
  now: number,
): { tooSoonUntil: number } | { attempts: number; unreachable: boolean } {
  if (r.lastAttemptAt !== null && now < r.lastAttemptAt + RETRY_GAP_MS) {
    return { tooSoonUntil: r.lastAttemptAt + RETRY_GAP_MS };
  }
  return { attempts: r.attempts + 1, unreachable: r.attempts + 1 >= MAX_ATTEMPTS };
}

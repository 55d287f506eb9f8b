/**
 * Service levels. Pure: the two breach rules, on the working days of src/text/calendar.ts
 * (Monday to Friday minus configured holidays, Tanzanian time).
 */
import type { ComplaintStatus } from '../../../db/schema';
import { DAY_MS as DAY, endOfWorkingDaysAfter } from '../../text/calendar';
import { isOpen } from './lifecycle';

export interface SlaPolicy {
  /** Working days allowed for the first response (default 3). */
  firstResponseWorkingDays: number;
  /** Calendar days allowed for resolution (default 14). */
  resolutionDays: number;
  /** Public holidays as YYYY-MM-DD. */
  holidays: ReadonlySet<string>;
}

export interface SlaFacts {
  status: ComplaintStatus;
  createdAt: number;
  firstResponseAt: number | null;
  firstResponseEscalatedAt: number | null;
  resolutionEscalatedAt: number | null;
}

/** Pure. Which escalation is due now, if any; each breach escalates once. */
export function dueEscalation(
  c: SlaFacts,
  now: number,
  policy: SlaPolicy,
): 'region' | 'national' | undefined {
  if (!isOpen(c.status)) return undefined;
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

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

/** A category's own deadlines (null: the policy's), as headquarters sets them. */
export interface CategorySla {
  firstResponseDays: number | null;
  resolutionDays: number | null;
}

/** Pure. The policy a category's complaints work to: its own days where it has them. */
export function policyFor(policy: SlaPolicy, category: CategorySla | undefined): SlaPolicy {
  if (!category || (category.firstResponseDays === null && category.resolutionDays === null)) {
    return policy;
  }
  return {
    ...policy,
    firstResponseWorkingDays: category.firstResponseDays ?? policy.firstResponseWorkingDays,
    resolutionDays: category.resolutionDays ?? policy.resolutionDays,
  };
}

/** Pure. The shortest deadlines of any category: how far back escalation must look. */
export function shortestPolicy(policy: SlaPolicy, categories: Iterable<CategorySla>): SlaPolicy {
  let first = policy.firstResponseWorkingDays;
  let resolution = policy.resolutionDays;
  for (const c of categories) {
    first = Math.min(first, c.firstResponseDays ?? first);
    resolution = Math.min(resolution, c.resolutionDays ?? resolution);
  }
  return { ...policy, firstResponseWorkingDays: first, resolutionDays: resolution };
}

export interface SlaFacts {
  status: ComplaintStatus;
  createdAt: number;
  firstResponseAt: number | null;
  firstResponseEscalatedAt: number | null;
  resolutionEscalatedAt: number | null;
}

/** Pure. When the first response is due: the end of the n-th working day after filing. */
export function firstResponseDue(createdAt: number, policy: SlaPolicy): number {
  return endOfWorkingDaysAfter(createdAt, policy.firstResponseWorkingDays, policy.holidays);
}

/** Pure. When resolution is due: `resolutionDays` calendar days after filing. */
export function resolutionDue(createdAt: number, policy: SlaPolicy): number {
  return createdAt + policy.resolutionDays * DAY;
}

/**
 * Pure. The deadline an open complaint works to now: the first response while none was given,
 * else resolution; null once it is resolved or closed.
 */
export function slaDueAt(
  c: Pick<SlaFacts, 'status' | 'createdAt' | 'firstResponseAt'>,
  policy: SlaPolicy,
): number | null {
  if (!isOpen(c.status)) return null;
  return c.firstResponseAt === null
    ? firstResponseDue(c.createdAt, policy)
    : resolutionDue(c.createdAt, policy);
}

/** Pure. Which escalation is due now, if any; each breach escalates once. */
export function dueEscalation(
  c: SlaFacts,
  now: number,
  policy: SlaPolicy,
): 'region' | 'national' | undefined {
  if (!isOpen(c.status)) return undefined;
  if (c.resolutionEscalatedAt === null && now >= resolutionDue(c.createdAt, policy)) {
    return 'national';
  }
  const firstDue = firstResponseDue(c.createdAt, policy);
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

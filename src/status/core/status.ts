/**
 * Pure. The public status page (issue 21): what a complaint number typed by anyone may reveal
 * (status, council, category unless headquarters keeps it out of Open311, filing date, last
 * change, whether it is on time) and never more: no description, phone, place or staff.
 */
import { isOpen } from '../../complaints/core/lifecycle';
import type { ComplaintStatus } from '../../../db/schema';

/** The columns the page reads: nothing personal is even selected. */
export interface StatusRow {
  number: string;
  status: ComplaintStatus;
  councilCode: string;
  categoryCode: string;
  createdAt: number;
  updatedAt: number;
  firstResponseAt: number | null;
  firstResponseDueAt: number | null;
  resolvedAt: number | null;
  resolutionDueAt: number | null;
}

export type SlaState =
  | { kind: 'awaitingReply'; dueAt: number }
  | { kind: 'beingResolved'; dueAt: number }
  | { kind: 'late' }
  | { kind: 'resolvedOnTime' }
  | { kind: 'resolvedLate' }
  | { kind: 'noDeadline' };

export interface PublicStatus {
  number: string;
  status: ComplaintStatus;
  councilCode: string;
  /** Null when the category is not published (Open311's rule: corruption, for instance). */
  categoryCode: string | null;
  filedAt: number;
  changedAt: number;
  sla: SlaState;
}

/** Pure. Where the complaint stands against its deadlines at `now`. */
export function slaState(c: StatusRow, now: number): SlaState {
  if (!isOpen(c.status)) {
    if (c.resolvedAt === null || c.resolutionDueAt === null) return { kind: 'noDeadline' };
    return c.resolvedAt <= c.resolutionDueAt
      ? { kind: 'resolvedOnTime' }
      : { kind: 'resolvedLate' };
  }
  const answered = c.firstResponseAt !== null;
  const dueAt = answered ? c.resolutionDueAt : c.firstResponseDueAt;
  if (dueAt === null) return { kind: 'noDeadline' };
  if (dueAt < now) return { kind: 'late' };
  return answered ? { kind: 'beingResolved', dueAt } : { kind: 'awaitingReply', dueAt };
}

/** Pure. The page's facts of `c`; `published` says whether its category may be named. */
export function publicStatus(
  c: StatusRow,
  now: number,
  published: (categoryCode: string) => boolean,
): PublicStatus {
  return {
    number: c.number,
    status: c.status,
    councilCode: c.councilCode,
    categoryCode: published(c.categoryCode) ? c.categoryCode : null,
    filedAt: c.createdAt,
    changedAt: c.updatedAt,
    sla: slaState(c, now),
  };
}

/**
 * One complaint as the console shows it, within a staff member's scope: the row, its history,
 * the SMS it caused, and the names of the staff involved. A complaint outside the scope does not
 * exist for that staff member.
 */
import type { Db } from '../../db/client';
import type { ComplaintRow, EventRow, OutboxRow } from '../../db/schema';
import { smsOfComplaint } from '../outbox/repository';
import { staffNames } from '../staff/repository';
import { parseComplaintNumber } from './core/numbers';
import { inScope, type Scope } from './core/scope';
import { findComplaintByNumber, listEvents } from './repository';
import { otherComplaintsOf, type OtherComplaint } from './citizen-complaints-repository';

export type { OtherComplaint };

export interface ComplaintView {
  complaint: ComplaintRow;
  events: EventRow[];
  sms: OutboxRow[];
  /** Names of every staff member the view mentions (owner, actors, assignees). */
  names: Map<number, string>;
}

/** The complaint with this number (typed as staff type it), if it is in `scope`. */
export function complaintInScope(db: Db, scope: Scope, typed: string): ComplaintRow | undefined {
  const parsed = parseComplaintNumber(typed);
  if (!parsed.ok) return undefined;
  const c = findComplaintByNumber(db, parsed.number);
  return c && inScope(scope, c) ? c : undefined;
}

/** Everything the complaint page shows, or undefined outside the scope. */
export function complaintView(db: Db, scope: Scope, typed: string): ComplaintView | undefined {
  const complaint = complaintInScope(db, scope, typed);
  if (!complaint) return undefined;
  const events = listEvents(db, complaint.id);
  const ids = [
    ...(complaint.assigneeId === null ? [] : [complaint.assigneeId]),
    ...events.flatMap((e) => [e.staffId, e.assigneeId].filter((id): id is number => id !== null)),
  ];
  return { complaint, events, sms: smsOfComplaint(db, complaint.id), names: staffNames(db, ids) };
}

/** How many of the citizen's other complaints the complaint page lists. */
export const OTHER_COMPLAINTS_SHOWN = 5;

/**
 * The citizen's other complaints that `scope` sees, newest first: a repeat caller at a glance.
 * None for an anonymous complaint (staff must not learn who filed it), and an anonymous complaint
 * is never listed beside a named one.
 */
export function citizenOtherComplaints(db: Db, scope: Scope, c: ComplaintRow): OtherComplaint[] {
  if (c.anonymous) return [];
  return otherComplaintsOf(db, c.citizenPhone, c.id, scope, OTHER_COMPLAINTS_SHOWN);
}

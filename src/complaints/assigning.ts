/**
 * Assignment use cases: a new complaint gets its owner at filing, a departing staff member's
 * open complaints move by the same rule, routing rules first (./core/routing.ts). Each runs
 * inside the caller's transaction.
 */
import type { Tx } from '../../db/client';
import type { ComplaintRow } from '../../db/schema';
import { findStaffById, touchLastAssigned } from '../staff/repository';
import { loadCandidates, loadRouting } from './candidates';
import { pickEscalationOwner, type Assignment, type Place } from './core/assignment';
import { routeComplaint, type Routed } from './core/routing';
import { openAssignedTo } from './lists-repository';
import { notifyCitizen, notifyStaff, type NotifyContext } from './notify';
import { insertEvent, setAssignment } from './repository';

type AssignmentEvent = {
  type: string;
  actor: string;
  staffId?: number | null;
  note?: string | null;
};

/** The history event, the owner's round-robin stamp and the owner's SMS for an assignment. */
function recordAssignment(
  tx: Tx,
  ctx: NotifyContext,
  updated: ComplaintRow,
  fromStatus: ComplaintRow['status'],
  to: Assignment,
  event: AssignmentEvent,
): void {
  insertEvent(tx, {
    complaintId: updated.id,
    type: event.type,
    actor: event.actor,
    source: ctx.source,
    staffId: event.staffId ?? null,
    assigneeId: to.staffId,
    fromStatus,
    toStatus: updated.status,
    note: event.note ?? null,
    createdAt: ctx.now,
  });
  if (to.staffId !== null) {
    touchLastAssigned(tx, to.staffId, ctx.now);
    const owner = findStaffById(tx, to.staffId);
    // Someone who takes a complaint themselves needs no SMS about it.
    if (owner && owner.id !== event.staffId) {
      notifyStaff(tx, ctx, owner, updated, 'sms.staff.assigned');
    }
  }
}

/** Writes the new owner, the `assigned` event and the notices; returns the updated row. */
export function applyAssignment(
  tx: Tx,
  ctx: NotifyContext,
  c: ComplaintRow,
  to: Assignment,
  event: AssignmentEvent,
): ComplaintRow {
  const status = to.staffId !== null && c.status === 'received' ? 'assigned' : c.status;
  const updated = setAssignment(tx, c.id, { ...to, status }, ctx.now);
  recordAssignment(tx, ctx, updated, c.status, to, event);
  return updated;
}

/** A complaint as routing sees it: where it is and its category. */
export type Routable = Place & { categoryCode: string };

/**
 * Who owns a complaint of `c`'s category at its place now: by the most specific routing rule
 * with an active member, else by the region-based rule. `exclude`: a staff member left out.
 */
export function routeFor(tx: Tx, c: Routable, exclude?: number): Routed {
  return routeComplaint({
    ...loadRouting(tx, c, c.categoryCode),
    ...(exclude === undefined ? {} : { exclude }),
  });
}

/** The note of an assignment a routing rule made (null: the default assignment did). */
export function routedNote(r: Routed): string | null {
  if (!r.rule) return null;
  return `routing rule ${r.rule.id}${r.team ? `: team ${r.team.name}` : ''}`;
}

/**
 * The owner a complaint about to be filed gets, by the routing rules and the region-based rule:
 * it is inserted with its owner already set (one write instead of an insert and an update).
 */
export function ownerForNewComplaint(tx: Tx, c: Routable): Routed {
  return routeFor(tx, c);
}

/**
 * The `assigned` event and the notices for a complaint just filed with `to` as its owner; the
 * citizen hears who has it only when someone does.
 */
export function announceNewComplaintOwner(
  tx: Tx,
  ctx: NotifyContext,
  c: ComplaintRow,
  routed: Routed,
): void {
  const to = routed.assignment;
  recordAssignment(tx, ctx, c, 'received', to, {
    type: 'assigned',
    actor: 'system',
    note: to.staffId === null ? 'no staff in the region: headquarters queue' : routedNote(routed),
  });
  if (to.staffId !== null) notifyCitizen(tx, ctx, c, 'sms.assigned');
}

/** Moves every open complaint of a staff member to a new owner by the assignment rule. */
export function reassignOpenComplaints(
  tx: Tx,
  ctx: NotifyContext,
  staffId: number,
  reason: string,
): ComplaintRow[] {
  return openAssignedTo(tx, staffId).rows.map((c) => {
    // An escalated complaint stays at its level: it does not fall back to the council's officers.
    if (c.level !== 'council') {
      const others = loadCandidates(tx, c.regionCode).filter((x) => x.id !== staffId);
      const to = pickEscalationOwner(others, c.regionCode, c.level);
      return applyAssignment(tx, ctx, c, to, { type: 'reassigned', actor: 'system', note: reason });
    }
    const routed = routeFor(tx, c, staffId);
    const note = [reason, routedNote(routed)].filter((x) => x !== null).join('; ');
    return applyAssignment(tx, ctx, c, routed.assignment, {
      type: 'reassigned',
      actor: 'system',
      note,
    });
  });
}

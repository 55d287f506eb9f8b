/**
 * The complaint lifecycle. Pure: the transition table and the rights of each role.
 * received -> assigned -> in_progress -> resolved -> closed; reopening returns to assigned.
 */
import type { ComplaintStatus, StaffRole } from '../../db/schema';

export type Action =
  'assign' | 'reply' | 'note' | 'start' | 'resolve' | 'close' | 'reopen' | 'escalate';

export type Outcome<T> = { ok: true; value: T } | { ok: false; reason: string };

const open: readonly ComplaintStatus[] = ['received', 'assigned', 'in_progress'];

/** From-status -> to-status for each action; `same` keeps the status. */
const table: Record<Action, Partial<Record<ComplaintStatus, ComplaintStatus | 'same'>>> = {
  assign: { received: 'assigned', assigned: 'same', in_progress: 'same' },
  reply: { assigned: 'in_progress', in_progress: 'same' },
  note: {
    received: 'same',
    assigned: 'same',
    in_progress: 'same',
    resolved: 'same',
    closed: 'same',
  },
  start: { assigned: 'in_progress' },
  resolve: { assigned: 'resolved', in_progress: 'resolved' },
  close: { resolved: 'closed' },
  reopen: { resolved: 'assigned', closed: 'assigned' },
  escalate: { received: 'same', assigned: 'same', in_progress: 'same' },
};

const why: Record<Action, string> = {
  assign: 'only an open complaint can be assigned',
  reply: 'a reply needs an assigned, open complaint (take or assign it first)',
  note: 'notes cannot be added to this complaint',
  start: 'only an assigned complaint can be started',
  resolve: 'only an assigned or in-progress complaint can be resolved',
  close: 'only a resolved complaint can be closed',
  reopen: 'only a resolved or closed complaint can be reopened',
  escalate: 'only an open complaint can be escalated',
};

/** Pure. The status after `action`, or why it is not allowed from `from`. */
export function transition(from: ComplaintStatus, action: Action): Outcome<ComplaintStatus> {
  const to = table[action][from];
  if (to === undefined) return { ok: false, reason: `${why[action]} (it is ${from})` };
  return { ok: true, value: to === 'same' ? from : to };
}

export const isOpen = (status: ComplaintStatus) => open.includes(status);

export interface Actor {
  id: number;
  role: StaffRole;
  regionCode: string | null;
  active: boolean;
}

export interface Owned {
  regionCode: string;
  assigneeId: number | null;
}

/**
 * Pure. Whether a staff member may act on a complaint: officers on complaints assigned to them or
 * unassigned in their region; supervisors on anything in their region; headquarters everywhere.
 * Assigning to someone else is for supervisors and headquarters.
 */
export function mayAct(
  actor: Actor,
  complaint: Owned,
  action: Action | 'assign_other',
): Outcome<true> {
  if (!actor.active) return { ok: false, reason: 'your account is not active' };
  if (actor.role === 'hq') return { ok: true, value: true };
  if (complaint.regionCode !== actor.regionCode) {
    return { ok: false, reason: 'this complaint is in another region' };
  }
  if (actor.role === 'supervisor') return { ok: true, value: true };
  if (action === 'assign_other') return { ok: false, reason: 'only a supervisor can assign' };
  if (complaint.assigneeId === actor.id || complaint.assigneeId === null) {
    return { ok: true, value: true };
  }
  return { ok: false, reason: 'this complaint is assigned to another officer' };
}

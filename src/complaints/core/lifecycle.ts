/**
 * The complaint lifecycle. Pure: the statuses and their groups, the transition table and the
 * rights of each role.
 * received -> assigned -> in_progress -> resolved -> closed; reopening returns to assigned.
 */
import type { ComplaintStatus, StaffRole } from '../../../db/schema';
import type { Refusal } from './refusal';

export type { ComplaintStatus };

/** Waiting for the centre: received, assigned, in progress. */
export const OPEN_STATUSES = [
  'received',
  'assigned',
  'in_progress',
] as const satisfies readonly ComplaintStatus[];
/** Done with: resolved (the citizen may still reopen or rate), closed. */
export const DONE_STATUSES = ['resolved', 'closed'] as const satisfies readonly ComplaintStatus[];

export const isOpen = (status: ComplaintStatus): boolean =>
  (OPEN_STATUSES as readonly ComplaintStatus[]).includes(status);

export type Action =
  'assign' | 'reply' | 'note' | 'start' | 'resolve' | 'close' | 'reopen' | 'escalate';

export type Allowed<T> = { ok: true; value: T } | { ok: false; refusal: Refusal };

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

/** Pure. The status after `action` from `from`, or undefined when the action does not apply. */
export function nextStatus(from: ComplaintStatus, action: Action): ComplaintStatus | undefined {
  const to = table[action][from];
  return to === 'same' ? from : to;
}

/**
 * Pure. The status a complaint moves to, or why not: a reply to a complaint nobody owns yet is
 * `notAssigned` (take it first), anything else that does not apply is `badState`.
 */
export function transition(
  c: { number: string; status: ComplaintStatus },
  action: Action,
): Allowed<ComplaintStatus> {
  const to = nextStatus(c.status, action);
  if (to !== undefined) return { ok: true, value: to };
  if (action === 'reply' && c.status === 'received') {
    return { ok: false, refusal: { code: 'notAssigned', vars: { number: c.number } } };
  }
  return { ok: false, refusal: { code: 'badState', vars: { number: c.number, status: c.status } } };
}

export interface Actor {
  id: number;
  role: StaffRole;
  regionCode: string | null;
  active: boolean;
  /** Councils an officer covers; none (or absent) means the whole region. */
  councils?: readonly string[];
}

export interface Owned {
  number: string;
  regionCode: string;
  /** Absent: any council of the region (checks that need it then pass). */
  councilCode?: string;
  assigneeId: number | null;
}

/**
 * Pure. Whether a staff member may act on a complaint: officers on complaints assigned to them or
 * unassigned in the councils they cover (their scope: src/complaints/core/scope.ts); supervisors
 * on anything in their region; headquarters everywhere. Assigning to someone else is for
 * supervisors and headquarters.
 */
export function mayAct(actor: Actor, c: Owned, action: Action | 'assign_other'): Allowed<true> {
  const no = (refusal: Refusal): Allowed<true> => ({ ok: false, refusal });
  if (!actor.active) return no({ code: 'inactive' });
  if (actor.role === 'hq') return { ok: true, value: true };
  if (c.regionCode !== actor.regionCode)
    return no({ code: 'otherRegion', vars: { number: c.number } });
  if (actor.role === 'supervisor') return { ok: true, value: true };
  if (action === 'assign_other') return no({ code: 'notSupervisor' });
  if (c.assigneeId === actor.id) return { ok: true, value: true };
  if (c.assigneeId !== null) return no({ code: 'otherOfficer', vars: { number: c.number } });
  const covers = actor.councils ?? [];
  if (covers.length > 0 && c.councilCode !== undefined && !covers.includes(c.councilCode)) {
    return no({ code: 'otherCouncil', vars: { number: c.number } });
  }
  return { ok: true, value: true };
}

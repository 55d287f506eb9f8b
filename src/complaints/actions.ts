/**
 * The lifecycle service API that the SMS commands and the web console call: reply, note, set
 * status, resolve, reopen, assign, take. Each owns its transaction, checks the actor's rights and
 * the transition table first, and changes nothing when it refuses.
 */
import { inTransaction, type Db, type Tx } from '../../db/client';
import type { ComplaintRow, ComplaintStatus, StaffRow } from '../../db/schema';
import { councilsOf, findStaffById, findStaffByPhone } from '../staff/repository';
import { applyAssignment, routeFor, routedNote } from './assigning';
import { mayAct, transition, type Action } from './core/lifecycle';
import type { Refusal } from './core/refusal';
import { notifyCitizen, notifyStaff, type NotifyContext } from './notify';
import { parseComplaintNumber } from './core/numbers';
import { findComplaintByNumber, insertEvent, updateComplaint } from './repository';
import { countSavedReplyUse } from './replies-repository';
import { normalizePhone } from '../text/phone';
import { type ReferenceData } from '../reference/types';
import { workingMsBetween, type DailyWindow, type WorkingHours } from '../text/calendar';

/** What a lifecycle action did, or why it did nothing (a typed refusal: ./core/refusal.ts). */
export type ActionResult = { ok: true; complaint: ComplaintRow } | { ok: false; refusal: Refusal };

export interface ActionDeps {
  db: Db;
  now: () => number;
  reference: ReferenceData;
  /** The channel staff act through: an SMS command (the default) or the web console. */
  via?: 'sms' | 'console';
  /**
   * Office hours: when given, the office time to a first response or a resolution is stored
   * with it (the dashboard's medians); when not, src/reports/work-times.ts fills it in later.
   */
  hours?: WorkingHours;
  /**
   * QUIET_HOURS: when given, an answer to staff can say when a message held for the morning
   * (the rating request of a resolution) will reach the citizen.
   */
  quietHours?: DailyWindow | null;
}

/** Days after resolution during which a citizen may still reopen (then it closes by itself). */
export const REOPEN_WINDOW_DAYS = 14;

const fail = (refusal: Refusal): ActionResult => ({ ok: false, refusal });

interface Acting {
  tx: Tx;
  ctx: NotifyContext;
  actor: StaffRow;
  complaint: ComplaintRow;
  hours: WorkingHours | undefined;
}

/** Office time from filing to now, when the office hours are known. */
const workMsToNow = (s: Acting): number | null =>
  s.hours ? workingMsBetween(s.complaint.createdAt, s.ctx.now, s.hours) : null;

/** Loads actor and complaint, checks rights and transition, then runs `apply` in one transaction. */
function act(
  deps: ActionDeps,
  actorId: number,
  numberInput: string,
  action: Action | 'assign_other',
  apply: (s: Acting, to: ComplaintStatus) => ActionResult,
): ActionResult {
  const parsed = parseComplaintNumber(numberInput);
  if (!parsed.ok) return fail({ code: 'badNumber', vars: { input: numberInput } });
  return inTransaction(deps.db, (tx) => {
    const staff = findStaffById(tx, actorId);
    if (!staff) return fail({ code: 'unknownActor' });
    const actor = { ...staff, councils: councilsOf(tx, [staff.id]).get(staff.id) ?? [] };
    const complaint = findComplaintByNumber(tx, parsed.number);
    if (!complaint) return fail({ code: 'notFound', vars: { number: parsed.number } });
    const allowed = mayAct(actor, complaint, action);
    if (!allowed.ok) return fail(allowed.refusal);
    const to = transition(complaint, action === 'assign_other' ? 'assign' : action);
    if (!to.ok) return fail(to.refusal);
    return apply(
      {
        tx,
        ctx: { now: deps.now(), reference: deps.reference, source: deps.via ?? 'sms' },
        actor,
        complaint,
        hours: deps.hours,
      },
      to.value,
    );
  });
}

function update(s: Acting, changes: Parameters<typeof updateComplaint>[2]): ComplaintRow {
  return updateComplaint(s.tx, s.complaint.id, changes, s.ctx.now);
}

function event(
  s: Acting,
  type: string,
  to: ComplaintStatus,
  note: string | null,
  smsId: number | null = null,
) {
  insertEvent(s.tx, {
    complaintId: s.complaint.id,
    type,
    actor: `staff:${s.actor.id}`,
    source: s.ctx.source,
    staffId: s.actor.id,
    fromStatus: s.complaint.status,
    toStatus: to,
    note,
    smsId,
    createdAt: s.ctx.now,
  });
}

/**
 * A reply goes to the citizen by SMS; the first one sets in_progress and the first-response time.
 * `savedReplyId`: the saved reply it started from, counted as used if it is one the composer
 * offers for this complaint (else ignored: the reply goes all the same).
 */
export function replyToComplaint(
  deps: ActionDeps,
  actorId: number,
  number: string,
  message: string,
  savedReplyId?: number,
) {
  if (message.trim() === '') return fail({ code: 'empty', vars: { field: 'message' } });
  return act(deps, actorId, number, 'reply', (s, to) => {
    const first = s.complaint.firstResponseAt === null;
    const row = update(s, {
      status: to,
      firstResponseAt: s.complaint.firstResponseAt ?? s.ctx.now,
      ...(first ? { firstResponseWorkMs: workMsToNow(s) } : {}),
    });
    const sms = notifyCitizen(
      s.tx,
      s.ctx,
      row,
      'sms.reply',
      { message: message.trim() },
      'message',
    );
    event(s, 'reply', to, message.trim(), sms);
    if (savedReplyId !== undefined) {
      countSavedReplyUse(s.tx, savedReplyId, row.categoryCode, row.regionCode);
    }
    return { ok: true, complaint: row };
  });
}

/** An internal note: never sent to the citizen. */
export function addNote(deps: ActionDeps, actorId: number, number: string, text: string) {
  if (text.trim() === '') return fail({ code: 'empty', vars: { field: 'note' } });
  return act(deps, actorId, number, 'note', (s, to) => {
    event(s, 'note', to, text.trim());
    return { ok: true, complaint: s.complaint };
  });
}

/** Resolves; the citizen is told and asked to rate the service 1-5. */
export function resolveComplaint(deps: ActionDeps, actorId: number, number: string, note: string) {
  if (note.trim() === '') return fail({ code: 'empty', vars: { field: 'resolution' } });
  return act(deps, actorId, number, 'resolve', (s, to) => {
    const row = update(s, { status: to, resolvedAt: s.ctx.now, resolutionWorkMs: workMsToNow(s) });
    const sms = notifyCitizen(s.tx, s.ctx, row, 'sms.resolved', { note: note.trim() }, 'note');
    event(s, 'resolved', to, note.trim(), sms);
    return { ok: true, complaint: row };
  });
}

/** Sets a status by name: in_progress (start), resolved, closed. */
export function setStatus(
  deps: ActionDeps,
  actorId: number,
  number: string,
  status: 'in_progress' | 'resolved' | 'closed',
  note = '',
): ActionResult {
  if (status === 'resolved') return resolveComplaint(deps, actorId, number, note || 'resolved');
  const action: Action = status === 'in_progress' ? 'start' : 'close';
  return act(deps, actorId, number, action, (s, to) => {
    const row = update(s, to === 'closed' ? { status: to, closedAt: s.ctx.now } : { status: to });
    event(s, 'status', to, note.trim() || null);
    return { ok: true, complaint: row };
  });
}

function reassign(s: Acting, to: StaffRow, type: string): ActionResult {
  if (!to.active) return fail({ code: 'staffInactive', vars: { name: to.name } });
  if (s.actor.role !== 'hq' && to.role !== 'hq' && to.regionCode !== s.complaint.regionCode) {
    return fail({ code: 'staffOtherRegion', vars: { name: to.name } });
  }
  const level = to.role === 'hq' ? 'national' : to.role === 'supervisor' ? 'region' : 'council';
  const row = applyAssignment(
    s.tx,
    s.ctx,
    s.complaint,
    { staffId: to.id, level },
    {
      type,
      actor: `staff:${s.actor.id}`,
      staffId: s.actor.id,
    },
  );
  if (s.complaint.status === 'received') notifyCitizen(s.tx, s.ctx, row, 'sms.assigned');
  return { ok: true, complaint: row };
}

/** Takes a complaint: it becomes the actor's own. */
export function takeComplaint(deps: ActionDeps, actorId: number, number: string) {
  return act(deps, actorId, number, 'assign', (s) => reassign(s, s.actor, 'taken'));
}

/** Assigns to another staff member (supervisors and headquarters). */
export function assignComplaint(
  deps: ActionDeps,
  actorId: number,
  number: string,
  toPhone: string,
) {
  return act(deps, actorId, number, 'assign_other', (s) => {
    // Staff type numbers as they dial them (07…, 255…, +255…); the directory holds +255….
    const phone = normalizePhone(toPhone);
    const to = phone === undefined ? undefined : findStaffByPhone(s.tx, phone);
    if (!to) return fail({ code: 'noStaff', vars: { phone: toPhone } });
    return reassign(s, to, 'assigned');
  });
}

/** Assigns to another staff member chosen by id (the console's picker). */
export function assignComplaintTo(
  deps: ActionDeps,
  actorId: number,
  number: string,
  staffId: number,
): ActionResult {
  return act(deps, actorId, number, 'assign_other', (s) => {
    const to = findStaffById(s.tx, staffId);
    if (!to) return fail({ code: 'noStaff', vars: { phone: String(staffId) } });
    return reassign(s, to, 'assigned');
  });
}

/** Reopens a resolved or closed complaint by staff: back to its owner, who is told. */
export function reopenComplaint(deps: ActionDeps, actorId: number, number: string, reason: string) {
  return act(deps, actorId, number, 'reopen', (s, to) =>
    reopenIn(s.tx, s.ctx, s.complaint, to, reason, s.actor.id),
  );
}

/** Shared by staff and citizen reopening: status back to assigned, owner and citizen told. */
export function reopenIn(
  tx: Tx,
  ctx: NotifyContext,
  c: ComplaintRow,
  to: ComplaintStatus,
  reason: string,
  staffId: number | null,
): ActionResult {
  const row = updateComplaint(
    tx,
    c.id,
    {
      status: to,
      resolvedAt: null,
      resolutionWorkMs: null,
      closedAt: null,
      reopenCount: c.reopenCount + 1,
    },
    ctx.now,
  );
  insertEvent(tx, {
    complaintId: c.id,
    type: 'reopened',
    actor: staffId === null ? 'citizen' : `staff:${staffId}`,
    source: ctx.source,
    staffId,
    fromStatus: c.status,
    toStatus: to,
    note: reason.trim() || null,
    createdAt: ctx.now,
  });
  // The citizen who asked by SMS is answered at once; news of a staff reopening may wait for
  // the morning (quiet hours).
  const reopenedKey = staffId === null ? 'sms.citizen.reopened' : 'sms.reopened';
  const owner = row.assigneeId === null ? undefined : findStaffById(tx, row.assigneeId);
  if (!owner?.active) {
    // The owner has left: the reopened complaint goes to whoever the routing rules or the
    // assignment rule pick now.
    const next = routeFor(tx, row);
    const moved = applyAssignment(tx, ctx, row, next.assignment, {
      type: 'reassigned',
      actor: 'system',
      note: ['reopened; owner inactive', routedNote(next)].filter((x) => x !== null).join('; '),
    });
    notifyCitizen(tx, ctx, moved, reopenedKey);
    return { ok: true, complaint: moved };
  }
  if (owner)
    notifyStaff(tx, ctx, owner, row, 'sms.staff.reopened', { reason: reason.trim() || '-' });
  notifyCitizen(tx, ctx, row, reopenedKey);
  return { ok: true, complaint: row };
}

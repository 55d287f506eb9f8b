/**
 * The audit log of staff changes (issue 23): every change to a staff member, whatever the path
 * (the console's forms, the CSV import, the command line), is a row of `audit_log` of kind
 * `staff` written in the transaction of the change: who (the signed-in staff member, or none from
 * the command line), when, where from (`source`), the field (the row's action) and its value
 * before and after. Actions: `create` and `import` (after: the whole member), a field's name
 * (`phone`, `role`, `region`, `councils`, `wards`, `name`, `language`, `active`), and the steps
 * of a phone change that has not happened (yet): `phone_requested`, `phone_cancelled`,
 * `phone_failed` (5 wrong codes).
 */
import type { Tx } from '../../db/client';
import type { StaffRow } from '../../db/schema';
import { recordAudit } from '../audit/repository';
import type { NotifyContext } from '../complaints/notify';
import { councilsOf, wardsOf } from '../staff/repository';
import { changedFields, staffSnapshot, type StaffSnapshot } from './core/staff-changes';

export const STAFF = 'staff';

export type StaffAction =
  | 'create'
  | 'import'
  | 'phone_requested'
  | 'phone_cancelled'
  | 'phone_failed'
  | ReturnType<typeof changedFields>[number]['field'];

/** The context of a staff change: when, from where, and who made it. */
export interface StaffChangeCtx extends NotifyContext {
  /** The staff member making the change (signed in to the console); none from the command line. */
  actorId?: number;
}

/** A staff member and their coverage as the log keeps them. */
export function snapshotOf(tx: Tx, member: StaffRow): StaffSnapshot {
  const councils = councilsOf(tx, [member.id]).get(member.id) ?? [];
  const wards = wardsOf(tx, [member.id]).get(member.id) ?? [];
  return staffSnapshot(member, councils, wards);
}

/** Records one staff change in the caller's transaction. */
export function auditStaff(
  tx: Tx,
  ctx: StaffChangeCtx,
  staffId: number,
  action: StaffAction,
  before: unknown,
  after: unknown,
): void {
  recordAudit(tx, {
    at: ctx.now,
    actorStaffId: ctx.actorId ?? null,
    entityKind: STAFF,
    entityId: staffId,
    action,
    before,
    after,
    source: ctx.source,
  });
}

/** Records every field that differs between two pictures of a staff member, one row each. */
export function auditStaffChanges(
  tx: Tx,
  ctx: StaffChangeCtx,
  staffId: number,
  before: StaffSnapshot,
  after: StaffSnapshot,
): void {
  for (const c of changedFields(before, after)) {
    auditStaff(tx, ctx, staffId, c.field, c.before, c.after);
  }
}

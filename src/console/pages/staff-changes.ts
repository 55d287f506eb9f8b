/**
 * The audit log of staff changes as read jobs (issue 23): one member's on their page, for whoever
 * manages them (headquarters, their region's supervisor); every member's on
 * GET /console/staff/changes, for headquarters only. And the new phone waiting for its code.
 */
import type { StaffRow } from '../../../db/schema';
import { listAudit } from '../../audit/repository';
import { waitingPhoneChange } from '../../directory/phone-change';
import { STAFF } from '../../directory/staff-audit';
import { loadWardList } from '../../reference/wards';
import { staffByIds } from '../../staff/repository';
import { staffAuditField, staffAuditValue, staffAuditWho } from '../core/staff-audit-text';
import { dateTime } from '../core/format';
import { manages } from '../core/staff-form';
import { t } from '../core/words';
import type { ConsoleDeps, Viewer } from '../deps';
import { frameOf, messageOf, type Page, type PageRequest } from '../page';
import {
  staffChangesPage,
  type PendingPhoneView,
  type StaffChangeItem,
} from '../views/staff-changes';

/** Rows shown: one member's history, or the latest changes to everyone. */
const MEMBER_ROWS = 50;
const ALL_ROWS = 100;

/** The latest staff changes (of one member when `memberId` is given), in the viewer's words. */
export function staffChangeItems(
  deps: ConsoleDeps,
  v: Viewer,
  memberId?: number,
): StaffChangeItem[] {
  const rows = listAudit(deps.db, {
    kinds: [STAFF],
    ...(memberId === undefined ? {} : { entityId: memberId }),
    limit: memberId === undefined ? ALL_ROWS : MEMBER_ROWS,
  });
  const people = new Map(
    staffByIds(
      deps.db,
      rows.flatMap((a) => [
        Number(a.entityId),
        ...(a.actorStaffId === null ? [] : [a.actorStaffId]),
      ]),
    ).map((s) => [s.id, s]),
  );
  const wards = loadWardList();
  const value = (action: string, x: unknown) =>
    staffAuditValue(action, x, deps.reference, wards, v.lang);
  return rows.map((a) => {
    const member = people.get(Number(a.entityId));
    const actor = a.actorStaffId === null ? undefined : people.get(a.actorStaffId);
    return {
      id: a.id,
      when: dateTime(a.at),
      who: staffAuditWho(
        actor?.name ?? (a.actorStaffId === null ? undefined : '?'),
        a.source,
        v.lang,
      ),
      ...(memberId === undefined && member
        ? { member: { id: member.id, name: member.name, linked: manages(v.staff, member) } }
        : {}),
      field: staffAuditField(a.action, v.lang),
      before: value(a.action, a.before),
      after: value(a.action, a.after),
    };
  });
}

/** The new phone of `member` waiting for its code, for their page; undefined when none. */
export function pendingPhoneOf(
  deps: ConsoleDeps,
  v: Viewer,
  member: StaffRow,
  error?: string,
): PendingPhoneView | undefined {
  const c = waitingPhoneChange(deps.db, member.id, deps.now());
  if (!c) return undefined;
  return {
    lang: v.lang,
    csrf: v.session.csrf,
    memberId: member.id,
    name: member.name,
    phone: c.newPhone,
    when: dateTime(c.createdAt),
    until: dateTime(c.expiresAt),
    ...(error ? { error } : {}),
  };
}

/** GET /console/staff/changes: headquarters only. */
export function staffChangesGet(deps: ConsoleDeps, r: PageRequest): Page {
  const v = r.viewer;
  if (v.staff.role !== 'hq') {
    return messageOf(r, 403, 'staff', 'error.forbidden.title', 'error.forbidden.body');
  }
  const html = staffChangesPage({
    frame: frameOf(r, t('staffAudit.recent', v.lang), 'staff'),
    lang: v.lang,
    items: staffChangeItems(deps, v),
  });
  return { status: 200, html };
}

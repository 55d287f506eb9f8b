/**
 * What a citizen can do to their own complaint by SMS: add a message to its thread, reopen it
 * within 14 days of resolution, rate it 1-5 (a 1 or 2 reopens it one level up). Each runs in the
 * caller's transaction, writes its events and queues its SMS; a refusal writes nothing.
 */
import type { ComplaintRow } from '../../db/schema';
import { REOPEN_WINDOW_DAYS, reopenIn } from '../complaints/actions';
import { pickEscalationOwner, type Level } from '../complaints/core/assignment';
import { nextStatus } from '../complaints/core/lifecycle';
import { notifyCitizen, notifyStaff, type NotifyContext } from '../complaints/notify';
import { formatComplaintNumber } from '../complaints/core/numbers';
import { insertEvent, updateComplaint } from '../complaints/repository';
import { findStaffById, touchLastAssigned } from '../staff/repository';
import { toGsm7, truncateGsm7 } from '../text/gsm7';
import { enqueueSms } from '../outbox/repository';
import { smsText } from '../text/sms';
import { translate } from '../text/translate';
import { type Tx } from '../../db/client';
import { loadCandidates } from '../complaints/candidates';

const DAY = 24 * 60 * 60 * 1000;
/** Longest part of a citizen's own words quoted in a staff SMS as a reopening reason. */
const REASON_MAX = 100;
/** A rating this low reopens the complaint and passes it one level up. */
export const LOW_RATING = 2;

/** Adds the citizen's words to the thread; the owner is told by SMS, the citizen gets a receipt. */
export function addCitizenMessage(tx: Tx, ctx: NotifyContext, c: ComplaintRow, message: string) {
  insertEvent(tx, {
    complaintId: c.id,
    type: 'citizen_message',
    actor: 'citizen',
    source: ctx.source,
    fromStatus: c.status,
    toStatus: c.status,
    note: message,
    createdAt: ctx.now,
  });
  updateComplaint(tx, c.id, {}, ctx.now);
  const owner = c.assigneeId === null ? undefined : findStaffById(tx, c.assigneeId);
  if (owner?.active) {
    const number = formatComplaintNumber(c.number);
    const body = smsText(
      'sms.staff.citizenMessage',
      owner.language,
      { number, message },
      'message',
    );
    enqueueSms(
      tx,
      { toPhone: owner.phone, body, template: 'sms.staff.citizenMessage', complaintId: c.id },
      ctx.now,
    );
  }
  notifyCitizen(tx, ctx, c, 'sms.citizen.added');
}

export type ReopenRefusal = 'open' | 'late';

/** Whether the citizen may still reopen `c` now; the status it would go back to when so. */
export function citizenMayReopen(
  c: ComplaintRow,
  now: number,
): { ok: true; to: ComplaintRow['status'] } | { ok: false; why: ReopenRefusal } {
  const to = nextStatus(c.status, 'reopen');
  if (to === undefined) return { ok: false, why: 'open' };
  const resolvedAt = c.resolvedAt ?? c.closedAt ?? 0;
  if (now - resolvedAt > REOPEN_WINDOW_DAYS * DAY) return { ok: false, why: 'late' };
  return { ok: true, to };
}

/** The citizen reopens by SMS: back to its owner, who is told why (the citizen's words if any). */
export function reopenByCitizen(
  tx: Tx,
  ctx: NotifyContext,
  c: ComplaintRow,
  to: ComplaintRow['status'],
  words: string,
): ComplaintRow {
  const owner = c.assigneeId === null ? undefined : findStaffById(tx, c.assigneeId);
  const said = truncateGsm7(toGsm7(words.trim()), REASON_MAX);
  const reason =
    said === ''
      ? translate('sms.reason.citizenReopen', owner?.language ?? c.language)
      : `"${said}"`;
  const result = reopenIn(tx, ctx, c, to, reason, null);
  if (!result.ok) throw new Error(`reopenIn refused ${c.number}: ${result.refusal.code}`);
  return result.complaint;
}

const nextLevel: Record<Level, 'region' | 'national'> = {
  council: 'region',
  region: 'national',
  national: 'national',
};

/** A low rating: reopened and passed one level up (council -> region -> headquarters). */
function reopenOneLevelUp(
  tx: Tx,
  ctx: NotifyContext,
  c: ComplaintRow,
  to: ComplaintRow['status'],
  rating: number,
): ComplaintRow {
  const level = nextLevel[c.level];
  const owner = pickEscalationOwner(loadCandidates(tx, c.regionCode), c.regionCode, level);
  const row = updateComplaint(
    tx,
    c.id,
    {
      status: to,
      resolvedAt: null,
      resolutionWorkMs: null,
      closedAt: null,
      reopenCount: c.reopenCount + 1,
      assigneeId: owner.staffId,
      level: owner.level,
    },
    ctx.now,
  );
  const base = { complaintId: c.id, actor: 'citizen', source: ctx.source, createdAt: ctx.now };
  const note = `rated ${rating} out of 5`;
  insertEvent(tx, { ...base, type: 'reopened', fromStatus: c.status, toStatus: to, note });
  insertEvent(tx, {
    ...base,
    type: 'escalated',
    fromStatus: to,
    toStatus: to,
    assigneeId: owner.staffId,
    note: `${note}: passed to the ${owner.level} level`,
  });
  const levelKey = row.level === 'national' ? 'sms.level.national' : 'sms.level.region';
  notifyCitizen(tx, ctx, row, 'sms.citizen.lowRated', (lang) => ({
    level: translate(levelKey, lang),
  }));
  if (owner.staffId !== null) {
    touchLastAssigned(tx, owner.staffId, ctx.now);
    const newOwner = findStaffById(tx, owner.staffId);
    if (newOwner) {
      notifyStaff(tx, ctx, newOwner, row, 'sms.staff.escalated', (lang) => ({
        reason: translate('sms.reason.lowRating', lang, { rating }),
      }));
    }
  }
  return row;
}

/**
 * Records a 1-5 rating with a `rated` event. A rating of 1 or 2 within the reopening window also
 * reopens the complaint and escalates it one level; otherwise the citizen is thanked.
 */
export function rateComplaint(
  tx: Tx,
  ctx: NotifyContext,
  c: ComplaintRow,
  rating: number,
): ComplaintRow {
  const rated = updateComplaint(tx, c.id, { rating }, ctx.now);
  insertEvent(tx, {
    complaintId: c.id,
    type: 'rated',
    actor: 'citizen',
    source: ctx.source,
    fromStatus: c.status,
    toStatus: c.status,
    note: String(rating),
    createdAt: ctx.now,
  });
  const reopen = citizenMayReopen(rated, ctx.now);
  if (rating <= LOW_RATING && reopen.ok) return reopenOneLevelUp(tx, ctx, rated, reopen.to, rating);
  notifyCitizen(tx, ctx, rated, 'sms.citizen.rated', { rating: String(rating) });
  return rated;
}

/**
 * The SMS a complaint's changes cause, queued in the outbox inside the caller's transaction.
 * Citizens get their own language; staff theirs. A citizen's status SMS carries the automatic
 * reply its category has for that change, if any (./core/replies.ts says how).
 */
import { enqueueSms } from '../outbox/repository';
import { autoReplyTemplate } from '../outbox/core/quiet-hours';
import { findStaffById } from '../staff/repository';
import { smsText, type SmsKey } from '../text/sms';
import { citizenSmsBody, complaintVars, extraFor, type Extra } from './core/citizen-sms';
import { autoTriggerOf, fillReply, replyValues, usesOfficer, withAutoReply } from './core/replies';
import { activeAutoReply, countAutoReplySent } from './replies-repository';
import { type Tx } from '../../db/client';
import { type ChangeSource, type ComplaintRow, type StaffRow } from '../../db/schema';
import { type ReferenceData } from '../reference/types';

export type { Extra };

/** The context of a change: when, the reference data, and where it came from (for its events). */
export interface NotifyContext {
  now: number;
  reference: ReferenceData;
  source: ChangeSource;
}

/** Queues a message to the citizen who filed the complaint, with the organisation's prefix; returns its outbox id. */
export function notifyCitizen(
  tx: Tx,
  ctx: NotifyContext,
  c: ComplaintRow,
  key: SmsKey,
  extra: Extra = {},
  shrink?: string,
): number {
  return queueCitizenSms(tx, ctx, c, key, citizenSmsBody(ctx.reference, c, key, extra, shrink));
}

/**
 * Queues `body`, the citizen's SMS `key` about complaint `c`, and returns its outbox id. When `key`
 * is a status SMS and the category has an automatic reply for that change, the reply goes too:
 * in the same SMS when it adds no SMS part, else as the next SMS, queued as `<key>+auto` so that
 * quiet hours hold it exactly as they hold the status SMS (src/outbox/core/quiet-hours.ts).
 */
export function queueCitizenSms(
  tx: Tx,
  ctx: NotifyContext,
  c: ComplaintRow,
  key: SmsKey,
  body: string,
): number {
  const sms = { toPhone: c.citizenPhone, template: key, complaintId: c.id };
  const trigger = autoTriggerOf(key);
  const auto = trigger && activeAutoReply(tx, c.categoryCode, trigger);
  if (!auto) return enqueueSms(tx, { ...sms, body }, ctx.now);
  const text = c.language === 'sw' ? auto.textSw : auto.textEn;
  const officer =
    usesOfficer(text) && c.assigneeId !== null ? findStaffById(tx, c.assigneeId)?.name : null;
  const reply = fillReply(text, replyValues(ctx.reference, c, c.language, officer ?? null));
  const [first, second] = withAutoReply(ctx.reference, c, body, reply);
  const id = enqueueSms(tx, { ...sms, body: first }, ctx.now);
  if (second !== undefined) {
    enqueueSms(tx, { ...sms, body: second, template: autoReplyTemplate(key) }, ctx.now);
  }
  countAutoReplySent(tx, auto.id);
  return id;
}

/** Queues a message to a staff member about a complaint. */
export function notifyStaff(
  tx: Tx,
  ctx: NotifyContext,
  to: StaffRow,
  c: ComplaintRow,
  key: SmsKey,
  extra: Extra = {},
): void {
  const body = smsText(
    key,
    to.language,
    { ...complaintVars(ctx.reference, c, to.language), ...extraFor(extra, to.language) },
    'excerpt',
  );
  enqueueSms(tx, { toPhone: to.phone, body, template: key, complaintId: c.id }, ctx.now);
}

/**
 * The SMS a complaint's changes cause, queued in the outbox inside the caller's transaction.
 * Citizens get their own language; staff theirs.
 */
import { enqueueSms } from '../outbox/repository';
import { smsText, type SmsKey } from '../text/sms';
import { citizenSmsBody, complaintVars, extraFor, type Extra } from './core/citizen-sms';
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
  const body = citizenSmsBody(ctx.reference, c, key, extra, shrink);
  return enqueueSms(
    tx,
    { toPhone: c.citizenPhone, body, template: key, complaintId: c.id },
    ctx.now,
  );
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

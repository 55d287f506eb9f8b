/**
 * The SMS a complaint's changes cause, queued in the outbox inside the caller's transaction.
 * Citizens get their own language; staff theirs.
 */
import { enqueueSms } from '../outbox/repository';
import { smsText, type SmsKey } from '../text/sms';
import { formatComplaintNumber } from './core/numbers';
import { codeLabel } from '../text/labels';
import { orgVars } from '../text/org';
import { type Tx } from '../../db/client';
import { type ChangeSource, type ComplaintRow, type StaffRow } from '../../db/schema';
import { type ReferenceData } from '../reference/types';

const EXCERPT = 60;

/** Extra template variables, fixed or depending on the recipient's language. */
export type Extra = Record<string, string> | ((lang: 'sw' | 'en') => Record<string, string>);

const extraFor = (extra: Extra, lang: 'sw' | 'en') =>
  typeof extra === 'function' ? extra(lang) : extra;

/** The context of a change: when, the reference data, and where it came from (for its events). */
export interface NotifyContext {
  now: number;
  reference: ReferenceData;
  source: ChangeSource;
}

function complaintVars(ctx: NotifyContext, c: ComplaintRow, lang: 'sw' | 'en') {
  return {
    number: formatComplaintNumber(c.number),
    category: codeLabel('category', c.categoryCode, lang),
    council: ctx.reference.councilLabels.get(c.councilCode)?.[lang] ?? c.councilCode,
    excerpt:
      [...c.description].length > EXCERPT
        ? `${[...c.description].slice(0, EXCERPT).join('')}..`
        : c.description,
  };
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
  const body = smsText(
    key,
    c.language,
    {
      ...orgVars(ctx.reference.org, c.language),
      ...complaintVars(ctx, c, c.language),
      ...extraFor(extra, c.language),
    },
    shrink,
  );
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
    { ...complaintVars(ctx, c, to.language), ...extraFor(extra, to.language) },
    'excerpt',
  );
  enqueueSms(tx, { toPhone: to.phone, body, template: key, complaintId: c.id }, ctx.now);
}

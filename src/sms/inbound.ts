/**
 * Incoming SMS (Africa's Talking's "incoming message" callback). Each message is first recorded
 * under AT's id (a repeat changes nothing), then handled in ONE transaction: the rate limit, the
 * staff console or the citizen's request, every change and reply SMS (outbox), and how it was
 * handled. Replies only ever go through the outbox; nothing here waits on the network.
 *
 * Poison messages: the record is committed before handling, as `pending:<attempt>`. A handling
 * failure rolls back everything but that record and answers 500, so AT retries a minute later;
 * the retry counts one more attempt. After MAX_HANDLING_ATTEMPTS the message is marked `failed`
 * and answered 200, so a message that crashes the handler (even the whole process) is tried a
 * few times, kept for an operator, and never retried for AT's full 12 hours.
 */
import { inTransaction } from '../../db/client';
import type { Logger } from 'pino';
import type { ActionDeps } from '../complaints/actions';
import { findCitizenLanguage, type Tx } from '../complaints/repository';
import { maskPhone } from '../phone';
import { executeStaffCommand } from '../staff/commands';
import { findStaffByPhone, type StaffRow } from '../staff/repository';
import {
  handleCitizenSms,
  handleUnknownSms,
  type CitizenContext,
  type Handled,
} from './citizen-handler';
import { hasComplaints } from './citizen-repository';
import {
  countInboundSince,
  findInboundByAtId,
  insertInbound,
  markInbound,
  wasRateLimitedSince,
  type InboundRow,
} from './inbound-repository';
import { enqueueSms } from './outbox';
import { smsText } from './templates';

export const MAX_HANDLING_ATTEMPTS = 3;
export const DEFAULT_INBOUND_LIMIT_PER_HOUR = 20;
const HOUR = 60 * 60 * 1000;

/** One incoming message as AT posts it, validated at the edge. */
export interface InboundSms {
  atId: string;
  /** +255... */
  from: string;
  /** The shortcode it was sent to. */
  to: string;
  text: string;
  linkId?: string | undefined;
  networkCode?: string | undefined;
  date?: string | undefined;
}

export interface InboundDeps extends ActionDeps {
  logger: Logger;
  /** Shortcodes this server answers for; empty: any. */
  shortcodes: readonly string[];
  limitPerHour: number;
  /** The USSD code quoted in help SMS. */
  ussdCode: string | undefined;
}

/** handled/duplicate/ignored/gave_up are answered 200; failed is answered 500 (AT retries). */
export type InboundOutcome = 'handled' | 'duplicate' | 'ignored' | 'gave_up' | 'failed';

const pending = (attempt: number) => `pending:${attempt}`;

/** The attempt a pending record is at, or undefined when the message was handled already. */
function pendingAttempt(handledAs: string | null): number | undefined {
  if (handledAs === null) return 0;
  const m = /^pending:(\d+)$/.exec(handledAs);
  return m ? Number(m[1]) : undefined;
}

type Claim =
  | { kind: 'handle'; row: InboundRow; attempt: number }
  | { kind: 'duplicate' }
  | { kind: 'gave_up' };

/** Records the message (or counts one more attempt at it) in its own short transaction. */
function claim(deps: InboundDeps, sms: InboundSms, now: number): Claim {
  return inTransaction(
    deps.db,
    (tx): Claim => {
      const row = findInboundByAtId(tx, sms.atId);
      if (!row) {
        const inserted = insertInbound(tx, {
          atId: sms.atId,
          fromPhone: sms.from,
          toCode: sms.to,
          text: sms.text,
          linkId: sms.linkId ?? null,
          networkCode: sms.networkCode ?? null,
          date: sms.date ?? null,
          handledAs: pending(1),
          receivedAt: now,
        });
        return { kind: 'handle', row: inserted, attempt: 1 };
      }
      const attempt = pendingAttempt(row.handledAs);
      if (attempt === undefined) return { kind: 'duplicate' };
      if (attempt >= MAX_HANDLING_ATTEMPTS) {
        markInbound(tx, row.id, 'failed');
        return { kind: 'gave_up' };
      }
      markInbound(tx, row.id, pending(attempt + 1));
      return { kind: 'handle', row, attempt: attempt + 1 };
    },
    { behavior: 'immediate' },
  );
}

function languageOf(tx: Tx, phone: string, staff: StaffRow | undefined) {
  return staff?.language ?? findCitizenLanguage(tx, phone) ?? 'sw';
}

/** Beyond the hourly limit: stored, never answered, but for one notice when first crossed. */
function rateLimit(deps: InboundDeps, tx: Tx, row: InboundRow, now: number): Handled | undefined {
  const since = now - HOUR;
  if (countInboundSince(tx, row.fromPhone, since) <= deps.limitPerHour) return undefined;
  if (!wasRateLimitedSince(tx, row.fromPhone, since, row.id)) {
    const lang = languageOf(tx, row.fromPhone, findStaffByPhone(tx, row.fromPhone));
    const body = smsText('sms.rateLimited', lang, {});
    enqueueSms(tx, { toPhone: row.fromPhone, body, template: 'sms.rateLimited' }, now);
  }
  return { handledAs: 'rate_limited', complaintId: null };
}

function route(deps: InboundDeps, tx: Tx, row: InboundRow, now: number): Handled {
  const phone = row.fromPhone;
  const staff = findStaffByPhone(tx, phone);
  const ctx: CitizenContext = { now, reference: deps.reference, ussdCode: deps.ussdCode };
  if (staff?.active) {
    const reply = executeStaffCommand(deps, staff, row.text);
    enqueueSms(
      tx,
      {
        toPhone: staff.phone,
        body: reply.body,
        template: reply.template,
        ...(reply.complaintId ? { complaintId: reply.complaintId } : {}),
      },
      now,
    );
    return { handledAs: 'staff_command', complaintId: reply.complaintId };
  }
  if (hasComplaints(tx, phone)) return handleCitizenSms(tx, ctx, phone, row.text);
  if (staff) {
    // A staff member on leave who never filed a complaint: say why nothing happens.
    const body = smsText('sms.cmd.err.inactive', staff.language, {});
    enqueueSms(tx, { toPhone: phone, body, template: 'sms.cmd.err.inactive' }, now);
    return { handledAs: 'staff_command', complaintId: null };
  }
  return handleUnknownSms(tx, ctx, phone, row.text);
}

function handle(deps: InboundDeps, row: InboundRow, now: number): Handled {
  return inTransaction(
    deps.db,
    (tx) => {
      const handled = rateLimit(deps, tx, row, now) ?? route(deps, tx, row, now);
      markInbound(tx, row.id, handled.handledAs, handled.complaintId);
      return handled;
    },
    { behavior: 'immediate' },
  );
}

/** Receives one incoming SMS. Never throws: a failure is logged and comes back as `failed`. */
export function receiveSms(deps: InboundDeps, sms: InboundSms): InboundOutcome {
  const log = { atId: sms.atId, phone: maskPhone(sms.from), to: sms.to };
  if (deps.shortcodes.length > 0 && !deps.shortcodes.includes(sms.to)) {
    deps.logger.warn(log, 'incoming sms to a shortcode this server does not serve: ignored');
    return 'ignored';
  }
  try {
    const now = deps.now();
    const claimed = claim(deps, sms, now);
    if (claimed.kind === 'duplicate') {
      deps.logger.info(log, 'incoming sms repeated by AT: already handled');
      return 'duplicate';
    }
    if (claimed.kind === 'gave_up') {
      deps.logger.error(
        { ...log, attempts: MAX_HANDLING_ATTEMPTS },
        'incoming sms kept failing: recorded as failed and no longer retried',
      );
      return 'gave_up';
    }
    const handled = handle(deps, claimed.row, now);
    deps.logger.info({ ...log, ...handled, attempt: claimed.attempt }, 'incoming sms handled');
    return 'handled';
  } catch (err) {
    deps.logger.error({ ...log, err }, 'incoming sms failed: answering 500 so that AT retries');
    return 'failed';
  }
}

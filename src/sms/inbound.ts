/**
 * Incoming SMS (Africa's Talking's "incoming message" callback). Each message is first recorded
 * under AT's id (a repeat changes nothing), then handled in ONE transaction: the rate limit, the
 * staff console or the citizen's request, every change and reply SMS (outbox), and how it was
 * handled. Replies only ever go through the outbox; nothing here waits on the network.
 *
 * Limits: a phone that is not active staff gets `limitPerHour` answered messages an hour; the rest
 * are stored and not answered (one notice). Active staff are never dropped: above their own, much
 * higher ceiling (`staffLimitPerHour` commands carried out an hour) a command is stored as
 * `deferred` and carried out later, in order, by runDeferredInbound (a timer), with one notice.
 *
 * Poison messages: the record is committed before handling, as `pending:<attempt>`. A handling
 * failure rolls back everything but that record and answers 500, so AT retries a minute later;
 * the retry counts one more attempt. After MAX_HANDLING_ATTEMPTS the message is marked `failed`
 * and answered 200, so a message that crashes the handler (even the whole process) is tried a
 * few times, kept for an operator, and never retried for AT's full 12 hours.
 */
import { inTransaction, type Tx } from '../../db/client';
import type { Logger } from 'pino';
import type { ActionDeps } from '../complaints/actions';
import { findCitizenLanguage } from '../complaints/repository';
import { maskPhone } from '../text/phone';
import { executeStaffCommand } from '../commands/execute';
import { findStaffByPhone } from '../staff/repository';
import {
  handleCitizenSms,
  handleUnknownSms,
  type CitizenContext,
  type Handled,
} from '../citizens/handler';
import { hasFiled } from '../complaints/lists-repository';
import {
  countCommandsHandledSince,
  countInboundSince,
  findInboundByAtId,
  hasDeferred,
  insertInbound,
  listDeferred,
  markInbound,
  wasRateLimitedSince,
} from './inbound-repository';
import { enqueueSms } from '../outbox/repository';
import { orgVars } from '../text/org';
import { smsText } from '../text/sms';
import { type InboundRow, type StaffRow } from '../../db/schema';
import type { SmsFilingDeps } from '../citizens/sms-filing';

export const MAX_HANDLING_ATTEMPTS = 3;
export const DEFAULT_INBOUND_LIMIT_PER_HOUR = 20;
export const DEFAULT_STAFF_LIMIT_PER_HOUR = 300;
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
  /** Staff commands carried out per hour per staff member; more wait (never dropped). */
  staffLimitPerHour: number;
  /** The USSD code quoted in help SMS. */
  ussdCode: string | undefined;
  /** Filing by SMS; undefined: a text that is no command or message gets the help. */
  filing?: SmsFilingDeps;
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
    const body = smsText('sms.rateLimited', lang, orgVars(deps.reference.org, lang));
    enqueueSms(tx, { toPhone: row.fromPhone, body, template: 'sms.rateLimited' }, now);
  }
  return { handledAs: 'rate_limited', complaintId: null };
}

/** Whether a staff member is at their ceiling (or has commands waiting, which keep their order). */
function mustWait(deps: InboundDeps, tx: Tx, row: InboundRow, now: number): boolean {
  if (hasDeferred(tx, row.fromPhone, row.id)) return true;
  return countCommandsHandledSince(tx, row.fromPhone, now - HOUR) >= deps.staffLimitPerHour;
}

/** A staff command over the ceiling waits; the first one of a run of waiting commands says so. */
function deferStaff(deps: InboundDeps, tx: Tx, row: InboundRow, staff: StaffRow, now: number) {
  if (!mustWait(deps, tx, row, now)) return undefined;
  if (!hasDeferred(tx, row.fromPhone, row.id)) {
    const body = smsText('sms.cmd.deferred', staff.language, { limit: deps.staffLimitPerHour });
    enqueueSms(tx, { toPhone: staff.phone, body, template: 'sms.cmd.deferred' }, now);
  }
  return { handledAs: 'deferred', complaintId: null };
}

function route(deps: InboundDeps, tx: Tx, row: InboundRow, now: number): Handled {
  const phone = row.fromPhone;
  const staff = findStaffByPhone(tx, phone);
  const ctx: CitizenContext = {
    now,
    reference: deps.reference,
    source: 'sms',
    ussdCode: deps.ussdCode,
    ...(deps.filing ? { filing: deps.filing } : {}),
  };
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
  if (hasFiled(tx, phone)) return handleCitizenSms(tx, ctx, phone, row.text);
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
      const staff = findStaffByPhone(tx, row.fromPhone);
      const handled = staff?.active
        ? (deferStaff(deps, tx, row, staff, now) ?? route(deps, tx, row, now))
        : (rateLimit(deps, tx, row, now) ?? route(deps, tx, row, now));
      const final = handled.handledAs !== 'deferred' && handled.handledAs !== 'rate_limited';
      markInbound(tx, row.id, handled.handledAs, handled.complaintId, final ? now : null);
      return handled;
    },
    { behavior: 'immediate' },
  );
}

/** Carries out one deferred command if its sender is under the ceiling now; false when not. */
function runDeferredOne(deps: InboundDeps, row: InboundRow, now: number): boolean {
  return inTransaction(
    deps.db,
    (tx) => {
      if (countCommandsHandledSince(tx, row.fromPhone, now - HOUR) >= deps.staffLimitPerHour) {
        return false;
      }
      const handled = route(deps, tx, row, now);
      markInbound(tx, row.id, handled.handledAs, handled.complaintId, now);
      return true;
    },
    { behavior: 'immediate' },
  );
}

/**
 * Carries out deferred staff commands, oldest first, as far as each sender's ceiling allows now;
 * a sender at the ceiling keeps the rest of their commands waiting, in order. Returns how many
 * were carried out. Never throws: a command that fails is logged and marked `failed`.
 */
export function runDeferredInbound(deps: InboundDeps, limit = 500): number {
  const now = deps.now();
  const blocked = new Set<string>();
  let done = 0;
  for (const row of listDeferred(deps.db, limit)) {
    if (blocked.has(row.fromPhone)) continue;
    try {
      if (runDeferredOne(deps, row, now)) done += 1;
      else blocked.add(row.fromPhone);
    } catch (err) {
      deps.logger.error(
        { err, atId: row.atId, phone: maskPhone(row.fromPhone) },
        'deferred sms failed',
      );
      markInbound(deps.db, row.id, 'failed');
    }
  }
  return done;
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

/**
 * What the outcome of one send does to its outbox row. Pure: the dispatcher hands the result to
 * the claims repository (src/outbox/claims-repository.ts).
 */
import type { OutboxRow } from '../../../db/schema';
import { retryDelayMs } from './backoff';

/**
 * What one send to the SMS provider came to; the gateway (src/sms/gateway.ts) answers with it and
 * this core decides what it does to the row.
 */
export type SendOutcome =
  | { kind: 'sent'; messageId: string; cost: string | null; statusCode: number }
  /**
   * Worth retrying later. `outage`: the API itself did not work (no answer, timeout, HTTP 5xx,
   * 429): not this message's fault, so it costs the message no attempt. Otherwise AT answered but
   * could not take this message now (recipient codes 500/501, an undocumented code).
   */
  | { kind: 'temporary'; reason: string; outage: boolean }
  /**
   * Retrying cannot help: codes 401-407, 409, 502, an invalid number, bad credentials.
   * `operator` marks problems only the operator can fix (405 InsufficientBalance, 401 auth).
   */
  | { kind: 'permanent'; reason: string; operator: boolean };

export type Recorded = 'sent' | 'retried' | 'failed' | 'deferred' | 'lost';

/**
 * What happened to a claimed row: the gateway's outcome, `unsent` for a row the dispatcher gave
 * back without sending it (it was stopping, or the breaker opened while the row was claimed), or
 * `held` for one that must wait until `until` (quiet hours: src/outbox/core/quiet-hours.ts).
 */
export type ClaimOutcome =
  | SendOutcome
  | { kind: 'unsent'; reason: string }
  | { kind: 'held'; until: number; reason: 'quiet_hours' };

/** True when only the operator can fix what went wrong (credentials, balance, sender id). */
export function isAccountRefusal(
  o: ClaimOutcome,
): o is Extract<SendOutcome, { kind: 'permanent' }> {
  return o.kind === 'permanent' && o.operator;
}

/** True when the SMS API itself did not work: nothing about this message. */
export function isOutage(o: ClaimOutcome): boolean {
  return o.kind === 'temporary' && o.outage;
}

export interface RetryPolicy {
  maxAttempts: number;
  /** Uniform in [0, 1): jitter for the retry delay. */
  random01: number;
}

/**
 * Pure. The row's new values and what happened, for one outcome of a claimed row.
 * - sent: sent.
 * - held: queued again, due when the hold ends, at no attempt's cost; when and why are recorded.
 * - a refused account, an outage, or a row given back unsent: nobody's fault but the operator's
 *   or the network's; queued again in its place in the queue (due at once: the circuit breaker
 *   decides when sending resumes), and the attempt its claim counted is given back.
 * - AT could not take this message now: retried with backoff, failed after `maxAttempts`.
 * - AT refused this message for good: failed, 'rejected'.
 */
export function afterOutcome(
  row: OutboxRow,
  outcome: ClaimOutcome,
  now: number,
  retry: RetryPolicy,
): { recorded: Exclude<Recorded, 'lost'>; values: OutboxRow } {
  if (outcome.kind === 'sent') {
    const messageId = outcome.messageId || null;
    const values = { ...row, status: 'sent', messageId, cost: outcome.cost, sentAt: now } as const;
    return { recorded: 'sent', values: { ...values, lastError: null, failure: null } };
  }
  const attemptBack = Math.max(row.attempts - 1, 0);
  if (outcome.kind === 'held') {
    const held = { heldAt: now, heldUntil: outcome.until, heldReason: outcome.reason };
    return {
      recorded: 'deferred',
      values: {
        ...row,
        ...held,
        status: 'queued',
        attempts: attemptBack,
        nextAttemptAt: outcome.until,
      },
    };
  }
  if (outcome.kind === 'unsent' || isAccountRefusal(outcome) || isOutage(outcome)) {
    const lastError =
      outcome.kind === 'unsent'
        ? outcome.reason
        : isAccountRefusal(outcome)
          ? `account refused: ${outcome.reason}`
          : `outage: ${outcome.reason}`;
    return {
      recorded: 'deferred',
      values: {
        ...row,
        status: 'queued',
        attempts: attemptBack,
        nextAttemptAt: row.createdAt,
        lastError,
      },
    };
  }
  if (outcome.kind === 'temporary' && row.attempts < retry.maxAttempts) {
    const nextAttemptAt = now + retryDelayMs(row.attempts, retry.random01);
    return {
      recorded: 'retried',
      values: { ...row, status: 'queued', nextAttemptAt, lastError: outcome.reason },
    };
  }
  const failure = outcome.kind === 'temporary' ? 'attempts' : 'rejected';
  return {
    recorded: 'failed',
    values: { ...row, status: 'failed', lastError: outcome.reason, failure },
  };
}

/**
 * The outbox rows as the dispatcher sees them: claiming the next due row, recording the outcome of
 * its send, releasing claims a dead process left behind and failing what waited too long. See
 * src/sms/dispatcher.ts for the delivery guarantee.
 */
import { and, eq, lt, lte, sql } from 'drizzle-orm';
import { type Db, preparedPerDb } from '../../db/client';
import { smsOutbox, type OutboxRow } from '../../db/schema';
import { retryDelayMs } from './core/backoff';
import type { SendOutcome } from './gateway';

const p = sql.placeholder;
const param = (name: string) => sql`${p(name)}`;

const statements = preparedPerDb((db: Db) => ({
  // The oldest due row, taken in one statement: the index on (status, next_attempt_at) hands it
  // over without sorting, however long the queue.
  claim: db
    .update(smsOutbox)
    .set({
      status: 'sending',
      attempts: sql`${smsOutbox.attempts} + 1`,
      nextAttemptAt: param('leaseUntil'),
    })
    .where(
      eq(
        smsOutbox.id,
        sql`(SELECT ${smsOutbox.id} FROM ${smsOutbox}
              WHERE ${smsOutbox.status} = 'queued' AND ${smsOutbox.nextAttemptAt} <= ${p('now')}
              ORDER BY ${smsOutbox.nextAttemptAt}, ${smsOutbox.id} LIMIT 1)`,
      ),
    )
    .returning()
    .prepare(),
  // The outcome of one claimed send: it runs once per message (the hot path).
  record: db
    .update(smsOutbox)
    .set({
      status: param('status'),
      attempts: param('attemptsAfter'),
      messageId: param('messageId'),
      cost: param('cost'),
      sentAt: param('sentAt'),
      nextAttemptAt: param('nextAttemptAt'),
      lastError: param('lastError'),
      failure: param('failure'),
    })
    .where(
      and(
        eq(smsOutbox.id, p('id')),
        eq(smsOutbox.status, 'sending'),
        eq(smsOutbox.attempts, p('attempts')),
      ),
    )
    .prepare(),
}));

/**
 * Marks the oldest due queued row 'sending', counts the attempt and leases it until now + leaseMs
 * (longer than one send can take); returns it, or undefined when nothing is due. One statement:
 * atomic alone, or inside the caller's transaction.
 */
export function claimNext(db: Db, now: number, leaseMs: number): OutboxRow | undefined {
  return statements(db).claim.get({ now, leaseUntil: now + leaseMs });
}

// A row given back is due at once, in its place in the queue: the order messages were queued in.
const backInLine = { status: 'queued', nextAttemptAt: smsOutbox.createdAt } as const;

/**
 * Gives every 'sending' row back to the queue: run at start, when the rows a previous process
 * claimed can only be ones it died holding (one server per database). Their attempts stay
 * counted. Returns how many.
 */
export function releaseClaims(db: Db): number {
  return db.update(smsOutbox).set(backInLine).where(eq(smsOutbox.status, 'sending')).run().changes;
}

/** Gives back 'sending' rows whose lease ran out (their sender hung or died). Returns how many. */
export function releaseExpiredLeases(db: Db, now: number): number {
  return db
    .update(smsOutbox)
    .set(backInLine)
    .where(and(eq(smsOutbox.status, 'sending'), lte(smsOutbox.nextAttemptAt, now)))
    .run().changes;
}

/** Fails queued rows created before `before`: they waited out the retry budget. Returns how many. */
export function expireUnsent(db: Db, before: number, budgetHours: number): number {
  return db
    .update(smsOutbox)
    .set({
      status: 'failed',
      failure: 'expired',
      lastError: sql`'not sent within ${sql.raw(String(budgetHours))} h: ' || coalesce(${smsOutbox.lastError}, 'never tried')`,
    })
    .where(and(eq(smsOutbox.status, 'queued'), lt(smsOutbox.createdAt, before)))
    .run().changes;
}

export type Recorded = 'sent' | 'retried' | 'failed' | 'deferred' | 'lost';

/**
 * What happened to a claimed row: the gateway's outcome, or `unsent` for a row the dispatcher gave
 * back without sending it (it was stopping, or the breaker opened while the row was claimed).
 */
export type ClaimOutcome = SendOutcome | { kind: 'unsent'; reason: string };

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
  if (outcome.kind === 'unsent' || isAccountRefusal(outcome) || isOutage(outcome)) {
    const lastError =
      outcome.kind === 'unsent'
        ? outcome.reason
        : isAccountRefusal(outcome)
          ? `account refused: ${outcome.reason}`
          : `outage: ${outcome.reason}`;
    const attempts = Math.max(row.attempts - 1, 0);
    return {
      recorded: 'deferred',
      values: { ...row, status: 'queued', attempts, nextAttemptAt: row.createdAt, lastError },
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

/**
 * Records one outcome for a row this dispatcher claimed (one UPDATE: atomic alone). The row must
 * still be 'sending' with the claimed attempt count; if its lease ran out and another drain took
 * it, nothing is written ('lost').
 */
export function recordOutcome(
  db: Db,
  row: OutboxRow,
  outcome: ClaimOutcome,
  now: number,
  retry: RetryPolicy,
): Recorded {
  const { recorded, values: v } = afterOutcome(row, outcome, now, retry);
  const { changes } = statements(db).record.run({
    id: row.id,
    attempts: row.attempts,
    status: v.status,
    attemptsAfter: v.attempts,
    messageId: v.messageId,
    cost: v.cost,
    sentAt: v.sentAt,
    nextAttemptAt: v.nextAttemptAt,
    lastError: v.lastError,
    failure: v.failure,
  });
  return changes === 1 ? recorded : 'lost';
}

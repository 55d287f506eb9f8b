/**
 * The outbox rows as the dispatcher sees them: claiming due rows under a lease, and recording the
 * outcome of each send. See src/sms/dispatcher.ts for the delivery guarantee.
 */
import { and, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { type Db, inTransaction } from '../../db/client';
import { preparedPerDb } from '../../db/prepared';
import { smsOutbox } from '../../db/schema';
import { retryDelayMs } from './backoff';
import type { SendOutcome } from './gateway';

export type OutboxRow = typeof smsOutbox.$inferSelect;

/**
 * Marks up to `limit` due rows 'sending' (queued and due, or 'sending' with an expired lease: crash
 * recovery), counts the attempt, leases them until now + leaseMs, and returns them. Rows whose lease
 * expired after `maxAttempts` attempts are failed instead of being sent yet again.
 */
export function claimDue(
  db: Db,
  now: number,
  limit: number,
  leaseMs: number,
  maxAttempts = Number.POSITIVE_INFINITY,
): OutboxRow[] {
  return inTransaction(
    db,
    (tx) => {
      if (Number.isFinite(maxAttempts)) {
        tx.update(smsOutbox)
          .set({
            status: 'failed',
            lastError: 'lease expired after the last attempt; outcome unknown',
          })
          .where(
            and(
              eq(smsOutbox.status, 'sending'),
              lte(smsOutbox.nextAttemptAt, now),
              gte(smsOutbox.attempts, maxAttempts),
            ),
          )
          .run();
      }
      const due = tx
        .select({ id: smsOutbox.id })
        .from(smsOutbox)
        .where(
          and(inArray(smsOutbox.status, ['queued', 'sending']), lte(smsOutbox.nextAttemptAt, now)),
        )
        .orderBy(smsOutbox.nextAttemptAt, smsOutbox.id)
        .limit(limit);
      return tx
        .update(smsOutbox)
        .set({
          status: 'sending',
          attempts: sql`${smsOutbox.attempts} + 1`,
          nextAttemptAt: now + leaseMs,
        })
        .where(inArray(smsOutbox.id, due))
        .returning()
        .all()
        .sort((a, b) => a.id - b.id);
    },
    { behavior: 'immediate' },
  );
}

export type Recorded = 'sent' | 'retried' | 'failed' | 'deferred' | 'lost';

/**
 * What happened to a claimed row: the gateway's outcome, or `unsent` for a row the dispatcher gave
 * back without sending it (the account was refused while its batch was going out).
 */
export type ClaimOutcome = SendOutcome | { kind: 'unsent'; reason: string };

/** True when only the operator can fix what went wrong (credentials, balance, sender id). */
export function isAccountRefusal(
  o: ClaimOutcome,
): o is Extract<SendOutcome, { kind: 'permanent' }> {
  return o.kind === 'permanent' && o.operator;
}

const param = (name: string) => sql`${sql.placeholder(name)}`;

/** The outcome UPDATE, prepared once per database: it runs once per message (the hot path). */
const recordStatement = preparedPerDb((db: Db) => {
  return db
    .update(smsOutbox)
    .set({
      status: param('status'),
      attempts: param('attemptsAfter'),
      messageId: param('messageId'),
      cost: param('cost'),
      sentAt: param('sentAt'),
      nextAttemptAt: param('nextAttemptAt'),
      lastError: param('lastError'),
    })
    .where(
      and(
        eq(smsOutbox.id, sql.placeholder('id')),
        eq(smsOutbox.status, 'sending'),
        eq(smsOutbox.attempts, sql.placeholder('attempts')),
      ),
    )
    .prepare();
});

/**
 * Pure. The row's new values and what happened, for one outcome of a claimed row. A refused account
 * (or a row given back unsent) is nobody's fault but the operator's: the row is queued again, due
 * at once, and the attempt its claim counted is given back.
 */
export function afterOutcome(
  row: OutboxRow,
  outcome: ClaimOutcome,
  now: number,
  retry: { maxAttempts: number; random01: number },
): { recorded: Exclude<Recorded, 'lost'>; values: OutboxRow } {
  if (outcome.kind === 'unsent' || isAccountRefusal(outcome)) {
    const lastError =
      outcome.kind === 'unsent' ? outcome.reason : `account refused: ${outcome.reason}`;
    const attempts = Math.max(row.attempts - 1, 0);
    return {
      recorded: 'deferred',
      values: { ...row, status: 'queued', attempts, nextAttemptAt: now, lastError },
    };
  }
  if (outcome.kind === 'sent') {
    const messageId = outcome.messageId || null;
    const values = { ...row, status: 'sent', messageId, cost: outcome.cost, sentAt: now } as const;
    return { recorded: 'sent', values: { ...values, lastError: null } };
  }
  if (outcome.kind === 'temporary' && row.attempts < retry.maxAttempts) {
    const nextAttemptAt = now + retryDelayMs(row.attempts, retry.random01);
    return {
      recorded: 'retried',
      values: { ...row, status: 'queued', nextAttemptAt, lastError: outcome.reason },
    };
  }
  return { recorded: 'failed', values: { ...row, status: 'failed', lastError: outcome.reason } };
}

/**
 * Records one outcome for a row this dispatcher claimed (one UPDATE: its own transaction). The row
 * must still be 'sending' with the claimed attempt count; if its lease ran out and another drain
 * took it, nothing is written ('lost').
 */
export function recordOutcome(
  db: Db,
  row: OutboxRow,
  outcome: ClaimOutcome,
  now: number,
  retry: { maxAttempts: number; random01: number },
): Recorded {
  const { recorded, values: v } = afterOutcome(row, outcome, now, retry);
  const statement = recordStatement(db);
  const { changes } = statement.run({
    id: row.id,
    attempts: row.attempts,
    status: v.status,
    attemptsAfter: v.attempts,
    messageId: v.messageId,
    cost: v.cost,
    sentAt: v.sentAt,
    nextAttemptAt: v.nextAttemptAt,
    lastError: v.lastError,
  });
  return changes === 1 ? recorded : 'lost';
}

/**
 * The outbox rows as the dispatcher claims them: the next due row, the outcome of its send,
 * claims a dead process left behind, and what waited too long. See src/sms/dispatcher.ts for the
 * delivery guarantee.
 */
import { and, eq, inArray, lt, lte, sql } from 'drizzle-orm';
import { type Db, preparedPerDb } from '../../db/client';
import { smsOutbox, type OutboxRow } from '../../db/schema';
import { CODE_TEMPLATES, carriesCode, withoutCode } from './core/quiet-hours';

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
      heldAt: param('heldAt'),
      heldUntil: param('heldUntil'),
      heldReason: param('heldReason'),
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

/**
 * Fails queued rows that became due before `before`: they waited out the retry budget. A row held
 * back (quiet hours) became due when its hold ended, not when it was queued. Returns how many.
 */
export function expireUnsent(db: Db, before: number, budgetHours: number): number {
  return db
    .update(smsOutbox)
    .set({
      status: 'failed',
      failure: 'expired',
      lastError: sql`'not sent within ${sql.raw(String(budgetHours))} h: ' || coalesce(${smsOutbox.lastError}, 'never tried')`,
    })
    .where(
      and(
        eq(smsOutbox.status, 'queued'),
        lt(sql`coalesce(${smsOutbox.heldUntil}, ${smsOutbox.createdAt})`, before),
      ),
    )
    .run().changes;
}

/** The values a claimed row ends with (see afterOutcome in src/sms/core/outcome.ts). */
export type ClaimedRowValues = Pick<
  OutboxRow,
  | 'status'
  | 'attempts'
  | 'messageId'
  | 'cost'
  | 'sentAt'
  | 'nextAttemptAt'
  | 'lastError'
  | 'failure'
  | 'heldAt'
  | 'heldUntil'
  | 'heldReason'
>;

/**
 * Writes the outcome of a row this process claimed (one UPDATE: atomic alone). The row must still
 * be 'sending' with the claimed attempt count; false when its lease ran out and another drain
 * took it (nothing written).
 */
export function updateClaimed(db: Db, row: OutboxRow, v: ClaimedRowValues): boolean {
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
    heldAt: v.heldAt,
    heldUntil: v.heldUntil,
    heldReason: v.heldReason,
  });
  return changes === 1;
}

/**
 * Takes the code out of a code's SMS (a sign-in code, a new phone's code) once it is spent
 * (sent or failed).
 */
export function forgetSignInCode(db: Db, row: Pick<OutboxRow, 'id' | 'template' | 'body'>): void {
  if (!carriesCode(row.template)) return;
  db.update(smsOutbox)
    .set({ body: withoutCode(row.body) })
    .where(eq(smsOutbox.id, row.id))
    .run();
}

/**
 * Codes' SMS (sign-in, new phone) still queued after their code expired (`before`: now less the
 * code's life): failed as expired and their code taken out, so nothing sends a dead code later
 * and no stored body holds one. Few rows: the queued ones of two templates. Returns how many.
 */
export function expireSignInCodes(db: Db, before: number): number {
  const rows = db
    .select({ id: smsOutbox.id, body: smsOutbox.body })
    .from(smsOutbox)
    .where(
      and(
        eq(smsOutbox.status, 'queued'),
        inArray(smsOutbox.template, [...CODE_TEMPLATES]),
        lt(smsOutbox.createdAt, before),
      ),
    )
    .all();
  for (const r of rows) {
    db.update(smsOutbox)
      .set({
        status: 'failed',
        failure: 'expired',
        body: withoutCode(r.body),
        lastError: 'code expired before it was sent',
      })
      .where(and(eq(smsOutbox.id, r.id), eq(smsOutbox.status, 'queued')))
      .run();
  }
  return rows.length;
}

/**
 * The SMS outbox: every message the system owes is a row here, written in the same transaction
 * as the change that caused it. The dispatcher (src/sms/dispatcher.ts) sends them.
 */
import {
  and,
  asc,
  count,
  eq,
  gt,
  gte,
  inArray,
  isNull,
  like,
  lte,
  max,
  min,
  notInArray,
  or,
  sql,
} from 'drizzle-orm';
import { inTransaction, type Db, preparedPerDb, type Tx } from '../../db/client';
import { smsOutbox, type OutboxRow } from '../../db/schema';

const p = sql.placeholder;

const statements = preparedPerDb((db) => ({
  enqueue: db
    .insert(smsOutbox)
    .values({
      toPhone: p('toPhone'),
      body: p('body'),
      template: p('template'),
      complaintId: p('complaintId'),
      status: 'queued',
      attempts: 0,
      nextAttemptAt: p('now'),
      createdAt: p('now'),
    })
    .prepare(),
}));

export interface OutgoingSms {
  toPhone: string;
  body: string;
  template: string;
  complaintId?: number;
}

/** Queues one SMS in the caller's transaction; returns its outbox id. */
export function enqueueSms(tx: Tx, sms: OutgoingSms, now: number): number {
  return Number(statements(tx).enqueue.run({ complaintId: null, ...sms, now }).lastInsertRowid);
}

export interface OutboxStatus {
  queuedDue: number;
  /** Waiting for a retry after a failed attempt. */
  queuedLater: number;
  /** Citizen updates held until QUIET_HOURS end. */
  queuedHeld: number;
  sending: number;
  sent: number;
  delivered: number;
  deliveryFailed: number;
  failed: { rejected: number; attempts: number; expired: number; other: number };
  /** When the oldest message still queued was queued (null: none). */
  oldestQueuedAt: number | null;
  lastSentAt: number | null;
}

const FINAL_FAILURES = ['Failed', 'Rejected', 'AbsentSubscriber', 'Expired'];

/** Counts of the outbox by state, for `kero sms status` and /metrics. One grouped scan. */
export function outboxStatus(db: Db, now: number): OutboxStatus {
  const rows = db
    .select({
      status: smsOutbox.status,
      failure: smsOutbox.failure,
      due: sql<number>`${smsOutbox.nextAttemptAt} <= ${now}`,
      held: sql<number>`coalesce(${smsOutbox.heldUntil} > ${now}, 0)`,
      delivery: sql<string | null>`case when ${smsOutbox.deliveryStatus} = 'Success' then 'ok'
        when ${smsOutbox.deliveryStatus} in (${sql.join(
          FINAL_FAILURES.map((f) => sql`${f}`),
          sql`, `,
        )}) then 'failed' end`,
      n: count(),
      oldest: min(smsOutbox.createdAt),
      lastSent: max(smsOutbox.sentAt),
    })
    .from(smsOutbox)
    .groupBy(sql`1`, sql`2`, sql`3`, sql`4`, sql`5`)
    .all();
  const s: OutboxStatus = {
    queuedDue: 0,
    queuedLater: 0,
    queuedHeld: 0,
    sending: 0,
    sent: 0,
    delivered: 0,
    deliveryFailed: 0,
    failed: { rejected: 0, attempts: 0, expired: 0, other: 0 },
    oldestQueuedAt: null,
    lastSentAt: null,
  };
  for (const r of rows) {
    if (r.status === 'queued') {
      if (r.due) s.queuedDue += r.n;
      else if (r.held) s.queuedHeld += r.n;
      else s.queuedLater += r.n;
      if (r.oldest !== null) s.oldestQueuedAt = Math.min(s.oldestQueuedAt ?? r.oldest, r.oldest);
    } else if (r.status === 'sending') s.sending += r.n;
    else if (r.status === 'failed') s.failed[r.failure ?? 'other'] += r.n;
    else {
      s.sent += r.n;
      if (r.delivery === 'ok') s.delivered += r.n;
      if (r.delivery === 'failed') s.deliveryFailed += r.n;
      if (r.lastSent !== null) s.lastSentAt = Math.max(s.lastSentAt ?? 0, r.lastSent);
    }
  }
  return s;
}

/**
 * Queues messages again, due now: those waiting for a retry, and with `failed` also those that
 * failed for a reason a retry can mend (AT kept failing them, or they waited out the retry
 * budget); a message AT rejected for good (invalid number, blacklist) stays failed. `since`
 * limits it to messages queued at or after that instant. Returns how many of each.
 */
export function requeueOutbox(
  db: Db,
  o: { now: number; failed: boolean; since?: number },
): { waiting: number; failed: number } {
  const since = o.since === undefined ? undefined : gte(smsOutbox.createdAt, o.since);
  return inTransaction(db, (tx) => {
    const waiting = tx
      .update(smsOutbox)
      .set({ nextAttemptAt: o.now })
      .where(
        and(
          eq(smsOutbox.status, 'queued'),
          gt(smsOutbox.nextAttemptAt, o.now),
          // Held for quiet hours is not waiting for a retry: it waits for the morning.
          or(isNull(smsOutbox.heldUntil), lte(smsOutbox.heldUntil, o.now)),
          since,
        ),
      )
      .run().changes;
    const failed = o.failed
      ? tx
          .update(smsOutbox)
          .set({ status: 'queued', attempts: 0, failure: null, nextAttemptAt: o.now })
          .where(
            and(
              eq(smsOutbox.status, 'failed'),
              inArray(smsOutbox.failure, ['attempts', 'expired']),
              since,
            ),
          )
          .run().changes
      : 0;
    return { waiting, failed };
  });
}

/**
 * How many messages wait (queued, sending) or failed, and when the oldest queued one was queued:
 * counted through the (status, next_attempt_at) index, so the cost follows the queue, not the
 * whole history of sent messages (for /metrics, scraped every few seconds).
 */
export function outboxDepth(db: Db): {
  queued: number;
  sending: number;
  failed: number;
  oldestQueuedAt: number | null;
} {
  const rows = db
    .select({ status: smsOutbox.status, n: count(), oldest: min(smsOutbox.createdAt) })
    .from(smsOutbox)
    .where(inArray(smsOutbox.status, ['queued', 'sending', 'failed']))
    .groupBy(smsOutbox.status)
    .all();
  const of = (status: string) => rows.find((r) => r.status === status);
  return {
    queued: of('queued')?.n ?? 0,
    sending: of('sending')?.n ?? 0,
    failed: of('failed')?.n ?? 0,
    oldestQueuedAt: of('queued')?.oldest ?? null,
  };
}

/** The row a delivery report is about (by AT's message id), or undefined. */
export function findByMessageId(
  tx: Tx,
  messageId: string,
): Pick<OutboxRow, 'id' | 'toPhone' | 'deliveryStatus'> | undefined {
  return tx
    .select({
      id: smsOutbox.id,
      toPhone: smsOutbox.toPhone,
      deliveryStatus: smsOutbox.deliveryStatus,
    })
    .from(smsOutbox)
    .where(eq(smsOutbox.messageId, messageId))
    .get();
}

/** Records the latest delivery state of a message. */
export function setDelivery(
  tx: Tx,
  id: number,
  d: Partial<Pick<OutboxRow, 'deliveryStatus' | 'deliveryFailureReason' | 'deliveredAt'>>,
): void {
  tx.update(smsOutbox).set(d).where(eq(smsOutbox.id, id)).run();
}

/** The newest outbox row's id (0: none). */
export function lastOutboxId(db: Db): number {
  return (
    db
      .select({ id: max(smsOutbox.id) })
      .from(smsOutbox)
      .get()?.id ?? 0
  );
}

/**
 * Marks sent, at their creation time, the queued messages after `afterId` to phones matching any
 * of `phonePatterns` (SQL LIKE): the demo's own SMS, which must never reach the dispatcher.
 */
export function markQueuedSent(db: Db, afterId: number, phonePatterns: readonly string[]): void {
  db.update(smsOutbox)
    .set({ status: 'sent', sentAt: smsOutbox.createdAt })
    .where(
      and(
        gt(smsOutbox.id, afterId),
        eq(smsOutbox.status, 'queued'),
        or(...phonePatterns.map((p) => like(smsOutbox.toPhone, p))),
      ),
    )
    .run();
}

/** SMS to `phone` created at or after `since`, oldest first, leaving out ids in `seen`. */
export function smsToSince(
  db: Db,
  phone: string,
  since: number,
  seen: ReadonlySet<number>,
): Pick<OutboxRow, 'id' | 'body' | 'status' | 'template' | 'createdAt'>[] {
  return db
    .select({
      id: smsOutbox.id,
      body: smsOutbox.body,
      status: smsOutbox.status,
      template: smsOutbox.template,
      createdAt: smsOutbox.createdAt,
    })
    .from(smsOutbox)
    .where(
      and(
        eq(smsOutbox.toPhone, phone),
        gte(smsOutbox.createdAt, since),
        seen.size > 0 ? notInArray(smsOutbox.id, [...seen]) : undefined,
      ),
    )
    .orderBy(asc(smsOutbox.id))
    .all();
}

/** Every SMS about a complaint, oldest first (to the citizen and to staff). */
export function smsOfComplaint(tx: Tx, complaintId: number): OutboxRow[] {
  return tx
    .select()
    .from(smsOutbox)
    .where(eq(smsOutbox.complaintId, complaintId))
    .orderBy(asc(smsOutbox.id))
    .all();
}

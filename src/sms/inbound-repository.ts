/**
 * Rows of sms_inbound: one per Africa's Talking message id. Plain rows in, plain rows out.
 */
import { and, asc, count, eq, gt, ne } from 'drizzle-orm';
import { smsInbound, type InboundRow, type NewInbound } from '../../db/schema';
import { type Tx } from '../../db/client';

export function findInboundByAtId(tx: Tx, atId: string): InboundRow | undefined {
  return tx.select().from(smsInbound).where(eq(smsInbound.atId, atId)).get();
}

export function insertInbound(tx: Tx, row: NewInbound): InboundRow {
  return tx.insert(smsInbound).values(row).returning().get();
}

/** Records how a message was handled; `handledAt` stays null while it is pending or deferred. */
export function markInbound(
  tx: Tx,
  id: number,
  handledAs: string,
  complaintId: number | null = null,
  handledAt: number | null = null,
): void {
  tx.update(smsInbound)
    .set({ handledAs, complaintId, handledAt })
    .where(eq(smsInbound.id, id))
    .run();
}

/** Staff commands from `phone` carried out after `since`. */
export function countCommandsHandledSince(tx: Tx, phone: string, since: number): number {
  const row = tx
    .select({ n: count() })
    .from(smsInbound)
    .where(
      and(
        eq(smsInbound.fromPhone, phone),
        eq(smsInbound.handledAs, 'staff_command'),
        gt(smsInbound.handledAt, since),
      ),
    )
    .get();
  return row?.n ?? 0;
}

/** Whether `phone` has deferred messages other than `exceptId` still waiting. */
export function hasDeferred(tx: Tx, phone: string, exceptId: number): boolean {
  const row = tx
    .select({ id: smsInbound.id })
    .from(smsInbound)
    .where(
      and(
        eq(smsInbound.fromPhone, phone),
        eq(smsInbound.handledAs, 'deferred'),
        ne(smsInbound.id, exceptId),
      ),
    )
    .limit(1)
    .get();
  return row !== undefined;
}

/** Deferred messages, oldest first. */
export function listDeferred(tx: Tx, limit: number): InboundRow[] {
  return tx
    .select()
    .from(smsInbound)
    .where(eq(smsInbound.handledAs, 'deferred'))
    .orderBy(asc(smsInbound.id))
    .limit(limit)
    .all();
}

/** Messages received from `phone` after `since` (the current one included once recorded). */
export function countInboundSince(tx: Tx, phone: string, since: number): number {
  const row = tx
    .select({ n: count() })
    .from(smsInbound)
    .where(and(eq(smsInbound.fromPhone, phone), gt(smsInbound.receivedAt, since)))
    .get();
  return row?.n ?? 0;
}

/** Whether another message from `phone` after `since` was already turned away by the limit. */
export function wasRateLimitedSince(tx: Tx, phone: string, since: number, exceptId: number) {
  const row = tx
    .select({ id: smsInbound.id })
    .from(smsInbound)
    .where(
      and(
        eq(smsInbound.fromPhone, phone),
        gt(smsInbound.receivedAt, since),
        eq(smsInbound.handledAs, 'rate_limited'),
        ne(smsInbound.id, exceptId),
      ),
    )
    .limit(1)
    .get();
  return row !== undefined;
}

/**
 * Africa's Talking delivery reports. Reports repeat and arrive out of order, so a row's delivery
 * status only moves forward: Sent < Submitted < Buffered < any final (Success, Failed, Rejected,
 * AbsentSubscriber, Expired); a final never replaces a final. Only `Success` means the phone got it.
 */
import { type Db, inTransaction } from '../../db/client';
import { findByMessageId, setDelivery } from '../outbox/repository';
import { normalizePhone } from '../text/phone';

const RANKS: ReadonlyMap<string, number> = new Map([
  ['Sent', 1],
  ['Submitted', 2],
  ['Buffered', 3],
  ['Success', 4],
  ['Failed', 4],
  ['Rejected', 4],
  ['AbsentSubscriber', 4],
  ['Expired', 4],
]);

/** Pure. How far along a delivery status is: 0 for none or unknown, 4 for the finals. */
export function deliveryRank(status: string | null | undefined): number {
  return (status ? RANKS.get(status) : undefined) ?? 0;
}

export interface DeliveryReport {
  /** AT's messageId from the send response. */
  id: string;
  status: string;
  phoneNumber?: string;
  networkCode?: string;
  failureReason?: string;
  retryCount?: number;
}

export type DeliveryResult =
  | 'updated'
  /** No outbox row has this message id: not ours (or not yet recorded). */
  | 'unknown_id'
  /** A repeat, or older than what is recorded. */
  | 'stale'
  | 'unknown_status'
  /** The report names another phone than the one the message went to. */
  | 'phone_mismatch';

/**
 * Applies one delivery report to the outbox row with that message id, in one IMMEDIATE
 * transaction. Never throws for a report that does not apply: the result says why.
 */
export function recordDeliveryReport(db: Db, report: DeliveryReport, now: number): DeliveryResult {
  const rank = deliveryRank(report.status);
  if (rank === 0) return 'unknown_status';
  return inTransaction(
    db,
    (tx) => {
      const row = findByMessageId(tx, report.id);
      if (!row) return 'unknown_id';
      const phone = report.phoneNumber ? normalizePhone(report.phoneNumber) : undefined;
      if (phone !== undefined && phone !== row.toPhone) return 'phone_mismatch';
      if (rank <= deliveryRank(row.deliveryStatus)) return 'stale';
      setDelivery(tx, row.id, {
        deliveryStatus: report.status,
        deliveryFailureReason: report.failureReason ?? null,
        ...(report.status === 'Success' ? { deliveredAt: now } : {}),
      });
      return 'updated';
    },
    { behavior: 'immediate' },
  );
}

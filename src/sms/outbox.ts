/**
 * The SMS outbox: every message the system owes is a row here, written in the same transaction
 * as the change that caused it. The dispatcher (a later issue) sends them.
 */
import type { Tx } from '../complaints/repository';
import { smsOutbox } from '../../db/schema';

export interface OutgoingSms {
  toPhone: string;
  body: string;
  template: string;
  complaintId?: number;
}

export function enqueueSms(tx: Tx, sms: OutgoingSms, now: number): void {
  tx.insert(smsOutbox)
    .values({ ...sms, status: 'queued', attempts: 0, nextAttemptAt: now, createdAt: now })
    .run();
}

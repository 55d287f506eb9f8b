/**
 * The SMS outbox: every message the system owes is a row here, written in the same transaction
 * as the change that caused it. The dispatcher (a later issue) sends them.
 */
import { sql } from 'drizzle-orm';
import { preparedPerDb } from '../../db/prepared';
import type { Tx } from '../complaints/repository';
import { smsOutbox } from '../../db/schema';

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

export function enqueueSms(tx: Tx, sms: OutgoingSms, now: number): void {
  statements(tx).enqueue.run({ complaintId: null, ...sms, now });
}

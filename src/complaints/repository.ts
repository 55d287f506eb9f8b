/**
 * Complaint rows. Functions take the database or a transaction first and return plain rows.
 */
import { and, count, desc, eq, gte } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { citizens, complaintEvents, complaints } from '../../db/schema';
import type { ComplaintStatus } from '../../db/schema';

/** A database handle or a transaction: both run queries synchronously. */
export type Tx = Pick<Db, 'select' | 'insert' | 'update' | 'delete'>;

export type ComplaintRow = typeof complaints.$inferSelect;
export type NewComplaint = typeof complaints.$inferInsert;

export function findComplaintByNumber(tx: Tx, number: string): ComplaintRow | undefined {
  return tx.select().from(complaints).where(eq(complaints.number, number)).get();
}

export function complaintNumberExists(tx: Tx, number: string): boolean {
  return (
    tx.select({ id: complaints.id }).from(complaints).where(eq(complaints.number, number)).get() !==
    undefined
  );
}

export function listRecentComplaints(tx: Tx, phone: string, limit: number): ComplaintRow[] {
  return tx
    .select()
    .from(complaints)
    .where(eq(complaints.citizenPhone, phone))
    .orderBy(desc(complaints.createdAt), desc(complaints.id))
    .limit(limit)
    .all();
}

export function countComplaintsSince(tx: Tx, phone: string, since: number): number {
  const row = tx
    .select({ n: count() })
    .from(complaints)
    .where(and(eq(complaints.citizenPhone, phone), gte(complaints.createdAt, since)))
    .get();
  return row?.n ?? 0;
}

export function insertComplaint(tx: Tx, row: NewComplaint): ComplaintRow {
  return tx.insert(complaints).values(row).returning().get();
}

export interface NewEvent {
  complaintId: number;
  type: string;
  actor: string;
  fromStatus?: ComplaintStatus | null;
  toStatus?: ComplaintStatus | null;
  note?: string | null;
  staffId?: number | null;
  assigneeId?: number | null;
  createdAt: number;
}

export function insertEvent(tx: Tx, event: NewEvent): void {
  tx.insert(complaintEvents).values(event).run();
}

export function findCitizenLanguage(tx: Tx, phone: string): 'sw' | 'en' | undefined {
  return tx
    .select({ language: citizens.language })
    .from(citizens)
    .where(eq(citizens.phone, phone))
    .get()?.language;
}

export function upsertCitizen(tx: Tx, phone: string, language: 'sw' | 'en', now: number): void {
  tx.insert(citizens)
    .values({ phone, language, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({ target: citizens.phone, set: { language, updatedAt: now } })
    .run();
}

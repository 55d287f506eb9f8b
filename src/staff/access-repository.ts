/**
 * What lets a staff member into the console: their sign-in phone, a new phone waiting for its
 * code (issue 23), and their console sessions and sign-ins, ended together when the phone
 * changes or they leave. Plain rows in, plain rows out.
 */
import { and, count, desc, eq, gt, isNull } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import {
  consoleSessions,
  consoleSignIns,
  staff,
  staffPhoneChanges,
  type StaffPhoneChangeRow,
} from '../../db/schema';

export function setStaffPhone(tx: Tx, id: number, phone: string, now: number): void {
  tx.update(staff).set({ phone, updatedAt: now }).where(eq(staff.id, id)).run();
}

/**
 * Ends every open console session of a staff member and every sign-in still waiting for its
 * code for them. Returns how many sessions were ended.
 */
export function endAccessOf(tx: Tx, staffId: number, now: number): number {
  tx.update(consoleSignIns)
    .set({ endedAt: now })
    .where(and(eq(consoleSignIns.staffId, staffId), isNull(consoleSignIns.endedAt)))
    .run();
  return tx
    .update(consoleSessions)
    .set({ endedAt: now })
    .where(and(eq(consoleSessions.staffId, staffId), isNull(consoleSessions.endedAt)))
    .run().changes;
}

export type NewPhoneChange = Omit<StaffPhoneChangeRow, 'id' | 'tries' | 'endedAt' | 'outcome'>;

export function insertPhoneChange(tx: Tx, row: NewPhoneChange): StaffPhoneChangeRow {
  return tx.insert(staffPhoneChanges).values(row).returning().get();
}

/** The phone change of a staff member not yet ended (at most one: a new one ends the older). */
export function openPhoneChangeOf(tx: Tx, staffId: number): StaffPhoneChangeRow | undefined {
  return tx
    .select()
    .from(staffPhoneChanges)
    .where(and(eq(staffPhoneChanges.staffId, staffId), isNull(staffPhoneChanges.endedAt)))
    .orderBy(desc(staffPhoneChanges.id))
    .get();
}

export function countWrongTry(tx: Tx, id: number, tries: number): void {
  tx.update(staffPhoneChanges).set({ tries }).where(eq(staffPhoneChanges.id, id)).run();
}

/** Ends the open phone changes of a staff member (one, normally) with `outcome`. */
export function endPhoneChangesOf(
  tx: Tx,
  staffId: number,
  now: number,
  outcome: NonNullable<StaffPhoneChangeRow['outcome']>,
): number {
  return tx
    .update(staffPhoneChanges)
    .set({ endedAt: now, outcome })
    .where(and(eq(staffPhoneChanges.staffId, staffId), isNull(staffPhoneChanges.endedAt)))
    .run().changes;
}

/** How many phone-change codes `requesterId` asked for after `since`. */
export function countPhoneChangesBy(tx: Tx, requesterId: number, since: number): number {
  const row = tx
    .select({ n: count() })
    .from(staffPhoneChanges)
    .where(
      and(eq(staffPhoneChanges.requestedBy, requesterId), gt(staffPhoneChanges.createdAt, since)),
    )
    .get();
  return row?.n ?? 0;
}

/**
 * The console's sign-ins and sessions. Ids are SHA-256 digests of the tokens browsers hold: the
 * database never holds a token that would let someone in.
 */
import { and, count, desc, eq, gt, gte, isNull, ne } from 'drizzle-orm';
import type { Tx } from '../../../db/client';
import {
  consoleSessions,
  consoleSignIns,
  staff,
  type ConsoleSessionRow,
  type SignInRow,
} from '../../../db/schema';

export function insertSignIn(tx: Tx, row: SignInRow): void {
  tx.insert(consoleSignIns).values(row).run();
}

export function findSignIn(tx: Tx, id: string): SignInRow | undefined {
  return tx.select().from(consoleSignIns).where(eq(consoleSignIns.id, id)).get();
}

/**
 * How many codes were asked for `phone` after `since`: from the address `ip` (null: requests
 * that came without one), or from anywhere when `ip` is undefined.
 */
export function countSignIns(tx: Tx, phone: string, since: number, ip?: string | null): number {
  const address =
    ip === undefined
      ? undefined
      : ip === null
        ? isNull(consoleSignIns.ip)
        : eq(consoleSignIns.ip, ip);
  const row = tx
    .select({ n: count() })
    .from(consoleSignIns)
    .where(and(eq(consoleSignIns.phone, phone), gt(consoleSignIns.createdAt, since), address))
    .get();
  return row?.n ?? 0;
}

/** Whether the staff member whose phone is `phone` started a session from `ip` since `since`. */
export function signedInFrom(tx: Tx, phone: string, ip: string, since: number): boolean {
  const row = tx
    .select({ id: consoleSessions.id })
    .from(consoleSessions)
    .innerJoin(staff, eq(staff.id, consoleSessions.staffId))
    .where(
      and(
        eq(staff.phone, phone),
        eq(consoleSessions.ip, ip),
        gte(consoleSessions.createdAt, since),
      ),
    )
    .limit(1)
    .get();
  return row !== undefined;
}

/** Ends every open sign-in of a phone (a new code replaces the old ones). */
export function endSignInsOf(tx: Tx, phone: string, now: number): void {
  tx.update(consoleSignIns)
    .set({ endedAt: now })
    .where(and(eq(consoleSignIns.phone, phone), isNull(consoleSignIns.endedAt)))
    .run();
}

export function updateSignIn(
  tx: Tx,
  id: string,
  set: Partial<Pick<SignInRow, 'tries' | 'endedAt'>>,
) {
  tx.update(consoleSignIns).set(set).where(eq(consoleSignIns.id, id)).run();
}

export function insertSession(tx: Tx, row: ConsoleSessionRow): void {
  tx.insert(consoleSessions).values(row).run();
}

export function findSession(tx: Tx, id: string): ConsoleSessionRow | undefined {
  return tx.select().from(consoleSessions).where(eq(consoleSessions.id, id)).get();
}

export function touchSession(tx: Tx, id: string, now: number): void {
  tx.update(consoleSessions).set({ lastSeenAt: now }).where(eq(consoleSessions.id, id)).run();
}

export function endSession(tx: Tx, id: string, now: number): void {
  tx.update(consoleSessions)
    .set({ endedAt: now })
    .where(and(eq(consoleSessions.id, id), isNull(consoleSessions.endedAt)))
    .run();
}

/** Ends every open session of a staff member but `keep` (sign out everywhere else). */
export function endSessionsOf(tx: Tx, staffId: number, now: number, keep?: string): number {
  return tx
    .update(consoleSessions)
    .set({ endedAt: now })
    .where(
      and(
        eq(consoleSessions.staffId, staffId),
        isNull(consoleSessions.endedAt),
        keep === undefined ? undefined : ne(consoleSessions.id, keep),
      ),
    )
    .run().changes;
}

/** A staff member's sessions not yet ended, newest first. */
export function openSessionsOf(tx: Tx, staffId: number): ConsoleSessionRow[] {
  return tx
    .select()
    .from(consoleSessions)
    .where(and(eq(consoleSessions.staffId, staffId), isNull(consoleSessions.endedAt)))
    .orderBy(desc(consoleSessions.lastSeenAt))
    .all();
}

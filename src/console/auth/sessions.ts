/**
 * Console sessions: a 128-bit random token in the cookie, its digest in SQLite; a new token at
 * every sign-in; an idle timeout and an absolute one; ended on the server by signing out, and
 * refused as soon as the staff member is deactivated.
 */
import { inTransaction, type Db } from '../../../db/client';
import type { ConsoleSessionRow, StaffRow } from '../../../db/schema';
import { findStaffById } from '../../staff/repository';
import {
  endSession,
  endSessionsOf,
  findSession,
  insertSession,
  openSessionsOf,
  touchSession,
} from './repository';
import { digestOf, randomToken } from './tokens';

export interface SessionPolicy {
  idleMs: number;
  absoluteMs: number;
}

export interface SessionDeps {
  db: Db;
  now: () => number;
  policy: SessionPolicy;
}

/** Last-seen times move at most this often: a page view need not always write. */
const TOUCH_EVERY_MS = 60_000;

/** Starts a session for a staff member who just signed in; returns the cookie's token. */
export function startSession(
  deps: SessionDeps,
  staffId: number,
  client: { ip?: string | undefined; userAgent?: string | undefined },
): string {
  const token = randomToken();
  const now = deps.now();
  insertSession(deps.db, {
    id: digestOf(token),
    staffId,
    csrf: randomToken(),
    ip: client.ip ?? null,
    userAgent: client.userAgent?.slice(0, 200) ?? null,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: now + deps.policy.absoluteMs,
    endedAt: null,
  });
  return token;
}

export interface Signed {
  session: ConsoleSessionRow;
  staff: StaffRow;
}

/** The live session a cookie's token names, with its staff member; ends it when it ran out. */
export function resumeSession(deps: SessionDeps, token: string): Signed | undefined {
  const id = digestOf(token);
  const now = deps.now();
  return inTransaction(deps.db, () => {
    const session = findSession(deps.db, id);
    if (!session || session.endedAt !== null) return undefined;
    const staff = findStaffById(deps.db, session.staffId);
    const idle = now - session.lastSeenAt >= deps.policy.idleMs;
    if (!staff?.active || idle || now >= session.expiresAt) {
      endSession(deps.db, id, now);
      return undefined;
    }
    if (now - session.lastSeenAt >= TOUCH_EVERY_MS) touchSession(deps.db, id, now);
    return { session, staff };
  });
}

/** Ends the session a token names (signing out). */
export function endSessionByToken(deps: SessionDeps, token: string): void {
  endSession(deps.db, digestOf(token), deps.now());
}

/** Ends one of a staff member's sessions by its id (from the account page). */
export function endOwnSession(deps: SessionDeps, staffId: number, id: string): boolean {
  const s = findSession(deps.db, id);
  if (!s || s.staffId !== staffId) return false;
  endSession(deps.db, id, deps.now());
  return true;
}

/** Ends every session of a staff member, or every one but the current (by its id). */
export function endSessionsOfStaff(deps: SessionDeps, staffId: number, keep?: string): number {
  return endSessionsOf(deps.db, staffId, deps.now(), keep);
}

/** A staff member's open sessions, for the account page. */
export const sessionsOf = (deps: SessionDeps, staffId: number) => openSessionsOf(deps.db, staffId);

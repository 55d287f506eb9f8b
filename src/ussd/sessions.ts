/**
 * USSD sessions in SQLite, keyed by AT's sessionId: the engine state, the previous `text` (to
 * derive the newest reply) and the previous answer (to repeat it for a retried request).
 */
import { and, desc, eq, gte, ne } from 'drizzle-orm';
import { z } from 'zod';
import { ussdSessions } from '../../db/schema';
import type { Tx } from '../complaints/repository';
import type { ResumableDraft, SessionState } from './types';

export type SessionRow = typeof ussdSessions.$inferSelect;

const stateSchema = z.object({
  lang: z.enum(['sw', 'en']),
  screen: z.string(),
  page: z.number().int().min(0),
  stack: z.array(z.object({ screen: z.string(), page: z.number().int().min(0) })),
  data: z.record(z.string(), z.string()),
  returnTo: z.string().optional(),
});

/** Parses a stored state; undefined when it is not one (written by an older version, say). */
export function parseState(json: string): SessionState | undefined {
  try {
    const parsed = stateSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function loadSession(tx: Tx, sessionId: string): SessionRow | undefined {
  return tx.select().from(ussdSessions).where(eq(ussdSessions.sessionId, sessionId)).get();
}

export function saveSession(tx: Tx, row: SessionRow): void {
  const { sessionId: _id, createdAt: _created, ...changes } = row;
  tx.insert(ussdSessions)
    .values(row)
    .onConflictDoUpdate({ target: ussdSessions.sessionId, set: changes })
    .run();
}

/** The newest open draft of a phone updated since `since`, other than the current session. */
export function findResumableDraft(
  tx: Tx,
  phone: string,
  since: number,
  currentSessionId: string,
): ResumableDraft | undefined {
  const row = tx
    .select({ sessionId: ussdSessions.sessionId, state: ussdSessions.state })
    .from(ussdSessions)
    .where(
      and(
        eq(ussdSessions.phone, phone),
        eq(ussdSessions.draftOpen, true),
        gte(ussdSessions.updatedAt, since),
        ne(ussdSessions.sessionId, currentSessionId),
      ),
    )
    .orderBy(desc(ussdSessions.updatedAt))
    .get();
  const state = row ? parseState(row.state) : undefined;
  return row && state ? { sessionId: row.sessionId, state } : undefined;
}

export function closeDraft(tx: Tx, sessionId: string): void {
  tx.update(ussdSessions)
    .set({ draftOpen: false })
    .where(eq(ussdSessions.sessionId, sessionId))
    .run();
}

/** Pure. The newest reply, given the previous cumulative `text` of the session. */
export function newestReply(previousText: string, text: string): string {
  if (previousText === '') return text;
  if (text.startsWith(`${previousText}*`)) return text.slice(previousText.length + 1);
  // Not a continuation of what we saw (a network that rewrites history): take the last reply.
  return text.slice(text.lastIndexOf('*') + 1);
}

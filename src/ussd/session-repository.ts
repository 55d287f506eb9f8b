/**
 * USSD sessions in SQLite, keyed by AT's sessionId: the engine state, the previous `text` (to
 * derive the newest reply) and the previous answer (to repeat it for a retried request).
 */
import { and, desc, eq, gte, ne, sql } from 'drizzle-orm';
import { type Db, preparedPerDb, type Tx } from '../../db/client';
import { z } from 'zod';
import { ussdSessions, type SessionRow } from '../../db/schema';
import type { ResumableDraft, SessionState } from './core/types';

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

const id = sql.placeholder('sessionId');
const column = <K extends keyof SessionRow>(k: K) => sql.placeholder(k);

const statements = preparedPerDb((db) => ({
  load: db.select().from(ussdSessions).where(eq(ussdSessions.sessionId, id)).prepare(),
  draft: db
    .select({ sessionId: ussdSessions.sessionId, state: ussdSessions.state })
    .from(ussdSessions)
    .where(
      and(
        eq(ussdSessions.phone, sql.placeholder('phone')),
        eq(ussdSessions.draftOpen, true),
        gte(ussdSessions.updatedAt, sql.placeholder('since')),
        ne(ussdSessions.sessionId, id),
      ),
    )
    .orderBy(desc(ussdSessions.updatedAt))
    .prepare(),
  insert: db
    .insert(ussdSessions)
    .values({
      sessionId: id,
      phone: column('phone'),
      serviceCode: column('serviceCode'),
      networkCode: column('networkCode'),
      lastText: column('lastText'),
      lastResponse: column('lastResponse'),
      state: column('state'),
      ended: column('ended'),
      draftOpen: column('draftOpen'),
      hops: column('hops'),
      createdAt: column('createdAt'),
      updatedAt: column('updatedAt'),
    })
    .prepare(),
  // What a hop changes; the phone, service code and start time of a session stay as they were.
  update: db
    .update(ussdSessions)
    .set(hopColumns(true))
    .where(eq(ussdSessions.sessionId, id))
    .prepare(),
  // The same without draft_open, for the usual hop that leaves it as it was: SQLite rewrites the
  // partial draft index whenever an UPDATE sets a column of its WHERE clause, even to its value.
  updateSameDraft: db
    .update(ussdSessions)
    .set(hopColumns(false))
    .where(eq(ussdSessions.sessionId, id))
    .prepare(),
}));

function hopColumns(withDraftOpen: boolean) {
  return {
    networkCode: sql`${column('networkCode')}`,
    lastText: sql`${column('lastText')}`,
    lastResponse: sql`${column('lastResponse')}`,
    state: sql`${column('state')}`,
    ended: sql`${column('ended')}`,
    ...(withDraftOpen ? { draftOpen: sql`${column('draftOpen')}` } : {}),
    hops: sql`${column('hops')}`,
    updatedAt: sql`${column('updatedAt')}`,
  };
}

/** The session row; runs on the request path, so through a statement prepared once. */
export function loadSession(db: Db, sessionId: string): SessionRow | undefined {
  return statements(db).load.get({ sessionId });
}

/**
 * Writes the session row after a hop: an insert for the first hop (no `previous` row), else an
 * update of what a hop changes (cheaper than an upsert, which tries the insert first). Booleans
 * stored as 0/1.
 */
export function saveSession(db: Db, row: SessionRow, previous: SessionRow | undefined): void {
  const values = { ...row, ended: row.ended ? 1 : 0, draftOpen: row.draftOpen ? 1 : 0 };
  const s = statements(db);
  if (!previous) s.insert.run(values);
  else if (previous.draftOpen === row.draftOpen) s.updateSameDraft.run(values);
  else s.update.run(values);
}

/** The newest open draft of a phone updated since `since`, other than the current session. */
export function findResumableDraft(
  tx: Tx,
  phone: string,
  since: number,
  currentSessionId: string,
): ResumableDraft | undefined {
  const row = statements(tx).draft.get({ phone, since, sessionId: currentSessionId });
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

/**
 * Deletes up to `limit` sessions started before `before`, oldest first; returns how many. Only the
 * `limit` oldest rows by rowid (the order sessions started in) are looked at, so a pass over a
 * large table with nothing to delete stays cheap, and the session table needs no index on its
 * start time (one more index would be rewritten on every hop).
 */
export function purgeSessionsBefore(db: Db, before: number, limit: number): number {
  return db.run(
    sql`DELETE FROM ${ussdSessions} WHERE rowid IN
          (SELECT rowid FROM ${ussdSessions} ORDER BY rowid LIMIT ${limit})
        AND ${ussdSessions.createdAt} < ${before}`,
  ).changes;
}

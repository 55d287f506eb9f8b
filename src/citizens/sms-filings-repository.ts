/**
 * SMS complaints waiting in triage (db/schema.ts sms_filings): a few a day, read by status or by
 * the phone that sent them.
 */
import { and, asc, count, eq, gte, ne, or, sql } from 'drizzle-orm';
import { preparedPerDb, type Tx } from '../../db/client';
import { smsFilings, type SmsFilingRow } from '../../db/schema';

const p = sql.placeholder;

/** The reads a USSD hop may make (the day's filings, a number tracked): prepared once. */
const statements = preparedPerDb((db) => ({
  unroutedSince: db
    .select({ n: count() })
    .from(smsFilings)
    .where(
      and(
        eq(smsFilings.phone, p('phone')),
        ne(smsFilings.status, 'routed'),
        gte(smsFilings.receivedAt, p('since')),
      ),
    )
    .prepare(),
  byNumber: db
    .select()
    .from(smsFilings)
    .where(eq(smsFilings.number, p('number')))
    .prepare(),
}));

export type NewSmsFiling = Pick<
  SmsFilingRow,
  | 'number'
  | 'phone'
  | 'text'
  | 'language'
  | 'guessRegions'
  | 'guessCouncil'
  | 'guessCategory'
  | 'guessWard'
  | 'guessVillage'
  | 'receivedAt'
>;

export function insertSmsFiling(tx: Tx, f: NewSmsFiling): SmsFilingRow {
  return tx
    .insert(smsFilings)
    .values({ ...f, status: 'waiting', lastTextAt: f.receivedAt })
    .returning()
    .get();
}

/** The phone's complaint still waiting in triage (at most one: later texts join it). */
export function waitingFilingOf(tx: Tx, phone: string): SmsFilingRow | undefined {
  return tx
    .select()
    .from(smsFilings)
    .where(and(eq(smsFilings.phone, phone), eq(smsFilings.status, 'waiting')))
    .orderBy(asc(smsFilings.id))
    .limit(1)
    .get();
}

/** SMS complaints from the phone since `since` that did not become complaints (those count there). */
export function countUnroutedFilingsSince(tx: Tx, phone: string, since: number): number {
  return statements(tx).unroutedSince.get({ phone, since })?.n ?? 0;
}

export function findSmsFilingByNumber(tx: Tx, number: string): SmsFilingRow | undefined {
  return statements(tx).byNumber.get({ number });
}

export function findSmsFiling(tx: Tx, id: number): SmsFilingRow | undefined {
  return tx.select().from(smsFilings).where(eq(smsFilings.id, id)).get();
}

/** What a later text and Kero's new reading of the whole change on a waiting filing. */
export function updateWaitingFiling(
  tx: Tx,
  id: number,
  change: Partial<
    Pick<
      SmsFilingRow,
      | 'text'
      | 'lastTextAt'
      | 'guessRegions'
      | 'guessCouncil'
      | 'guessCategory'
      | 'guessWard'
      | 'guessVillage'
    >
  >,
): void {
  tx.update(smsFilings)
    .set(change)
    .where(and(eq(smsFilings.id, id), eq(smsFilings.status, 'waiting')))
    .run();
}

/** Marks a waiting filing routed (its complaint) or closed; false when it was not waiting. */
export function settleFiling(
  tx: Tx,
  id: number,
  outcome: {
    status: 'routed' | 'closed';
    complaintId?: number;
    handledBy: number | null;
    note?: string;
  },
  now: number,
): boolean {
  const r = tx
    .update(smsFilings)
    .set({
      status: outcome.status,
      complaintId: outcome.complaintId ?? null,
      handledBy: outcome.handledBy,
      handledAt: now,
      note: outcome.note ?? null,
    })
    .where(and(eq(smsFilings.id, id), eq(smsFilings.status, 'waiting')))
    .run();
  return r.changes === 1;
}

/** The waiting filings `regions` may see: every one ('all'), or those guessed one of them. */
function waitingIn(regions: readonly string[] | 'all') {
  const waiting = eq(smsFilings.status, 'waiting');
  if (regions === 'all') return waiting;
  const guessed = regions.map((r) => sql`instr(${smsFilings.guessRegions}, ${`,${r},`}) > 0`);
  return and(waiting, or(sql`0`, ...guessed));
}

/**
 * The oldest `limit` waiting filings a reader sees: every one (headquarters), or those Kero
 * guessed one of `regions` for (those it could guess nothing for are headquarters' alone).
 */
export function listWaitingFilings(
  tx: Tx,
  regions: readonly string[] | 'all',
  limit: number,
): SmsFilingRow[] {
  return tx
    .select()
    .from(smsFilings)
    .where(waitingIn(regions))
    .orderBy(asc(smsFilings.receivedAt), asc(smsFilings.id))
    .limit(limit)
    .all();
}

/** How many filings wait for the reader (the `sms_filings_status_idx` range). */
export function countWaitingFilings(tx: Tx, regions: readonly string[] | 'all'): number {
  return tx.select({ n: count() }).from(smsFilings).where(waitingIn(regions)).get()?.n ?? 0;
}

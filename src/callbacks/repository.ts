/**
 * Call-back request rows. Functions take the database first (inside the caller's transaction when
 * it has one) and return plain rows. Every read here is one range of an index (db/schema.ts): a
 * phone's open request, its requests of today, a queue page by deadline, and the dashboard's
 * counts over the requests made in a period (callback_rollup, and the open requests' index).
 */
import { and, asc, count, eq, gt, gte, lt, lte, or, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { callbackRollup, callbacks, type CallbackRow, type CallbackStatus } from '../../db/schema';
import { DAY_MS, EAT_OFFSET_MS } from '../text/calendar';

export type NewCallback = Pick<
  CallbackRow,
  | 'reference'
  | 'phone'
  | 'language'
  | 'regionCode'
  | 'categoryCode'
  | 'serviceCode'
  | 'createdAt'
  | 'dueAt'
>;

export function insertCallback(tx: Tx, row: NewCallback): CallbackRow {
  return tx
    .insert(callbacks)
    .values({ ...row, status: 'open', updatedAt: row.createdAt })
    .returning()
    .get();
}

export function callbackReferenceExists(tx: Tx, reference: string): boolean {
  return (
    tx
      .select({ id: callbacks.id })
      .from(callbacks)
      .where(eq(callbacks.reference, reference))
      .get() !== undefined
  );
}

export function findCallbackByReference(tx: Tx, reference: string): CallbackRow | undefined {
  return tx.select().from(callbacks).where(eq(callbacks.reference, reference)).get();
}

/** The phone's open request (at most one: callbacks_open_phone_idx). */
export function findOpenCallback(tx: Tx, phone: string): CallbackRow | undefined {
  return tx
    .select()
    .from(callbacks)
    .where(and(eq(callbacks.phone, phone), eq(callbacks.status, 'open')))
    .get();
}

/** How many requests the phone made since `since` (the daily limit). */
export function countCallbacksSince(tx: Tx, phone: string, since: number): number {
  return (
    tx
      .select({ n: count() })
      .from(callbacks)
      .where(and(eq(callbacks.phone, phone), gte(callbacks.createdAt, since)))
      .get()?.n ?? 0
  );
}

/** The request a complaint was logged from, if any. */
export function findCallbackOfComplaint(tx: Tx, complaintId: number): CallbackRow | undefined {
  return tx.select().from(callbacks).where(eq(callbacks.complaintId, complaintId)).get();
}

export type CallbackChanges = Partial<
  Pick<
    CallbackRow,
    | 'status'
    | 'attempts'
    | 'lastAttemptAt'
    | 'lastAttemptBy'
    | 'closedAt'
    | 'closedBy'
    | 'closeNote'
    | 'complaintId'
  >
>;

/** Changes an open request; undefined when it is no longer open (another hand was quicker). */
export function updateOpenCallback(
  tx: Tx,
  id: number,
  changes: CallbackChanges,
  now: number,
): CallbackRow | undefined {
  return tx
    .update(callbacks)
    .set({ ...changes, updatedAt: now })
    .where(and(eq(callbacks.id, id), eq(callbacks.status, 'open')))
    .returning()
    .get();
}

/** Where a queue page starts: after this request in deadline order. */
export interface QueueCursor {
  dueAt: number;
  id: number;
}

/** Open requests of a region (undefined: every region) by deadline, oldest due first. */
export function listOpenCallbacks(
  tx: Tx,
  q: { regionCode?: string | undefined; after?: QueueCursor | undefined; limit: number },
): CallbackRow[] {
  const after = q.after;
  return tx
    .select()
    .from(callbacks)
    .where(
      and(
        eq(callbacks.status, 'open'),
        q.regionCode === undefined ? undefined : eq(callbacks.regionCode, q.regionCode),
        after === undefined
          ? undefined
          : or(
              gt(callbacks.dueAt, after.dueAt),
              and(eq(callbacks.dueAt, after.dueAt), gt(callbacks.id, after.id)),
            ),
      ),
    )
    .orderBy(asc(callbacks.dueAt), asc(callbacks.id))
    .limit(q.limit)
    .all();
}

/** Open requests of a region (undefined: every region), and those past their deadline at `now`. */
export function countOpenCallbacks(
  tx: Tx,
  regionCode: string | undefined,
  now: number,
): { open: number; overdue: number } {
  const row = tx
    .select({
      open: count(),
      overdue: sql<number>`coalesce(sum(${callbacks.dueAt} <= ${now}), 0)`,
    })
    .from(callbacks)
    .where(
      and(
        eq(callbacks.status, 'open'),
        regionCode === undefined ? undefined : eq(callbacks.regionCode, regionCode),
      ),
    )
    .get();
  return { open: row?.open ?? 0, overdue: row?.overdue ?? 0 };
}

export type CallbackCounts = Record<CallbackStatus | 'overdue', number>;

/** The Tanzanian day number (days since 1970, EAT) of an instant, as callback_rollup keys it. */
const dayOf = (ms: number): number => Math.floor((ms + EAT_OFFSET_MS) / DAY_MS);

/**
 * The requests made in [from, until) (00:00 EAT boundaries) of a region (undefined: every
 * region), by status, from callback_rollup (a row per day, region and status); and the open ones
 * past their deadline at `now`, from the open requests' deadline index (open requests are few).
 */
export function callbackCounts(
  tx: Tx,
  q: { regionCode?: string | undefined; from: number; until: number; now: number },
): CallbackCounts {
  const region = q.regionCode;
  const rows = tx
    .select({
      status: callbackRollup.status,
      n: sql<number>`coalesce(sum(${callbackRollup.n}), 0)`,
    })
    .from(callbackRollup)
    .where(
      and(
        region === undefined ? undefined : eq(callbackRollup.region, region),
        gte(callbackRollup.day, dayOf(q.from)),
        lt(callbackRollup.day, dayOf(q.until)),
      ),
    )
    .groupBy(callbackRollup.status)
    .all();
  const counts: CallbackCounts = { open: 0, overdue: 0, logged: 0, closed: 0, unreachable: 0 };
  for (const r of rows) counts[r.status] = r.n;
  counts.overdue =
    tx
      .select({ n: count() })
      .from(callbacks)
      .where(
        and(
          eq(callbacks.status, 'open'),
          lte(callbacks.dueAt, q.now),
          region === undefined ? undefined : eq(callbacks.regionCode, region),
          gte(callbacks.createdAt, q.from),
          lt(callbacks.createdAt, q.until),
        ),
      )
      .get()?.n ?? 0;
  return counts;
}

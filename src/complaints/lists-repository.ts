/**
 * Lists and counts of complaints: a citizen's, a staff member's, the ones the SLA timer must look
 * at. Plain rows in, plain rows out; each query is served by an index of `complaints`.
 */
import {
  and,
  asc,
  count,
  desc,
  eq,
  gt,
  gte,
  inArray,
  isNotNull,
  isNull,
  lte,
  or,
  sql,
} from 'drizzle-orm';
import { preparedPerDb, type Tx } from '../../db/client';
import { complaints, type ComplaintRow } from '../../db/schema';
import { DONE_STATUSES, OPEN_STATUSES } from './core/lifecycle';

const open = inArray(complaints.status, [...OPEN_STATUSES]);

const statements = preparedPerDb((db) => ({
  // Assignment counts the load of every candidate at each filing.
  openCount: db
    .select({ n: count() })
    .from(complaints)
    .where(and(eq(complaints.assigneeId, sql.placeholder('id')), open))
    .prepare(),
}));

/** Open complaints (received, assigned, in progress) held by each of `ids`. */
export function countOpenByAssignee(tx: Tx, ids: readonly number[]): Map<number, number> {
  const { openCount } = statements(tx);
  return new Map(ids.map((id) => [id, openCount.get({ id })?.n ?? 0]));
}

/** A staff member's open complaints, oldest first, at most `limit`; and how many there are. */
export function openAssignedTo(
  tx: Tx,
  staffId: number,
  limit = Number.MAX_SAFE_INTEGER,
): { rows: ComplaintRow[]; total: number } {
  const mine = and(eq(complaints.assigneeId, staffId), open);
  const total = tx.select({ n: count() }).from(complaints).where(mine).get()?.n ?? 0;
  const rows = tx
    .select()
    .from(complaints)
    .where(mine)
    .orderBy(asc(complaints.createdAt), asc(complaints.id))
    .limit(limit)
    .all();
  return { rows, total };
}

/** Whether `phone` has filed any complaint. */
export function hasFiled(tx: Tx, phone: string): boolean {
  const row = tx
    .select({ id: complaints.id })
    .from(complaints)
    .where(eq(complaints.citizenPhone, phone))
    .limit(1)
    .get();
  return row !== undefined;
}

/** The complaint the phone filed last, if it filed one since `since`. */
export function latestFiledSince(tx: Tx, phone: string, since: number): ComplaintRow | undefined {
  return tx
    .select()
    .from(complaints)
    .where(and(eq(complaints.citizenPhone, phone), gte(complaints.createdAt, since)))
    .orderBy(desc(complaints.createdAt), desc(complaints.id))
    .limit(1)
    .get();
}

/** The phone's open complaints, oldest first. */
export function openFiledBy(tx: Tx, phone: string): ComplaintRow[] {
  return tx
    .select()
    .from(complaints)
    .where(and(eq(complaints.citizenPhone, phone), open))
    .orderBy(asc(complaints.createdAt), asc(complaints.id))
    .all();
}

/** The phone's most recently resolved complaint that has no rating yet. */
export function latestUnratedResolved(tx: Tx, phone: string): ComplaintRow | undefined {
  return tx
    .select()
    .from(complaints)
    .where(
      and(
        eq(complaints.citizenPhone, phone),
        inArray(complaints.status, [...DONE_STATUSES]),
        isNotNull(complaints.resolvedAt),
        isNull(complaints.rating),
      ),
    )
    .orderBy(desc(complaints.resolvedAt), desc(complaints.id))
    .limit(1)
    .get();
}

/**
 * Open complaints after `afterId` (by id, at most `limit`) that may have breached an SLA: no
 * first response and filed before `firstBefore`, or not yet escalated for resolution and filed
 * before `resolutionBefore`. A deadline is never earlier than these, so the index narrows the scan.
 */
export function escalationCandidates(
  tx: Tx,
  o: { afterId: number; firstBefore: number; resolutionBefore: number; limit: number },
): ComplaintRow[] {
  return tx
    .select()
    .from(complaints)
    .where(
      and(
        open,
        gt(complaints.id, o.afterId),
        or(
          and(
            isNull(complaints.firstResponseAt),
            isNull(complaints.firstResponseEscalatedAt),
            lte(complaints.createdAt, o.firstBefore),
          ),
          and(
            isNull(complaints.resolutionEscalatedAt),
            lte(complaints.createdAt, o.resolutionBefore),
          ),
        ),
      ),
    )
    .orderBy(asc(complaints.id))
    .limit(o.limit)
    .all();
}

/** Complaints resolved at or before `before` and not yet closed. */
export function resolvedBefore(tx: Tx, before: number): ComplaintRow[] {
  return tx
    .select()
    .from(complaints)
    .where(and(eq(complaints.status, 'resolved'), lte(complaints.resolvedAt, before)))
    .all();
}

/** How many complaints came through each channel (ussd, call, demo...). */
export function countByChannel(tx: Tx): Map<string, number> {
  const rows = tx
    .select({ channel: complaints.channel, n: count() })
    .from(complaints)
    .groupBy(complaints.channel)
    .all();
  return new Map(rows.map((r) => [r.channel, r.n]));
}

/** Every complaint that came through `channel`. */
export function complaintsOfChannel(tx: Tx, channel: string): ComplaintRow[] {
  return tx.select().from(complaints).where(eq(complaints.channel, channel)).all();
}

/** The oldest complaint through `channel` in `status` owned by `staffId`. */
export function oldestOwnedOfChannel(
  tx: Tx,
  o: { staffId: number; status: ComplaintRow['status']; channel: string },
): ComplaintRow | undefined {
  return tx
    .select()
    .from(complaints)
    .where(
      and(
        eq(complaints.assigneeId, o.staffId),
        eq(complaints.status, o.status),
        eq(complaints.channel, o.channel),
      ),
    )
    .orderBy(asc(complaints.createdAt))
    .get();
}

/** What deadlines need of an open complaint: its region, status, owner and SLA clock. */
export type OpenFacts = Pick<
  ComplaintRow,
  'regionCode' | 'status' | 'assigneeId' | 'createdAt' | 'firstResponseAt'
>;

/** Every open complaint's deadline facts (the morning digest counts them per region). */
export function openComplaintFacts(tx: Tx): OpenFacts[] {
  return tx
    .select({
      regionCode: complaints.regionCode,
      status: complaints.status,
      assigneeId: complaints.assigneeId,
      createdAt: complaints.createdAt,
      firstResponseAt: complaints.firstResponseAt,
    })
    .from(complaints)
    .where(open)
    .all();
}

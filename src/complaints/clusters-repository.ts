/**
 * Clusters in SQL: complaints of one council and category whose places match, filed within 7
 * days of each other (src/complaints/core/place.ts), and the lead a supervisor linked them under.
 * Served by `complaints_cluster_idx` and `complaints_lead_idx`.
 */
import { and, asc, between, eq, gt, isNotNull, isNull, lte, ne, sql } from 'drizzle-orm';
import { preparedPerDb, type Tx } from '../../db/client';
import { complaints, type ComplaintRow } from '../../db/schema';
import { CLUSTER_WINDOW_MS } from './core/place';
import { setComplaintColumns } from './repository';

type Clustered = Pick<
  ComplaintRow,
  'id' | 'councilCode' | 'categoryCode' | 'placeKey' | 'createdAt'
>;

/** A complaint's cluster: the same council, category and place, within the window, not itself. */
const SAME_CLUSTER = and(
  eq(complaints.councilCode, sql.placeholder('council')),
  eq(complaints.categoryCode, sql.placeholder('category')),
  eq(complaints.placeKey, sql.placeholder('place')),
  between(complaints.createdAt, sql.placeholder('from'), sql.placeholder('to')),
  ne(complaints.id, sql.placeholder('id')),
);

const clusterParams = (c: Clustered, limit: number) => ({
  council: c.councilCode,
  category: c.categoryCode,
  place: c.placeKey,
  from: c.createdAt - CLUSTER_WINDOW_MS,
  to: c.createdAt + CLUSTER_WINDOW_MS,
  id: c.id,
  limit,
});

/**
 * Prepared once per database: a complaint page reads its cluster, and the queue's "Similar: N"
 * badges read fifty clusters a page (only what a scope test needs).
 */
const statements = preparedPerDb((db) => ({
  rows: db
    .select()
    .from(complaints)
    .where(SAME_CLUSTER)
    .orderBy(asc(complaints.createdAt), asc(complaints.id))
    .limit(sql.placeholder('limit'))
    .prepare(),
  members: db
    .select({
      regionCode: complaints.regionCode,
      councilCode: complaints.councilCode,
      assigneeId: complaints.assigneeId,
    })
    .from(complaints)
    .where(SAME_CLUSTER)
    .limit(sql.placeholder('limit'))
    .prepare(),
}));

/** The complaints in `c`'s cluster (not `c` itself), oldest first, at most `limit`. */
export function clusterOf(tx: Tx, c: Clustered, limit: number): ComplaintRow[] {
  return c.placeKey ? statements(tx).rows.all(clusterParams(c, limit)) : [];
}

/** The scope-relevant fields of the complaints in `c`'s cluster (not `c`), at most `limit`. */
export function clusterMembers(tx: Tx, c: Clustered, limit: number) {
  return c.placeKey ? statements(tx).members.all(clusterParams(c, limit)) : [];
}

/** The complaints linked under `leadId`, oldest first. */
export function linkedUnder(tx: Tx, leadId: number): ComplaintRow[] {
  return tx
    .select()
    .from(complaints)
    .where(eq(complaints.leadId, leadId))
    .orderBy(asc(complaints.createdAt), asc(complaints.id))
    .all();
}

/** Whether any complaint is linked under `id`. */
export function hasLinked(tx: Tx, id: number): boolean {
  return (
    tx
      .select({ id: complaints.id })
      .from(complaints)
      .where(and(eq(complaints.leadId, id), isNotNull(complaints.leadId)))
      .get() !== undefined
  );
}

export function setLead(tx: Tx, id: number, leadId: number | null, now: number): void {
  setComplaintColumns(tx, id, { leadId, updatedAt: now });
}

/** The complaints with ids in (after, upTo] that name a place but have no place key yet. */
export function complaintsWithoutPlaceKey(tx: Tx, after: number, upTo: number) {
  return tx
    .select({ id: complaints.id, place: complaints.place })
    .from(complaints)
    .where(
      and(
        gt(complaints.id, after),
        lte(complaints.id, upTo),
        isNotNull(complaints.place),
        isNull(complaints.placeKey),
      ),
    )
    .all();
}

export function setPlaceKey(tx: Tx, id: number, key: string): void {
  setComplaintColumns(tx, id, { placeKey: key });
}

/**
 * The citizen's complaints as the SMS desk needs them. Plain rows in, plain rows out.
 */
import { and, asc, desc, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import { complaints, type ComplaintRow } from '../../db/schema';
import { type Tx } from '../../db/client';
import { OPEN_STATUSES } from '../complaints/core/lifecycle';

export function hasComplaints(tx: Tx, phone: string): boolean {
  const row = tx
    .select({ id: complaints.id })
    .from(complaints)
    .where(eq(complaints.citizenPhone, phone))
    .limit(1)
    .get();
  return row !== undefined;
}

/** The phone's open complaints, oldest first. */
export function openComplaintsOf(tx: Tx, phone: string): ComplaintRow[] {
  return tx
    .select()
    .from(complaints)
    .where(and(eq(complaints.citizenPhone, phone), inArray(complaints.status, [...OPEN_STATUSES])))
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
        inArray(complaints.status, ['resolved', 'closed']),
        isNotNull(complaints.resolvedAt),
        isNull(complaints.rating),
      ),
    )
    .orderBy(desc(complaints.resolvedAt), desc(complaints.id))
    .limit(1)
    .get();
}

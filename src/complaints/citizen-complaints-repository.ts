/**
 * A citizen's other complaints, as a staff member's scope lets them see: the complaint page's
 * "repeat caller" list. One range of `complaints_citizen_idx` (phone, filing time) walked from its
 * newest end, whatever the number of complaints.
 */
import { and, eq, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { complaints, type ComplaintRow } from '../../db/schema';
import type { Scope } from './core/scope';

export type OtherComplaint = Pick<
  ComplaintRow,
  'id' | 'number' | 'createdAt' | 'categoryCode' | 'status' | 'councilCode'
>;

/** src/complaints/core/scope.ts `inScope` as a condition. */
function scopeCondition(scope: Scope): SQL | undefined {
  switch (scope.kind) {
    case 'all':
      return undefined;
    case 'region':
      return eq(complaints.regionCode, scope.regionCode);
    case 'officer':
      return or(
        eq(complaints.assigneeId, scope.staffId),
        and(
          eq(complaints.regionCode, scope.regionCode),
          scope.councils.length === 0
            ? undefined
            : inArray(complaints.councilCode, [...new Set(scope.councils)]),
        ),
      );
  }
}

/**
 * The query of `otherComplaintsOf`, for its plan to be checked (test/integration/). The index is
 * named: a supervisor's scope is a region, and the planner could otherwise walk a region's index
 * in filing order instead, a million rows away from the phone's few.
 */
export function otherComplaintsQuery(
  phone: string,
  exceptId: number,
  scope: Scope,
  limit: number,
): SQL {
  const where = and(
    eq(complaints.citizenPhone, phone),
    eq(complaints.anonymous, false),
    ne(complaints.id, exceptId),
    scopeCondition(scope),
  );
  return sql`SELECT id, number, created_at AS createdAt, category_code AS categoryCode,
      status, council_code AS councilCode
    FROM ${complaints} INDEXED BY complaints_citizen_idx
    WHERE ${where}
    ORDER BY created_at DESC, id DESC
    LIMIT ${limit}`;
}

/**
 * The complaints filed from `phone` other than `exceptId` that `scope` sees, not anonymous,
 * newest first, at most `limit`.
 */
export function otherComplaintsOf(
  tx: Tx,
  phone: string,
  exceptId: number,
  scope: Scope,
  limit: number,
): OtherComplaint[] {
  return tx.all<OtherComplaint>(otherComplaintsQuery(phone, exceptId, scope, limit));
}

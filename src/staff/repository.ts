/**
 * Staff rows and the facts assignment needs (coverage, open load). Plain rows in, plain rows out.
 */
import { OPEN_STATUSES } from '../complaints/core/lifecycle';
import { and, asc, count, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { complaints, staff, staffCouncils, type StaffRow, type NewStaff } from '../../db/schema';
import type { Candidate } from '../complaints/core/assignment';
import { preparedPerDb, type Tx } from '../../db/client';

export function insertStaff(tx: Tx, row: NewStaff, councilCodes: readonly string[]): StaffRow {
  const inserted = tx.insert(staff).values(row).returning().get();
  for (const councilCode of councilCodes) {
    tx.insert(staffCouncils).values({ staffId: inserted.id, councilCode }).run();
  }
  return inserted;
}

export function findStaffByPhone(tx: Tx, phone: string): StaffRow | undefined {
  return tx.select().from(staff).where(eq(staff.phone, phone)).get();
}

export function findStaffById(tx: Tx, id: number): StaffRow | undefined {
  return tx.select().from(staff).where(eq(staff.id, id)).get();
}

export function listStaff(tx: Tx, regionCode?: string): StaffRow[] {
  return tx
    .select()
    .from(staff)
    .where(regionCode ? eq(staff.regionCode, regionCode) : undefined)
    .orderBy(asc(staff.regionCode), asc(staff.role), asc(staff.name))
    .all();
}

export function councilsOf(tx: Tx, staffIds: readonly number[]): Map<number, string[]> {
  const map = new Map<number, string[]>();
  if (staffIds.length === 0) return map;
  const rows = tx
    .select()
    .from(staffCouncils)
    .where(inArray(staffCouncils.staffId, [...staffIds]))
    .all();
  for (const r of rows) map.set(r.staffId, [...(map.get(r.staffId) ?? []), r.councilCode]);
  return map;
}

export function setStaffActive(tx: Tx, id: number, active: boolean, now: number): void {
  tx.update(staff).set({ active, updatedAt: now }).where(eq(staff.id, id)).run();
}

export function touchLastAssigned(tx: Tx, id: number, now: number): void {
  tx.update(staff).set({ lastAssignedAt: now }).where(eq(staff.id, id)).run();
}

const p = sql.placeholder;

/** Assignment runs at every filing: its statements are prepared once per connection. */
const statements = preparedPerDb((db) => ({
  candidates: db
    .select()
    .from(staff)
    .where(
      and(
        eq(staff.active, true),
        or(eq(staff.regionCode, p('region')), and(isNull(staff.regionCode), eq(staff.role, 'hq'))),
      ),
    )
    .prepare(),
  coverage: db
    .select({ staffId: staffCouncils.staffId, councilCode: staffCouncils.councilCode })
    .from(staffCouncils)
    .innerJoin(staff, eq(staff.id, staffCouncils.staffId))
    .where(and(eq(staff.active, true), eq(staff.regionCode, p('region'))))
    .prepare(),
  openCount: db
    .select({ n: count() })
    .from(complaints)
    .where(and(eq(complaints.assigneeId, p('id')), inArray(complaints.status, [...OPEN_STATUSES])))
    .prepare(),
}));

/** Open complaints (received, assigned, in progress) held by each of `ids`. */
export function countOpenComplaints(tx: Tx, ids: number[]): Map<number, number> {
  const { openCount } = statements(tx);
  return new Map(ids.map((id) => [id, openCount.get({ id })?.n ?? 0]));
}

/** Active staff of a region plus headquarters, with coverage and open load: assignment's input. */
export function loadCandidates(tx: Tx, regionCode: string): Candidate[] {
  const s = statements(tx);
  const rows = s.candidates.all({ region: regionCode });
  if (rows.length === 0) return [];
  const coverage = new Map<number, string[]>();
  for (const c of s.coverage.all({ region: regionCode })) {
    coverage.set(c.staffId, [...(coverage.get(c.staffId) ?? []), c.councilCode]);
  }
  const load = countOpenComplaints(
    tx,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    role: r.role,
    regionCode: r.regionCode,
    active: r.active,
    councils: coverage.get(r.id) ?? [],
    openComplaints: load.get(r.id) ?? 0,
    lastAssignedAt: r.lastAssignedAt,
  }));
}

/**
 * Staff rows and the councils and wards each covers. Plain rows in, plain rows out.
 */
import { and, asc, eq, inArray, isNull, like, or, sql } from 'drizzle-orm';
import { preparedPerDb, type Tx } from '../../db/client';
import { staff, staffCouncils, staffWards, type NewStaff, type StaffRow } from '../../db/schema';

/** What a staff member covers: councils (none: the whole region) and wards (usually none). */
export interface Coverage {
  councils: readonly string[];
  wards: readonly string[];
}

function writeCoverage(tx: Tx, staffId: number, c: Coverage): void {
  tx.delete(staffCouncils).where(eq(staffCouncils.staffId, staffId)).run();
  tx.delete(staffWards).where(eq(staffWards.staffId, staffId)).run();
  for (const councilCode of c.councils) {
    tx.insert(staffCouncils).values({ staffId, councilCode }).run();
  }
  for (const wardCode of c.wards) tx.insert(staffWards).values({ staffId, wardCode }).run();
}

export function insertStaff(tx: Tx, row: NewStaff, coverage: Coverage): StaffRow {
  const inserted = tx.insert(staff).values(row).returning().get();
  writeCoverage(tx, inserted.id, coverage);
  return inserted;
}

/** Replaces a staff member's details and the councils and wards they cover. */
export function updateStaffRow(
  tx: Tx,
  id: number,
  row: Partial<Omit<NewStaff, 'id' | 'createdAt'>>,
  coverage: Coverage,
): StaffRow | undefined {
  const updated = tx.update(staff).set(row).where(eq(staff.id, id)).returning().get();
  if (updated) writeCoverage(tx, id, coverage);
  return updated;
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

/** Codes grouped by staff member, in row order. */
function byStaff<R extends { staffId: number }>(
  rows: readonly R[],
  code: (r: R) => string,
): Map<number, string[]> {
  const map = new Map<number, string[]>();
  for (const r of rows) {
    const list = map.get(r.staffId);
    if (list) list.push(code(r));
    else map.set(r.staffId, [code(r)]);
  }
  return map;
}

export function councilsOf(tx: Tx, staffIds: readonly number[]): Map<number, string[]> {
  if (staffIds.length === 0) return new Map();
  const rows = tx
    .select()
    .from(staffCouncils)
    .where(inArray(staffCouncils.staffId, [...staffIds]))
    .all();
  return byStaff(rows, (r) => r.councilCode);
}

export function wardsOf(tx: Tx, staffIds: readonly number[]): Map<number, string[]> {
  if (staffIds.length === 0) return new Map();
  const rows = tx
    .select()
    .from(staffWards)
    .where(inArray(staffWards.staffId, [...staffIds]))
    .orderBy(asc(staffWards.wardCode))
    .all();
  return byStaff(rows, (r) => r.wardCode);
}

export function setStaffActive(tx: Tx, id: number, active: boolean, now: number): void {
  tx.update(staff).set({ active, updatedAt: now }).where(eq(staff.id, id)).run();
}

export function setStaffLanguage(
  tx: Tx,
  id: number,
  language: StaffRow['language'],
  now: number,
): void {
  tx.update(staff).set({ language, updatedAt: now }).where(eq(staff.id, id)).run();
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
  wardCoverage: db
    .select({ staffId: staffWards.staffId, wardCode: staffWards.wardCode })
    .from(staffWards)
    .innerJoin(staff, eq(staff.id, staffWards.staffId))
    .where(and(eq(staff.active, true), eq(staff.regionCode, p('region'))))
    .prepare(),
}));

/** The active staff of a region, and headquarters (who may own any complaint). */
export function activeStaffFor(tx: Tx, regionCode: string): StaffRow[] {
  return statements(tx).candidates.all({ region: regionCode });
}

/** The councils each active officer of a region covers (none listed: the whole region). */
export function coverageIn(tx: Tx, regionCode: string): Map<number, string[]> {
  return byStaff(statements(tx).coverage.all({ region: regionCode }), (c) => c.councilCode);
}

/** The wards each active officer of a region covers (only ward officers have any). */
export function wardCoverageIn(tx: Tx, regionCode: string): Map<number, string[]> {
  return byStaff(statements(tx).wardCoverage.all({ region: regionCode }), (c) => c.wardCode);
}

/** The first staff member (by id) in `role` whose name starts with `prefix`. */
export function firstStaffNamed(
  tx: Tx,
  role: StaffRow['role'],
  prefix: string,
): StaffRow | undefined {
  return tx
    .select()
    .from(staff)
    .where(and(eq(staff.role, role), like(staff.name, `${prefix}%`)))
    .orderBy(asc(staff.id))
    .get();
}

/** Names of the staff members with these ids. */
export function staffNames(tx: Tx, ids: readonly number[]): Map<number, string> {
  if (ids.length === 0) return new Map();
  const rows = tx
    .select({ id: staff.id, name: staff.name })
    .from(staff)
    .where(inArray(staff.id, [...new Set(ids)]))
    .all();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Active staff a complaint of `regionCode` may be given to: the region's and headquarters. */
export function assignableStaff(tx: Tx, regionCode: string | null): StaffRow[] {
  return tx
    .select()
    .from(staff)
    .where(
      and(
        eq(staff.active, true),
        regionCode === null
          ? undefined
          : or(eq(staff.regionCode, regionCode), eq(staff.role, 'hq')),
      ),
    )
    .orderBy(asc(staff.role), asc(staff.name))
    .all();
}

/** The active staff in `role` (of one region, when given), by id. */
export function activeStaffInRole(tx: Tx, role: StaffRow['role'], regionCode?: string): StaffRow[] {
  return tx
    .select()
    .from(staff)
    .where(
      and(
        eq(staff.active, true),
        eq(staff.role, role),
        regionCode === undefined ? undefined : eq(staff.regionCode, regionCode),
      ),
    )
    .orderBy(asc(staff.id))
    .all();
}

/** The active staff members among these ids. */
export function activeStaffByIds(tx: Tx, ids: readonly number[]): StaffRow[] {
  if (ids.length === 0) return [];
  return tx
    .select()
    .from(staff)
    .where(and(eq(staff.active, true), inArray(staff.id, [...new Set(ids)])))
    .orderBy(asc(staff.id))
    .all();
}

/** The staff members with these ids, active or not. */
export function staffByIds(tx: Tx, ids: readonly number[]): StaffRow[] {
  if (ids.length === 0) return [];
  return tx
    .select()
    .from(staff)
    .where(inArray(staff.id, [...new Set(ids)]))
    .all();
}

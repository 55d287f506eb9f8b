/**
 * Teams (named groups of staff a routing rule can send complaints to) and their members. Plain
 * rows in, plain rows out; who may change them is the directory service's business.
 */
import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { teamMembers, teams, type TeamRow } from '../../db/schema';

export function insertTeam(
  tx: Tx,
  row: { name: string; regionCode: string | null; now: number },
): TeamRow {
  return tx
    .insert(teams)
    .values({ name: row.name, regionCode: row.regionCode, createdAt: row.now, updatedAt: row.now })
    .returning()
    .get();
}

export function renameTeamRow(tx: Tx, id: number, name: string, now: number): void {
  tx.update(teams).set({ name, updatedAt: now }).where(eq(teams.id, id)).run();
}

/** Deletes a team and its memberships (rules that name it must be gone first). */
export function deleteTeamRow(tx: Tx, id: number): void {
  tx.delete(teamMembers).where(eq(teamMembers.teamId, id)).run();
  tx.delete(teams).where(eq(teams.id, id)).run();
}

export function findTeam(tx: Tx, id: number): TeamRow | undefined {
  return tx.select().from(teams).where(eq(teams.id, id)).get();
}

/** The team of `regionCode` (null: national) with this name, ignoring case. */
export function findTeamNamed(
  tx: Tx,
  regionCode: string | null,
  name: string,
): TeamRow | undefined {
  return tx
    .select()
    .from(teams)
    .where(
      and(
        regionCode === null ? isNull(teams.regionCode) : eq(teams.regionCode, regionCode),
        sql`lower(${teams.name}) = lower(${name})`,
      ),
    )
    .get();
}

/** Every team (no region given), or one region's teams with the national ones (`andNational`). */
export function listTeams(tx: Tx, regionCode?: string, andNational = false): TeamRow[] {
  return tx
    .select()
    .from(teams)
    .where(
      regionCode === undefined
        ? undefined
        : andNational
          ? or(eq(teams.regionCode, regionCode), isNull(teams.regionCode))
          : eq(teams.regionCode, regionCode),
    )
    .orderBy(sql`${teams.regionCode} IS NOT NULL`, asc(teams.regionCode), asc(teams.name))
    .all();
}

export function teamsByIds(tx: Tx, ids: readonly number[]): TeamRow[] {
  if (ids.length === 0) return [];
  return tx
    .select()
    .from(teams)
    .where(inArray(teams.id, [...new Set(ids)]))
    .all();
}

/** The staff ids of each team's members (inactive ones too). */
export function membersOf(tx: Tx, teamIds: readonly number[]): Map<number, number[]> {
  const map = new Map<number, number[]>();
  if (teamIds.length === 0) return map;
  const rows = tx
    .select()
    .from(teamMembers)
    .where(inArray(teamMembers.teamId, [...new Set(teamIds)]))
    .orderBy(asc(teamMembers.teamId), asc(teamMembers.staffId))
    .all();
  for (const r of rows) map.set(r.teamId, [...(map.get(r.teamId) ?? []), r.staffId]);
  return map;
}

/** Adds a member; false when they already were one. */
export function addTeamMemberRow(tx: Tx, teamId: number, staffId: number): boolean {
  const r = tx.insert(teamMembers).values({ teamId, staffId }).onConflictDoNothing().run();
  return r.changes > 0;
}

/** Removes a member; false when they were not one. */
export function removeTeamMemberRow(tx: Tx, teamId: number, staffId: number): boolean {
  const r = tx
    .delete(teamMembers)
    .where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.staffId, staffId)))
    .run();
  return r.changes > 0;
}

export function touchTeam(tx: Tx, id: number, now: number): void {
  tx.update(teams).set({ updatedAt: now }).where(eq(teams.id, id)).run();
}

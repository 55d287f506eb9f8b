/**
 * Who could own a complaint of a region, with what assignment needs to choose: the staff
 * (src/staff/repository.ts), the councils they cover and the open complaints each holds; and
 * the routing rules and teams that cover a complaint, with their members.
 */
import type { Tx } from '../../db/client';
import type { StaffRow } from '../../db/schema';
import {
  activeStaffByIds,
  activeStaffFor,
  councilsOf,
  coverageIn,
  wardCoverageIn,
  wardsOf,
} from '../staff/repository';
import { membersOf, teamsByIds } from '../staff/teams-repository';
import type { Candidate, Place } from './core/assignment';
import { targetMembers, type RoutingInput, type Team } from './core/routing';
import { countOpenByAssignee } from './lists-repository';
import { ruleOf, rulesCovering } from './routing-repository';

function candidatesOf(
  tx: Tx,
  rows: readonly StaffRow[],
  councils: Map<number, string[]>,
  wards: Map<number, string[]>,
): Candidate[] {
  const load = countOpenByAssignee(
    tx,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    role: r.role,
    regionCode: r.regionCode,
    active: r.active,
    councils: councils.get(r.id) ?? [],
    wards: wards.get(r.id) ?? [],
    openComplaints: load.get(r.id) ?? 0,
    lastAssignedAt: r.lastAssignedAt,
  }));
}

/** Active staff of a region plus headquarters, with coverage (councils, wards) and open load: assignment's input. */
export function loadCandidates(tx: Tx, regionCode: string): Candidate[] {
  const rows = activeStaffFor(tx, regionCode);
  if (rows.length === 0) return [];
  return candidatesOf(tx, rows, coverageIn(tx, regionCode), wardCoverageIn(tx, regionCode));
}

/** Teams by id with their members, as routing takes them. */
export function loadTeams(tx: Tx, ids: readonly number[]): Team[] {
  const members = membersOf(tx, ids);
  return teamsByIds(tx, ids).map((t) => ({
    id: t.id,
    name: t.name,
    regionCode: t.regionCode,
    members: members.get(t.id) ?? [],
  }));
}

/**
 * Everything routing needs for a complaint of `categoryCode` at `place`: the region's candidates,
 * the rules that cover it, their teams, and their members from elsewhere (a national team's, an
 * owner in another region) as candidates too. No rule: one indexed lookup more than before.
 */
export function loadRouting(
  tx: Tx,
  place: Place,
  categoryCode: string,
): Omit<RoutingInput, 'exclude'> {
  const candidates = loadCandidates(tx, place.regionCode);
  const rules = rulesCovering(tx, categoryCode, place).map(ruleOf);
  const base = { candidates, rules, teams: [] as Team[], place, categoryCode };
  if (rules.length === 0) return base;
  const teams = loadTeams(
    tx,
    rules.flatMap((r) => (r.target.kind === 'team' ? [r.target.teamId] : [])),
  );
  const known = new Set(candidates.map((c) => c.id));
  const others = rules
    .flatMap((r) => targetMembers(r.target, teams))
    .filter((id) => !known.has(id));
  const rows = activeStaffByIds(tx, others);
  const ids = rows.map((r) => r.id);
  const extra = candidatesOf(tx, rows, councilsOf(tx, ids), wardsOf(tx, ids));
  return { ...base, teams, candidates: [...candidates, ...extra] };
}

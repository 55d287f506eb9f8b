/**
 * Routing rules and teams. Pure: which rule decides who owns a complaint of a category at a
 * place, and who that is now; with no rule that has an active member, the default assignment
 * (./assignment.ts pickAssignee, ward officers first).
 *
 * Precedence: the rules of the complaint's category that cover its place, the most specific
 * first (its council, then its region, then everywhere); the first whose target has an active
 * member wins, and beats the default chain, ward officers included: the centre chose it on
 * purpose. A rule whose staff member is inactive, or whose team has no active member, is passed
 * over (the next, broader rule, else the default assignment).
 */
import {
  leastLoaded,
  pickAssignee,
  type Assignment,
  type Candidate,
  type Place,
} from './assignment';

export type RuleTarget = { kind: 'staff'; staffId: number } | { kind: 'team'; teamId: number };

export interface RoutingRule {
  id: number;
  categoryCode: string;
  /** Null: everywhere. A council's rule carries its region too. */
  regionCode: string | null;
  /** Null: the whole region (or everywhere). */
  councilCode: string | null;
  target: RuleTarget;
}

export interface Team {
  id: number;
  name: string;
  /** Null: a national team. */
  regionCode: string | null;
  /** Staff ids, active or not. */
  members: readonly number[];
}

export type RuleScope = 'council' | 'region' | 'everywhere';

/** Pure. How wide a rule reaches. */
export const scopeOf = (r: Pick<RoutingRule, 'regionCode' | 'councilCode'>): RuleScope =>
  r.councilCode !== null ? 'council' : r.regionCode !== null ? 'region' : 'everywhere';

const RANK: Record<RuleScope, number> = { council: 0, region: 1, everywhere: 2 };

/** Pure. Whether a rule covers a complaint of `categoryCode` at `place`. */
export function covers(r: RoutingRule, place: Place, categoryCode: string): boolean {
  if (r.categoryCode !== categoryCode) return false;
  switch (scopeOf(r)) {
    case 'council':
      return r.councilCode === place.councilCode;
    case 'region':
      return r.regionCode === place.regionCode;
    case 'everywhere':
      return true;
  }
}

/** Pure. The rules of `categoryCode` that cover `place`, the most specific first. */
export function rulesFor(
  rules: readonly RoutingRule[],
  place: Place,
  categoryCode: string,
): RoutingRule[] {
  return rules
    .filter((r) => covers(r, place, categoryCode))
    .sort((a, b) => RANK[scopeOf(a)] - RANK[scopeOf(b)] || a.id - b.id);
}

/** Pure. The staff ids a target names: the staff member, or the team's members. */
export function targetMembers(target: RuleTarget, teams: readonly Team[]): readonly number[] {
  if (target.kind === 'staff') return [target.staffId];
  return teams.find((t) => t.id === target.teamId)?.members ?? [];
}

/**
 * Pure. Who a rule's target gives a complaint to now: the staff member, or the team's least
 * loaded member; only active `candidates` count, `exclude` left out. Undefined: nobody active.
 */
export function targetOwner(
  target: RuleTarget,
  candidates: readonly Candidate[],
  teams: readonly Team[],
  exclude?: number,
): Candidate | undefined {
  const ids = new Set(targetMembers(target, teams));
  return leastLoaded(candidates.filter((c) => c.active && c.id !== exclude && ids.has(c.id)));
}

export interface RoutingInput {
  /** Who could own it: the region's staff, headquarters, and the members of the rules' targets. */
  candidates: readonly Candidate[];
  /** Rules (any: those that do not cover the complaint are ignored). */
  rules: readonly RoutingRule[];
  teams: readonly Team[];
  place: Place;
  categoryCode: string;
  /** A staff member left out (the one being deactivated). */
  exclude?: number;
}

export interface Routed {
  assignment: Assignment;
  /** The rule that chose the owner; null when the default assignment did. */
  rule: RoutingRule | null;
  /** The rule's team, when a team's member was chosen. */
  team: Team | null;
  /** More specific rules passed over: their target has no active member. */
  passedOver: RoutingRule[];
}

/**
 * Pure. The owner of a complaint of `categoryCode` at `place`: by the most specific rule whose
 * target has an active member (held at the first level, 'council', like any new complaint: SLA
 * escalation still moves it up), else by the default assignment.
 */
export function routeComplaint(input: RoutingInput): Routed {
  const { candidates, teams, place, exclude } = input;
  const passedOver: RoutingRule[] = [];
  for (const rule of rulesFor(input.rules, place, input.categoryCode)) {
    const owner = targetOwner(rule.target, candidates, teams, exclude);
    if (!owner) {
      passedOver.push(rule);
      continue;
    }
    const { target } = rule;
    const team =
      target.kind === 'team' ? (teams.find((t) => t.id === target.teamId) ?? null) : null;
    return { assignment: { staffId: owner.id, level: 'council' }, rule, team, passedOver };
  }
  return {
    assignment: pickAssignee(candidates, place, exclude),
    rule: null,
    team: null,
    passedOver,
  };
}

/**
 * Who may change routing rules and teams, and the checks their changes pass. Pure.
 * Headquarters edit every rule and team; a regional supervisor edits the rules and teams of
 * their own region (never everywhere's rules or national teams, never another region's);
 * officers edit none.
 */
import type { StaffRow } from '../../../db/schema';
import type { ReferenceData } from '../../reference/types';

export interface Editor {
  role: StaffRow['role'];
  regionCode: string | null;
}

/** Why a routing or team change was refused, as data (the console words each code). */
export type RoutingRefusal =
  | { code: 'forbidden' }
  | { code: 'notFound' }
  | { code: 'badCategory' }
  | { code: 'badPlace' }
  /** No such staff member or team, or an inactive staff member. */
  | { code: 'badTarget' }
  /** A supervisor's rule may only send complaints to their region's staff and teams. */
  | { code: 'targetOtherRegion' }
  | { code: 'ruleExists'; vars: { id: number } }
  | { code: 'badName' }
  | { code: 'nameTaken' }
  | { code: 'teamInUse'; vars: { count: number } }
  | { code: 'badMember' }
  | { code: 'memberOtherRegion' }
  | { code: 'memberInactive' }
  | { code: 'alreadyMember' }
  | { code: 'notMember' };

export type RoutingResult<T> = { ok: true; value: T } | { ok: false; refusal: RoutingRefusal };

export const refuse = (refusal: RoutingRefusal): { ok: false; refusal: RoutingRefusal } => ({
  ok: false,
  refusal,
});

/** Pure. Whether `e` may change the rules and teams of `regionCode` (null: national). */
export function editsRouting(e: Editor, regionCode: string | null): boolean {
  if (e.role === 'hq') return true;
  return e.role === 'supervisor' && regionCode !== null && regionCode === e.regionCode;
}

/** Pure. The region whose rules and teams `e` sees: all (undefined) for headquarters. */
export const routingRegionOf = (e: Editor): string | undefined =>
  e.role === 'hq' ? undefined : (e.regionCode ?? undefined);

/** Where a rule applies: a council (with its region), a region, or everywhere (both null). */
export interface RulePlace {
  regionCode: string | null;
  councilCode: string | null;
}

/** Pure. Whether the place is one the reference data knows (a council within its region). */
export function knownPlace(p: RulePlace, ref: ReferenceData): boolean {
  if (p.regionCode === null) return p.councilCode === null;
  if (!ref.regions.some((r) => r.code === p.regionCode)) return false;
  if (p.councilCode === null) return true;
  return (ref.councilsByRegion.get(p.regionCode) ?? []).some((c) => c.code === p.councilCode);
}

/** Pure. A team's name, trimmed, or undefined when it is not 2 to 60 characters. */
export function teamName(input: string): string | undefined {
  const name = input.trim().replace(/\s+/g, ' ');
  const n = [...name].length;
  return n >= 2 && n <= 60 ? name : undefined;
}

/** Pure. Whether a staff member may join a team of `regionCode` (null: national: anyone). */
export const fitsTeam = (member: Pick<StaffRow, 'regionCode'>, regionCode: string | null) =>
  regionCode === null || member.regionCode === regionCode;

/**
 * Team use cases: create, rename, add and remove members, delete (only when no rule sends
 * complaints to it). Each owns its transaction, checks the actor's rights first, changes
 * nothing when it refuses, and records the change in the audit log with the team before and
 * after.
 */
import { inTransaction, type Db, type Tx } from '../../db/client';
import type { StaffRow, TeamRow } from '../../db/schema';
import { recordAudit } from '../audit/repository';
import { rulesOfTeam } from '../complaints/routing-repository';
import { findStaffById, staffNames } from '../staff/repository';
import {
  addTeamMemberRow,
  deleteTeamRow,
  findTeam,
  findTeamNamed,
  insertTeam,
  membersOf,
  removeTeamMemberRow,
  renameTeamRow,
  touchTeam,
} from '../staff/teams-repository';
import {
  editsRouting,
  fitsTeam,
  refuse,
  teamName,
  type RoutingResult,
} from './core/routing-rights';
import type { ReferenceData } from '../reference/types';

/** Who acts, and when. */
export interface RoutingCtx {
  now: number;
  reference: ReferenceData;
  actorId: number;
}

export const TEAM = 'team';

/** A team as the audit log keeps it: names beside ids, so it reads after people change. */
export function teamSnapshot(tx: Tx, team: TeamRow) {
  const ids = membersOf(tx, [team.id]).get(team.id) ?? [];
  const names = staffNames(tx, ids);
  return {
    name: team.name,
    region: team.regionCode,
    members: ids.map((id) => ({ id, name: names.get(id) ?? '' })),
  };
}

interface TeamStep {
  tx: Tx;
  actor: StaffRow;
  team: TeamRow;
}

/** Loads actor and team, checks the actor may edit it, runs `apply`, audits the change. */
function onTeam<T>(
  db: Db,
  ctx: RoutingCtx,
  teamId: number,
  action: string,
  apply: (s: TeamStep) => RoutingResult<T>,
  gone = false,
): RoutingResult<T> {
  return inTransaction(db, (tx) => {
    const actor = findStaffById(tx, ctx.actorId);
    const team = findTeam(tx, teamId);
    if (!actor?.active) return refuse({ code: 'forbidden' });
    if (!team) return refuse({ code: 'notFound' });
    if (!editsRouting(actor, team.regionCode)) return refuse({ code: 'forbidden' });
    const before = teamSnapshot(tx, team);
    const result = apply({ tx, actor, team });
    if (!result.ok) return result;
    const after = gone ? null : teamSnapshot(tx, findTeam(tx, teamId) ?? team);
    recordAudit(tx, {
      at: ctx.now,
      actorStaffId: actor.id,
      entityKind: TEAM,
      entityId: team.id,
      action,
      before,
      after,
    });
    return result;
  });
}

/** A new team of `regionCode` (null: national, headquarters only). */
export function createTeam(
  db: Db,
  ctx: RoutingCtx,
  input: { name: string; regionCode: string | null },
): RoutingResult<TeamRow> {
  const name = teamName(input.name);
  return inTransaction(db, (tx) => {
    const actor = findStaffById(tx, ctx.actorId);
    if (!actor?.active || !editsRouting(actor, input.regionCode)) {
      return refuse({ code: 'forbidden' });
    }
    const { regionCode } = input;
    if (regionCode !== null && !ctx.reference.regions.some((r) => r.code === regionCode)) {
      return refuse({ code: 'badPlace' });
    }
    if (!name) return refuse({ code: 'badName' });
    if (findTeamNamed(tx, regionCode, name)) return refuse({ code: 'nameTaken' });
    const team = insertTeam(tx, { name, regionCode, now: ctx.now });
    recordAudit(tx, {
      at: ctx.now,
      actorStaffId: actor.id,
      entityKind: TEAM,
      entityId: team.id,
      action: 'create',
      before: null,
      after: teamSnapshot(tx, team),
    });
    return { ok: true, value: team };
  });
}

export function renameTeam(db: Db, ctx: RoutingCtx, teamId: number, input: string) {
  return onTeam(db, ctx, teamId, 'rename', ({ tx, team }) => {
    const name = teamName(input);
    if (!name) return refuse({ code: 'badName' });
    const holder = findTeamNamed(tx, team.regionCode, name);
    if (holder && holder.id !== team.id) return refuse({ code: 'nameTaken' });
    renameTeamRow(tx, team.id, name, ctx.now);
    return { ok: true, value: { ...team, name } };
  });
}

/** Adds an active staff member: of the team's region, or anyone to a national team. */
export function addTeamMember(db: Db, ctx: RoutingCtx, teamId: number, staffId: number) {
  return onTeam(db, ctx, teamId, 'add_member', ({ tx, team }) => {
    const member = findStaffById(tx, staffId);
    if (!member) return refuse({ code: 'badMember' });
    if (!member.active) return refuse({ code: 'memberInactive' });
    if (!fitsTeam(member, team.regionCode)) return refuse({ code: 'memberOtherRegion' });
    if (!addTeamMemberRow(tx, team.id, member.id)) return refuse({ code: 'alreadyMember' });
    touchTeam(tx, team.id, ctx.now);
    return { ok: true, value: member };
  });
}

export function removeTeamMember(db: Db, ctx: RoutingCtx, teamId: number, staffId: number) {
  return onTeam(db, ctx, teamId, 'remove_member', ({ tx, team }) => {
    if (!removeTeamMemberRow(tx, team.id, staffId)) return refuse({ code: 'notMember' });
    touchTeam(tx, team.id, ctx.now);
    return { ok: true, value: staffId };
  });
}

/** Deletes a team no rule sends complaints to. */
export function deleteTeam(db: Db, ctx: RoutingCtx, teamId: number) {
  return onTeam(
    db,
    ctx,
    teamId,
    'delete',
    ({ tx, team }) => {
      const rules = rulesOfTeam(tx, team.id);
      if (rules.length > 0) return refuse({ code: 'teamInUse', vars: { count: rules.length } });
      deleteTeamRow(tx, team.id);
      return { ok: true, value: team };
    },
    true,
  );
}

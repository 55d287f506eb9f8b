/**
 * Routing rule use cases: save (add or change) and delete. Each owns its transaction, checks the
 * actor's rights on the rule's place (and, when it moves, its old place) and its target, changes
 * nothing when it refuses, and records the change in the audit log before and after.
 */
import { inTransaction, type Db, type Tx } from '../../db/client';
import type { RoutingRuleRow, StaffRow } from '../../db/schema';
import { recordAudit } from '../audit/repository';
import type { RuleTarget } from '../complaints/core/routing';
import {
  deleteRuleRow,
  findRule,
  findRuleAt,
  insertRule,
  updateRuleRow,
  type RuleValues,
} from '../complaints/routing-repository';
import { findStaffById } from '../staff/repository';
import { findTeam } from '../staff/teams-repository';
import {
  editsRouting,
  knownPlace,
  refuse,
  type RoutingRefusal,
  type RoutingResult,
  type RulePlace,
} from './core/routing-rights';
import type { RoutingCtx } from './teams';

export const ROUTING_RULE = 'routing_rule';

export interface RuleInput extends RulePlace {
  categoryCode: string;
  target: RuleTarget;
}

/** A rule as the audit log keeps it: the target's name beside its id. */
export function ruleSnapshot(tx: Tx, r: RoutingRuleRow) {
  const target =
    r.teamId !== null
      ? { team: { id: r.teamId, name: findTeam(tx, r.teamId)?.name ?? '' } }
      : { staff: { id: r.staffId, name: findStaffById(tx, r.staffId ?? 0)?.name ?? '' } };
  return { category: r.categoryCode, region: r.regionCode, council: r.councilCode, ...target };
}

/** Why `actor` may not send a rule's complaints to `target` (undefined: they may). */
function targetProblem(tx: Tx, actor: StaffRow, target: RuleTarget): RoutingRefusal | undefined {
  // Headquarters may send to anyone; a supervisor only to their region's staff and teams.
  const own = (regionCode: string | null) =>
    actor.role === 'hq' || (regionCode !== null && regionCode === actor.regionCode);
  if (target.kind === 'staff') {
    const staff = findStaffById(tx, target.staffId);
    if (!staff?.active) return { code: 'badTarget' };
    return own(staff.regionCode) ? undefined : { code: 'targetOtherRegion' };
  }
  const team = findTeam(tx, target.teamId);
  if (!team) return { code: 'badTarget' };
  return own(team.regionCode) ? undefined : { code: 'targetOtherRegion' };
}

/** The values of a checked rule. */
const valuesOf = (input: RuleInput): RuleValues => ({
  categoryCode: input.categoryCode,
  regionCode: input.regionCode,
  councilCode: input.councilCode,
  staffId: input.target.kind === 'staff' ? input.target.staffId : null,
  teamId: input.target.kind === 'team' ? input.target.teamId : null,
});

/**
 * Adds a rule (`id` null) or changes rule `id`. One rule per category and place: a second is
 * refused with the id of the first.
 */
export function saveRule(
  db: Db,
  ctx: RoutingCtx,
  id: number | null,
  input: RuleInput,
): RoutingResult<RoutingRuleRow> {
  return inTransaction(db, (tx) => {
    const actor = findStaffById(tx, ctx.actorId);
    if (!actor?.active) return refuse({ code: 'forbidden' });
    const old = id === null ? undefined : findRule(tx, id);
    if (id !== null && !old) return refuse({ code: 'notFound' });
    if (old && !editsRouting(actor, old.regionCode)) return refuse({ code: 'forbidden' });
    if (!editsRouting(actor, input.regionCode)) return refuse({ code: 'forbidden' });
    if (
      !ctx.reference.categories.includes(input.categoryCode) &&
      old?.categoryCode !== input.categoryCode
    ) {
      return refuse({ code: 'badCategory' });
    }
    if (!knownPlace(input, ctx.reference)) return refuse({ code: 'badPlace' });
    const problem = targetProblem(tx, actor, input.target);
    if (problem) return refuse(problem);
    const there = findRuleAt(tx, input.categoryCode, input.regionCode, input.councilCode);
    if (there && there.id !== id) return refuse({ code: 'ruleExists', vars: { id: there.id } });
    const values = valuesOf(input);
    let rule: RoutingRuleRow;
    if (old) {
      updateRuleRow(tx, old.id, values, ctx.now);
      rule = { ...old, ...values, updatedAt: ctx.now };
    } else {
      rule = insertRule(tx, values, ctx.now);
    }
    recordAudit(tx, {
      at: ctx.now,
      actorStaffId: actor.id,
      entityKind: ROUTING_RULE,
      entityId: rule.id,
      action: old ? 'update' : 'create',
      before: old ? ruleSnapshot(tx, old) : null,
      after: ruleSnapshot(tx, rule),
    });
    return { ok: true, value: rule };
  });
}

export function deleteRule(db: Db, ctx: RoutingCtx, id: number): RoutingResult<RoutingRuleRow> {
  return inTransaction(db, (tx) => {
    const actor = findStaffById(tx, ctx.actorId);
    if (!actor?.active) return refuse({ code: 'forbidden' });
    const rule = findRule(tx, id);
    if (!rule) return refuse({ code: 'notFound' });
    if (!editsRouting(actor, rule.regionCode)) return refuse({ code: 'forbidden' });
    const before = ruleSnapshot(tx, rule);
    deleteRuleRow(tx, rule.id);
    recordAudit(tx, {
      at: ctx.now,
      actorStaffId: actor.id,
      entityKind: ROUTING_RULE,
      entityId: rule.id,
      action: 'delete',
      before,
      after: null,
    });
    return { ok: true, value: rule };
  });
}

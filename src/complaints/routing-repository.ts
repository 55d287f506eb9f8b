/**
 * Routing rules (db/schema.ts routing_rules): read at every filing (one indexed lookup by
 * category and place key), written by the directory service.
 */
import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { preparedPerDb, type Tx } from '../../db/client';
import { routingRules, type NewRoutingRule, type RoutingRuleRow } from '../../db/schema';
import type { Place } from './core/assignment';
import type { RoutingRule } from './core/routing';

/** Pure. A rule row as the routing decision takes it. */
export function ruleOf(row: RoutingRuleRow): RoutingRule {
  return {
    id: row.id,
    categoryCode: row.categoryCode,
    regionCode: row.regionCode,
    councilCode: row.councilCode,
    target:
      row.teamId !== null
        ? { kind: 'team', teamId: row.teamId }
        : { kind: 'staff', staffId: row.staffId ?? 0 },
  };
}

const p = sql.placeholder;

/** Filing looks its rules up every time: prepared once per connection. */
const statements = preparedPerDb((db) => ({
  covering: db
    .select()
    .from(routingRules)
    .where(
      and(
        eq(routingRules.categoryCode, p('category')),
        inArray(routingRules.placeKey, [p('council'), p('region'), '']),
      ),
    )
    .prepare(),
}));

/** The rules of a category that cover `place`: its council's, its region's, everywhere's. */
export function rulesCovering(tx: Tx, categoryCode: string, place: Place): RoutingRuleRow[] {
  return statements(tx).covering.all({
    category: categoryCode,
    council: place.councilCode,
    region: place.regionCode,
  });
}

export type RuleValues = Pick<
  NewRoutingRule,
  'categoryCode' | 'regionCode' | 'councilCode' | 'staffId' | 'teamId'
>;

export function insertRule(tx: Tx, row: RuleValues, now: number): RoutingRuleRow {
  return tx
    .insert(routingRules)
    .values({ ...row, createdAt: now, updatedAt: now })
    .returning()
    .get();
}

export function updateRuleRow(tx: Tx, id: number, row: RuleValues, now: number): void {
  tx.update(routingRules)
    .set({ ...row, updatedAt: now })
    .where(eq(routingRules.id, id))
    .run();
}

export function deleteRuleRow(tx: Tx, id: number): void {
  tx.delete(routingRules).where(eq(routingRules.id, id)).run();
}

export function findRule(tx: Tx, id: number): RoutingRuleRow | undefined {
  return tx.select().from(routingRules).where(eq(routingRules.id, id)).get();
}

/** The rule of a category at exactly this place (council, else region, else everywhere). */
export function findRuleAt(
  tx: Tx,
  categoryCode: string,
  regionCode: string | null,
  councilCode: string | null,
): RoutingRuleRow | undefined {
  return tx
    .select()
    .from(routingRules)
    .where(
      and(
        eq(routingRules.categoryCode, categoryCode),
        eq(routingRules.placeKey, councilCode ?? regionCode ?? ''),
      ),
    )
    .get();
}

/** Every rule (no region given), or those of a region and everywhere's. */
export function listRules(tx: Tx, regionCode?: string): RoutingRuleRow[] {
  return tx
    .select()
    .from(routingRules)
    .where(
      regionCode === undefined
        ? undefined
        : or(eq(routingRules.regionCode, regionCode), isNull(routingRules.regionCode)),
    )
    .orderBy(
      asc(routingRules.categoryCode),
      sql`${routingRules.regionCode} IS NOT NULL`,
      asc(routingRules.regionCode),
      sql`${routingRules.councilCode} IS NOT NULL`,
      asc(routingRules.councilCode),
    )
    .all();
}

/** The rules that send complaints to a team. */
export function rulesOfTeam(tx: Tx, teamId: number): RoutingRuleRow[] {
  return tx
    .select()
    .from(routingRules)
    .where(eq(routingRules.teamId, teamId))
    .orderBy(asc(routingRules.id))
    .all();
}

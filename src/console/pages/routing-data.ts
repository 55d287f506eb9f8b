/**
 * What the rules and teams pages read of the routing set-up a viewer sees: headquarters every
 * rule and team, a supervisor their region's (and everywhere's rules, read only), with the teams'
 * members and the staff the rules name; and the choices the rule form offers.
 */
import type { Db } from '../../../db/client';
import type { RoutingRuleRow, StaffRow, TeamRow } from '../../../db/schema';
import { listRules } from '../../complaints/routing-repository';
import { editsRouting, routingRegionOf } from '../../directory/core/routing-rights';
import type { ReferenceData } from '../../reference/types';
import { assignableStaff, listStaff, staffByIds } from '../../staff/repository';
import { listTeams, membersOf, teamsByIds } from '../../staff/teams-repository';
import type { Lang } from '../../text/translate';
import { staffChoice } from '../core/format';
import { categoryLabel, placeLabel } from '../core/rule-form';
import { t } from '../core/words';
import type { Viewer } from '../deps';
import type { Choice, ChoiceGroup } from '../views/forms';

export interface RoutingSet {
  /** The region the viewer edits (undefined: headquarters, every one). */
  region: string | undefined;
  rules: RoutingRuleRow[];
  /** The teams the viewer may choose (their region's, or all). */
  ownTeams: TeamRow[];
  teams: Map<number, TeamRow>;
  members: Map<number, number[]>;
  staff: Map<number, StaffRow>;
}

export function loadRoutingSet(db: Db, v: Viewer): RoutingSet {
  const region = routingRegionOf(v.staff);
  const rules = listRules(db, region);
  const ownTeams = listTeams(db, region);
  const ruleTeams = rules.flatMap((r) => (r.teamId === null ? [] : [r.teamId]));
  const teams = new Map(
    teamsByIds(db, [...ownTeams.map((x) => x.id), ...ruleTeams]).map((x) => [x.id, x]),
  );
  const members = membersOf(db, [...teams.keys()]);
  const ids = [
    ...rules.flatMap((r) => (r.staffId === null ? [] : [r.staffId])),
    ...[...members.values()].flat(),
  ];
  const staff = new Map(staffByIds(db, ids).map((s) => [s.id, s]));
  return { region, rules, ownTeams, teams, members, staff };
}

/** Whether a rule's target has an active member now. */
export function targetActive(set: RoutingSet, rule: RoutingRuleRow): boolean {
  const ids = rule.teamId !== null ? (set.members.get(rule.teamId) ?? []) : [rule.staffId ?? 0];
  return ids.some((id) => set.staff.get(id)?.active === true);
}

/** A staff member as the pages name them: `Name (Role)`. */
export const staffLabel = (s: StaffRow, lang: Lang): string =>
  `${s.name} (${t(`role.${s.role}`, lang)})`;

export function targetLabel(set: RoutingSet, rule: RoutingRuleRow, lang: Lang): string {
  if (rule.teamId !== null) {
    return t('rules.team', lang, { name: set.teams.get(rule.teamId)?.name ?? '?' });
  }
  const s = set.staff.get(rule.staffId ?? 0);
  return s ? staffLabel(s, lang) : '?';
}

/** "Water in Bahi DC". */
export const ruleLabel = (
  rule: Pick<RoutingRuleRow, 'categoryCode' | 'regionCode' | 'councilCode'>,
  ref: ReferenceData,
  lang: Lang,
): string =>
  t('rules.summary', lang, {
    category: categoryLabel(rule.categoryCode, lang),
    where: placeLabel(rule, ref, lang),
  });

export const regionLabel = (ref: ReferenceData, code: string | null, lang: Lang): string =>
  code === null
    ? t('teams.national', lang)
    : (ref.regions.find((r) => r.code === code)?.label[lang] ?? code);

/** The regions whose councils the viewer's forms offer. */
const regionsOf = (ref: ReferenceData, region: string | undefined) =>
  ref.regions.filter((r) => region === undefined || r.code === region);

export interface RuleChoices {
  categories: Choice[];
  everywhere: Choice[];
  places: ChoiceGroup[];
  councils: { code: string; label: string; councils: Choice[] }[];
  teams: Choice[];
  staff: ChoiceGroup[];
}

/** The choices of the rule form and the preview for the viewer. */
export function ruleChoices(db: Db, ref: ReferenceData, v: Viewer, set: RoutingSet): RuleChoices {
  const lang = v.lang;
  const regions = regionsOf(ref, set.region);
  const councilsOf = (code: string) =>
    (ref.councilsByRegion.get(code) ?? []).map((c) => ({ value: c.code, label: c.label[lang] }));
  const staff =
    set.region === undefined
      ? assignableStaff(db, null)
      : listStaff(db, set.region).filter((s) => s.active);
  const hq = set.region === undefined;
  return {
    categories: ref.categories.map((c) => ({ value: c, label: categoryLabel(c, lang) })),
    everywhere: editsRouting(v.staff, null)
      ? [{ value: 'everywhere', label: t('rules.everywhere', lang) }]
      : [],
    places: regions.map((r) => ({
      label: r.label[lang],
      choices: [
        {
          value: `region:${r.code}`,
          label: placeLabel({ regionCode: r.code, councilCode: null }, ref, lang),
        },
        ...councilsOf(r.code).map((c) => ({ value: `council:${c.value}`, label: c.label })),
      ],
    })),
    councils: regions.map((r) => ({
      code: r.code,
      label: r.label[lang],
      councils: councilsOf(r.code),
    })),
    teams: set.ownTeams.map((x) => ({
      value: `team:${x.id}`,
      label: hq ? `${x.name} (${regionLabel(ref, x.regionCode, lang)})` : x.name,
    })),
    staff: [
      {
        label: t('rules.staff', lang),
        choices: staff.map((s) => {
          const c = staffChoice(s, lang, hq);
          return { value: `staff:${c.value}`, label: c.label };
        }),
      },
    ],
  };
}

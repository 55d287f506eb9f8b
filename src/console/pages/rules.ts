/**
 * The routing rules pages as read jobs (GET /console/rules with its "who would get it now?"
 * answer and, for headquarters, the audit log of rules and teams; GET /console/rules/:id), and
 * the same list and form redrawn by their POSTs with errors.
 */
import type { RoutingRuleRow } from '../../../db/schema';
import { routeFor } from '../../complaints/assigning';
import { countOpenByAssignee } from '../../complaints/lists-repository';
import { findRule, ruleOf } from '../../complaints/routing-repository';
import { editsRouting } from '../../directory/core/routing-rights';
import { ROUTING_RULE } from '../../directory/routing-rules';
import { TEAM } from '../../directory/teams';
import { findStaffById } from '../../staff/repository';
import {
  categoryLabel,
  placeLabel,
  targetValue,
  whereValue,
  type RuleForm,
  type RuleFormError,
} from '../core/rule-form';
import { t } from '../core/words';
import type { ConsoleDeps, Viewer } from '../deps';
import { arg, frameOf, messageOf, notFoundOf, type Page, type PageRequest } from '../page';
import { ruleEditPage } from '../views/rule-form';
import { rulesPage, type PreviewView } from '../views/rules';
import { auditItemsOf } from './audit';
import {
  loadRoutingSet,
  ruleChoices,
  ruleLabel,
  targetActive,
  targetLabel,
  type RoutingSet,
} from './routing-data';

const blank: RuleForm = { category: '', where: '', target: '' };

/** "Who would get a Water complaint in Bahi DC now?", answered as the filing would. */
function previewOf(deps: ConsoleDeps, v: Viewer, set: RoutingSet, r: PageRequest): PreviewView {
  const category = arg(r, 'category');
  const council = arg(r, 'council');
  const view: PreviewView = { category, council };
  if (category === '' && council === '') return view;
  const ref = deps.reference;
  const regionCode = [...ref.councilsByRegion].find(([, cs]) =>
    cs.some((c) => c.code === council),
  )?.[0];
  const inScope = regionCode !== undefined && (set.region ?? regionCode) === regionCode;
  if (!ref.categories.includes(category) || !inScope) {
    return { ...view, error: t('rules.err.preview', v.lang) };
  }
  const lang = v.lang;
  const routed = routeFor(deps.db, { regionCode, councilCode: council, categoryCode: category });
  const rowOf = (id: number) => set.rules.find((x) => x.id === id);
  const said = (row: RoutingRuleRow | undefined) =>
    row ? `${ruleLabel(row, ref, lang)} → ${targetLabel(set, row, lang)}` : '?';
  const lines: string[] = [];
  const ruleRow = routed.rule ? rowOf(routed.rule.id) : undefined;
  if (ruleRow) {
    lines.push(
      t('rules.preview.rule', lang, {
        rule: ruleLabel(ruleRow, ref, lang),
        target: targetLabel(set, ruleRow, lang),
      }),
    );
  }
  if (routed.passedOver.length > 0) {
    const rules = routed.passedOver.map((p) => said(rowOf(p.id))).join('; ');
    lines.push(t('rules.preview.passedOver', lang, { rules }));
  }
  const id = routed.assignment.staffId;
  const owner = id === null ? undefined : findStaffById(deps.db, id);
  if (owner) {
    const vars = {
      name: owner.name,
      role: t(`role.${owner.role}`, lang),
      count: countOpenByAssignee(deps.db, [owner.id]).get(owner.id) ?? 0,
    };
    lines.push(t(routed.rule ? 'rules.preview.person' : 'rules.preview.noRule', lang, vars));
  } else {
    lines.push(t('rules.preview.queue', lang));
  }
  if (!routed.rule) lines.push(t('rules.preview.ward', lang));
  const question = t('rules.preview.question', lang, {
    category: categoryLabel(category, lang),
    council: ref.councilLabels.get(council)?.[lang] ?? council,
  });
  return { ...view, answer: { question, lines, ownerId: id } };
}

export interface RulesOptions {
  status?: number;
  notice?: string;
  add?: { form: RuleForm; errors: RuleFormError[] };
}

const summary = (v: Viewer, errors: RuleFormError[], prefix: string) =>
  errors.map((e) => ({ text: t(e.key, v.lang), field: `${prefix}-${e.field}` }));

export function rulesListOf(deps: ConsoleDeps, r: PageRequest, o: RulesOptions = {}): Page {
  const v = r.viewer;
  const set = loadRoutingSet(deps.db, v);
  const ref = deps.reference;
  const errors = o.add?.errors ?? [];
  const html = rulesPage({
    frame: frameOf(r, t('rules.title', v.lang), 'rules', {
      ...(o.notice ? { notice: o.notice } : {}),
      errors: summary(v, errors, 'add'),
    }),
    lang: v.lang,
    csrf: v.session.csrf,
    items: set.rules.map((row) => ({
      id: row.id,
      category: categoryLabel(row.categoryCode, v.lang),
      where: placeLabel(row, ref, v.lang),
      target: targetLabel(set, row, v.lang),
      noActive: !targetActive(set, row),
      editable: editsRouting(v.staff, row.regionCode),
    })),
    choices: ruleChoices(deps.db, ref, v, set),
    add: { form: o.add?.form ?? blank, errors },
    preview: previewOf(deps, v, set, r),
    ...(v.staff.role === 'hq' ? { audit: auditItemsOf(deps, v, [ROUTING_RULE, TEAM]) } : {}),
  });
  return { status: o.status ?? 200, html };
}

/** GET /console/rules (?category=&council= asks who would get such a complaint now). */
export function rulesGet(deps: ConsoleDeps, r: PageRequest): Page {
  const v = r.viewer;
  const done = arg(r, 'done');
  const rule = arg(r, 'name').slice(0, 120);
  const notice =
    done === 'add' || done === 'edit' || done === 'delete'
      ? t(`rules.done.${done}`, v.lang, { rule })
      : undefined;
  return rulesListOf(deps, r, notice ? { notice } : {});
}

/** The rule a path names, when the viewer may edit it; else the 403 or 404 page. */
export function editableRuleOf(deps: ConsoleDeps, r: PageRequest): RoutingRuleRow | Page {
  const id = Number(r.params.id);
  const rule = Number.isSafeInteger(id) ? findRule(deps.db, id) : undefined;
  if (rule && editsRouting(r.viewer.staff, rule.regionCode)) return rule;
  // Everywhere's rules are on every manager's list: refused; another region's are not there.
  if (rule?.regionCode === null) {
    return messageOf(r, 403, 'rules', 'error.forbidden.title', 'error.forbidden.body');
  }
  return notFoundOf(r, 'rules');
}

export const isRulePage = (x: RoutingRuleRow | Page): x is Page => 'html' in x || 'redirect' in x;

export function ruleEditOf(
  deps: ConsoleDeps,
  r: PageRequest,
  rule: RoutingRuleRow,
  form: RuleForm,
  errors: RuleFormError[],
  status = 200,
): Page {
  const v = r.viewer;
  const set = loadRoutingSet(deps.db, v);
  const title = t('rules.editTitle', v.lang);
  const html = ruleEditPage({
    frame: frameOf(r, title, 'rules', { errors: summary(v, errors, 'edit') }),
    lang: v.lang,
    csrf: v.session.csrf,
    id: rule.id,
    label: ruleLabel(rule, deps.reference, v.lang),
    choices: ruleChoices(deps.db, deps.reference, v, set),
    form,
    errors,
  });
  return { status, html };
}

/** GET /console/rules/:id. */
export function ruleEditGet(deps: ConsoleDeps, r: PageRequest): Page {
  const rule = editableRuleOf(deps, r);
  if (isRulePage(rule)) return rule;
  const form: RuleForm = {
    category: rule.categoryCode,
    where: whereValue(rule),
    target: targetValue(ruleOf(rule).target),
  };
  return ruleEditOf(deps, r, rule, form, []);
}

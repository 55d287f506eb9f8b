/**
 * The routing rule form and how the console names a rule's place and target. Pure. A place is
 * one select ("everywhere", a whole region or a council: `everywhere`, `region:DOD`,
 * `council:DOD-BAD`), a target one select (`team:3`, `staff:12`); the service checks rights.
 */
import type { RuleTarget } from '../../complaints/core/routing';
import type { RuleInput } from '../../directory/routing-rules';
import type { RoutingRefusal, RulePlace } from '../../directory/core/routing-rights';
import type { ReferenceData } from '../../reference/types';
import { codeLabel } from '../../text/labels';
import type { Lang } from '../../text/translate';
import { t, type WordKey } from './words';

export interface RuleForm {
  category: string;
  where: string;
  target: string;
}

export const RULE_FIELDS = ['category', 'where', 'target'] as const;

export interface RuleFormError {
  field: keyof RuleForm;
  key: WordKey;
}

/** Pure. The select value of a place. */
export const whereValue = (p: RulePlace): string =>
  p.councilCode !== null
    ? `council:${p.councilCode}`
    : p.regionCode !== null
      ? `region:${p.regionCode}`
      : 'everywhere';

/** Pure. The place a select value names, if the reference data knows it. */
export function parseWhere(value: string, ref: ReferenceData): RulePlace | undefined {
  if (value === 'everywhere') return { regionCode: null, councilCode: null };
  const [kind, code = ''] = value.split(':');
  if (kind === 'region' && ref.regions.some((r) => r.code === code)) {
    return { regionCode: code, councilCode: null };
  }
  if (kind !== 'council') return undefined;
  for (const [regionCode, councils] of ref.councilsByRegion) {
    if (councils.some((c) => c.code === code)) return { regionCode, councilCode: code };
  }
  return undefined;
}

/** Pure. The select value of a target. */
export const targetValue = (x: RuleTarget): string =>
  x.kind === 'team' ? `team:${x.teamId}` : `staff:${x.staffId}`;

/** Pure. The target a select value names (its existence is the service's to check). */
export function parseTarget(value: string): RuleTarget | undefined {
  const m = /^(team|staff):(\d{1,9})$/.exec(value);
  if (!m) return undefined;
  const id = Number(m[2]);
  return m[1] === 'team' ? { kind: 'team', teamId: id } : { kind: 'staff', staffId: id };
}

/** Pure. The form checked: the service's input, or every field that is wrong. */
export function checkRuleForm(
  form: RuleForm,
  ref: ReferenceData,
): { ok: true; input: RuleInput } | { ok: false; errors: RuleFormError[] } {
  const errors: RuleFormError[] = [];
  if (!ref.categories.includes(form.category)) {
    errors.push({ field: 'category', key: 'rules.err.category' });
  }
  const place = parseWhere(form.where, ref);
  if (!place) errors.push({ field: 'where', key: 'rules.err.where' });
  const target = parseTarget(form.target);
  if (!target) errors.push({ field: 'target', key: 'rules.err.target' });
  if (!place || !target || errors.length > 0) return { ok: false, errors };
  return { ok: true, input: { categoryCode: form.category, ...place, target } };
}

/** Pure. A service refusal of a rule as a form error (forbidden and notFound are pages). */
export function ruleRefusalError(r: RoutingRefusal): RuleFormError | undefined {
  switch (r.code) {
    case 'badCategory':
      return { field: 'category', key: 'rules.err.category' };
    case 'badPlace':
      return { field: 'where', key: 'rules.err.where' };
    case 'badTarget':
      return { field: 'target', key: 'rules.err.target' };
    case 'targetOtherRegion':
      return { field: 'target', key: 'rules.err.targetOtherRegion' };
    case 'ruleExists':
      return { field: 'where', key: 'rules.err.exists' };
    default:
      return undefined;
  }
}

/** Pure. A place in words: "Everywhere", "Dodoma (whole region)", "Bahi DC". */
export function placeLabel(p: RulePlace, ref: ReferenceData, lang: Lang): string {
  if (p.councilCode !== null) return ref.councilLabels.get(p.councilCode)?.[lang] ?? p.councilCode;
  if (p.regionCode === null) return t('rules.everywhere', lang);
  const region = ref.regions.find((r) => r.code === p.regionCode)?.label[lang] ?? p.regionCode;
  return t('rules.wholeRegion', lang, { region });
}

/** Pure. A category in words (src/text/labels.ts: the one way categories are named). */
export const categoryLabel = (code: string, lang: Lang): string =>
  codeLabel('category', code, lang);

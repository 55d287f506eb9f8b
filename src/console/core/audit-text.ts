/**
 * The audit log of rules and teams in words. Pure: a snapshot the directory services recorded
 * (src/directory/teams.ts teamSnapshot, src/directory/routing-rules.ts ruleSnapshot) read back
 * as one line; anything else (a kind this page does not know) as its JSON.
 */
import type { ReferenceData } from '../../reference/types';
import type { Lang } from '../../text/translate';
import { categoryLabel, placeLabel } from './rule-form';
import { t } from './words';

interface Named {
  id: number;
  name: string;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const named = (v: unknown): Named | undefined =>
  isObject(v) && typeof v.name === 'string' && typeof v.id === 'number'
    ? { id: v.id, name: v.name }
    : undefined;

function regionLabel(code: string | null, ref: ReferenceData, lang: Lang): string {
  if (code === null) return t('teams.national', lang);
  return ref.regions.find((r) => r.code === code)?.label[lang] ?? code;
}

function teamText(v: Record<string, unknown>, ref: ReferenceData, lang: Lang): string {
  const members = Array.isArray(v.members) ? v.members.map(named) : [];
  const names = members.flatMap((m) => (m ? [m.name] : []));
  return t('audit.teamSummary', lang, {
    name: str(v.name) ?? '',
    region: regionLabel(str(v.region), ref, lang),
    members: names.length > 0 ? names.join(', ') : t('teams.noMembers', lang),
  });
}

function ruleText(v: Record<string, unknown>, ref: ReferenceData, lang: Lang): string {
  const place = { regionCode: str(v.region), councilCode: str(v.council) };
  const rule = t('rules.summary', lang, {
    category: categoryLabel(str(v.category) ?? '', lang),
    where: placeLabel(place, ref, lang),
  });
  const team = named(v.team);
  const staff = named(v.staff);
  const target = team ? t('rules.team', lang, { name: team.name }) : (staff?.name ?? '');
  return t('audit.ruleSummary', lang, { rule, target });
}

/** A category's snapshot (src/categories/service.ts) as one line. */
function categoryText(v: Record<string, unknown>, lang: Lang): string {
  const days = (d: unknown, word: 'categories.workingDays' | 'categories.days') =>
    typeof d === 'number' ? t(word, lang, { days: d }) : t('audit.defaultDays', lang);
  return t('audit.categorySummary', lang, {
    sw: str(v.nameSw) ?? '',
    en: str(v.nameEn) ?? '',
    position: typeof v.position === 'number' ? v.position : '?',
    first: days(v.firstResponseDays, 'categories.workingDays'),
    resolution: days(v.resolutionDays, 'categories.days'),
    published: t(v.public === false ? 'categories.private' : 'categories.public', lang),
    state: t(v.retired === true ? 'categories.retired' : 'categories.active', lang),
  });
}

/** Pure. One side (before or after) of an audit row in words; '' when there is none. */
export function auditText(kind: string, value: unknown, ref: ReferenceData, lang: Lang): string {
  if (value === null || value === undefined) return '';
  if (isObject(value) && kind === 'team') return teamText(value, ref, lang);
  if (isObject(value) && kind === 'routing_rule') return ruleText(value, ref, lang);
  if (isObject(value) && kind === 'category') return categoryText(value, lang);
  return JSON.stringify(value);
}

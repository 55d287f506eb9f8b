/**
 * The audit log of staff changes in words (issue 23). Pure: a row's action is the field that
 * changed (or `create`, `import`, a step of a phone change), its before and after the field's
 * values as src/directory/staff-audit.ts recorded them; each is read back in the viewer's
 * language, names beside codes.
 */
import type { ChangeSource } from '../../../db/schema';
import type { ReferenceData } from '../../reference/types';
import type { WardList } from '../../reference/core/ward-list';
import type { Lang } from '../../text/translate';
import { t, tKey } from './words';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

function regionText(v: unknown, ref: ReferenceData, lang: Lang): string {
  if (v === null) return t('staff.headquarters', lang);
  const code = str(v);
  return ref.regions.find((r) => r.code === code)?.label[lang] ?? code;
}

/** One field's value in words. */
function valueText(
  field: string,
  v: unknown,
  ref: ReferenceData,
  wards: WardList,
  lang: Lang,
): string {
  const list = (items: string[]) =>
    items.length > 0 ? items.join(', ') : t('staffAudit.empty', lang);
  switch (field) {
    case 'role':
      return tKey(`role.${str(v)}`, lang);
    case 'region':
      return regionText(v, ref, lang);
    case 'councils':
      return list(strings(v).map((c) => ref.councilLabels.get(c)?.[lang] ?? c));
    case 'wards':
      return list(
        strings(v).map((c) => {
          const ward = wards.byCode.get(c);
          return ward ? `${ward.name} (${c})` : c;
        }),
      );
    case 'language':
      return tKey(`lang.${str(v)}`, lang);
    case 'active':
      return t(v === true ? 'staff.active' : 'staff.inactive', lang);
    default:
      return typeof v === 'string' ? v : JSON.stringify(v);
  }
}

/** A whole member (an addition's `after`) as one line: name, phone, role, region, coverage. */
function memberText(v: Record<string, unknown>, ref: ReferenceData, wards: WardList, lang: Lang) {
  const parts = [
    str(v.name),
    str(v.phone),
    valueText('role', v.role, ref, wards, lang),
    // Headquarters have no region: their role says it.
    ...(typeof v.region === 'string' ? [valueText('region', v.region, ref, wards, lang)] : []),
    ...(strings(v.councils).length > 0
      ? [valueText('councils', v.councils, ref, wards, lang)]
      : []),
    ...(strings(v.wards).length > 0 ? [valueText('wards', v.wards, ref, wards, lang)] : []),
    valueText('language', v.language, ref, wards, lang),
  ];
  return parts.join('; ');
}

/** The field a row is about: a phone change's steps are about the phone. */
const fieldOf = (action: string) => (action.startsWith('phone_') ? 'phone' : action);

/** Pure. One side (before or after) of a staff audit row in words; '' when there is none. */
export function staffAuditValue(
  action: string,
  value: unknown,
  ref: ReferenceData,
  wards: WardList,
  lang: Lang,
): string {
  if (value === null || value === undefined) return '';
  if (isObject(value)) return memberText(value, ref, wards, lang);
  return valueText(fieldOf(action), value, ref, wards, lang);
}

/** Pure. What a row changed, in words: the field's name, or what happened to the member. */
export const staffAuditField = (action: string, lang: Lang): string =>
  tKey(`staffAudit.field.${action}`, lang);

/**
 * Pure. Who made a change: the staff member and where from (`Rehema Mushi (console)`), the
 * command line, or the system.
 */
export function staffAuditWho(
  name: string | undefined,
  source: ChangeSource | null,
  lang: Lang,
): string {
  if (name !== undefined) {
    return source ? `${name} (${t(`staffAudit.via.${source}`, lang)})` : name;
  }
  return source === 'cli' ? t('staffAudit.cli', lang) : t('audit.system', lang);
}

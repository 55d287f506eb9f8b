/**
 * Pure. A category as headquarters types it on the console's form: checked, every problem with
 * its field, and the stable code a new one gets from its English name.
 */
import { isGsm7 } from '../../text/gsm7';

/**
 * The longest name a category may have, in either language: every USSD screen that names a
 * category, rendered with a name this long beside the longest region, council, ward and village
 * names and the longest description, keeps each page within 160 GSM-7 characters with its options
 * and the category whole (test/menus/integrity-category-lengths.test.ts). A longer name is
 * refused at save rather than risk a screen that does not fit.
 */
export const MAX_CATEGORY_NAME = 30;
/** Days a deadline may be set to (a first response in working days, resolution in days). */
export const MAX_SLA_DAYS = 365;

export interface CategoryForm {
  nameSw: string;
  nameEn: string;
  /** Text from the form: '' means the configured default. */
  firstResponseDays: string;
  resolutionDays: string;
  public: boolean;
}

export interface CategoryValues {
  nameSw: string;
  nameEn: string;
  firstResponseDays: number | null;
  resolutionDays: number | null;
  public: boolean;
}

export type CategoryField = 'nameSw' | 'nameEn' | 'firstResponseDays' | 'resolutionDays';
export type CategoryProblem =
  | { field: 'nameSw' | 'nameEn'; kind: 'length' | 'characters' | 'taken'; max?: number }
  | { field: 'firstResponseDays' | 'resolutionDays'; kind: 'days' };

const days = (text: string): number | null | undefined => {
  const t = text.trim();
  if (t === '') return null;
  if (!/^\d{1,3}$/.test(t)) return undefined;
  const n = Number(t);
  return n >= 1 && n <= MAX_SLA_DAYS ? n : undefined;
};

/** Pure. The form's values, or every problem. `others`: the other categories' names. */
export function checkCategory(
  form: CategoryForm,
  others: readonly { sw: string; en: string }[],
): { ok: true; value: CategoryValues } | { ok: false; problems: CategoryProblem[] } {
  const problems: CategoryProblem[] = [];
  const clean = (s: string) => s.trim().replace(/\s+/g, ' ');
  const nameSw = clean(form.nameSw);
  const nameEn = clean(form.nameEn);
  const fold = (s: string) => s.toLowerCase();
  for (const [field, name, lang] of [
    ['nameSw', nameSw, 'sw'],
    ['nameEn', nameEn, 'en'],
  ] as const) {
    if ([...name].length < 2 || [...name].length > MAX_CATEGORY_NAME) {
      problems.push({ field, kind: 'length', max: MAX_CATEGORY_NAME });
    } else if (!isGsm7(name, { allowExtended: false })) {
      problems.push({ field, kind: 'characters' });
    } else if (others.some((o) => fold(o[lang]) === fold(name))) {
      problems.push({ field, kind: 'taken' });
    }
  }
  const first = days(form.firstResponseDays);
  const resolution = days(form.resolutionDays);
  if (first === undefined) problems.push({ field: 'firstResponseDays', kind: 'days' });
  if (resolution === undefined) problems.push({ field: 'resolutionDays', kind: 'days' });
  if (problems.length > 0 || first === undefined || resolution === undefined) {
    return { ok: false, problems };
  }
  return {
    ok: true,
    value: {
      nameSw,
      nameEn,
      firstResponseDays: first,
      resolutionDays: resolution,
      public: form.public,
    },
  };
}

/** Pure. A new category's code: its English name in lower case and underscores, unique. */
export function categoryCode(nameEn: string, taken: ReadonlySet<string>): string {
  const base =
    nameEn
      .toLowerCase()
      .normalize('NFD')
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 30) || 'category';
  let code = base;
  for (let i = 2; taken.has(code); i++) code = `${base}_${i}`;
  return code;
}

/**
 * Category and status codes in words: a category by the names headquarters gave it (the
 * `categories` rows, set here by src/reference/repository.ts whenever they are read), a status
 * or a category not named yet by its translation (`status.in_progress`), any other code as
 * itself.
 */
import { en, type TextKey } from '../../menus/locales/en';
import { translate, type Lang } from './translate';

export type Labelled = 'category' | 'status';

/** Pure. The translation key for a category or status code, if there is one. */
export function codeKey(prefix: Labelled, code: string): TextKey | undefined {
  const key = `${prefix}.${code}`;
  return key in en ? (key as TextKey) : undefined;
}

let categoryNames: ReadonlyMap<string, { sw: string; en: string }> = new Map();

/** The categories' names from now on in this thread (the reference data's loader calls it). */
export function setCategoryNames(names: ReadonlyMap<string, { sw: string; en: string }>): void {
  categoryNames = names;
}

/** A category or status code in words; the code itself if it has no name or translation. */
export function codeLabel(prefix: Labelled, code: string, lang: Lang): string {
  const named = prefix === 'category' ? categoryNames.get(code) : undefined;
  if (named) return named[lang];
  const key = codeKey(prefix, code);
  return key ? translate(key, lang) : code;
}

/**
 * Category and status codes in words. Pure: a code with a translation (`category.water`,
 * `status.in_progress`) reads as that translation, any other code as itself.
 */
import { en, type TextKey } from '../../menus/locales/en';
import { translate, type Lang } from './translate';

export type Labelled = 'category' | 'status';

/** Pure. The translation key for a category or status code, if there is one. */
export function codeKey(prefix: Labelled, code: string): TextKey | undefined {
  const key = `${prefix}.${code}`;
  return key in en ? (key as TextKey) : undefined;
}

/** Pure. A category or status code in words; the code itself if it has no translation. */
export function codeLabel(prefix: Labelled, code: string, lang: Lang): string {
  const key = codeKey(prefix, code);
  return key ? translate(key, lang) : code;
}

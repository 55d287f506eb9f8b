/**
 * Words: the text of a translation key in a language, and text as it reaches a phone (typed text
 * made GSM-7). Pure. Every channel (USSD, SMS, the web console) renders its words through here.
 */
import { en, type TextKey } from '../../menus/locales/en';
import { sw } from '../../menus/locales/sw';
import { toGsm7 } from './gsm7';

export type { TextKey };
export type Lang = 'sw' | 'en';
export const LANGS: readonly Lang[] = ['sw', 'en'];

/**
 * A piece of text: a translation key with variables, or text as typed (rendered in GSM-7).
 * `truncatable`: a line that gives way when a USSD page is full (cut with '..', then left out),
 * as typed text does, or a line built from it (the ward recognised in a typed place).
 */
export type Text =
  | { key: TextKey; vars?: Record<string, string | number>; truncatable?: boolean }
  | { raw: string; truncatable?: boolean };

const locales = { en, sw } as const;

/** Pure. The text of a key in a language, with `{var}` replaced. */
export function translate(key: TextKey, lang: Lang, vars?: Record<string, string | number>) {
  const template = locales[lang][key];
  if (!vars || !template.includes('{')) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  );
}

/**
 * Pure. Text as it will appear on a phone: translated, or typed text made GSM-7. `base` holds
 * variables any text may use (the service code, the organisation's names: trusted GSM-7 values
 * from the configuration); the text's own variables win over them.
 */
export function textOf(text: Text, lang: Lang, base?: Record<string, string>): string {
  if ('raw' in text) return toGsm7(text.raw);
  if (!text.vars) return translate(text.key, lang, base);
  const vars: Record<string, string | number> = { ...base };
  for (const [k, v] of Object.entries(text.vars)) {
    vars[k] = typeof v === 'string' ? toGsm7(v) : v;
  }
  return translate(text.key, lang, vars);
}

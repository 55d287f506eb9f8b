/**
 * SMS text from the `sms.*` translations: GSM-7 only (typed text is transliterated) and at most
 * two SMS parts, shrinking one quoted variable (`..`) when a message would be longer. Pure.
 */
import type { TextKey } from '../../menus/locales/en';
import { smsParts, toGsm7, truncateGsm7 } from './gsm7';
import { textOf, type Lang } from './translate';

export const MAX_SMS_PARTS = 2;
/** Two concatenated GSM-7 parts of 153 septets. */
const MAX_SEPTETS = 153 * MAX_SMS_PARTS;

export type SmsKey = Extract<TextKey, `sms.${string}`>;

/** An SMS before rendering: a `sms.*` key, its variables and the one that may be shortened. */
export interface Say {
  key: SmsKey;
  vars?: Record<string, string | number>;
  shrink?: string;
}

const fits = (body: string) => {
  const p = smsParts(body);
  return p.encoding === 'GSM-7' && p.parts <= MAX_SMS_PARTS;
};

/**
 * Pure. The message in the recipient's language. When it would exceed two parts, the variable
 * named by `shrink` is cut with '..' until it fits.
 */
export function smsText(
  key: SmsKey,
  lang: Lang,
  vars: Record<string, string | number>,
  shrink?: string,
): string {
  const body = textOf({ key, vars }, lang);
  if (fits(body) || shrink === undefined) return body;
  const value = toGsm7(String(vars[shrink] ?? ''));
  const without = textOf({ key, vars: { ...vars, [shrink]: '' } }, lang);
  const room = Math.max(0, MAX_SEPTETS - without.length - 2);
  return textOf({ key, vars: { ...vars, [shrink]: truncateGsm7(value, room) } }, lang);
}

/**
 * The organisation that runs the desk, in the words citizens see: its name on the welcome screen
 * and its short prefix at the start of every citizen SMS (ORG_NAME_SW/EN, ORG_SMS_PREFIX_SW/EN).
 * Pure. The defaults are PO-RALG's, so a deployment that sets nothing reads as before.
 */
import type { Lang } from './translate';

export interface Organisation {
  /** The name as each language writes it (at most ORG_NAME_MAX characters, GSM-7 basic). */
  name: { sw: string; en: string };
  /** What starts each citizen SMS, `PO-RALG: ...` (at most ORG_PREFIX_MAX characters). */
  smsPrefix: { sw: string; en: string };
}

export const ORG_NAME_MAX = 30;
export const ORG_PREFIX_MAX = 15;

export const DEFAULT_ORGANISATION: Organisation = {
  name: { sw: 'OR-TAMISEMI', en: 'PO-RALG' },
  smsPrefix: { sw: 'OR-TAMISEMI', en: 'PO-RALG' },
};

/**
 * Pure. The template variables naming the organisation in a text of language `lang`: `{org}` its
 * name in that language, `{orgSw}`/`{orgEn}` each name (the bilingual welcome screen), `{orgSms}`
 * the SMS prefix in that language.
 */
export function orgVars(org: Organisation, lang: Lang): Record<string, string> {
  return {
    org: org.name[lang],
    orgSw: org.name.sw,
    orgEn: org.name.en,
    orgSms: org.smsPrefix[lang],
  };
}

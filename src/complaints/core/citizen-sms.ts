/**
 * The text of an SMS to the citizen who filed a complaint: the template in the citizen's
 * language, with the organisation's prefix and the complaint's number, category, council and
 * excerpt. Pure: the outbox queues it (../notify.ts) and the console's reply composer shows it
 * before it is sent, so the two never differ.
 */
import type { ComplaintRow } from '../../../db/schema';
import type { ReferenceData } from '../../reference/types';
import { codeLabel } from '../../text/labels';
import { orgVars } from '../../text/org';
import { smsText, type SmsKey } from '../../text/sms';
import { formatComplaintNumber } from './numbers';

const EXCERPT = 60;

/** Extra template variables, fixed or depending on the recipient's language. */
export type Extra = Record<string, string> | ((lang: 'sw' | 'en') => Record<string, string>);

export const extraFor = (extra: Extra, lang: 'sw' | 'en') =>
  typeof extra === 'function' ? extra(lang) : extra;

/** Pure. A complaint's own template variables in `lang`. */
export function complaintVars(reference: ReferenceData, c: ComplaintRow, lang: 'sw' | 'en') {
  return {
    number: formatComplaintNumber(c.number),
    category: codeLabel('category', c.categoryCode, lang),
    council: reference.councilLabels.get(c.councilCode)?.[lang] ?? c.councilCode,
    excerpt:
      [...c.description].length > EXCERPT
        ? `${[...c.description].slice(0, EXCERPT).join('')}..`
        : c.description,
  };
}

/** Pure. The SMS `key` says to the citizen of `c`; `shrink` names the variable cut to fit. */
export function citizenSmsBody(
  reference: ReferenceData,
  c: ComplaintRow,
  key: SmsKey,
  extra: Extra = {},
  shrink?: string,
): string {
  return smsText(
    key,
    c.language,
    {
      ...orgVars(reference.org, c.language),
      ...complaintVars(reference, c, c.language),
      ...extraFor(extra, c.language),
    },
    shrink,
  );
}

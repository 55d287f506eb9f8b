/**
 * Paths through the real menu for HTTP tests, on top of the fake AT phone: choosing a language,
 * filing a complaint from the main menu. Each answer is checked against AT's contract on the way.
 */
import type { TextKey } from '../../menus/locales/en';
import type { AtPhone, AtSession } from './at-ussd';
import { translate, type Lang } from '../../src/text/translate';
import { DEFAULT_ORGANISATION, orgVars } from '../../src/text/org';
import { SERVICE_CODE } from './world';

/** Replies on the main menu and the lists: File, Arusha, Arusha CC, Water. */
export const FILE = '1';
export const TRACK = '2';
export const ARUSHA = '1';
export const ARUSHA_CC = '1';
export const WATER = '3';
export const SKIP = '1';
export const IDENTIFIED = '1';
export const ANONYMOUS = '2';
export const SEND = '1';

/** A text as the default deployment (PO-RALG, service code *384*1234#) words it. */
export const en = (key: TextKey, vars?: Record<string, string | number>) =>
  translate(key, 'en', { ...defaults('en'), ...vars });
export const sw = (key: TextKey, vars?: Record<string, string | number>) =>
  translate(key, 'sw', { ...defaults('sw'), ...vars });
const defaults = (lang: Lang) => ({ code: SERVICE_CODE, ...orgVars(DEFAULT_ORGANISATION, lang) });

/** A pattern for a body that starts with `prefix`, taken literally. */
export const starting = (prefix: string) =>
  new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);

/** A first dial from a new phone that only picks the language, then hangs up. */
export async function chooseLanguage(phone: AtPhone, lang: Lang): Promise<void> {
  const s = phone.dial();
  await s.send('');
  await s.reply(lang === 'sw' ? '1' : '2');
}

/** What a caller types on the filing screens this path goes through. */
export interface FilingReplies {
  place?: string;
  description?: string;
  anonymous?: boolean;
}

/** Dials (the phone already has a language), goes to the confirm screen: the session, there. */
export async function fileUpToConfirm(
  phone: AtPhone,
  filing: FilingReplies = {},
): Promise<AtSession> {
  const s = phone.dial();
  await s.send('');
  await s.replies(
    FILE,
    ARUSHA,
    ARUSHA_CC,
    WATER,
    filing.place ?? SKIP,
    filing.description ?? 'Maji hayatoki tangu jana',
    filing.anonymous === true ? ANONYMOUS : IDENTIFIED,
  );
  return s;
}

/** A whole filing session (Arusha CC, Water); the final END body. */
export async function fileComplaint(phone: AtPhone, filing: FilingReplies = {}): Promise<string> {
  const s = await fileUpToConfirm(phone, filing);
  return s.reply(SEND);
}

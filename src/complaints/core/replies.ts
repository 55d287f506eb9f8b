/**
 * Saved and automatic replies as text: the variables they may use, what makes a text unfit to
 * save (refused with the reason, as data), the text filled for one complaint in one language, and
 * how an automatic reply rides with a status SMS. Pure.
 */
import type { AutoReplyTrigger, ComplaintRow } from '../../../db/schema';
import type { ReferenceData } from '../../reference/types';
import { isGsm7, smsParts, toGsm7 } from '../../text/gsm7';
import { codeLabel } from '../../text/labels';
import { MAX_SMS_PARTS, type SmsKey } from '../../text/sms';
import { translate, type Lang } from '../../text/translate';
import { citizenSmsBody, complaintVars } from './citizen-sms';

/**
 * The variables a reply text may use: the complaint's number, council and category (in the
 * citizen's language), and the name of the officer who has the complaint (for a complaint nobody
 * has yet, "our officer").
 */
export const REPLY_VARIABLES = ['number', 'council', 'category', 'officer'] as const;
export type ReplyVariable = (typeof REPLY_VARIABLES)[number];
export type ReplyValues = Record<ReplyVariable, string>;

/** Characters of a text as written. */
export const REPLY_TEXT_MAX = 300;
/** The longest staff name (src/directory/service.ts): what {officer} may become. */
export const OFFICER_NAME_MAX = 80;

/** Why a reply text may not be saved. */
export type ReplyTextProblem =
  | { code: 'empty' }
  | { code: 'tooLong'; vars: { max: number } }
  | { code: 'unknownVariable'; vars: { names: string } }
  /** A `{` or `}` that does not enclose a variable. */
  | { code: 'strayBrace' }
  | { code: 'notGsm'; vars: { chars: string } }
  /** With the longest values filled in, the reply's SMS would be cut. */
  | { code: 'tooManyParts'; vars: { parts: number; max: number } };

const VARIABLE = /\{([^{}]*)\}/g;
const KNOWN = new Set<string>(REPLY_VARIABLES);

/** Pure. A text as typed in a form: CR LF as LF, no spaces around. */
export const tidyReplyText = (text: string): string => text.replace(/\r\n?/g, '\n').trim();

/** Pure. The longest value each variable can take in `lang` (for the length check). */
export function longestValues(reference: ReferenceData, lang: Lang): ReplyValues {
  const longest = (xs: string[]) =>
    xs.reduce((a, b) => ([...b].length > [...a].length ? b : a), '');
  return {
    number: '0000 0000',
    council: longest([...reference.councilLabels.values()].map((l) => l[lang])),
    category: longest(reference.categories.map((c) => codeLabel('category', c, lang))),
    officer: 'x'.repeat(OFFICER_NAME_MAX),
  };
}

/** Pure. `text` with its variables filled in; values made GSM-7 (names may hold any letter). */
export function fillReply(text: string, values: ReplyValues): string {
  return text.replace(VARIABLE, (whole, name: string) =>
    KNOWN.has(name) ? toGsm7(values[name as ReplyVariable]) : whole,
  );
}

/**
 * Pure. The first thing wrong with `text` (tidied) as the `lang` text of a reply whose SMS is
 * `frame` (`sms.reply` for a saved reply, `sms.auto` for an automatic one sent alone); undefined
 * when it may be saved.
 */
export function replyTextProblem(
  text: string,
  lang: Lang,
  reference: ReferenceData,
  frame: SmsKey,
): ReplyTextProblem | undefined {
  if (text === '') return { code: 'empty' };
  if ([...text].length > REPLY_TEXT_MAX) return { code: 'tooLong', vars: { max: REPLY_TEXT_MAX } };
  const unknown = [...text.matchAll(VARIABLE)]
    .map((m) => m[0])
    .filter((v) => !KNOWN.has(v.slice(1, -1)));
  if (unknown.length > 0)
    return { code: 'unknownVariable', vars: { names: [...new Set(unknown)].join(' ') } };
  if (/[{}]/.test(text.replace(VARIABLE, ''))) return { code: 'strayBrace' };
  const bad = [...text.replace(VARIABLE, '')].filter(
    (c) => c !== '\n' && !isGsm7(c, { allowExtended: false }),
  );
  if (bad.length > 0) return { code: 'notGsm', vars: { chars: [...new Set(bad)].join(' ') } };
  const filled = fillReply(text, longestValues(reference, lang));
  const parts = smsParts(standaloneBody(reference, lang, frame, filled)).parts;
  if (parts > MAX_SMS_PARTS) return { code: 'tooManyParts', vars: { parts, max: MAX_SMS_PARTS } };
  return undefined;
}

/** The SMS `frame` around `message` for a complaint with the longest number, unshortened. */
function standaloneBody(reference: ReferenceData, lang: Lang, frame: SmsKey, message: string) {
  return translate(frame, lang, {
    orgSms: reference.org.smsPrefix[lang],
    number: '0000 0000',
    message,
  });
}

/** Pure. The values of a reply's variables for complaint `c` in `lang`. */
export function replyValues(
  reference: ReferenceData,
  c: ComplaintRow,
  lang: Lang,
  officer: string | null,
): ReplyValues {
  const v = complaintVars(reference, c, lang);
  return {
    number: v.number,
    council: v.council,
    category: v.category,
    officer: officer ?? translate('sms.officerNone', lang),
  };
}

/** Pure. Whether a reply text uses {officer} (the caller then looks the name up). */
export const usesOfficer = (text: string): boolean => text.includes('{officer}');

/**
 * The changes an automatic reply may go with, in the order of a complaint's life, each with the
 * citizen's status SMS it rides on (in_progress and closed send the citizen none).
 */
export const AUTO_TRIGGERS = {
  received: ['sms.received'],
  assigned: ['sms.assigned'],
  resolved: ['sms.resolved'],
  reopened: ['sms.reopened', 'sms.citizen.reopened'],
  escalated: ['sms.escalated'],
} as const satisfies Record<AutoReplyTrigger, readonly SmsKey[]>;

export const AUTO_TRIGGER_LIST = Object.keys(AUTO_TRIGGERS) as AutoReplyTrigger[];

const TRIGGER_OF = new Map<string, AutoReplyTrigger>(
  AUTO_TRIGGER_LIST.flatMap((t) =>
    AUTO_TRIGGERS[t].map((key): [string, AutoReplyTrigger] => [key, t]),
  ),
);

/** Pure. The automatic-reply trigger of a citizen SMS template, if it is a status SMS. */
export const autoTriggerOf = (key: SmsKey): AutoReplyTrigger | undefined => TRIGGER_OF.get(key);

/**
 * Pure. What a status SMS and its automatic reply `reply` (filled) go out as: one SMS, the status
 * text then the reply, when that takes no more SMS parts than the status SMS alone; else the
 * status SMS, then the reply alone in its own SMS (`sms.auto`: the prefix and the number, then
 * the reply, shortened to two parts if it had to be).
 */
export function withAutoReply(
  reference: ReferenceData,
  c: ComplaintRow,
  status: string,
  reply: string,
): [string] | [string, string] {
  const joined = `${status} ${reply}`;
  if (isGsm7(joined) && smsParts(joined).parts <= smsParts(status).parts) return [joined];
  return [status, citizenSmsBody(reference, c, 'sms.auto', { message: reply }, 'message')];
}

/**
 * The console's words in the staff member's language. Pure.
 */
import type { Refusal } from '../../complaints/core/refusal';
import type { ReplyProblem } from '../../complaints/core/reply-rules';
import { formatComplaintNumber } from '../../complaints/core/numbers';
import { codeLabel } from '../../text/labels';
import type { Lang } from '../../text/translate';
import { en, type WordKey } from './words/en';
import { sw } from './words/sw';

export type { WordKey };

const words = { en, sw } as const;

/** Pure. A console text in `lang`, with `{var}` replaced. */
export function t(key: WordKey, lang: Lang, vars?: Record<string, string | number>): string {
  const template = words[lang][key];
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  );
}

/** Pure. A text whose key is built from data (`channel.${c.channel}`); the key itself if unknown. */
export function tKey(key: string, lang: Lang, vars?: Record<string, string | number>): string {
  return key in en ? t(key as WordKey, lang, vars) : key;
}

/** Pure. A service's refusal in the staff member's language (the same codes the SMS console words). */
export function refusalText(r: Refusal, lang: Lang): string {
  const key: WordKey = `refusal.${r.code}`;
  switch (r.code) {
    case 'badNumber':
      return t(key, lang, { input: r.vars.input });
    case 'notFound':
    case 'otherRegion':
    case 'otherCouncil':
    case 'otherOfficer':
    case 'notAssigned':
      return t(key, lang, { number: formatComplaintNumber(r.vars.number) });
    case 'badState':
      return t(key, lang, {
        number: formatComplaintNumber(r.vars.number),
        status: codeLabel('status', r.vars.status, lang),
      });
    case 'noStaff':
      return t(key, lang, { phone: r.vars.phone });
    case 'staffInactive':
    case 'staffOtherRegion':
      return t(key, lang, { name: r.vars.name });
    default:
      return t(key, lang);
  }
}

/** Pure. Why a saved or automatic reply form was refused, in the staff member's language. */
export function replyProblemText(p: ReplyProblem, lang: Lang): string {
  const key: WordKey = `replies.err.${p.code}`;
  return 'vars' in p ? t(key, lang, p.vars) : t(key, lang);
}

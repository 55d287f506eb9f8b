/**
 * Who manages saved and automatic replies, and a reply form checked field by field. Pure.
 * - Saved replies: headquarters manage every one and may give one to a region or to all; a
 *   supervisor manages their own region's (a reply they add is their region's) and sees the
 *   national ones, which they cannot change; officers manage none.
 * - Automatic replies go to every citizen of a category whatever the region: headquarters manage
 *   them; supervisors see them.
 * Problems come back as codes with their field; each channel words them.
 */
import type { AutoReplyTrigger, StaffRole } from '../../../db/schema';
import type { ReferenceData } from '../../reference/types';
import type { SmsKey } from '../../text/sms';
import type { Lang } from '../../text/translate';
import {
  AUTO_TRIGGER_LIST,
  replyTextProblem,
  tidyReplyText,
  type ReplyTextProblem,
} from './replies';

export interface ReplyManager {
  role: StaffRole;
  regionCode: string | null;
}

/** Pure. Whether `m` may see the replies page and add saved replies. */
export const managesReplies = (m: ReplyManager): boolean => m.role !== 'officer';

/** Pure. Whether `m` may edit or retire a saved reply of `regionCode` (null: every region). */
export function managesSavedReply(m: ReplyManager, regionCode: string | null): boolean {
  if (m.role === 'hq') return true;
  return m.role === 'supervisor' && regionCode !== null && regionCode === m.regionCode;
}

/** Pure. Whether `m` may add, edit or retire automatic replies. */
export const managesAutoReplies = (m: ReplyManager): boolean => m.role === 'hq';

/** A saved or automatic reply form as typed. */
export interface ReplyForm {
  title: string;
  category: string;
  region: string;
  trigger: string;
  textSw: string;
  textEn: string;
}

export const REPLY_FIELDS = ['title', 'category', 'region', 'trigger', 'textSw', 'textEn'] as const;
export type ReplyField = (typeof REPLY_FIELDS)[number];

export type ReplyProblem = { field: ReplyField } & (
  ReplyTextProblem | { code: 'badTitle' | 'badCategory' | 'badRegion' | 'badTrigger' | 'taken' }
);

export const TITLE_MAX = 60;

/** The texts of a form, each checked as its language's text of an SMS `frame`. */
function textProblems(form: ReplyForm, ref: ReferenceData, frame: SmsKey): ReplyProblem[] {
  const problems: ReplyProblem[] = [];
  for (const [field, lang] of [
    ['textSw', 'sw'],
    ['textEn', 'en'],
  ] as const satisfies readonly (readonly [ReplyField, Lang])[]) {
    const p = replyTextProblem(tidyReplyText(form[field]), lang, ref, frame);
    if (p) problems.push({ field, ...p });
  }
  return problems;
}

export interface CheckedSavedReply {
  title: string;
  categoryCode: string | null;
  regionCode: string | null;
  textSw: string;
  textEn: string;
}

/**
 * Pure. A saved reply form checked for `m`: the row's fields, or every problem. A supervisor's
 * reply is always their region's; headquarters choose a region or none (every region).
 */
export function checkSavedReply(
  m: ReplyManager,
  form: ReplyForm,
  ref: ReferenceData,
): { ok: true; fields: CheckedSavedReply } | { ok: false; problems: ReplyProblem[] } {
  const problems: ReplyProblem[] = [];
  const title = form.title.trim();
  if ([...title].length < 2 || [...title].length > TITLE_MAX)
    problems.push({ field: 'title', code: 'badTitle' });
  const category = form.category === '' ? null : form.category;
  if (category !== null && !ref.categories.includes(category))
    problems.push({ field: 'category', code: 'badCategory' });
  const region = m.role === 'hq' ? (form.region === '' ? null : form.region) : m.regionCode;
  if (region !== null && !ref.regions.some((r) => r.code === region))
    problems.push({ field: 'region', code: 'badRegion' });
  problems.push(...textProblems(form, ref, 'sms.reply'));
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    fields: {
      title,
      categoryCode: category,
      regionCode: region,
      textSw: tidyReplyText(form.textSw),
      textEn: tidyReplyText(form.textEn),
    },
  };
}

export interface CheckedAutoReply {
  categoryCode: string;
  trigger: AutoReplyTrigger;
  textSw: string;
  textEn: string;
}

/**
 * Pure. An automatic reply form checked: the row's fields, or every problem. Its texts must fit
 * an SMS of their own (when the status SMS leaves no room, the reply goes alone).
 */
export function checkAutoReply(
  form: ReplyForm,
  ref: ReferenceData,
): { ok: true; fields: CheckedAutoReply } | { ok: false; problems: ReplyProblem[] } {
  const problems: ReplyProblem[] = [];
  if (!ref.categories.includes(form.category))
    problems.push({ field: 'category', code: 'badCategory' });
  const trigger = AUTO_TRIGGER_LIST.find((x) => x === form.trigger);
  if (!trigger) problems.push({ field: 'trigger', code: 'badTrigger' });
  problems.push(...textProblems(form, ref, 'sms.auto'));
  if (problems.length > 0 || !trigger) return { ok: false, problems };
  return {
    ok: true,
    fields: {
      categoryCode: form.category,
      trigger,
      textSw: tidyReplyText(form.textSw),
      textEn: tidyReplyText(form.textEn),
    },
  };
}

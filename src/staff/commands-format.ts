/**
 * The words of the staff SMS console's answers: parse errors, the lifecycle service's refusals
 * and the one-SMS LIST. Pure: everything comes in as arguments; text comes from `sms.*`.
 */
import type { TextKey } from '../../menus/locales/en';
import type { ComplaintStatus } from '../../db/schema';
import type { ActionError } from '../complaints/actions';
import { formatComplaintNumber } from '../complaints/numbers';
import { septetLength, toGsm7 } from '../text/gsm7';
import { quoteInput } from '../text/input';
import type { CommandName, NumberedCommand, StaffParseError } from './commands-parse';
import { translate, type Lang } from '../text/translate';
import { codeLabel } from '../text/labels';
import { formatDate } from '../text/calendar';

/** One SMS part: LIST must fit it. */
export const ONE_SMS = 160;

/** A reply before rendering: a `sms.*` key, its variables and the one that may be shortened. */
export interface Say {
  key: Extract<TextKey, `sms.${string}`>;
  vars?: Record<string, string | number>;
  shrink?: string;
}

const usageKey: Record<NumberedCommand, Say['key']> = {
  reply: 'sms.usage.reply',
  note: 'sms.usage.note',
  resolve: 'sms.usage.resolve',
  take: 'sms.usage.take',
  assign: 'sms.usage.assign',
  show: 'sms.usage.show',
};

const usage = (command: NumberedCommand, lang: Lang) => translate(usageKey[command], lang);

/** Pure. What to answer a staff SMS the parser could not read. */
export function parseErrorSay(e: StaffParseError, lang: Lang): Say {
  switch (e.error) {
    case 'empty':
      return { key: 'sms.cmd.help' };
    case 'unknown_command':
      return { key: 'sms.cmd.unknown', vars: { word: quoteInput(e.word) } };
    case 'missing_number':
      return { key: 'sms.cmd.err.missingNumber', vars: { usage: usage(e.command, lang) } };
    case 'bad_number':
      return {
        key: e.reason === 'check_digit' ? 'sms.cmd.err.typo' : 'sms.cmd.err.badNumber',
        vars: { input: quoteInput(e.input), usage: usage(e.command, lang) },
      };
    case 'missing_text':
      return { key: 'sms.cmd.err.missingText', vars: { usage: usage(e.command, lang) } };
    case 'missing_phone':
      return { key: 'sms.cmd.err.missingPhone', vars: { usage: usage(e.command, lang) } };
    case 'bad_phone':
      return {
        key: 'sms.cmd.err.badPhone',
        vars: { input: quoteInput(e.input), usage: usage(e.command, lang) },
      };
  }
}

/** The lifecycle service's fixed refusal reasons (src/complaints/lifecycle.ts mayAct). */
const fixedReasons = new Map<string, Say['key']>([
  ['your account is not active', 'sms.cmd.err.inactive'],
  ['this complaint is in another region', 'sms.cmd.err.otherRegion'],
  ['only a supervisor can assign', 'sms.cmd.err.notSupervisor'],
  ['this complaint is assigned to another officer', 'sms.cmd.err.otherOfficer'],
]);

export interface RefusalContext {
  command: CommandName;
  /** The complaint number as stored (8 digits). */
  number: string;
  /** The complaint's status, when it exists. */
  status: ComplaintStatus | undefined;
}

/**
 * Pure. The service's reason for refusing, in the staff member's language. A reason this table
 * does not know is passed on as the service wrote it rather than hidden.
 */
export function refusalSay(
  r: { error: ActionError; reason: string },
  ctx: RefusalContext,
  lang: Lang,
): Say {
  const number = formatComplaintNumber(ctx.number);
  const fixed = fixedReasons.get(r.reason);
  if (fixed) return { key: fixed, vars: { number } };
  const otherRegion = / works in another region$/.exec(r.reason);
  if (otherRegion)
    return {
      key: 'sms.cmd.err.staffOtherRegion',
      vars: { name: r.reason.slice(0, otherRegion.index) },
    };
  const inactive = / is not active$/.exec(r.reason);
  if (r.error === 'invalid' && inactive) {
    return { key: 'sms.cmd.err.staffInactive', vars: { name: r.reason.slice(0, inactive.index) } };
  }
  const noStaff = /^no staff member with phone (.*)$/.exec(r.reason);
  if (noStaff) return { key: 'sms.cmd.err.noStaff', vars: { phone: noStaff[1] ?? '' } };
  if (r.error === 'not_found') return { key: 'sms.cmd.err.notFound', vars: { number } };
  if (r.error === 'invalid' && ctx.status) {
    if (ctx.status === 'received' && ctx.command === 'reply') {
      return { key: 'sms.cmd.err.notAssigned', vars: { number } };
    }
    return {
      key: 'sms.cmd.err.state',
      vars: { number, status: codeLabel('status', ctx.status, lang) },
    };
  }
  return { key: 'sms.cmd.err.other', vars: { reason: r.reason }, shrink: 'reason' };
}

export interface ListItem {
  number: string;
  categoryCode: string;
  createdAt: number;
}

/**
 * Pure. The LIST answer in ONE SMS: a title with the total, then as many of `items` (oldest
 * first) as fit in 160 GSM-7 characters, then "+N more" for the rest.
 */
export function formatOpenList(items: readonly ListItem[], total: number, lang: Lang): string {
  if (total === 0) return translate('sms.cmd.listEmpty', lang);
  const lines = [translate('sms.cmd.listTitle', lang, { count: total })];
  const more = (left: number) =>
    left > 0 ? [translate('sms.cmd.listMore', lang, { count: left })] : [];
  let shown = 0;
  for (const item of items) {
    const line = toGsm7(
      translate('sms.cmd.listItem', lang, {
        number: formatComplaintNumber(item.number),
        category: codeLabel('category', item.categoryCode, lang),
        date: formatDate(item.createdAt).slice(0, 5),
      }),
    );
    const candidate = [...lines, line, ...more(total - shown - 1)].join('\n');
    if (septetLength(candidate) > ONE_SMS) break;
    lines.push(line);
    shown += 1;
  }
  return [...lines, ...more(total - shown)].join('\n');
}

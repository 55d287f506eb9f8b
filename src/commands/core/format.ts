/**
 * The words of the staff SMS console's answers: parse errors, the lifecycle service's refusals
 * and the one-SMS LIST. Pure: everything comes in as arguments; text comes from `sms.*`.
 */
import type { Refusal, RefusalCode } from '../../complaints/core/refusal';
import { formatComplaintNumber } from '../../complaints/core/numbers';
import { septetLength, toGsm7 } from '../../text/gsm7';
import { quoteInput } from '../../text/input';
import type { NumberedCommand, StaffParseError } from './parse';
import { translate, type Lang } from '../../text/translate';
import { codeLabel } from '../../text/labels';
import { formatDate } from '../../text/calendar';
import type { Say } from '../../text/sms';

/** One SMS part: LIST must fit it. */
export const ONE_SMS = 160;

/** Each numbered command's usage is the locale key `sms.usage.<command>`: no table to extend. */
const usage = (command: NumberedCommand, lang: Lang) =>
  translate(`sms.usage.${command}` satisfies Say['key'], lang);

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

export interface RefusalContext {
  command: NumberedCommand;
}

type Render<C extends RefusalCode> = (
  vars: Extract<Refusal, { code: C }>['vars'],
  ctx: RefusalContext,
  lang: Lang,
) => Say;

const num = (n: string) => formatComplaintNumber(n);

/** Each refusal code in the staff SMS console's words: a plain table, one entry per code. */
const refusalTable: { [C in RefusalCode]: Render<C> } = {
  badNumber: (v, ctx, lang) => ({
    key: 'sms.cmd.err.badNumber',
    vars: { input: quoteInput(v.input), usage: usage(ctx.command, lang) },
  }),
  notFound: (v) => ({ key: 'sms.cmd.err.notFound', vars: { number: num(v.number) } }),
  unknownActor: () => ({ key: 'sms.cmd.err.inactive' }),
  inactive: () => ({ key: 'sms.cmd.err.inactive' }),
  otherRegion: (v) => ({ key: 'sms.cmd.err.otherRegion', vars: { number: num(v.number) } }),
  otherCouncil: (v) => ({ key: 'sms.cmd.err.otherCouncil', vars: { number: num(v.number) } }),
  notSupervisor: () => ({ key: 'sms.cmd.err.notSupervisor' }),
  otherOfficer: (v) => ({ key: 'sms.cmd.err.otherOfficer', vars: { number: num(v.number) } }),
  notAssigned: (v) => ({ key: 'sms.cmd.err.notAssigned', vars: { number: num(v.number) } }),
  badState: (v, _ctx, lang) => ({
    key: 'sms.cmd.err.state',
    vars: { number: num(v.number), status: codeLabel('status', v.status, lang) },
  }),
  noStaff: (v) => ({ key: 'sms.cmd.err.noStaff', vars: { phone: v.phone } }),
  staffInactive: (v) => ({ key: 'sms.cmd.err.staffInactive', vars: { name: v.name } }),
  staffOtherRegion: (v) => ({ key: 'sms.cmd.err.staffOtherRegion', vars: { name: v.name } }),
  empty: (_v, ctx, lang) => ({
    key: 'sms.cmd.err.missingText',
    vars: { usage: usage(ctx.command, lang) },
  }),
};

/** Pure. A service's refusal in the staff member's language. */
export function refusalSay(refusal: Refusal, ctx: RefusalContext, lang: Lang): Say {
  const render = refusalTable[refusal.code] as Render<RefusalCode>;
  return render(refusal.vars, ctx, lang);
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

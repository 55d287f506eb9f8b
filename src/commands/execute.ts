/**
 * The staff SMS console: runs one parsed command through the lifecycle service (the same rights
 * as the web console) and words the answer in the staff member's language. Whatever the service
 * refuses changes nothing; every command gets an answer.
 */
import type { Tx } from '../../db/client';
import type { StaffRow } from '../../db/schema';
import {
  addNote,
  assignComplaint,
  replyToComplaint,
  resolveComplaint,
  takeComplaint,
  type ActionDeps,
  type ActionResult,
} from '../complaints/actions';
import { formatComplaintNumber } from '../complaints/core/numbers';
import { findComplaintByNumber } from '../complaints/repository';
import { smsText, type Say } from '../text/sms';
import { formatOpenList, parseErrorSay, refusalSay } from './core/format';
import { parseStaffCommand, type StaffCommand } from './core/parse';
import { findStaffById } from '../staff/repository';
import { translate } from '../text/translate';
import { codeLabel } from '../text/labels';
import { clockTime, formatDate } from '../text/calendar';
import { heldUntil } from '../outbox/core/quiet-hours';
import { openAssignedTo } from '../complaints/lists-repository';

/** The answer to one staff SMS, ready for the outbox. */
export interface CommandReply {
  body: string;
  /** The `sms.*` key it was made from, recorded in the outbox. */
  template: string;
  /** The complaint the command was about, when it exists. */
  complaintId: number | null;
}

/** LIST reads no more than this: one SMS never holds more. */
const LIST_READ = 20;

const render = (say: Say, lang: 'sw' | 'en', complaintId: number | null = null): CommandReply => ({
  body: smsText(say.key, lang, say.vars ?? {}, say.shrink),
  template: say.key,
  complaintId,
});

function listReply(tx: Tx, actor: StaffRow): CommandReply {
  const { rows: items, total } = openAssignedTo(tx, actor.id, LIST_READ);
  const body = formatOpenList(items, total, actor.language);
  return {
    body,
    template: total === 0 ? 'sms.cmd.listEmpty' : 'sms.cmd.listTitle',
    complaintId: null,
  };
}

function showReply(deps: ActionDeps, actor: StaffRow, number: string): CommandReply {
  const lang = actor.language;
  const c = findComplaintByNumber(deps.db, number);
  const shown = formatComplaintNumber(number);
  if (!c) return render({ key: 'sms.cmd.err.notFound', vars: { number: shown } }, lang);
  if (actor.role !== 'hq' && actor.regionCode !== c.regionCode) {
    return render({ key: 'sms.cmd.err.otherRegion', vars: { number: shown } }, lang, c.id);
  }
  const council = deps.reference.councilLabels.get(c.councilCode)?.[lang] ?? c.councilCode;
  const say: Say = {
    key: 'sms.cmd.show',
    vars: {
      number: shown,
      status: codeLabel('status', c.status, lang),
      category: codeLabel('category', c.categoryCode, lang),
      council: c.place ? `${council}, ${c.place}` : council,
      date: formatDate(c.createdAt),
      // Staff never see the number of a citizen who filed anonymously.
      phone: c.anonymous ? translate('sms.cmd.anonymous', lang) : c.citizenPhone,
      description: c.description,
    },
    shrink: 'description',
  };
  return render(say, lang, c.id);
}

type Numbered = Exclude<StaffCommand, { kind: 'list' | 'help' | 'show' }>;

function runAction(deps: ActionDeps, actor: StaffRow, cmd: Numbered): ActionResult {
  switch (cmd.kind) {
    case 'reply':
      return replyToComplaint(deps, actor.id, cmd.number, cmd.message);
    case 'note':
      return addNote(deps, actor.id, cmd.number, cmd.text);
    case 'resolve':
      return resolveComplaint(deps, actor.id, cmd.number, cmd.note);
    case 'take':
      return takeComplaint(deps, actor.id, cmd.number);
    case 'assign':
      return assignComplaint(deps, actor.id, cmd.number, cmd.phone);
  }
}

const doneKey = {
  reply: 'sms.cmd.replied',
  note: 'sms.cmd.noted',
  resolve: 'sms.cmd.resolved',
  take: 'sms.cmd.taken',
  assign: 'sms.cmd.assigned',
} as const;

function actionReply(deps: ActionDeps, actor: StaffRow, cmd: Numbered): CommandReply {
  const lang = actor.language;
  const result = runAction(deps, actor, cmd);
  const number = formatComplaintNumber(cmd.number);
  if (result.ok) {
    const owner =
      result.complaint.assigneeId === null
        ? undefined
        : findStaffById(deps.db, result.complaint.assigneeId);
    const vars = { number, name: owner?.name ?? '-' };
    // The rating request waits out the quiet hours (src/outbox/core/quiet-hours.ts): say until when.
    const ratingAt =
      cmd.kind === 'resolve' ? heldUntil('sms.resolved', deps.now(), deps.quietHours) : undefined;
    if (ratingAt !== undefined) {
      const say: Say = {
        key: 'sms.cmd.resolvedQuiet',
        vars: { ...vars, time: clockTime(ratingAt) },
      };
      return render(say, lang, result.complaint.id);
    }
    return render({ key: doneKey[cmd.kind], vars }, lang, result.complaint.id);
  }
  const say = refusalSay(result.refusal, { command: cmd.kind }, lang);
  const c = findComplaintByNumber(deps.db, cmd.number);
  return render(say, lang, c?.id ?? null);
}

/**
 * Answers one SMS from an active staff member. Runs inside the caller's transaction (the lifecycle
 * calls nest as savepoints on the same connection); a refused command changes nothing.
 */
export function executeStaffCommand(deps: ActionDeps, actor: StaffRow, text: string): CommandReply {
  const lang = actor.language;
  const parsed = parseStaffCommand(text);
  if (!parsed.ok) return render(parseErrorSay(parsed.error, lang), lang);
  const cmd = parsed.command;
  switch (cmd.kind) {
    case 'help':
      return render({ key: 'sms.cmd.help' }, lang);
    case 'list':
      return listReply(deps.db, actor);
    case 'show':
      return showReply(deps, actor, cmd.number);
    default:
      return actionReply(deps, actor, cmd);
  }
}

/**
 * Citizens' SMS to the shortcode: a message onto their complaint's thread, REOPEN/FUNGUA, a 1-5
 * rating, STATUS/HALI; anything else goes onto their only open complaint, or with none open is a
 * new complaint (src/citizens/sms-filing.ts), or earns a help SMS. Runs in the caller's
 * transaction.
 */
import type { NotifyContext } from '../complaints/notify';
import { formatComplaintNumber, parseComplaintNumber } from '../complaints/core/numbers';
import { findCitizenLanguage, findComplaintByNumber } from '../complaints/repository';
import { REOPEN_WINDOW_DAYS } from '../complaints/actions';
import { addCitizenMessage, citizenMayReopen, rateComplaint, reopenByCitizen } from './actions';
import { parseCitizenSms } from './core/parse';
import { latestUnratedResolved, openFiledBy } from '../complaints/lists-repository';
import { quoteInput } from '../text/input';
import { enqueueSms } from '../outbox/repository';
import { smsText, type Say } from '../text/sms';
import { translate, type Lang } from '../text/translate';
import { codeLabel } from '../text/labels';
import { orgVars } from '../text/org';
import { formatDate } from '../text/calendar';
import { fileBySms, joinSmsText, type SmsFilingDeps } from './sms-filing';
import { findSmsFilingByNumber } from './sms-filings-repository';
import { type Tx } from '../../db/client';
import { type ComplaintRow } from '../../db/schema';

export interface CitizenContext extends NotifyContext {
  /** The USSD code quoted in help texts; undefined: "the USSD code" in words. */
  ussdCode: string | undefined;
  /** Filing by SMS (src/citizens/sms-filing.ts); undefined: plain texts get the help. */
  filing?: SmsFilingDeps;
}

/** How an incoming SMS was handled, for sms_inbound. */
export interface Handled {
  handledAs: string;
  complaintId: number | null;
}

/** Complaint numbers listed in the help SMS; the rest are counted. */
const HELP_NUMBERS = 6;

interface Citizen {
  phone: string;
  lang: Lang;
}

function say(tx: Tx, ctx: NotifyContext, to: Citizen, s: Say, complaintId: number | null) {
  const vars = { ...orgVars(ctx.reference.org, to.lang), ...s.vars };
  const body = smsText(s.key, to.lang, vars, s.shrink);
  enqueueSms(
    tx,
    { toPhone: to.phone, body, template: s.key, ...(complaintId ? { complaintId } : {}) },
    ctx.now,
  );
}

const ussdCode = (ctx: CitizenContext, lang: Lang) =>
  ctx.ussdCode ?? translate('sms.ussdCode', lang);

/** The complaint a typed number names, or what to answer when it names none. */
function lookup(tx: Tx, raw: string): { c: ComplaintRow } | { say: Say } {
  const parsed = parseComplaintNumber(raw);
  if (!parsed.ok) {
    const key = parsed.reason === 'check_digit' ? 'sms.citizen.typo' : 'sms.citizen.badNumber';
    return { say: { key, vars: { input: quoteInput(raw) } } };
  }
  const c = findComplaintByNumber(tx, parsed.number);
  if (!c) {
    return {
      say: { key: 'sms.citizen.notFound', vars: { number: formatComplaintNumber(parsed.number) } },
    };
  }
  return { c };
}

function status(tx: Tx, ctx: CitizenContext, who: Citizen, c: ComplaintRow): Handled {
  const vars = {
    number: formatComplaintNumber(c.number),
    status: codeLabel('status', c.status, who.lang),
    council: ctx.reference.councilLabels.get(c.councilCode)?.[who.lang] ?? c.councilCode,
    date: formatDate(c.createdAt),
  };
  say(tx, ctx, who, { key: 'sms.citizen.status', vars }, c.id);
  return { handledAs: 'status', complaintId: c.id };
}

function statusByNumber(tx: Tx, ctx: CitizenContext, who: Citizen, raw: string): Handled {
  const found = lookup(tx, raw);
  const parsed = parseComplaintNumber(raw);
  const waiting =
    'say' in found && parsed.ok ? findSmsFilingByNumber(tx, parsed.number) : undefined;
  if (waiting && waiting.status !== 'closed') {
    // An SMS complaint still in triage: received, its council to come.
    const vars = {
      number: formatComplaintNumber(waiting.number),
      status: codeLabel('status', 'received', who.lang),
      date: formatDate(waiting.receivedAt),
    };
    say(tx, ctx, who, { key: 'sms.citizen.statusTriage', vars }, null);
    return { handledAs: 'status', complaintId: null };
  }
  if ('say' in found) {
    say(tx, ctx, who, found.say, null);
    return { handledAs: 'status', complaintId: null };
  }
  // Tracking by number shows the status to anyone, as on USSD; never the description.
  return status(tx, ctx, who, found.c);
}

function reopen(tx: Tx, ctx: CitizenContext, who: Citizen, raw: string, words: string): Handled {
  const found = lookup(tx, raw);
  if ('say' in found) {
    say(tx, ctx, who, found.say, null);
    return { handledAs: 'reopen', complaintId: null };
  }
  const c = found.c;
  const number = formatComplaintNumber(c.number);
  if (c.citizenPhone !== who.phone) {
    say(tx, ctx, who, { key: 'sms.citizen.reopenNotYours', vars: { number } }, null);
    return { handledAs: 'reopen', complaintId: null };
  }
  const may = citizenMayReopen(c, ctx.now);
  if (may.ok) {
    reopenByCitizen(tx, ctx, c, may.to, words);
  } else if (may.why === 'open') {
    const vars = { number, status: codeLabel('status', c.status, who.lang) };
    say(tx, ctx, who, { key: 'sms.citizen.reopenOpen', vars }, c.id);
  } else {
    const vars = { number, days: REOPEN_WINDOW_DAYS, code: ussdCode(ctx, who.lang) };
    say(tx, ctx, who, { key: 'sms.citizen.reopenLate', vars }, c.id);
  }
  return { handledAs: 'reopen', complaintId: c.id };
}

function help(tx: Tx, ctx: CitizenContext, who: Citizen, open: ComplaintRow[]): Handled {
  if (open.length === 0) {
    const vars = { code: ussdCode(ctx, who.lang) };
    say(tx, ctx, who, { key: 'sms.citizen.helpNone', vars }, null);
  } else {
    const listed = open.slice(0, HELP_NUMBERS).map((c) => formatComplaintNumber(c.number));
    const more = open.length - listed.length;
    const numbers = listed.join(', ') + (more > 0 ? ` +${more}` : '');
    say(tx, ctx, who, { key: 'sms.citizen.help', vars: { numbers } }, null);
  }
  return { handledAs: 'help', complaintId: null };
}

/** Filing by SMS's context, when it is on. */
const filingOf = (ctx: CitizenContext) =>
  ctx.filing ? { now: ctx.now, reference: ctx.reference, filing: ctx.filing } : undefined;

/**
 * Text that names no complaint: the rest of an SMS complaint sent minutes ago (or more words for
 * one in triage) joins it; else onto the only open complaint; with none open, a new complaint
 * (src/citizens/sms-filing.ts); else help listing the open ones.
 */
function plain(tx: Tx, ctx: CitizenContext, who: Citizen, message: string): Handled {
  const filing = filingOf(ctx);
  const joined = filing && message !== '' ? joinSmsText(tx, filing, who.phone, message) : undefined;
  if (joined) return joined;
  const open = openFiledBy(tx, who.phone);
  const only = open.length === 1 ? open[0] : undefined;
  if (message !== '' && only) {
    addCitizenMessage(tx, ctx, only, message);
    return { handledAs: 'citizen_message', complaintId: only.id };
  }
  const filed = filing && open.length === 0 ? fileBySms(tx, filing, who.phone, message) : undefined;
  return filed ?? help(tx, ctx, who, open);
}

/** Handles an SMS from a phone that has filed at least one complaint. */
export function handleCitizenSms(
  tx: Tx,
  ctx: CitizenContext,
  phone: string,
  text: string,
): Handled {
  const who = { phone, lang: findCitizenLanguage(tx, phone) ?? 'sw' };
  const sms = parseCitizenSms(text);
  switch (sms.kind) {
    case 'reopen':
      return reopen(tx, ctx, who, sms.raw, sms.reason);
    case 'status':
      return statusByNumber(tx, ctx, who, sms.raw);
    case 'help':
      return help(tx, ctx, who, openFiledBy(tx, phone));
    case 'rating': {
      const c = latestUnratedResolved(tx, phone);
      if (!c) return plain(tx, ctx, who, text.trim());
      const row = rateComplaint(tx, ctx, c, sms.rating);
      return { handledAs: 'rating', complaintId: row.id };
    }
    case 'numbered': {
      const parsed = parseComplaintNumber(sms.raw);
      const c = parsed.ok ? findComplaintByNumber(tx, parsed.number) : undefined;
      if (!c || c.citizenPhone !== phone) return plain(tx, ctx, who, text.trim());
      if (sms.message === '') return status(tx, ctx, who, c);
      addCitizenMessage(tx, ctx, c, sms.message);
      return { handledAs: 'citizen_message', complaintId: c.id };
    }
    case 'text':
      return plain(tx, ctx, who, sms.message);
  }
}

/**
 * Handles an SMS from a phone that has no complaint: STATUS works; a text long enough to be a
 * complaint is one (or joins the one it sent to triage); anything else gets the how-to.
 */
export function handleUnknownSms(
  tx: Tx,
  ctx: CitizenContext,
  phone: string,
  text: string,
): Handled {
  const who = { phone, lang: findCitizenLanguage(tx, phone) ?? 'sw' };
  const sms = parseCitizenSms(text);
  if (sms.kind === 'status') return statusByNumber(tx, ctx, who, sms.raw);
  const filing = filingOf(ctx);
  const words = text.trim();
  if (filing && sms.kind !== 'help' && words !== '') {
    const filed = joinSmsText(tx, filing, phone, words) ?? fileBySms(tx, filing, phone, words);
    if (filed) return filed;
  }
  say(tx, ctx, who, { key: 'sms.unknown', vars: { code: ussdCode(ctx, who.lang) } }, null);
  return { handledAs: 'help', complaintId: null };
}

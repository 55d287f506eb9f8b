/**
 * Changing a staff member's sign-in phone (issue 23): never silently. From the console it takes
 * two steps: `requestPhoneChange` sends a code to the new phone (kept only as a keyed hash;
 * 5 minutes, once, 5 wrong tries end it) and `confirmPhoneChange` makes the change when that code
 * is typed. From the command line (`kero staff phone`) the operator, who holds the database
 * anyway, changes it at once with `changePhoneNow`. Either way the change itself is one
 * transaction: the phone, the audit row, every console session and sign-in of the account ended,
 * and an SMS to the old phone saying who changed it, when, and whom to call.
 */
import { inTransaction, type Db, type Tx } from '../../db/client';
import type { StaffPhoneChangeRow, StaffRow } from '../../db/schema';
import { enqueueSms } from '../outbox/repository';
import { PHONE_CODE_TEMPLATE, SIGN_IN_CODE_TTL_MS } from '../outbox/core/quiet-hours';
import {
  countPhoneChangesBy,
  countWrongTry,
  endAccessOf,
  endPhoneChangesOf,
  insertPhoneChange,
  openPhoneChangeOf,
  setStaffPhone,
} from '../staff/access-repository';
import { keyedHash, sameHex, sixDigits, typedCode } from '../staff/codes';
import { findStaffById, findStaffByPhone } from '../staff/repository';
import { clockTime, formatDate } from '../text/calendar';
import { normalizePhone } from '../text/phone';
import { smsText } from '../text/sms';
import type { Result } from './service';
import { auditStaff, type StaffChangeCtx } from './staff-audit';

/** How long a phone-change code works, and how many wrong tries end it: a sign-in code's. */
export const PHONE_CODE_TTL_MS = SIGN_IN_CODE_TTL_MS;
export const PHONE_CODE_TRIES = 5;
/** At most this many codes asked for by one editor in PHONE_CODES_WINDOW_MS (SMS cost, abuse). */
export const PHONE_CODES_PER_EDITOR = 5;
export const PHONE_CODES_WINDOW_MS = 15 * 60_000;

/** A change made from the console: by a signed-in staff member, codes keyed with `secret`. */
export interface PhoneChangeCtx extends StaffChangeCtx {
  actorId: number;
  secret: string;
}

export type PhoneChangeRefusal =
  | { code: 'badPhone' | 'same' | 'tooMany' | 'notFound' | 'none' | 'wrong' }
  | { code: 'taken'; holder: StaffRow };
export type PhoneChangeResult<T> = { ok: true; value: T } | ({ ok: false } & PhoneChangeRefusal);

const refuse = (r: PhoneChangeRefusal): { ok: false } & PhoneChangeRefusal => ({
  ok: false,
  ...r,
});

/** The keyed hash of a change's code, bound to the member, the new phone and when it was asked. */
const codeHash = (
  secret: string,
  c: Pick<StaffPhoneChangeRow, 'staffId' | 'newPhone' | 'createdAt'>,
  code: string,
) => keyedHash(secret, `phone:${c.staffId}:${c.newPhone}:${c.createdAt}:${code}`);

const nameOf = (tx: Tx, ctx: StaffChangeCtx, lang: StaffRow['language']) =>
  (ctx.actorId === undefined ? undefined : findStaffById(tx, ctx.actorId)?.name) ??
  smsText('sms.staff.admin', lang, {});

/**
 * Asks for `member`'s sign-in phone to become `phoneInput`: a code goes to the new phone (it
 * replaces any change still waiting); nothing else changes until it is typed. Refused: not a
 * phone, their own phone already, someone else's phone, too many codes asked for lately.
 */
export function requestPhoneChange(
  db: Db,
  ctx: PhoneChangeCtx,
  staffId: number,
  phoneInput: string,
): PhoneChangeResult<{ phone: string; expiresAt: number }> {
  const phone = normalizePhone(phoneInput);
  if (!phone) return refuse({ code: 'badPhone' });
  return inTransaction(db, (tx) => {
    const member = findStaffById(tx, staffId);
    if (!member) return refuse({ code: 'notFound' });
    if (member.phone === phone) return refuse({ code: 'same' });
    const holder = findStaffByPhone(tx, phone);
    if (holder) return refuse({ code: 'taken', holder });
    const recent = countPhoneChangesBy(tx, ctx.actorId, ctx.now - PHONE_CODES_WINDOW_MS);
    if (recent >= PHONE_CODES_PER_EDITOR) return refuse({ code: 'tooMany' });
    endPhoneChangesOf(tx, staffId, ctx.now, 'replaced');
    const code = sixDigits();
    const expiresAt = ctx.now + PHONE_CODE_TTL_MS;
    const asked = { staffId, newPhone: phone, createdAt: ctx.now };
    insertPhoneChange(tx, {
      ...asked,
      oldPhone: member.phone,
      codeHash: codeHash(ctx.secret, asked, code),
      requestedBy: ctx.actorId,
      expiresAt,
    });
    const vars = { code, name: member.name, editor: nameOf(tx, ctx, member.language) };
    const body = smsText('sms.staff.phoneCode', member.language, vars, 'editor');
    enqueueSms(tx, { toPhone: phone, body, template: PHONE_CODE_TEMPLATE }, ctx.now);
    auditStaff(tx, ctx, staffId, 'phone_requested', member.phone, phone);
    return { ok: true, value: { phone, expiresAt } };
  });
}

/** Whether a change can still be confirmed at `now`. */
const live = (c: StaffPhoneChangeRow, now: number) =>
  c.endedAt === null && now < c.expiresAt && c.tries < PHONE_CODE_TRIES;

/** The change of `staffId` waiting for its code at `now`, if any (for the staff page). */
export function waitingPhoneChange(
  tx: Tx,
  staffId: number,
  now: number,
): StaffPhoneChangeRow | undefined {
  const c = openPhoneChangeOf(tx, staffId);
  return c && live(c, now) ? c : undefined;
}

/**
 * Makes the change waiting for `staffId` when `typed` is its code; a wrong code counts (the 5th
 * ends the change). Refused: nothing waiting (or it expired or wore out), the wrong code, the
 * number given to someone else meanwhile (the change ends).
 */
export function confirmPhoneChange(
  db: Db,
  ctx: PhoneChangeCtx,
  staffId: number,
  typed: string,
): PhoneChangeResult<{ member: StaffRow; oldPhone: string; sessionsEnded: number }> {
  return inTransaction(db, (tx) => {
    const c = openPhoneChangeOf(tx, staffId);
    const member = findStaffById(tx, staffId);
    if (!c || !member) return refuse({ code: 'none' });
    if (!live(c, ctx.now)) {
      endPhoneChangesOf(tx, staffId, ctx.now, c.tries >= PHONE_CODE_TRIES ? 'worn' : 'expired');
      return refuse({ code: 'none' });
    }
    const code = typedCode(typed);
    if (code === undefined || !sameHex(c.codeHash, codeHash(ctx.secret, c, code))) {
      const tries = c.tries + 1;
      countWrongTry(tx, c.id, tries);
      if (tries >= PHONE_CODE_TRIES) {
        endPhoneChangesOf(tx, staffId, ctx.now, 'worn');
        auditStaff(tx, ctx, staffId, 'phone_failed', c.newPhone, null);
      }
      return refuse({ code: 'wrong' });
    }
    const holder = findStaffByPhone(tx, c.newPhone);
    if (holder) {
      endPhoneChangesOf(tx, staffId, ctx.now, 'taken');
      return refuse({ code: 'taken', holder });
    }
    endPhoneChangesOf(tx, staffId, ctx.now, 'confirmed');
    const sessionsEnded = applyPhoneChange(tx, ctx, member, c.newPhone);
    return {
      ok: true,
      value: { member: { ...member, phone: c.newPhone }, oldPhone: member.phone, sessionsEnded },
    };
  });
}

/** Cancels the change waiting for `staffId`, if any; true when there was one. */
export function cancelPhoneChange(db: Db, ctx: StaffChangeCtx, staffId: number): boolean {
  return inTransaction(db, (tx) => {
    const c = waitingPhoneChange(tx, staffId, ctx.now);
    endPhoneChangesOf(tx, staffId, ctx.now, 'cancelled');
    if (c) auditStaff(tx, ctx, staffId, 'phone_cancelled', c.newPhone, null);
    return c !== undefined;
  });
}

/**
 * The command line's path: `member` (by their phone) gets `newPhoneInput` at once, with the same
 * effects as a confirmed change. Returns how many console sessions ended.
 */
export function changePhoneNow(
  db: Db,
  ctx: StaffChangeCtx,
  phoneInput: string,
  newPhoneInput: string,
): Result<{ member: StaffRow; oldPhone: string; sessionsEnded: number }> {
  const phone = normalizePhone(phoneInput);
  const next = normalizePhone(newPhoneInput);
  const errors = [
    ...(phone ? [] : [`phone: ${phoneInput} is not a phone number`]),
    ...(next ? [] : [`phone: ${newPhoneInput} is not a phone number`]),
  ];
  if (!phone || !next) return { ok: false, errors };
  return inTransaction(db, (tx) => {
    const member = findStaffByPhone(tx, phone);
    if (!member) return { ok: false, errors: [`no staff member with phone ${phone}`] };
    if (next === phone) return { ok: false, errors: [`phone: ${next} is already theirs`] };
    if (findStaffByPhone(tx, next)) {
      return { ok: false, errors: [`phone: ${next} is already registered`] };
    }
    endPhoneChangesOf(tx, member.id, ctx.now, 'superseded');
    const sessionsEnded = applyPhoneChange(tx, ctx, member, next);
    return {
      ok: true,
      value: { member: { ...member, phone: next }, oldPhone: phone, sessionsEnded },
    };
  });
}

/**
 * The change itself, in the caller's transaction: the phone, its audit row, every session and
 * sign-in of the account ended, and the old phone told. Returns how many sessions ended.
 */
function applyPhoneChange(tx: Tx, ctx: StaffChangeCtx, member: StaffRow, phone: string): number {
  setStaffPhone(tx, member.id, phone, ctx.now);
  auditStaff(tx, ctx, member.id, 'phone', member.phone, phone);
  const ended = endAccessOf(tx, member.id, ctx.now);
  const vars = {
    name: member.name,
    editor: nameOf(tx, ctx, member.language),
    date: formatDate(ctx.now),
    time: clockTime(ctx.now),
    last: phone.slice(-3),
  };
  const body = smsText('sms.staff.phoneChanged', member.language, vars, 'editor');
  enqueueSms(tx, { toPhone: member.phone, body, template: 'sms.staff.phoneChanged' }, ctx.now);
  return ended;
}

/**
 * Signing in to the console with a one-time code sent by SMS (OWASP ASVS 5.0 V6/V7):
 * - a code from the CSPRNG, valid 5 minutes, used once, stored only as a keyed hash;
 * - 5 wrong tries end it; asking again replaces it;
 * - the answer never says whether a phone is registered: a phone that is not an active staff
 *   member's gets a sign-in row too (with no code), and the same pages;
 * - how often codes may be asked for is counted here, from these rows (../core/sign-in-limits.ts:
 *   per phone and address, under a ceiling per phone); the route limits each address too.
 */
import { inTransaction, type Db } from '../../../db/client';
import { SIGN_IN_CODE_TEMPLATE, SIGN_IN_CODE_TTL_MS } from '../../outbox/core/quiet-hours';
import { enqueueSms } from '../../outbox/repository';
import { findStaffByPhone } from '../../staff/repository';
import { toGsm7 } from '../../text/gsm7';
import { t } from '../core/words';
import { CODE_LIMITS, mayAskCode } from '../core/sign-in-limits';
import {
  countSignIns,
  endSignInsOf,
  findSignIn,
  insertSignIn,
  signedInFrom,
  updateSignIn,
} from './repository';
import { digestOf, keyedHash, randomToken, sameHex, sixDigits } from './tokens';

export const CODE_TTL_MS = SIGN_IN_CODE_TTL_MS;
export const MAX_TRIES = 5;
/** The outbox template of sign-in codes (they go at once, quiet hours or not). */
export const CODE_TEMPLATE = SIGN_IN_CODE_TEMPLATE;

export interface SignInDeps {
  db: Db;
  now: () => number;
  /** The key of the codes' keyed hashes. */
  secret: string;
}

/**
 * Starts a sign-in for `phone` (already normalised): a code by SMS when it is an active staff
 * member's. Returns the token the browser keeps for the next step, or undefined when too many
 * codes were asked for (the same for every phone, registered or not).
 */
export function requestCode(
  deps: SignInDeps,
  phone: string,
  ip: string | undefined,
): string | undefined {
  const token = randomToken();
  const id = digestOf(token);
  const now = deps.now();
  return inTransaction(deps.db, (tx) => {
    const allowed = mayAskCode({
      fromAddress: countSignIns(tx, phone, now - CODE_LIMITS.phoneAndAddressWindowMs, ip ?? null),
      toPhone: countSignIns(tx, phone, now - CODE_LIMITS.phoneWindowMs),
      knownAddress: () =>
        ip !== undefined && signedInFrom(tx, phone, ip, now - CODE_LIMITS.knownAddressMs),
    });
    if (!allowed) return undefined;
    endSignInsOf(tx, phone, now);
    const staff = findStaffByPhone(tx, phone);
    const code = staff?.active ? sixDigits() : undefined;
    insertSignIn(tx, {
      id,
      phone,
      staffId: code && staff ? staff.id : null,
      codeHash: code ? keyedHash(deps.secret, `${id}:${code}`) : null,
      tries: 0,
      ip: ip ?? null,
      createdAt: now,
      expiresAt: now + CODE_TTL_MS,
      endedAt: null,
    });
    if (code && staff) {
      const body = toGsm7(t('signIn.sms', staff.language, { code }));
      enqueueSms(tx, { toPhone: phone, body, template: CODE_TEMPLATE }, now);
    }
    return token;
  });
}

export type CodeCheck =
  { ok: true; staffId: number } | { ok: false; why: 'wrong' | 'expired'; phone?: string };

/** Checks the code typed for the sign-in the browser's token names; a wrong one counts. */
export function checkCode(deps: SignInDeps, token: string, code: string): CodeCheck {
  const id = digestOf(token);
  const now = deps.now();
  return inTransaction(deps.db, (tx): CodeCheck => {
    const s = findSignIn(tx, id);
    if (!s) return { ok: false, why: 'expired' };
    if (s.endedAt !== null || now >= s.expiresAt || s.tries >= MAX_TRIES) {
      return { ok: false, why: 'expired', phone: s.phone };
    }
    const typed = code.replace(/\s/g, '');
    const right =
      s.codeHash !== null &&
      s.staffId !== null &&
      /^\d{6}$/.test(typed) &&
      sameHex(s.codeHash, keyedHash(deps.secret, `${id}:${typed}`));
    if (right && s.staffId !== null) {
      updateSignIn(tx, id, { endedAt: now });
      return { ok: true, staffId: s.staffId };
    }
    const tries = s.tries + 1;
    updateSignIn(tx, id, tries >= MAX_TRIES ? { tries, endedAt: now } : { tries });
    return { ok: false, why: tries >= MAX_TRIES ? 'expired' : 'wrong', phone: s.phone };
  });
}

/** The phone a sign-in is for, while it can still be completed (for the code page). */
export function pendingPhone(deps: SignInDeps, token: string): string | undefined {
  const s = findSignIn(deps.db, digestOf(token));
  return s && s.endedAt === null && deps.now() < s.expiresAt ? s.phone : undefined;
}

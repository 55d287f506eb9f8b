/**
 * Call-back references. Pure. Seven ASCII digits, never starting with 0, the last a Damm check
 * digit (the complaint numbers' scheme, src/complaints/core/numbers.ts): a typo is caught, and
 * with one digit fewer a reference is never taken for an 8-digit complaint number, nor one for
 * it. Shown grouped 3 + 4 (`482 1037`), unlike a complaint number's 4 + 4.
 */
import { dammCheckDigit } from '../../complaints/core/numbers';

export const REFERENCE_LENGTH = 7;

/**
 * Pure. A new reference: first digit 1-9, five more, the Damm check digit. All randomness from
 * `randomInt(maxExclusive)`, an integer in [0, maxExclusive).
 */
export function makeCallbackReference(randomInt: (maxExclusive: number) => number): string {
  let body = String(1 + randomInt(9));
  while (body.length < REFERENCE_LENGTH - 1) body += String(randomInt(10));
  return body + String(dammCheckDigit(body));
}

/** Pure. Exactly 7 ASCII digits, not starting with 0, whose Damm checksum is 0. */
export function isCallbackReference(s: string): boolean {
  return /^[1-9][0-9]{6}$/.test(s) && dammCheckDigit(s) === 0;
}

/** Pure. A reference as typed (spaces, '-' and '#' allowed), or undefined when it is not one. */
export function parseCallbackReference(typed: string): string | undefined {
  const digits = typed.replace(/[\s\-#]/g, '');
  return isCallbackReference(digits) ? digits : undefined;
}

/** Pure. `4821037` as `482 1037`; anything else unchanged. */
export function formatCallbackReference(s: string): string {
  return /^\d{7}$/.test(s) ? `${s.slice(0, 3)} ${s.slice(3)}` : s;
}

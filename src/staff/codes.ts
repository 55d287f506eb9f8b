/**
 * One-time codes sent by SMS (console sign-in, a new sign-in phone): six digits from the
 * system's CSPRNG, stored only as keyed hashes (HMAC-SHA-256), compared in constant time.
 */
import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';

/** A 6-digit code, every value equally likely. */
export const sixDigits = (): string => String(randomInt(0, 1_000_000)).padStart(6, '0');

/** A keyed hash (HMAC-SHA-256) of some text, hex. */
export const keyedHash = (secret: string, text: string): string =>
  createHmac('sha256', secret).update(text).digest('hex');

/** Whether two hex strings are equal, in constant time. */
export function sameHex(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

/** Pure. A code as typed (spaces allowed) when it can be one: six digits; else undefined. */
export function typedCode(input: string): string | undefined {
  const typed = input.replace(/\s/g, '');
  return /^\d{6}$/.test(typed) ? typed : undefined;
}

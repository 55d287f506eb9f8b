/**
 * Secrets of the console's sign-in: random tokens from the system's CSPRNG, digests stored in
 * place of tokens, and comparisons in constant time. The codes sent by SMS and their keyed
 * hashes are src/staff/codes.ts's (a new sign-in phone is confirmed with one too).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export { keyedHash, sameHex, sixDigits } from '../../staff/codes';

/** A random token of `bytes` bytes (16 bytes = 128 bits), URL-safe. */
export const randomToken = (bytes = 16): string => randomBytes(bytes).toString('base64url');

/** The SHA-256 digest of a token, hex: what the database keeps. */
export const digestOf = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Whether two strings are equal, in constant time (for tokens that are not hex). */
export function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

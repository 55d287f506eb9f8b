/**
 * Secrets of the console's sign-in: random tokens from the system's CSPRNG, digests stored in
 * place of tokens, keyed hashes of codes, and comparisons in constant time.
 */
import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/** A random token of `bytes` bytes (16 bytes = 128 bits), URL-safe. */
export const randomToken = (bytes = 16): string => randomBytes(bytes).toString('base64url');

/** The SHA-256 digest of a token, hex: what the database keeps. */
export const digestOf = (token: string): string => createHash('sha256').update(token).digest('hex');

/** A keyed hash (HMAC-SHA-256) of some text, hex. */
export const keyedHash = (secret: string, text: string): string =>
  createHmac('sha256', secret).update(text).digest('hex');

/** A 6-digit code, every value equally likely. */
export const sixDigits = (): string => String(randomInt(0, 1_000_000)).padStart(6, '0');

/** Whether two hex strings are equal, in constant time. */
export function sameHex(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

/** Whether two strings are equal, in constant time (for tokens that are not hex). */
export function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

/**
 * Webhook tokens: Africa's Talking signs nothing, so every callback URL carries
 * `?token=<WEBHOOK_TOKEN>`. Compared in constant time (src/http/webhook.ts applies the rule).
 */
import { createHash, timingSafeEqual } from 'node:crypto';

/** The expected token's SHA-256 digest, computed once per app. */
export const tokenDigest = (s: string): Buffer => createHash('sha256').update(s).digest();

/**
 * Constant-time comparison against the expected token's digest, which does not leak the token's
 * length either. Anything but one string (missing, repeated in the query) never matches.
 */
export function tokenMatches(expectedDigest: Buffer, given: unknown): boolean {
  if (typeof given !== 'string') return false;
  return timingSafeEqual(expectedDigest, tokenDigest(given));
}

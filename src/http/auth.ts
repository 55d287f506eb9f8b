/**
 * Webhook authentication: Africa's Talking signs nothing, so every callback URL carries
 * `?token=<WEBHOOK_TOKEN>`, compared in constant time. Wrong or missing: 401, nothing recorded.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * Constant-time comparison against the expected token's SHA-256 digest (computed once), which
 * does not leak the token's length either.
 */
export function tokenMatches(expectedDigest: Buffer, given: unknown): boolean {
  if (typeof given !== 'string') return false;
  return timingSafeEqual(expectedDigest, digest(given));
}

export function requireToken(expected: string): RequestHandler {
  const expectedDigest = digest(expected);
  return (req, res, next) => {
    const given = req.query.token;
    if (tokenMatches(expectedDigest, given)) {
      next();
      return;
    }
    res.status(401).type('text/plain').send('Unauthorized');
  };
}

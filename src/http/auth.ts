/**
 * Webhook authentication: Africa's Talking signs nothing, so every callback URL carries
 * `?token=<WEBHOOK_TOKEN>`, compared in constant time. Wrong or missing: 401, nothing recorded.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Constant-time comparison that does not leak the token's length either. */
export function tokenMatches(expected: string | Buffer, given: unknown): boolean {
  if (typeof given !== 'string') return false;
  return timingSafeEqual(typeof expected === 'string' ? digest(expected) : expected, digest(given));
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

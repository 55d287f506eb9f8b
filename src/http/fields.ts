/**
 * The form fields Africa's Talking posts, as zod schemas shared by the webhook routes, and the
 * one way a body is parsed: only typed values go inward; anything else is a 400 naming the fields.
 */
import { z } from 'zod';
import { normalizePhone } from '../text/phone';
import { BadRequestError } from './errors';

/** A required field: trimmed, not empty, at most `max` characters. */
export const required = (max: number) => z.string().trim().min(1).max(max);

/** An optional field, trimmed; empty counts as absent; longer than `max` is refused. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((s) => (s === '' ? undefined : s));

/**
 * An optional field, trimmed; empty counts as absent; longer than `max` is cut, not refused (for
 * fields where a 4xx would only make AT post the same thing again).
 */
export const cutText = (max: number) =>
  z
    .string()
    .trim()
    .optional()
    .transform((s) => (s === undefined || s === '' ? undefined : s.slice(0, max)));

/** An optional field kept as sent (not trimmed; empty stays empty), cut at `max`. */
export const rawText = (max: number) =>
  z
    .string()
    .optional()
    .transform((s) => s?.slice(0, max));

/** A phone number as AT sends it (+255…), normalised; anything else is refused. */
export const phone = z
  .string()
  .max(32)
  .transform((s, ctx) => {
    const normalized = normalizePhone(s);
    if (!normalized) ctx.addIssue({ code: 'custom', message: 'not a phone number' });
    return normalized ?? z.NEVER;
  });

/** The typed body, or a BadRequestError naming every bad field. */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body ?? {});
  if (!result.success) {
    const fields = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new BadRequestError(fields.join('; '));
  }
  return result.data;
}

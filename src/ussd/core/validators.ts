/**
 * Named validators for free-text inputs (`validate: 'description'`): zod schemas whose messages
 * are translation keys, plus the lookups some inputs need. Pure given the context.
 */
import { z } from 'zod';
import type { TextKey } from '../../../menus/locales/en';
import { parseComplaintNumber } from '../../complaints/core/numbers';
import { type UssdContext, type ValidatorName } from './types';
import { type Text } from '../../text/translate';

export type Validation = { ok: true; value: string } | { ok: false; error: Text };

/** Length as a person counts it: an emoji is one character. */
const chars = (s: string) => [...s].length;

const placeSchema = z
  .string()
  .trim()
  .refine((s) => chars(s) >= 2 && chars(s) <= 60, { message: 'file.place.errorLength' });

const descriptionSchema = z
  .string()
  .trim()
  .refine((s) => chars(s) >= 10, { message: 'file.description.errorShort', abort: true })
  .refine((s) => chars(s) <= 150, { message: 'file.description.errorLong' });

const complaintNumberSchema = z.string().transform((s, zctx) => {
  const parsed = parseComplaintNumber(s);
  if (parsed.ok) return parsed.number;
  zctx.addIssue({
    code: 'custom',
    message: parsed.reason === 'check_digit' ? 'track.errorCheckDigit' : 'track.errorFormat',
  });
  return z.NEVER;
});

function run(schema: z.ZodType<string, string>, input: string): Validation {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const key = (result.error.issues[0]?.message ?? 'common.invalid') as TextKey;
  return { ok: false, error: { key, vars: { length: chars(input.trim()) } } };
}

export const validators: Record<ValidatorName, (input: string, ctx: UssdContext) => Validation> = {
  place: (input) => run(placeSchema, input),
  description: (input) => run(descriptionSchema, input),
  complaintNumber: (input, ctx) => {
    const parsed = run(complaintNumberSchema, input);
    if (!parsed.ok) return parsed;
    return ctx.findComplaint(parsed.value)
      ? parsed
      : { ok: false, error: { key: 'track.errorNotFound' } };
  },
};

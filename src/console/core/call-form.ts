/**
 * The "log a call" form: what an agent typed, checked field by field against the reference data
 * and the same length rules as USSD filing. Pure. Every problem is reported with its field, so
 * the page can show them all at once next to their fields.
 */
import { z } from 'zod';
import type { Call } from '../../complaints/calls';
import type { ReferenceData } from '../../reference/types';
import { normalizePhone } from '../../text/phone';
import type { WordKey } from './words';

export interface CallForm {
  phone: string;
  language: string;
  region: string;
  council: string;
  category: string;
  place: string;
  description: string;
  identity: string;
}

export const CALL_FIELDS = [
  'phone',
  'language',
  'region',
  'council',
  'category',
  'place',
  'description',
  'identity',
] as const satisfies readonly (keyof CallForm)[];

export interface FormError {
  field: keyof CallForm;
  key: WordKey;
}

/** Length as a person counts it: an emoji is one character. */
const chars = (s: string) => [...s].length;

const schema = z.object({
  phone: z.string().trim(),
  language: z.enum(['sw', 'en']),
  region: z.string(),
  council: z.string(),
  category: z.string(),
  place: z
    .string()
    .trim()
    .refine((s) => s === '' || (chars(s) >= 2 && chars(s) <= 60)),
  description: z
    .string()
    .trim()
    .refine((s) => chars(s) >= 10 && chars(s) <= 150),
  identity: z.enum(['identified', 'anonymous']),
});

const MESSAGE: Record<keyof CallForm, WordKey> = {
  phone: 'call.err.phone',
  language: 'call.err.language',
  region: 'call.err.region',
  council: 'call.err.council',
  category: 'call.err.category',
  place: 'call.err.place',
  description: 'call.err.description',
  identity: 'call.err.identity',
};

/** Pure. The call to file, or every field that is wrong. */
export function checkCallForm(
  form: CallForm,
  ref: ReferenceData,
): { ok: true; call: Call } | { ok: false; errors: FormError[] } {
  const bad = new Set<keyof CallForm>();
  const parsed = schema.safeParse(form);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) bad.add(issue.path[0] as keyof CallForm);
  }
  const phone = normalizePhone(form.phone);
  if (!phone) bad.add('phone');
  if (!ref.regions.some((r) => r.code === form.region)) bad.add('region');
  const councils = ref.councilsByRegion.get(form.region) ?? [];
  if (!councils.some((c) => c.code === form.council)) bad.add('council');
  if (!ref.categories.includes(form.category)) bad.add('category');
  if (!parsed.success || !phone || bad.size > 0) {
    return {
      ok: false,
      errors: CALL_FIELDS.filter((f) => bad.has(f)).map((field) => ({
        field,
        key: MESSAGE[field],
      })),
    };
  }
  const v = parsed.data;
  return {
    ok: true,
    call: {
      phone,
      language: v.language,
      draft: {
        regionCode: v.region,
        councilCode: v.council,
        categoryCode: v.category,
        place: v.place === '' ? null : v.place,
        description: v.description,
        anonymous: v.identity === 'anonymous',
      },
    },
  };
}

/**
 * The kinds of value the configuration is made of, each with its refusal in plain words ("a whole
 * number from 1 to 65535"), for src/config.ts's schema.
 */
import { z } from 'zod';
import { parseClock, parseDailyWindow } from './text/calendar';
import { isGsm7 } from './text/gsm7';

const shownNumber = (n: number) => (n >= 100_000 ? n.toLocaleString('en') : String(n));
const wholeNumber = (min: number, max: number) =>
  `a whole number from ${shownNumber(min)} to ${shownNumber(max)}`;

/** A whole number from `min` to `max`; unset or empty: `fallback`. */
export const int = <T extends number | undefined>(fallback: T, min: number, max: number) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v, ctx): number | T => {
      if (v === undefined || v === '') return fallback;
      const n = Number(v);
      if (/^-?\d+$/.test(v) && n >= min && n <= max) return n;
      ctx.addIssue({ code: 'custom', message: wholeNumber(min, max) });
      return z.NEVER;
    });

export const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v === '' ? undefined : v));

/**
 * A comma-separated list whose every item must pass `valid`; the bad items are named once, in one
 * issue for the variable (not one per item).
 */
export const list = (valid: (item: string) => boolean, expected: string) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      const items = (v ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '');
      const bad = items.filter((item) => !valid(item));
      if (bad.length === 0) return items;
      // Which items are wrong, when the value holds more than the one item shown after "got".
      const named = bad.map((b) => JSON.stringify(b)).join(', ');
      const message = items.length > 1 ? `${expected}; not ${named}` : expected;
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    });

/** YYYY-MM-DD naming a day that exists (not 2026-02-30). */
export function isCalendarDate(d: string): boolean {
  const t = Date.parse(`${d}T00:00:00Z`);
  return (
    /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(t) && new Date(t).toISOString().startsWith(d)
  );
}

export const url = (example: string) =>
  optionalText.pipe(z.url({ error: `a URL such as ${example}` }).optional());

export const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''], { message: 'true or false' })
  .optional()
  .transform((v) => (v === undefined || v === '' ? undefined : ['true', '1', 'yes'].includes(v)));

/** A name citizens read: GSM-7 basic characters on one line, at most `max` of them. */
export const orgWords = (max: number) =>
  optionalText.pipe(
    z
      .string()
      .max(max, `at most ${max} characters`)
      .refine(
        (v) => isGsm7(v, { allowExtended: false }) && !/[\r\n]/.test(v),
        'GSM-7 basic characters on one line only (no curly quotes, dashes, emoji)',
      )
      .optional(),
  );

/** `HH:MM-HH:MM` in Tanzanian time, or `off`. */
export const dailyWindow = z
  .string()
  .trim()
  .default('21:00-07:00')
  .transform((v, ctx) => {
    if (v.toLowerCase() === 'off') return null;
    const window = parseDailyWindow(v);
    if (window) return window;
    ctx.addIssue({
      code: 'custom',
      message: 'HH:MM-HH:MM in Tanzanian time (e.g. 21:00-07:00), or off',
    });
    return z.NEVER;
  });

/** `HH:MM` in Tanzanian time (minutes after midnight), or `off`. */
export const clockTime = (fallback: string) =>
  z
    .string()
    .trim()
    .default(fallback)
    .transform((v, ctx) => {
      if (v.toLowerCase() === 'off') return null;
      const minute = parseClock(v);
      if (minute !== undefined) return minute;
      ctx.addIssue({ code: 'custom', message: 'HH:MM in Tanzanian time (e.g. 08:00), or off' });
      return z.NEVER;
    });

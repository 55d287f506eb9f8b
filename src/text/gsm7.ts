/**
 * GSM 03.38 (3GPP TS 23.038) default alphabet helpers for USSD pages and SMS.
 */

/** The 127 printable characters of the GSM-7 default alphabet (ESC 0x1B excluded). */
export const GSM7_BASIC: ReadonlySet<string> = new Set([
  ...'@£$¥èéùìòÇ\nØø\rÅå',
  ...'Δ_ΦΓΛΩΠΨΣΘΞÆæßÉ',
  ...' !"#¤%&\'()*+,-./0123456789:;<=>?',
  ...'¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§',
  ...'¿abcdefghijklmnopqrstuvwxyzäöñüà',
]);

/** Characters of the GSM-7 extension table; each costs 2 septets (ESC + code). */
export const GSM7_EXTENDED: ReadonlySet<string> = new Set([...'^{}\\[~]|€']);

const SMS_LIMITS = {
  'GSM-7': { single: 160, multi: 153 },
  'UCS-2': { single: 70, multi: 67 },
} as const;

/** Explicit stand-ins, applied before Unicode decomposition. */
const REPLACEMENTS: ReadonlyMap<string, string> = new Map([
  ...[...'‘’‚‛′‹›`´'].map((c): [string, string] => [c, "'"]),
  ...[...'“”„‟″«»'].map((c): [string, string] => [c, '"']),
  ...[...'‐‑‒–—―−'].map((c): [string, string] => [c, '-']),
  ['…', '...'],
  ['[', '('],
  ['{', '('],
  [']', ')'],
  ['}', ')'],
  ['\\', '/'],
  ['|', '/'],
  ['~', '-'],
  ['^', '-'],
  ['€', 'EUR'],
  ['\t', ' '],
  ['\v', ' '],
  ['\f', ' '],
  ['\u2028', '\n'],
  ['\u2029', '\n'],
  ['Ł', 'L'],
  ['ł', 'l'],
  ['Đ', 'D'],
  ['đ', 'd'],
  ['Ð', 'D'],
  ['ð', 'd'],
  ['Ħ', 'H'],
  ['ħ', 'h'],
  ['ı', 'i'],
  ['Œ', 'OE'],
  ['œ', 'oe'],
  ['Þ', 'Th'],
  ['þ', 'th'],
  ['Ŋ', 'N'],
  ['ŋ', 'n'],
]);

/** ASCII letters, digits, space, newline and the punctuation GSM-7's basic table shares with ASCII. */
export const PLAIN_GSM7 = /^[A-Za-z0-9 \n!"#$%&'()*+,\-./:;<=>?@_]*$/;
const COMBINING_MARKS = /\p{M}/gu;
const COMBINING_MARK = /^\p{M}$/u;
const SPACE_SEPARATOR = /^\p{Zs}$/u;
/** Controls, invisible formatting chars and emoji skin-tone modifiers: dropped. */
const DROPPED = /^[\p{Cc}\p{Cf}\p{Emoji_Modifier}]$/u;

/**
 * True when every character of `text` is in the GSM-7 basic alphabet, or in
 * the extension table when `allowExtended` is true (the default). The empty
 * string is GSM-7.
 */
export function isGsm7(text: string, opts: { allowExtended?: boolean } = {}): boolean {
  const allowExtended = opts.allowExtended ?? true;
  for (const ch of text) {
    if (!GSM7_BASIC.has(ch) && !(allowExtended && GSM7_EXTENDED.has(ch))) return false;
  }
  return true;
}

function mapSimple(ch: string): string | undefined {
  if (GSM7_BASIC.has(ch) && ch !== '\r') return ch;
  return REPLACEMENTS.get(ch);
}

function mapAll(chars: string): string | undefined {
  let out = '';
  for (const ch of chars) {
    const mapped = SPACE_SEPARATOR.test(ch) ? ' ' : mapSimple(ch);
    if (mapped === undefined) return undefined;
    out += mapped;
  }
  return out;
}

function mapCodePoint(ch: string): string {
  const simple = mapSimple(ch);
  if (simple !== undefined) return simple;
  if (SPACE_SEPARATOR.test(ch)) return ' ';
  if (DROPPED.test(ch)) return '';
  for (const form of ['NFD', 'NFKD'] as const) {
    const decomposed = ch.normalize(form).replace(COMBINING_MARKS, '');
    if (decomposed === ch) continue;
    const mapped = mapAll(decomposed);
    if (mapped !== undefined) return mapped;
  }
  return '?';
}

/**
 * Transliterates `text` to GSM-7 *basic* characters only (no extension table),
 * so the result always satisfies isGsm7(result, { allowExtended: false }).
 * Curly quotes → straight, dashes → '-', '…' → '...', unicode spaces and tabs →
 * ' ', CR/CRLF → '\n', other controls and invisible formatting chars removed,
 * accented letters → base letter, extension chars → basic stand-ins ('(' ')'
 * '/' '-' 'EUR'), anything else → one '?' per code point (lone surrogates too).
 */
export function toGsm7(text: string): string {
  // Most text (every translation, most of what is typed) is already plain GSM-7: keep it as is.
  if (PLAIN_GSM7.test(text)) return text;
  const normalized = text.replace(/\r\n?/g, '\n').normalize('NFC');
  let out = '';
  for (const ch of normalized) {
    if (COMBINING_MARK.test(ch)) continue;
    out += mapCodePoint(ch);
  }
  return out;
}

function septetCost(ch: string): number {
  return GSM7_EXTENDED.has(ch) ? 2 : 1;
}

/**
 * Number of GSM-7 septets needed for `text`: extension-table characters count
 * 2, everything else 1 per code point (call isGsm7 first for foreign text).
 */
export function septetLength(text: string): number {
  let total = 0;
  for (const ch of text) total += septetCost(ch);
  return total;
}

/**
 * SMS segmentation of `text`. GSM-7 when isGsm7(text) (extended allowed),
 * else UCS-2. `units` is septets (GSM-7) or UTF-16 code units (UCS-2).
 * One part holds 160 / 70 units; concatenated parts hold 153 / 67 each
 * (`perPart`). An escape pair or surrogate pair is never split across parts,
 * so `parts` can exceed ceil(units / perPart). The empty string is 1 part.
 */
export function smsParts(text: string): {
  encoding: 'GSM-7' | 'UCS-2';
  parts: number;
  perPart: number;
  units: number;
} {
  const encoding = isGsm7(text) ? 'GSM-7' : 'UCS-2';
  const limits = SMS_LIMITS[encoding];
  const cost = encoding === 'GSM-7' ? septetCost : (ch: string): number => ch.length;
  let units = 0;
  for (const ch of text) units += cost(ch);
  if (units <= limits.single) {
    return { encoding, parts: 1, perPart: limits.single, units };
  }
  let parts = 1;
  let used = 0;
  for (const ch of text) {
    const c = cost(ch);
    if (used + c > limits.multi) {
      parts += 1;
      used = 0;
    }
    used += c;
  }
  return { encoding, parts, perPart: limits.multi, units };
}

/**
 * Returns `text` unchanged when septetLength(text) ≤ maxSeptets; otherwise cuts
 * it at a code-point boundary (never splitting an extension char) and appends
 * `ellipsis`, so septetLength(result) ≤ maxSeptets. If the ellipsis alone does
 * not fit, the text is cut without it. Throws RangeError unless maxSeptets is
 * a non-negative integer.
 */
export function truncateGsm7(text: string, maxSeptets: number, ellipsis = '..'): string {
  if (!Number.isInteger(maxSeptets) || maxSeptets < 0) {
    throw new RangeError(`maxSeptets must be a non-negative integer, got ${maxSeptets}`);
  }
  if (septetLength(text) <= maxSeptets) return text;
  const ellipsisLength = septetLength(ellipsis);
  const suffix = ellipsisLength <= maxSeptets ? ellipsis : '';
  const budget = maxSeptets - (suffix === '' ? 0 : ellipsisLength);
  let used = 0;
  let out = '';
  for (const ch of text) {
    const c = septetCost(ch);
    if (used + c > budget) break;
    used += c;
    out += ch;
  }
  return out + suffix;
}

/**
 * Complaint numbers for the USSD complaints desk: 8 ASCII digits typed on a
 * phone keypad, never starting with 0, the last digit being a Damm check digit.
 */

/** Damm's weakly totally anti-symmetric quasigroup of order 10 (Damm 2004). */
const DAMM_TABLE: readonly (readonly number[])[] = [
  [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
  [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
  [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
  [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
  [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
  [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
  [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
  [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
  [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
  [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
];

export const COMPLAINT_NUMBER_LENGTH = 8;

const ASCII_DIGITS = /^[0-9]*$/;
const SEPARATORS = /[\s\-#*]/g;

export type ComplaintNumberParseFailure = 'empty' | 'not_digits' | 'length' | 'check_digit';

export type ComplaintNumberParseResult =
  { ok: true; number: string } | { ok: false; reason: ComplaintNumberParseFailure };

/**
 * Returns the Damm interim digit of `digits` (0–9). Appending it to `digits`
 * yields a string whose Damm checksum is 0; a string that already ends in its
 * check digit returns 0. The empty string returns 0.
 * Throws RangeError if `digits` contains anything other than ASCII 0–9.
 */
export function dammCheckDigit(digits: string): number {
  if (!ASCII_DIGITS.test(digits)) {
    throw new RangeError('dammCheckDigit expects ASCII digits only');
  }
  let interim = 0;
  for (let i = 0; i < digits.length; i++) {
    const row = DAMM_TABLE[interim] as readonly number[];
    interim = row[digits.charCodeAt(i) - 48] as number;
  }
  return interim;
}

/**
 * True only for exactly 8 ASCII digits, not starting with 0, whose Damm
 * checksum is 0. No separators or whitespace are tolerated here (see
 * parseComplaintNumber for user input).
 */
export function isValidComplaintNumber(digits: string): boolean {
  return (
    digits.length === COMPLAINT_NUMBER_LENGTH &&
    ASCII_DIGITS.test(digits) &&
    digits[0] !== '0' &&
    dammCheckDigit(digits) === 0
  );
}

/**
 * Builds a new complaint number: first digit 1–9, six more random digits,
 * then the Damm check digit (8 digits total). All randomness comes from
 * `randomInt(maxExclusive)`, which must return an integer in [0, maxExclusive);
 * anything else throws RangeError. Called once with 9, then six times with 10.
 */
export function makeComplaintNumber(randomInt: (maxExclusive: number) => number): string {
  const draw = (maxExclusive: number): number => {
    const value = randomInt(maxExclusive);
    if (!Number.isInteger(value) || value < 0 || value >= maxExclusive) {
      throw new RangeError(`randomInt(${maxExclusive}) returned ${String(value)}`);
    }
    return value;
  };
  let body = String(1 + draw(9));
  while (body.length < COMPLAINT_NUMBER_LENGTH - 1) {
    body += String(draw(10));
  }
  return body + String(dammCheckDigit(body));
}

/**
 * Groups an 8-digit complaint number as '4821 0379' for display. Input that is
 * not exactly 8 ASCII digits is returned unchanged.
 */
export function formatComplaintNumber(n: string): string {
  if (n.length !== COMPLAINT_NUMBER_LENGTH || !ASCII_DIGITS.test(n)) return n;
  return `${n.slice(0, 4)} ${n.slice(4)}`;
}

/**
 * Parses a complaint number as typed by a caller. Whitespace, '-', '#' and '*'
 * are stripped wherever they occur. Then, in order: nothing left → 'empty';
 * any non-ASCII-digit → 'not_digits'; length ≠ 8 → 'length'; bad Damm
 * checksum or leading 0 → 'check_digit'. On success `number` is the 8 digits.
 */
export function parseComplaintNumber(input: string): ComplaintNumberParseResult {
  const stripped = input.replace(SEPARATORS, '');
  if (stripped === '') return { ok: false, reason: 'empty' };
  if (!ASCII_DIGITS.test(stripped)) return { ok: false, reason: 'not_digits' };
  if (stripped.length !== COMPLAINT_NUMBER_LENGTH) return { ok: false, reason: 'length' };
  if (!isValidComplaintNumber(stripped)) return { ok: false, reason: 'check_digit' };
  return { ok: true, number: stripped };
}

/** Punctuation people put right after a word or a number: `JIBU: 4821 0379, ...`. */
const TRAILING_PUNCTUATION = /[:;,.]+$/;
const NUMBER_TOKEN = /^[0-9#*-]+$/;

export interface Split {
  /** As typed, tokens joined by one space (`4821 0379`); may still be a wrong number. */
  raw: string;
  /** What follows, trimmed. */
  rest: string;
}

/**
 * Pure. A complaint number at the start of `text`: whitespace-separated tokens made of digits,
 * '-', '#' and '*' are taken until they hold at least 8 digits (`4821 0379`, `4821-0379`,
 * `482 10379`), or a token carries trailing punctuation. Undefined when `text` does not start so.
 */
export function splitLeadingNumber(text: string): Split | undefined {
  let rest = text.trim();
  const tokens: string[] = [];
  let digits = 0;
  while (digits < COMPLAINT_NUMBER_LENGTH) {
    const m = /^(\S+)\s*/.exec(rest);
    if (!m) break;
    const token = m[1] ?? '';
    const bare = token.replace(TRAILING_PUNCTUATION, '');
    if (!NUMBER_TOKEN.test(bare) || !/[0-9]/.test(bare)) break;
    tokens.push(bare);
    digits += bare.replace(/[^0-9]/g, '').length;
    rest = rest.slice(m[0].length);
    if (bare !== token) break;
  }
  if (tokens.length === 0) return undefined;
  return { raw: tokens.join(' '), rest: rest.trim() };
}

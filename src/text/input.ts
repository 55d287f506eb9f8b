/**
 * Pieces of an incoming SMS that both the staff console and citizens' messages need: the leading
 * command word and a leading complaint number typed with or without spaces, hyphens or '#'. Pure.
 */
import { COMPLAINT_NUMBER_LENGTH } from '../complaints/core/numbers';

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
 * Pure. The command word (letters only, upper-cased) at the start of `text` and what follows,
 * or undefined when `text` does not start with a letter. `R48210379 ...` gives `R`.
 */
export function splitWord(text: string): { word: string; rest: string } | undefined {
  const m = /^\s*([A-Za-z]+)[:;,.]?(.*)$/s.exec(text);
  if (!m) return undefined;
  return { word: (m[1] ?? '').toUpperCase(), rest: (m[2] ?? '').trim() };
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

/** Pure. At most `max` characters of user input, for quoting it back in a reply. */
export function quoteInput(input: string, max = 20): string {
  const chars = [...input.trim()];
  return chars.length > max ? `${chars.slice(0, max).join('')}..` : chars.join('');
}

/**
 * What a citizen's SMS asks for: `REOPEN 4821 0379`, `HALI 48210379`, a rating digit, a message
 * that starts with a complaint number, or plain text. Pure; never throws.
 */
import { splitWord } from '../../text/input';
import { splitLeadingNumber } from '../../complaints/core/numbers';

export type CitizenSms =
  /** `raw` is the number as typed: it may still be wrong. */
  | { kind: 'reopen'; raw: string; reason: string }
  | { kind: 'status'; raw: string }
  | { kind: 'rating'; rating: number }
  | { kind: 'numbered'; raw: string; message: string }
  /** A command word with nothing after it: the citizen needs the help text. */
  | { kind: 'help' }
  | { kind: 'text'; message: string };

const REOPEN_WORDS = new Set(['REOPEN', 'FUNGUA']);
const STATUS_WORDS = new Set(['STATUS', 'HALI']);
const RATING = /^\s*([1-5])\s*[.!]?\s*$/;

/**
 * Pure. A keyword counts only when a number follows it, so ordinary Kiswahili such as
 * "Hali ya maji bado ni mbaya" stays a message; a keyword alone asks for help.
 */
export function parseCitizenSms(text: string): CitizenSms {
  const message = text.trim();
  const rating = RATING.exec(message);
  if (rating) return { kind: 'rating', rating: Number(rating[1]) };
  const word = splitWord(message);
  if (word && (REOPEN_WORDS.has(word.word) || STATUS_WORDS.has(word.word))) {
    if (word.rest === '') return { kind: 'help' };
    const number = splitLeadingNumber(word.rest);
    if (number && REOPEN_WORDS.has(word.word)) {
      return { kind: 'reopen', raw: number.raw, reason: number.rest };
    }
    if (number) return { kind: 'status', raw: number.raw };
  }
  const number = splitLeadingNumber(message);
  if (number) return { kind: 'numbered', raw: number.raw, message: number.rest };
  return { kind: 'text', message };
}

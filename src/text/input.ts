/**
 * Pieces of an incoming SMS that both the staff console and citizens' messages need: the leading
 * command word, and typed text quoted back. Pure. (A leading complaint number: splitLeadingNumber
 * in src/complaints/core/numbers.ts.)
 */

/**
 * Pure. The command word (letters only, upper-cased) at the start of `text` and what follows,
 * or undefined when `text` does not start with a letter. `R48210379 ...` gives `R`.
 */
export function splitWord(text: string): { word: string; rest: string } | undefined {
  const m = /^\s*([A-Za-z]+)[:;,.]?(.*)$/s.exec(text);
  if (!m) return undefined;
  return { word: (m[1] ?? '').toUpperCase(), rest: (m[2] ?? '').trim() };
}

/** Pure. At most `max` characters of user input, for quoting it back in a reply. */
export function quoteInput(input: string, max = 20): string {
  const chars = [...input.trim()];
  return chars.length > max ? `${chars.slice(0, max).join('')}..` : chars.join('');
}

/**
 * The words typed into the console's search box, as a safe SQLite FTS5 query: each word quoted
 * (so FTS5's own syntax means nothing) and matched as a prefix, all of them required. Pure.
 */

const MAX_WORDS = 8;

/** Pure. An FTS5 query for `text`, or undefined when it holds no word. */
export function ftsQuery(text: string): string | undefined {
  const words = text
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '')
    .slice(0, MAX_WORDS);
  if (words.length === 0) return undefined;
  return words.map((w) => `"${w.replace(/"/g, '""')}"*`).join(' ');
}

/** Pure. Whether typed text is meant as a complaint number (digits and separators only). */
export function looksLikeNumber(text: string): boolean {
  return /^[\s\d#*-]+$/.test(text) && /\d/.test(text);
}

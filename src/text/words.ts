/**
 * Names as typed, folded for comparing: accents dropped (é to e), lower case, words of letters
 * and digits. Pure. The clusters' place key (src/complaints/core/place.ts) and the ward matcher
 * (src/reference/core/place-match.ts) start from it. (The ward list's title case keeps NFD:
 * NFKD would turn its acute-accent apostrophes into spaces.)
 */

/** Pure. `text` without accents or other combining marks ("Mbeyá" to "Mbeya"). */
export const withoutAccents = (text: string): string =>
  text.normalize('NFKD').replace(/\p{M}/gu, '');

/** Pure. The lower-case words of letters and digits in `text`, accents dropped. */
export const foldedWords = (text: string): string[] =>
  withoutAccents(text)
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');

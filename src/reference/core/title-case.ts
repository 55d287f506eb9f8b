/**
 * Place names as people read them: the postcode list writes them in capitals, with whatever
 * quotes and apostrophes its many typists used (MTAMBANI "A", KISESA ‘B’, KIKWAKWARU‘B’,
 * NG'ONG'ONHA, JONUG”HA). Pure.
 */

/** A roman numeral of two letters or more (II, III, IV): kept upper case. */
const ROMAN = /^(?=[IVX]{2,}$)X{0,3}(?:IX|IV|V?I{0,3})$/;

/** One spelling for quotes: ’‘`´ are apostrophes; “” and two apostrophes, a double quote. */
const quotesUnified = (s: string) =>
  s
    .replace(/[‘’`´]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/''/g, '"');

/** Capitals with accents (ELANGÁTADAPASH) lose them: a name stays plain GSM-7 letters. */
const accentsDropped = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '');

function quotesDropped(s: string): string {
  return (
    s
      // A letter in quotes, with or without spaces, after a space or not: MTAMBANI "A", KOLO ' B',
      // KIKWAKWARU'B', MALOLO"A", DABALO "A'.
      .replace(/["']\s*([A-Za-z])\s*["'](?![A-Za-z])/g, ' $1 ')
      // A double quote typed for an apostrophe, inside a word (JONUG"HA).
      .replace(/(?<=[A-Za-z])"(?=[A-Za-z])/g, "'")
      .replace(/"/g, ' ')
      // An apostrophe belongs between two letters (NG'OMBE); elsewhere it is a stray quote
      // (BWAWANI B', HANANG').
      .replace(/'(?![A-Za-z])|(?<![A-Za-z])'/g, ' ')
  );
}

/** Spaces: one between words, none around / and -, one before ( and after ). */
const spacesTidied = (s: string) =>
  s
    .replace(/[*]/g, ' ')
    .replace(/\s*([/-])\s*/g, '$1')
    .replace(/(?<=\S)\(/g, ' (')
    .replace(/\)(?=[^\s)])/g, ') ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s,.\-/]+|[\s,.\-/]+$/g, '');

/** Each part of a word capitalised (after -, /, . or a bracket), never after an apostrophe. */
const capitalised = (word: string) =>
  ROMAN.test(word)
    ? word
    : word
        .toLowerCase()
        .replace(/(^|[^a-z'])([a-z])/g, (_, before: string, c: string) => before + c.toUpperCase());

/**
 * Pure. `MTAMBANI "A"` → `Mtambani A`, `NG'ONG'ONHA` → `Ng'ong'onha`, `DARAJA II` →
 * `Daraja II`, `KISESE - SAUNA` → `Kisese-Sauna`. Every word capitalised and the rest lower
 * case, lower case after an apostrophe; quotes around a letter and stray quotes dropped; roman
 * numerals upper case; spaces collapsed. Only quotes and spaces give ''.
 */
export function titleCase(upper: string): string {
  const plain = spacesTidied(quotesDropped(quotesUnified(accentsDropped(upper.toUpperCase()))));
  return plain.split(' ').map(capitalised).join(' ');
}

/**
 * Recognising a ward or village a caller typed among a council's (the national postcode list's,
 * src/reference/wards.ts). Pure. The typed text and every name are reduced to a key: lower case,
 * without apostrophes, spaces or punctuation, and without the words people put around a place
 * name ("kata ya Makole", "Mbande kijijini", "Makole ward"). A key equal to a ward's or a
 * village's is an exact match (a map read); failing any, a key one typo away (a letter wrong,
 * missing, extra or two swapped) is a near match, looked for among the council's keys (a few
 * hundred, most ruled out by their length or first differing letters: microseconds).
 */
import { foldedWords } from '../../text/words';

/** A ward as the matcher needs it. */
export interface PlaceWard {
  code: string;
  name: string;
  villages: readonly string[];
}

/** What a typed name was recognised as: a ward, or a village (by its listed name) in a ward. */
export interface PlaceMatch {
  wardCode: string;
  village?: string;
}

export type PlaceResult =
  | { kind: 'one'; match: PlaceMatch }
  | { kind: 'several'; matches: PlaceMatch[] }
  | { kind: 'none' };

/** A council's names by key. */
export interface PlaceIndex {
  readonly exact: ReadonlyMap<string, readonly PlaceMatch[]>;
}

/** The most choices a caller is offered (then "none of these"). */
export const MAX_PLACE_CHOICES = 5;

/** Shorter keys are matched exactly only: one typo in three letters is another name. */
const NEAR_MIN_LENGTH = 4;

/** Words around a place name, in Kiswahili and English, left out of its key. */
const AROUND = new Set([
  'kata',
  'kijiji',
  'kijijini',
  'vijiji',
  'mtaa',
  'mitaa',
  'ward',
  'village',
  'street',
  'ya',
  'la',
  'wa',
  'cha',
  'of',
]);

/**
 * Pure. A name's or a typed text's key ('' when nothing is left). Not the clusters' place key
 * (src/complaints/core/place.ts), which sorts words: here spaces and apostrophes vanish, so
 * "Ng'ong'ona", "ngongona" and "Ng ong ona" are one key.
 */
export function placeNameKey(text: string): string {
  return foldedWords(text.replace(/['’`‘]/g, ''))
    .filter((w) => !AROUND.has(w))
    .join('');
}

/** Pure. Whether `a` and `b` are one typo apart: one letter changed, added, dropped or swapped. */
export function oneTypoApart(a: string, b: string): boolean {
  if (a === b) return false;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  const [long, short] = a.length > b.length ? [a, b] : [b, a];
  return long.slice(i + 1) === short.slice(i);
}

/** Pure. The index of a council's wards and their villages, built once. */
export function buildPlaceIndex(wards: readonly PlaceWard[]): PlaceIndex {
  const exact = new Map<string, PlaceMatch[]>();
  const add = (key: string, match: PlaceMatch) => {
    if (key === '') return;
    const list = exact.get(key) ?? [];
    // A village named as its own ward is the ward; a name listed twice is one place.
    const same = list.some(
      (m) =>
        m.wardCode === match.wardCode && (m.village === undefined || m.village === match.village),
    );
    if (!same) list.push(match);
    exact.set(key, list);
  };
  for (const w of wards) add(placeNameKey(w.name), { wardCode: w.code });
  for (const w of wards) {
    for (const village of w.villages) add(placeNameKey(village), { wardCode: w.code, village });
  }
  return { exact };
}

/** The council's keys one typo from `key`, in order. */
const nearKeys = (index: PlaceIndex, key: string): string[] =>
  [...index.exact.keys()].filter((k) => oneTypoApart(key, k)).sort();

/** Pure. What `typed` names among the index's wards and villages. */
export function matchPlace(index: PlaceIndex, typed: string): PlaceResult {
  const key = placeNameKey(typed);
  if (key === '') return { kind: 'none' };
  const exact = index.exact.get(key) ?? [];
  const matches =
    exact.length > 0 || key.length < NEAR_MIN_LENGTH
      ? [...exact]
      : nearKeys(index, key).flatMap((k) => index.exact.get(k) ?? []);
  // Wards before villages, as the list has them otherwise.
  matches.sort((a, b) => Number(a.village !== undefined) - Number(b.village !== undefined));
  const [first] = matches;
  if (first === undefined) return { kind: 'none' };
  if (matches.length === 1) return { kind: 'one', match: first };
  return { kind: 'several', matches: matches.slice(0, MAX_PLACE_CHOICES) };
}

/** Pure. A match as one session value (`41105` or `41105|Chamwino`), and back. */
export const encodePlace = (m: PlaceMatch): string =>
  m.village === undefined ? m.wardCode : `${m.wardCode}|${m.village}`;

export function decodePlace(value: string | undefined): PlaceMatch | undefined {
  if (value === undefined || value === '') return undefined;
  const [wardCode = '', village] = value.split('|', 2);
  return village === undefined ? { wardCode } : { wardCode, village };
}

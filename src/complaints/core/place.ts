/**
 * Places as callers type them, made comparable: "Kijiji cha Olasiti", "olasiti village" and
 * "OLASITI." are the same place. Pure.
 */
import { foldedWords } from '../../text/words';

/** Words that say what kind of place follows, in Kiswahili and English: they do not tell places apart. */
const FILLER = new Set([
  'kijiji',
  'vijiji',
  'cha',
  'kata',
  'ya',
  'mtaa',
  'wa',
  'la',
  'kitongoji',
  'karibu',
  'na',
  'eneo',
  'village',
  'ward',
  'street',
  'area',
  'near',
  'of',
  'the',
  'st',
  'rd',
  'road',
  'barabara',
]);

/**
 * Pure. The key two places share when they are the same place: letters and digits only, accents
 * dropped, lower case, the filler words removed, the remaining words sorted. Null when nothing is
 * left (no place, or only filler).
 */
export function placeKey(place: string | null): string | null {
  if (place === null) return null;
  const words = foldedWords(place).filter((w) => !FILLER.has(w));
  if (words.length === 0) return null;
  return [...new Set(words)].sort().join(' ');
}

/** How far apart in time two complaints of a cluster may be filed. */
export const CLUSTER_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

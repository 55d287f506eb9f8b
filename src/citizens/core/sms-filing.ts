/**
 * Reading a complaint sent as a free-text SMS: is it long enough to be one, which language is it
 * in, which category do its words point to. Pure; the words lists are small and deliberate (a
 * wrong guess costs a staff member one click in triage; a guess that routes is only ever made
 * with a council named outright: src/reference/core/place-guess.ts).
 */
import type { Lang } from '../../text/translate';
import { foldedWords } from '../../text/words';

/** Fewer letters than this (or fewer than MIN_WORDS words) is not a complaint: how-to instead. */
export const MIN_LETTERS = 15;
export const MIN_WORDS = 4;

/** Pure. Whether `text` is too short to be a complaint ("Habari", "Hi", "ok", "maji"). */
export function tooShortToFile(text: string): boolean {
  const words = foldedWords(text);
  return words.length < MIN_WORDS || words.join('').length < MIN_LETTERS;
}

/** Common words that only one of the two languages has. */
const ENGLISH = new Set(
  (
    'the is are was were no not there our we my i you they in of on at for and with to since ' +
    'have has been weeks week days months please help water road school hospital clinic ' +
    'village problem from this that it its here'
  ).split(' '),
);
const SWAHILI = new Set(
  (
    'hakuna kuna ni na ya wa za la cha kwa katika sasa wiki siku mwezi bado tena sana tafadhali ' +
    'msaada maji barabara shule hospitali zahanati kijiji kijijini kwetu yetu wetu tunaomba ' +
    'naomba tatizo shida huduma hii hiyo hapa mbili tatu mimi sisi wao hawa'
  ).split(' '),
);

/** Pure. The language of a text: Kiswahili unless clearly more of its words are English. */
export function smsLanguage(text: string): Lang {
  let en = 0;
  let sw = 0;
  for (const w of foldedWords(text)) {
    if (ENGLISH.has(w)) en += 1;
    if (SWAHILI.has(w)) sw += 1;
  }
  return en >= 2 && en > sw ? 'en' : 'sw';
}

/**
 * Words that point to each of the seeded categories, in both languages; a word also counts
 * with Kiswahili's locative -ni ("hospitalini", "shuleni"). A category headquarters added
 * is pointed to by the words of its own names ("Umeme", "Electricity").
 */
const KEYWORDS: Readonly<Record<string, string>> = {
  health:
    'afya hospitali zahanati dawa daktari madaktari muuguzi wauguzi mgonjwa wagonjwa kliniki ' +
    'health hospital clinic doctor nurse medicine drugs dispensary patients',
  education:
    'elimu shule mwalimu walimu wanafunzi darasa madarasa education school teacher teachers ' +
    'pupils students classroom',
  water: 'maji bomba mabomba kisima visima water tap taps borehole',
  roads: 'barabara daraja madaraja road roads bridge potholes',
  land: 'ardhi kiwanja viwanja hati mipaka land plot plots boundary',
  agriculture:
    'kilimo mbolea mbegu mazao wakulima pembejeo agriculture fertiliser fertilizer seeds crops ' +
    'farmers',
  council_services: 'takataka taka ushuru leseni garbage waste levy licence license',
  corruption: 'rushwa hongo bribe bribery corruption',
};

export interface NamedCategory {
  code: string;
  names: readonly string[];
}

/** Pure. The one category the words point to most, if one does. */
export function guessCategory(
  text: string,
  categories: readonly NamedCategory[],
): string | undefined {
  const words = new Set<string>();
  for (const w of foldedWords(text)) {
    words.add(w);
    if (w.endsWith('ni') && w.length > 5) words.add(w.slice(0, -2));
  }
  let best: string | undefined;
  let bestScore = 0;
  let tie = false;
  for (const c of categories) {
    const own = c.names.flatMap((n) => foldedWords(n)).filter((w) => w.length >= 4);
    const keys = new Set([...(KEYWORDS[c.code]?.split(' ') ?? []), ...own]);
    let score = 0;
    for (const k of keys) if (words.has(k)) score += 1;
    if (score > bestScore) {
      best = c.code;
      bestScore = score;
      tie = false;
    } else if (score > 0 && score === bestScore) {
      tie = true;
    }
  }
  return tie ? undefined : best;
}

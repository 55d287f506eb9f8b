/**
 * Where a free-text SMS says the trouble is, read from its words: the councils and regions it
 * names, and the wards and streets/villages of the national postcode list it names anywhere in
 * the country. Pure. Unlike the USSD place step (place-match.ts), which matches what a caller
 * typed as a place within a council already chosen, this reads running text, so it is careful:
 * - a council counts when a run of words is its name without the type ("Temeke", "Kondoa"
 *   names both Kondoa councils); a name that is also a region's ("Dodoma", "Mbeya") names the
 *   region only;
 * - wards and villages are matched exactly (no typos: running text is full of words one letter
 *   from some village), on keys of at least 4 letters that are not common words of complaints;
 * - only a council named outright settles where the complaint goes (`council`); a ward or
 *   village alone is a guess (`guess`), for staff to confirm: 21,479 street and village names
 *   repeat across the country and the list is not complete.
 */
import { foldedWords } from '../../text/words';
import { placeNameKey, type PlaceMatch } from './place-match';

export interface GuessCouncil {
  code: string;
  regionCode: string;
  /** Its names in both languages, type words and all ("Kondoa DC", "Temeke Manispaa"). */
  names: readonly string[];
}

export interface GuessRegion {
  code: string;
  names: readonly string[];
}

export interface GuessWard {
  code: string;
  name: string;
  councilCode: string;
  villages: readonly string[];
}

/** A ward or village the text names, in the council whose list has it. */
export interface PlaceHit extends PlaceMatch {
  councilCode: string;
}

export interface PlaceGuessIndex {
  readonly councils: ReadonlyMap<string, readonly string[]>;
  readonly regions: ReadonlyMap<string, readonly string[]>;
  readonly regionOf: ReadonlyMap<string, string>;
  /** Ward and village keys across the country; empty until the ward list is indexed. */
  readonly places: ReadonlyMap<string, readonly PlaceHit[]>;
}

export interface PlaceGuess {
  /** The one council the text names outright, if exactly one. */
  council?: string;
  /** Where in that council (or, with no council, the one council its places point to). */
  place?: PlaceHit;
  /** Every region the words point to, in code order: whose supervisors triage it. */
  regions: string[];
  /** The council a ward or village alone points to (a guess to prefill, not to route by). */
  guessCouncil?: string;
}

/** Words that name a council's type, left out of the names a text is matched on. */
const TYPE_WORDS = new Set([
  'cc',
  'mc',
  'tc',
  'dc',
  'jiji',
  'manispaa',
  'mji',
  'wilaya',
  'halmashauri',
  'city',
  'municipal',
  'town',
  'district',
  'council',
  'la',
  'ya',
]);

/**
 * Words of complaints that are also some street's or village's name somewhere ("Sokoni",
 * "Shuleni", "Mjini", "Kati"): never read as a place in running text.
 */
const COMMON = new Set(
  (
    'hakuna maji wiki mbili sasa siku mwezi mwaka leo jana kesho bado tena sana kubwa ndogo ' +
    'mjini kati juu chini kusini kaskazini mashariki magharibi mpya kati sokoni shuleni ' +
    'kanisani msikitini barabarani hospitalini kijijini mtaani kwetu hapa huku pale kule ' +
    'tatizo shida huduma umeme barabara shule hospitali zahanati kituo afya elimu ardhi ' +
    'kilimo soko mkuu mkubwa mzee mama baba watoto wananchi serikali ofisi mtendaji diwani ' +
    'mwenyekiti kijiji kata mtaa wilaya mkoa halmashauri tumechoka tunaomba naomba tafadhali ' +
    'msaada karibu mbali nyumba nyumbani kazi pesa fedha rushwa hongo daktari mwalimu walimu ' +
    'wanafunzi polisi mahakama water road school health clinic market town centre center ' +
    'village street ward district region council please help there have been since weeks ' +
    'month months days problem office officer people ' +
    // Everyday words that are also some street's or village's name (checked against the list).
    'angalia bara baraka benki bustani chuo dawa hazina kabisa kamili kanisa kanuni kisima ' +
    'koma kumbukumbu lake long mabano makaburi makao manispaa mbaya mifugo msikiti msingi ' +
    'muda mwananchi mwanzo ngazi ngombe ofisini posta reli rudi safu sekondari shuka simu ' +
    'stendi tawala ualimu utulivu uwanja vitendo wala ziwa'
  ).split(' '),
);

/** Keys shorter than this are never a ward or village in running text. */
const MIN_PLACE_KEY = 4;
/** The longest name, in words, looked for ("Dar es Salaam", "Kariakoo Magharibi A"). */
const MAX_WORDS = 3;

/** Pure. A council's names as a text would say them: without the type words. */
function bareNames(names: readonly string[]): string[] {
  const keys = names.map((n) =>
    foldedWords(n.replace(/['’`‘]/g, ''))
      .filter((w) => !TYPE_WORDS.has(w))
      .join(''),
  );
  return [...new Set(keys.filter((k) => k !== ''))];
}

function addTo<T>(map: Map<string, T[]>, key: string, value: T) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Pure. The index of councils and regions (microseconds); places come from `placeKeys`. */
export function buildPlaceGuessIndex(
  regions: readonly GuessRegion[],
  councils: readonly GuessCouncil[],
  places: ReadonlyMap<string, readonly PlaceHit[]> = new Map(),
): PlaceGuessIndex {
  const regionKeys = new Map<string, string[]>();
  for (const r of regions) for (const k of bareNames(r.names)) addTo(regionKeys, k, r.code);
  const councilKeys = new Map<string, string[]>();
  for (const c of councils) {
    for (const k of bareNames(c.names)) if (!regionKeys.has(k)) addTo(councilKeys, k, c.code);
  }
  return {
    councils: councilKeys,
    regions: regionKeys,
    regionOf: new Map(councils.map((c) => [c.code, c.regionCode])),
    places,
  };
}

/**
 * Pure. Adds one council's wards and villages to `into` (key → where); called council by
 * council so that building the country's (about 25,000 names) never holds the caller long.
 */
export function addPlaceKeys(
  into: Map<string, PlaceHit[]>,
  councilCode: string,
  wards: readonly GuessWard[],
): void {
  const add = (name: string, hit: PlaceHit) => {
    const key = placeNameKey(name);
    if (key.length < MIN_PLACE_KEY || COMMON.has(key)) return;
    const list = into.get(key) ?? [];
    const same = list.some(
      (h) =>
        h.councilCode === hit.councilCode &&
        h.wardCode === hit.wardCode &&
        (h.village === undefined || h.village === hit.village),
    );
    if (!same) list.push(hit);
    into.set(key, list);
  };
  for (const w of wards) add(w.name, { councilCode, wardCode: w.code });
  for (const w of wards) {
    for (const village of w.villages) add(village, { councilCode, wardCode: w.code, village });
  }
}

/** Pure. The runs of one to three words of `text`, each as a name key. */
function runsOf(text: string): string[] {
  const words = foldedWords(text.replace(/['’`‘]/g, ''));
  const keys: string[] = [];
  for (let n = MAX_WORDS; n >= 1; n--) {
    for (let i = 0; i + n <= words.length; i++) keys.push(words.slice(i, i + n).join(''));
  }
  return keys;
}

const unique = <T>(xs: Iterable<T>): T[] => [...new Set(xs)];

/** Pure. What the words of `text` say about where the complaint belongs. */
export function guessPlace(index: PlaceGuessIndex, text: string): PlaceGuess {
  const runs = runsOf(text);
  const councils = unique(runs.flatMap((k) => index.councils.get(k) ?? []));
  const namedRegions = runs.flatMap((k) => index.regions.get(k) ?? []);
  // A council's or region's own name ("Kinondoni") names that, not its ward of the same name.
  const placeRuns = runs.filter((k) => !index.councils.has(k) && !index.regions.has(k));
  const hits = unique(placeRuns.flatMap((k) => index.places.get(k) ?? []));
  const council = councils.length === 1 ? councils[0] : undefined;
  const within = council === undefined ? hits : hits.filter((h) => h.councilCode === council);
  // A ward beats a village when both are named (the village is then looked for in it).
  const wardHits = within.filter((h) => h.village === undefined);
  const villageHits = within.filter(
    (h) =>
      h.village !== undefined && (wardHits.length === 0 || wardHits[0]?.wardCode === h.wardCode),
  );
  const one = (xs: PlaceHit[]) =>
    unique(xs.map((h) => h.wardCode)).length === 1 ? xs[0] : undefined;
  const place = villageHits.length === 1 ? villageHits[0] : (one(wardHits) ?? undefined);
  const hitCouncils = unique(within.map((h) => h.councilCode));
  const guessCouncil = council ?? (hitCouncils.length === 1 ? hitCouncils[0] : undefined);
  // A name found in more than three regions says nothing about where.
  const hitRegions = unique(hits.map((h) => index.regionOf.get(h.councilCode) ?? ''));
  const regions = unique([
    ...namedRegions,
    ...councils.map((c) => index.regionOf.get(c) ?? ''),
    ...(hitRegions.length <= 3 ? hitRegions : []),
  ])
    .filter((r) => r !== '')
    .sort();
  return {
    ...(council !== undefined ? { council } : {}),
    ...(place !== undefined && guessCouncil !== undefined ? { place } : {}),
    regions,
    ...(guessCouncil !== undefined ? { guessCouncil } : {}),
  };
}

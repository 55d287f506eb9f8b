/**
 * Recognising a typed place (issue 19) in this process, beside a whole USSD hop. Each council's
 * index is built as the first caller of that council builds it (src/reference/places.ts), timed
 * one by one; then, at every council with a ward list, names as callers type them: a ward as
 * listed, a village as listed, a ward with one letter wrong, a ward of another council (no
 * match) and a name several places share, each match timed alone (wall time) as the place step
 * runs it: the council's index looked up, then matchPlace. Rounds interleave the kinds. Beside
 * it, hops through the USSD handler (bench/place-match-hops.ts). Target: a match well under 1 ms.
 *
 *   tsx bench/place-match.ts   or   npm run bench -- --only place-match
 */
import {
  buildPlaceIndex,
  matchPlace,
  placeNameKey,
  type PlaceIndex,
} from '../src/reference/core/place-match';
import { placesOf, type Places } from '../src/reference/places';
import { loadWardList, type WardList } from '../src/reference/wards';
import { seededRandom } from './assignment-seed';
import { runHopBench, timings, type Timings } from './place-match-hops';
import { table } from './report';

export interface PlaceMatchBenchResult {
  councils: number;
  wards: number;
  villages: number;
  listLoadMs: number;
  /** Index builds: the first, as a server makes them, and warm. */
  build: { first: Builds; warm: Builds };
  matches: Timings[];
  hops: Timings[];
}

const KINDS = [
  'ward as listed',
  'village as listed',
  'ward, one typo',
  'no match',
  'several places',
];
type Kind = (typeof KINDS)[number];
/** Names of each kind per council (fewer when a council has fewer). */
const SAMPLES = 8;
const ROUNDS = 20;

const nowUs = () => Number(process.hrtime.bigint()) / 1000;

/** A ward name with one letter changed inside it, when that makes no other name of the council. */
function withTypo(name: string, index: PlaceIndex, random: (n: number) => number): string | null {
  const at = 1 + random(Math.max(1, name.length - 2));
  const c = name[at] ?? '';
  if (!/[a-z]/i.test(c)) return null;
  const typo = `${name.slice(0, at)}${c.toLowerCase() === 'a' ? 'e' : 'a'}${name.slice(at + 1)}`;
  const key = placeNameKey(typo);
  return key.length >= 4 && !index.exact.has(key) ? typo : null;
}

/** What callers of each council type, by kind, each name checked to be of its kind. */
function typedNames(list: WardList, places: Places): Map<Kind, [string, string][]> {
  const random = seededRandom(19);
  const pick = <T>(items: readonly T[]): T | undefined => items[random(items.length)];
  const councils = [...list.byCouncil.keys()];
  const names = new Map<Kind, [string, string][]>(KINDS.map((k) => [k, []]));
  for (const council of councils) {
    const wards = list.byCouncil.get(council) ?? [];
    const index = places.index(council);
    if (!index) continue;
    const kind = (typed: string) => matchPlace(index, typed).kind;
    const several = [...index.exact].filter(([, m]) => m.length > 1).map(([key]) => key);
    for (let i = 0; i < SAMPLES; i++) {
      const ward = pick(wards);
      const village = pick(ward?.villages ?? []);
      const typo = ward ? withTypo(ward.name, index, random) : null;
      const other = pick(list.byCouncil.get(pick(councils) ?? '') ?? [])?.name;
      const candidates: [Kind, string | null | undefined, boolean][] = [
        ['ward as listed', ward?.name, true],
        ['village as listed', village, true],
        ['ward, one typo', typo, true],
        ['no match', other, false],
        ['several places', several[i], true],
      ];
      for (const [k, typed, found] of candidates) {
        if (typed && (kind(typed) !== 'none') === found) names.get(k)?.push([council, typed]);
      }
    }
  }
  return names;
}

interface Builds {
  meanMs: number;
  maxMs: number;
  maxCouncil: string;
  totalMs: number;
}

function builds(ms: readonly [string, number][]): Builds {
  const totalMs = ms.reduce((sum, [, t]) => sum + t, 0);
  const [maxCouncil, maxMs] = ms.reduce((a, b) => (b[1] > a[1] ? b : a));
  return { meanMs: totalMs / ms.length, maxMs, maxCouncil, totalMs };
}

/**
 * Each council's index built as a server builds it, the first time (a cold process: the first
 * councils pay for the JIT, any one may meet a garbage collection), then built again five times,
 * the lowest kept: what a build costs once the code is warm.
 */
function timeIndexBuilds(list: WardList): { places: Places; first: Builds; warm: Builds } {
  const places = placesOf(list);
  const councils = [...list.byCouncil.keys()];
  const first = councils.map((council): [string, number] => {
    const t0 = nowUs();
    places.index(council);
    return [council, (nowUs() - t0) / 1000];
  });
  const warm = councils.map((council): [string, number] => {
    const wards = list.byCouncil.get(council) ?? [];
    let best = Infinity;
    for (let i = 0; i < 5; i++) {
      const t0 = nowUs();
      buildPlaceIndex(wards);
      best = Math.min(best, (nowUs() - t0) / 1000);
    }
    return [council, best];
  });
  return { places, first: builds(first), warm: builds(warm) };
}

function timeMatches(places: Places, names: Map<Kind, [string, string][]>): Timings[] {
  const us = new Map<Kind, number[]>(KINDS.map((k) => [k, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const kind of KINDS) {
      const out = us.get(kind) ?? [];
      for (const [council, typed] of names.get(kind) ?? []) {
        const t0 = nowUs();
        const index = places.index(council);
        if (index) matchPlace(index, typed);
        out.push(nowUs() - t0);
      }
    }
  }
  const rows = KINDS.map((k) => timings(k, us.get(k) ?? []));
  return [...rows, timings('all of these', [...us.values()].flat())];
}

export function runPlaceMatchBench(
  print: (line: string) => void = console.log,
): PlaceMatchBenchResult {
  const t0 = nowUs();
  const list = loadWardList();
  const listLoadMs = (nowUs() - t0) / 1000;
  const all = [...list.byCouncil.values()].flat();
  const { places, first, warm } = timeIndexBuilds(list);
  const names = typedNames(list, places);
  const matches = timeMatches(places, names);
  const hops = runHopBench(places, names.get('ward as listed') ?? []);
  const result: PlaceMatchBenchResult = {
    councils: list.byCouncil.size,
    wards: all.length,
    villages: all.reduce((n, w) => n + w.villages.length, 0),
    listLoadMs,
    build: { first, warm },
    matches,
    hops,
  };
  printPlaceMatch(result, print);
  return result;
}

const us = (n: number) => n.toFixed(1);

export function printPlaceMatch(r: PlaceMatchBenchResult, print = console.log): void {
  print(
    `  ${r.councils} councils, ${r.wards} wards, ${r.villages} villages; the ward list read in ` +
      `${r.listLoadMs.toFixed(0)} ms at start`,
  );
  const build = (name: string, b: Builds) =>
    print(
      `  index build per council, ${name}: mean ${b.meanMs.toFixed(2)} ms, max ` +
        `${b.maxMs.toFixed(2)} ms (${b.maxCouncil}), all councils ${b.totalMs.toFixed(0)} ms`,
    );
  build('first (as a server builds it)', r.build.first);
  build('warm (lowest of 5)', r.build.warm);
  const rows = [...r.matches, ...r.hops].map((t) => [
    t.label,
    String(t.n),
    us(t.meanUs),
    us(t.p50Us),
    us(t.p99Us),
    us(t.maxUs),
  ]);
  const lines = table([['µs each', 'n', 'mean', 'p50', 'p99', 'max'], ...rows], 1).split('\n');
  for (const line of lines) print(`  ${line}`);
}

if (require.main === module) runPlaceMatchBench();

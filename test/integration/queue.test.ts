/**
 * The console's queue over real SQLite: what each tab holds in each scope, the filters, the
 * search, the deadline order, keyset pages and capped counts.
 */
import { resolveComplaint, takeComplaint } from '../../src/complaints/actions';
import { scopeOf } from '../../src/complaints/core/scope';
import { ftsQuery } from '../../src/complaints/core/search';
import { loadQueue, PAGE_SIZE, type Tab } from '../../src/complaints/queue';
import { councilsOf } from '../../src/staff/repository';
import type { StaffRow } from '../../db/schema';
import { openDesk, type Desk } from './desk';
import { DAY, file, HOUR, openWorld, type World } from '../helpers/world';

let w: World;
let d: Desk;
beforeEach(() => {
  w = openWorld();
  d = openDesk(w);
});
afterEach(() => w.close());

const scopeFor = (s: StaffRow) =>
  scopeOf({ ...s, councils: councilsOf(w.db, [s.id]).get(s.id) ?? [] });

function numbers(s: StaffRow, tab: Tab, filters = {}) {
  const clock = { now: w.clock.now(), soon: w.clock.now() + 8 * HOUR };
  const q = loadQueue(w.db, { scope: scopeFor(s), me: s.id, tab, filters }, clock);
  return { numbers: q.rows.map((r) => r.number), counts: q.counts, next: q.next };
}

test('when an officer of Kinondoni looks, then Mine and All open hold only what they may see', () => {
  const q = numbers(d.neema, 'open');
  expect(q.numbers).toEqual([d.mine.number]);
  expect(numbers(d.neema, 'mine').numbers).toEqual([d.mine.number]);
  // Ubungo's unassigned complaint is not theirs to see.
  expect(numbers(d.neema, 'unassigned').numbers).toEqual([]);
  expect(numbers(d.juma, 'unassigned').numbers).toEqual([d.unassigned.number]);
});

test("when the region's supervisor looks, then every open complaint of the region is there, by deadline", () => {
  const q = numbers(d.darSup, 'open');
  // The unassigned one was filed an hour earlier, so its deadline comes first.
  expect(q.numbers).toEqual([d.unassigned.number, d.mine.number, d.jumas.number]);
  expect(q.counts).toMatchObject({ open: 3, unassigned: 1, mine: 0, resolved: 0 });
});

test('when headquarters looks, then every region is there, and a region filter narrows it', () => {
  expect(numbers(d.hq, 'open').numbers).toHaveLength(4);
  expect(numbers(d.hq, 'open', { regionCode: 'ARU' }).numbers).toEqual([d.arusha.number]);
  expect(numbers(d.hq, 'open', { councilCode: 'DAR-UBM' }).numbers).toEqual([
    d.unassigned.number,
    d.jumas.number,
  ]);
});

test('when deadlines pass, then Overdue and Due soon follow the clock', () => {
  // First response is due at the end of the third working day: Thursday filing -> Tuesday night.
  expect(numbers(d.darSup, 'overdue').numbers).toEqual([]);
  w.clock.advance(5 * DAY + 12 * HOUR);
  expect(numbers(d.darSup, 'dueSoon').numbers).toHaveLength(3);
  w.clock.advance(DAY);
  expect(numbers(d.darSup, 'overdue').numbers).toHaveLength(3);
});

test('when a complaint is resolved, then it leaves the open tabs for Resolved', () => {
  expect(resolveComplaint(w.deps, d.neema.id, d.mine.number, 'Imerekebishwa').ok).toBe(true);
  expect(numbers(d.neema, 'open').numbers).toEqual([]);
  expect(numbers(d.neema, 'resolved').numbers).toEqual([d.mine.number]);
});

test('when words are searched, then descriptions and places match as prefixes', () => {
  const road = file(w, { council: 'DAR-KIM', description: 'Barabara ya Mwenge imejaa mashimo' });
  // Every word must match, each as the start of a word.
  expect(numbers(d.darSup, 'open', { words: ftsQuery('barab mwen')! }).numbers).toEqual([
    road.number,
  ]);
  expect(numbers(d.darSup, 'open', { words: ftsQuery('Barabara')! }).numbers.sort()).toEqual(
    [d.unassigned.number, road.number].sort(),
  );
});

test('when words are searched, then the tabs are not counted, and many matches page like few', () => {
  const clock = () => ({ now: w.clock.now(), soon: w.clock.now() + 8 * HOUR });
  const water = Array.from({ length: PAGE_SIZE + 5 }, (_, i) => {
    w.clock.advance(60_000);
    const council = i % 3 === 0 ? 'DAR-UBM' : 'DAR-KIM';
    return file(w, { council, description: `Kisima kimeharibika, mtaa ${i}` }).number;
  });
  file(w, { council: 'DAR-KIM', description: 'Taa za barabarani hazifanyi kazi' });
  const scope = scopeFor(d.darSup);
  const walk = (fewHits: number, filters: object) => {
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const base = { scope, me: d.darSup.id, tab: 'open' as const, filters };
      const page = loadQueue(w.db, after ? { ...base, after } : base, clock(), fewHits);
      expect(page.counts).toBeUndefined();
      seen.push(...page.rows.map((r) => r.number));
      if (!page.next) return seen;
      after = page.next;
    }
  };
  const words = { words: ftsQuery('kisima')! };
  // Filed a minute apart, the same SLA: their deadlines come in filing order.
  expect(walk(1_000, words)).toEqual(water); // few matches: read and sorted
  expect(walk(0, words)).toEqual(water); // many: the queue's index walked, each row tested
  const ubungo = { ...words, councilCode: 'DAR-UBM' };
  const expected = water.filter((_, i) => i % 3 === 0);
  expect(walk(1_000, ubungo)).toEqual(expected);
  expect(walk(0, ubungo)).toEqual(expected);
  // Without words the counts are there.
  expect(numbers(d.darSup, 'open').counts?.open).toBe(3 + water.length + 1);
});

test('when a queue is longer than a page, then keyset pages cover it once, in order', () => {
  const many = Array.from({ length: PAGE_SIZE + 7 }, (_, i) => {
    w.clock.advance(60_000);
    return file(w, { council: 'DAR-KIM', description: `Maji hayatoki mtaa ${i}` });
  });
  const scope = scopeFor(d.darSup);
  const clock = { now: w.clock.now(), soon: w.clock.now() };
  const first = loadQueue(w.db, { scope, me: d.darSup.id, tab: 'open', filters: {} }, clock);
  expect(first.rows).toHaveLength(PAGE_SIZE);
  const second = loadQueue(
    w.db,
    {
      scope,
      me: d.darSup.id,
      tab: 'open',
      filters: {},
      ...(first.next ? { after: first.next } : {}),
    },
    clock,
  );
  const all = [...first.rows, ...second.rows].map((r) => r.number);
  expect(second.next).toBeUndefined();
  expect(all).toHaveLength(PAGE_SIZE + 7 + 3);
  expect(new Set(all).size).toBe(all.length);
  expect(all.slice(-many.length)).toEqual(many.map((c) => c.number));
});

test('when an officer takes a complaint, then it moves from Unassigned to Mine', () => {
  expect(takeComplaint(w.deps, d.juma.id, d.unassigned.number).ok).toBe(true);
  expect(numbers(d.juma, 'unassigned').numbers).toEqual([]);
  expect(numbers(d.juma, 'mine').numbers).toContain(d.unassigned.number);
});

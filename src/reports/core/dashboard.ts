/**
 * The dashboard's figures. Pure: the database hands over grouped counts (cells) and office-time
 * histograms; this turns them into totals, breakdowns, percentiles and the weekly trend. Every
 * figure is about the complaints *filed* in the period (a cohort), so that each one links to the
 * queue filtered on the same filing dates.
 */

/** Counts of some complaints filed in the period (one group of them: a council, a day...). */
export interface Counts {
  received: number;
  resolved: number;
  open: number;
  /** Open with nobody assigned. */
  unattended: number;
  answered: number;
  /** Answered (or resolved) by the first-response deadline. */
  firstResponseMet: number;
  /** Answered or resolved after it, or still unanswered and open past it. */
  firstResponseMissed: number;
  resolvedEver: number;
  resolutionMet: number;
  /** Resolved after the deadline, or still open past it. */
  resolutionMissed: number;
  /** Resolved at least once (even if reopened since). */
  everDone: number;
  reopened: number;
  r1: number;
  r2: number;
  r3: number;
  r4: number;
  r5: number;
}

/** The counts of one value of a dimension (a region, a category...). */
export type CountRow = Counts & { key: string };

/** Counts of one (region, council, category, channel) group, as read from the complaints. */
export type Cell = Counts & { region: string; council: string; category: string; channel: string };

/** [whole office hours (rounded up), how many complaints], in rising order of hours. */
export type Histogram = [number, number][];

/** One staff member's complaints that took `hours` to a first response (null: no answer). */
export interface StaffCell {
  /** Null: nobody holds them. */
  staffId: number | null;
  hours: number | null;
  assigned: number;
  replied: number;
  resolved: number;
}

export interface Figures {
  received: number;
  resolved: number;
  open: number;
  unattended: number;
  /** Per cent of the complaints whose first-response deadline is decided that met it. */
  firstResponseSla: number | null;
  resolutionSla: number | null;
  /** Per cent of the complaints ever resolved that were reopened. */
  reopenRate: number | null;
  /** How many rated 1, 2, 3, 4, 5. */
  ratings: [number, number, number, number, number];
  ratingAverage: number | null;
}

const COUNTED = [
  'received',
  'resolved',
  'open',
  'unattended',
  'answered',
  'firstResponseMet',
  'firstResponseMissed',
  'resolvedEver',
  'resolutionMet',
  'resolutionMissed',
  'everDone',
  'reopened',
  'r1',
  'r2',
  'r3',
  'r4',
  'r5',
] as const satisfies readonly (keyof Counts)[];
/** Pure. Counts added up. */
export function add(cells: readonly Counts[]): Counts {
  const sum = Object.fromEntries(COUNTED.map((k) => [k, 0])) as unknown as Counts;
  for (const c of cells) for (const k of COUNTED) sum[k] += c[k];
  return sum;
}

/** Pure. A share in per cent, one decimal; null when there is nothing to share. */
export const percent = (part: number, whole: number): number | null =>
  whole === 0 ? null : Math.round((part / whole) * 1000) / 10;

/** Pure. The figures of some counts together. */
export function figuresOf(cells: readonly Counts[]): Figures {
  const c = add(cells);
  const ratings: Figures['ratings'] = [c.r1, c.r2, c.r3, c.r4, c.r5];
  const rated = ratings.reduce((a, b) => a + b, 0);
  const stars = ratings.reduce((a, n, i) => a + n * (i + 1), 0);
  return {
    received: c.received,
    resolved: c.resolved,
    open: c.open,
    unattended: c.unattended,
    firstResponseSla: percent(c.firstResponseMet, c.firstResponseMet + c.firstResponseMissed),
    resolutionSla: percent(c.resolutionMet, c.resolutionMet + c.resolutionMissed),
    reopenRate: percent(c.reopened, c.everDone),
    ratings,
    ratingAverage: rated === 0 ? null : Math.round((stars / rated) * 100) / 100,
  };
}

export type Dimension = 'region' | 'council' | 'category' | 'channel';

/** Pure. Raw cells added up per value of one dimension. */
export function rowsBy(cells: readonly Cell[], by: Dimension): CountRow[] {
  const groups = new Map<string, Cell[]>();
  for (const c of cells) {
    const list = groups.get(c[by]);
    if (list) list.push(c);
    else groups.set(c[by], [c]);
  }
  return [...groups.entries()].map(([key, list]) => ({ key, ...add(list) }));
}

/** Pure. Rows of the same keys merged (counts added). */
export function mergeRows(...sets: readonly (readonly CountRow[])[]): CountRow[] {
  const by = new Map<string, CountRow[]>();
  for (const row of sets.flat()) by.set(row.key, [...(by.get(row.key) ?? []), row]);
  return [...by.entries()].map(([key, list]) => ({ key, ...add(list) }));
}

/** Pure. Figures per row, in the order of `order` (keys it does not list last, by name). */
export function breakdown(
  rows: readonly CountRow[],
  order: readonly string[] = [],
): { key: string; figures: Figures }[] {
  const rank = (k: string) => {
    const i = order.indexOf(k);
    return i === -1 ? order.length : i;
  };
  return [...rows]
    .filter((r) => r.received > 0)
    .sort((a, b) => rank(a.key) - rank(b.key) || a.key.localeCompare(b.key))
    .map((r) => ({ key: r.key, figures: figuresOf([r]) }));
}

/** Pure. Histograms added up, in rising order. */
export function mergeHistograms(...hs: readonly Histogram[]): Histogram {
  const by = new Map<number, number>();
  for (const [v, n] of hs.flat()) by.set(v, (by.get(v) ?? 0) + n);
  return [...by.entries()].filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0]);
}

/**
 * Pure. The q-th quantile (0 < q <= 1) of a histogram by the nearest-rank method: the smallest
 * value with at least q of the values at or below it. Null for an empty histogram.
 */
export function quantile(h: Histogram, q: number): number | null {
  const total = h.reduce((n, [, count]) => n + count, 0);
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(q * total));
  let seen = 0;
  for (const [value, count] of h) {
    seen += count;
    if (seen >= rank) return value;
  }
  return h.at(-1)?.[0] ?? null;
}

export interface StaffFigures {
  staffId: number;
  assigned: number;
  replied: number;
  resolved: number;
  /** Median office hours to the first response of the complaints they answered. */
  medianFirstResponse: number | null;
}

/** Pure. The staff table from per-(staff, minute) cells, most complaints first. */
export function staffFigures(cells: readonly StaffCell[]): StaffFigures[] {
  const by = new Map<number, { f: StaffFigures; h: Histogram }>();
  for (const c of cells) {
    if (c.staffId === null) continue;
    let entry = by.get(c.staffId);
    if (!entry) {
      const f = { staffId: c.staffId, assigned: 0, replied: 0, resolved: 0 };
      entry = { f: { ...f, medianFirstResponse: null }, h: [] };
      by.set(c.staffId, entry);
    }
    entry.f.assigned += c.assigned;
    entry.f.replied += c.replied;
    entry.f.resolved += c.resolved;
    if (c.hours !== null) entry.h.push([c.hours, c.replied]);
  }
  return [...by.values()]
    .map(({ f, h }) => ({ ...f, medianFirstResponse: quantile(mergeHistograms(h), 0.5) }))
    .sort((a, b) => b.assigned - a.assigned || a.staffId - b.staffId);
}

/**
 * One complaint's durations as read from the index: [owner (null: nobody), whole office hours to
 * the first response (null: none), to resolution (null: none), answered 0/1, resolved 0/1].
 */
export type Durations = [number | null, number | null, number | null, number, number];

/**
 * Pure. Histograms and staff cells from complaints' durations, in one pass: counted here rather
 * than by SQLite's GROUP BY, which sorts every row first (a region's year is 40,000 of them).
 */
export function tallyDurations(rows: Iterable<Durations>): {
  firstResponse: Histogram;
  resolution: Histogram;
  staff: StaffCell[];
} {
  const fr = new Map<number, number>();
  const res = new Map<number, number>();
  const staff = new Map<string, StaffCell>();
  for (const [staffId, frHours, resHours, answered, resolved] of rows) {
    if (frHours !== null) fr.set(frHours, (fr.get(frHours) ?? 0) + 1);
    if (resHours !== null) res.set(resHours, (res.get(resHours) ?? 0) + 1);
    const key = `${staffId}:${frHours}`;
    const cell = staff.get(key);
    if (cell) {
      cell.assigned += 1;
      cell.replied += answered;
      cell.resolved += resolved;
    } else {
      staff.set(key, { staffId, hours: frHours, assigned: 1, replied: answered, resolved });
    }
  }
  const sorted = (m: Map<number, number>): Histogram =>
    [...m.entries()].sort((a, b) => a[0] - b[0]);
  return { firstResponse: sorted(fr), resolution: sorted(res), staff: [...staff.values()] };
}

/** Pure. Per week index 0..weeks-1 the count (rows of the same week added), zero where none. */
export function weekSeries(rows: readonly [number, number][], weeks: number): number[] {
  const series = new Array<number>(weeks).fill(0);
  for (const [week, n] of rows)
    if (week >= 0 && week < weeks) series[week] = (series[week] ?? 0) + n;
  return series;
}

/** Pure. Complaints per 10,000 people, two decimals; null when the population is not known. */
export const per10k = (complaints: number, population: number | undefined): number | null =>
  population === undefined || population <= 0
    ? null
    : Math.round((complaints / population) * 1_000_000) / 100;

/** Below this many complaints a published cell says "<5" (no one is recognisable in it). */
export const SMALL_CELL = 5;

/**
 * Pure. A count as published outside the console: fewer than SMALL_CELL complaints (zero too,
 * so that an empty cell cannot be told from one or two) reads "<5".
 */
export const publicCount = (n: number): number | string => (n < SMALL_CELL ? `<${SMALL_CELL}` : n);

/**
 * Pure. A breakdown row as published: its counts through publicCount, and its shares and
 * averages left out when the row itself is a small cell (they would give the small counts away).
 */
export function publicRow(
  row: readonly (number | string | null)[],
  received: number,
  counts: readonly number[],
): (number | string | null)[] {
  return row.map((v, i) => {
    if (counts.includes(i)) return typeof v === 'number' ? publicCount(v) : v;
    return received < SMALL_CELL && typeof v === 'number' ? null : v;
  });
}

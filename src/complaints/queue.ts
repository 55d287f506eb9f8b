/**
 * The console's queue for one staff member: a page of one tab in their scope, the counts of every
 * tab, and the cursor of the next page. Read-only.
 */
import { inTransaction, type Db } from '../../db/client';
import type { Scope } from './core/scope';
import {
  clearSearchHits,
  countQueue,
  loadSearchHits,
  queuePage,
  TABS,
  type Cursor,
  type QueueClock,
  type QueueFilters,
  type QueueRow,
  type Tab,
} from './queue-repository';

export { TABS, type QueueFilters, type QueueRow, type Tab };

/** Counts stop here: past it a tab shows "1000+". */
export const COUNT_CAP = 1000;
export const PAGE_SIZE = 50;

export interface QueueRequest {
  scope: Scope;
  me: number;
  tab: Tab;
  filters: QueueFilters;
  /** From the previous page's `next`. */
  after?: string;
}

export interface QueueResult {
  rows: QueueRow[];
  /** Every tab's count, at most COUNT_CAP + 1; none for a search by words. */
  counts?: Record<Tab, number>;
  /** The cursor of the next page, when there is one. */
  next?: string;
}

/** Pure. A cursor as it travels in a URL, and back (undefined when it is not one). */
export function encodeCursor(c: Cursor): string {
  return `${c.key}.${c.id}`;
}

export function decodeCursor(text: string | undefined): Cursor | undefined {
  const m = /^(-?\d{1,15})\.(\d{1,12})$/.exec(text ?? '');
  return m ? { key: Number(m[1]), id: Number(m[2]) } : undefined;
}

/** The cursor just after `row` in `tab`'s order. */
function cursorAfter(tab: Tab, row: QueueRow): Cursor {
  return { key: (tab === 'resolved' ? row.resolvedAt : row.dueAt) ?? 0, id: row.id };
}

/**
 * Above this many matches a word search walks the queue's index testing each row (the page fills
 * within a few hundred rows); at or below it, it reads the matches and sorts them.
 */
export const FEW_HITS = 5_000;

/**
 * One page of a queue and the counts of every tab, for the given clock. A search by words counts
 * no tabs: counting a common word's matches in every tab would cost more than the page itself,
 * and the page says what it is showing instead.
 */
export function loadQueue(
  db: Db,
  r: QueueRequest,
  clock: QueueClock,
  fewHits = FEW_HITS,
): QueueResult {
  const words = r.filters.words;
  if (words === undefined) return load(db, r, clock, true);
  return inTransaction(db, (tx) => {
    const { words: _, ...rest } = r.filters;
    const many = loadSearchHits(tx, words) > fewHits;
    try {
      return load(tx, { ...r, filters: { ...rest, hits: { many } } }, clock, false);
    } finally {
      clearSearchHits(tx);
    }
  });
}

function load(db: Db, r: QueueRequest, clock: QueueClock, counted: boolean): QueueResult {
  const spec = (tab: Tab) => ({ scope: r.scope, me: r.me, tab, filters: r.filters, clock });
  const rows = queuePage(db, spec(r.tab), PAGE_SIZE + 1, decodeCursor(r.after));
  const page = rows.slice(0, PAGE_SIZE);
  const last = page.at(-1);
  const counts = counted
    ? (Object.fromEntries(TABS.map((tab) => [tab, countQueue(db, spec(tab), COUNT_CAP)])) as Record<
        Tab,
        number
      >)
    : undefined;
  return {
    rows: page,
    ...(counts ? { counts } : {}),
    ...(rows.length > PAGE_SIZE && last ? { next: encodeCursor(cursorAfter(r.tab, last)) } : {}),
  };
}

/** Rows per read when a whole queue is walked (the CSV export). */
const WALK_PAGE = 500;

/**
 * Every row of one tab in its order, read a page at a time along the keyset cursor, for the CSV
 * export: memory stays flat however long the queue. Each page is read on its own, so a complaint
 * that changes while a long export is being written may be left out or appear twice; the
 * download's rows are as they were when each was read.
 */
export function* walkQueue(db: Db, r: Omit<QueueRequest, 'after'>, clock: QueueClock) {
  const spec = { scope: r.scope, me: r.me, tab: r.tab, filters: r.filters, clock };
  let after: Cursor | undefined;
  for (;;) {
    const rows = queuePage(db, spec, WALK_PAGE, after);
    yield* rows;
    const last = rows.at(-1);
    if (rows.length < WALK_PAGE || !last) return;
    after = cursorAfter(r.tab, last);
  }
}

/**
 * The console's queue for one staff member: a page of one tab in their scope, the counts of every
 * tab, and the cursor of the next page. Read-only.
 */
import type { Db } from '../../db/client';
import type { Scope } from './core/scope';
import {
  countQueue,
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
  /** Every tab's count, at most COUNT_CAP + 1. */
  counts: Record<Tab, number>;
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

/** One page of a queue and the counts of every tab, for the given clock. */
export function loadQueue(db: Db, r: QueueRequest, clock: QueueClock): QueueResult {
  const spec = (tab: Tab) => ({ scope: r.scope, me: r.me, tab, filters: r.filters, clock });
  const rows = queuePage(db, spec(r.tab), PAGE_SIZE + 1, decodeCursor(r.after));
  const page = rows.slice(0, PAGE_SIZE);
  const last = page.at(-1);
  const key = (row: QueueRow) => (r.tab === 'resolved' ? row.resolvedAt : row.dueAt) ?? 0;
  const counts = Object.fromEntries(
    TABS.map((tab) => [tab, countQueue(db, spec(tab), COUNT_CAP)]),
  ) as Record<Tab, number>;
  return {
    rows: page,
    counts,
    ...(rows.length > PAGE_SIZE && last
      ? { next: encodeCursor({ key: key(last), id: last.id }) }
      : {}),
  };
}

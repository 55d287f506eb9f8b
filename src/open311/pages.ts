/**
 * A window's pages (the spec's `page` and `page_size`) as cheap deep as on top: each page read
 * hands back a cursor for the next one (the last row it showed, the change mark it was read at,
 * the window's end); the main thread keeps them (./memo.ts) and gives the nearest back with the
 * next request, which then starts after that row instead of skipping every row before it. The
 * answer is always the one skipping would give: a cursor is used only while what happened since
 * it was made can be accounted for cheaply (complaints filed since, counted ahead of it), and
 * otherwise the page is found by skipping, as before.
 */
import type { Db } from '../../db/client';
import type { WindowQuery } from './core/query';
import type { PublicComplaint } from './core/records';
import {
  filedBetween,
  keyBefore,
  newerAhead,
  olderChanged,
  publishedInWindow,
  type ChangeMark,
  type RowKey,
} from './repository';

export interface Cursor {
  /** The page it starts. */
  page: number;
  /** The last row of the page before it (newest first). */
  after: RowKey;
  mark: ChangeMark;
  /** The window's end when it was read (a window of "the last 90 days" moves with the clock). */
  until: number;
}

export interface WindowPage {
  rows: PublicComplaint[];
  /** The next page's cursor, when this one was full and more follow. */
  next?: Cursor;
}

/** Beyond these many complaints or events since a cursor, skipping is as cheap as checking. */
const MAX_NEW_COMPLAINTS = 10_000;
const MAX_NEW_EVENTS = 50_000;

/**
 * How many rows the page a cursor starts has moved down since it was made (complaints filed
 * since, ahead of it), or undefined when that cannot be told cheaply.
 */
function moved(db: Db, q: WindowQuery, c: Cursor, mark: ChangeMark): number | undefined {
  const newComplaints = mark.complaintId - c.mark.complaintId;
  const newEvents = mark.eventId - c.mark.eventId;
  if (newComplaints < 0 || newEvents < 0) return undefined;
  if (newComplaints > MAX_NEW_COMPLAINTS || newEvents > MAX_NEW_EVENTS) return undefined;
  // Its row left the window (90 days passed): the rows before it did too, by how many is unknown.
  if (c.after.createdAt < q.from || q.until < c.until) return undefined;
  // A complaint that was already there but dated after the window's end then (not in practice).
  if (q.until > c.until && filedBetween(db, c.until, q.until, c.mark.complaintId)) return undefined;
  // A status or category filter: a change to an older complaint may have moved it in or out.
  const filtered = q.statuses !== undefined || q.serviceCodes !== undefined;
  if (filtered && newEvents > 0 && olderChanged(db, c.mark.eventId, c.mark.complaintId)) {
    return undefined;
  }
  return newComplaints > 0 ? newerAhead(db, q, c.mark.complaintId, c.after) : 0;
}

/** Where page `q.page` starts: after a row (and how many more to skip), or from the top. */
function startOf(db: Db, q: WindowQuery, mark: ChangeMark, c?: Cursor) {
  const top = { offset: (q.page - 1) * q.pageSize };
  if (!c || c.page > q.page) return top;
  const shift = moved(db, q, c, mark);
  if (shift === undefined) return top;
  const after = shift === 0 ? c.after : keyBefore(db, q, c.after, shift);
  return after ? { after, offset: (q.page - c.page) * q.pageSize } : top;
}

/** Page `q.page` of the window, read from `cursor` when it still holds, at change mark `mark`. */
export function windowPage(
  db: Db,
  q: WindowQuery,
  withDescription: boolean,
  mark: ChangeMark,
  cursor?: Cursor,
): WindowPage {
  const start = startOf(db, q, mark, cursor);
  const rows = publishedInWindow(db, { ...q, ...start, limit: q.pageSize + 1 }, withDescription);
  const page = rows.slice(0, q.pageSize);
  const last = page.at(-1);
  return {
    rows: page.map(({ key: _key, ...row }) => row),
    ...(rows.length > q.pageSize && last
      ? { next: { page: q.page + 1, after: last.key, mark, until: q.until } }
      : {}),
  };
}

/**
 * What the main thread remembers of Open311's recent answers, so that a re-read costs nothing
 * and a deep page costs what the first does:
 * - answers by address, each with the change mark it was read at: while no complaint was filed
 *   or changed since (two lookups of the newest rows tell), and for at most the minute a client
 *   may cache it anyway, the same address gets the same answer without a read;
 * - the start of each window's next page (./pages.ts), by window and page number, handed to the
 *   read of that page (or of a later one: the nearest before it).
 * Both are bounded: the oldest are forgotten first.
 */
import type { Db } from '../../db/client';
import type { WindowQuery } from './core/query';
import type { Cursor } from './pages';
import type { Open311Reply } from './reads';
import { categoriesVersion } from '../categories/repository';
import { changeMark, type ChangeMark } from './repository';

const ANSWER_MS = 60_000;
const ANSWER_BYTES = 16 * 1024 * 1024;
const WINDOWS = 256;
const PAGES_PER_WINDOW = 2000;

export interface Open311Memo {
  /** The change mark now (a read of two rows); forgets everything if the categories changed. */
  mark(): ChangeMark;
  /** The answer remembered for `key`, when nothing changed since and it is under a minute old. */
  answer(key: string, mark: ChangeMark, now: number): Open311Reply | undefined;
  /** The nearest known start of page `q.page` (or of one before it) of `q`'s window. */
  cursor(q: WindowQuery): Cursor | undefined;
  /** Remembers an answer (one that reads complaints), and the start of its next page. */
  remember(key: string, q: WindowQuery | undefined, reply: Open311Reply, now: number): void;
}

const sameMark = (a: ChangeMark, b: ChangeMark) =>
  a.complaintId === b.complaintId && a.eventId === b.eventId;

/** The pages of one window are those of the same filters and page size. */
const windowKey = (q: WindowQuery) =>
  JSON.stringify([
    q.moving ? 'moving' : [q.from, q.until],
    q.statuses ?? [],
    q.serviceCodes ?? [],
    q.pageSize,
  ]);

/** Drops the oldest entries of `map` (insertion order) while `over()`. */
function trim<K, V>(map: Map<K, V>, over: () => boolean, dropped?: (v: V) => void): void {
  for (const [k, v] of map) {
    if (!over()) return;
    map.delete(k);
    dropped?.(v);
  }
}

export function createOpen311Memo(db: Db): Open311Memo {
  const answers = new Map<string, { reply: Open311Reply; at: number }>();
  let bytes = 0;
  const windows = new Map<string, Map<number, Cursor>>();
  // What Open311 publishes follows headquarters' categories: a change forgets every answer and
  // page start (a category made private must not be served from memory).
  let categories: string | undefined;

  return {
    mark: () => {
      const version = categoriesVersion(db);
      if (version !== categories) {
        categories = version;
        answers.clear();
        bytes = 0;
        windows.clear();
      }
      return changeMark(db);
    },
    answer(key, mark, now) {
      const hit = answers.get(key);
      if (!hit) return undefined;
      if (hit.reply.mark && sameMark(hit.reply.mark, mark) && now - hit.at < ANSWER_MS) {
        return hit.reply;
      }
      answers.delete(key);
      bytes -= hit.reply.body.length;
      return undefined;
    },
    cursor(q) {
      const pages = windows.get(windowKey(q));
      if (!pages) return undefined;
      const exact = pages.get(q.page);
      if (exact) return exact;
      let best: Cursor | undefined;
      for (const c of pages.values()) {
        if (c.page <= q.page && (!best || c.page > best.page)) best = c;
      }
      return best;
    },
    remember(key, q, reply, now) {
      if (!reply.mark) return;
      const old = answers.get(key);
      if (old) bytes -= old.reply.body.length;
      answers.delete(key);
      answers.set(key, { reply, at: now });
      bytes += reply.body.length;
      trim(
        answers,
        () => bytes > ANSWER_BYTES,
        (v) => (bytes -= v.reply.body.length),
      );
      if (!q || !reply.next) return;
      const wk = windowKey(q);
      const pages = windows.get(wk) ?? new Map<number, Cursor>();
      windows.delete(wk);
      windows.set(wk, pages);
      pages.delete(reply.next.page);
      pages.set(reply.next.page, reply.next);
      trim(pages, () => pages.size > PAGES_PER_WINDOW);
      trim(windows, () => windows.size > WINDOWS);
    },
  };
}

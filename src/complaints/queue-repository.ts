/**
 * The console's queues: a page of complaints in a scope, filtered, in deadline order (resolved
 * ones newest first), after a keyset cursor; and how many each tab holds, counted no further
 * than a cap so that a count costs the same over a million complaints. A queue is read as
 * disjoint parts (a council, a status) that each follow one index of db/schema.ts in the queue's
 * order; a page merges the parts' first rows and a count adds the parts' counts.
 */
import {
  and,
  asc,
  desc,
  eq,
  gte,
  isNotNull,
  isNull,
  lt,
  not,
  notInArray,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { complaints, staff, type ComplaintRow } from '../../db/schema';
import type { Scope } from './core/scope';

export const TABS = ['mine', 'unassigned', 'dueSoon', 'overdue', 'open', 'resolved'] as const;
export type Tab = (typeof TABS)[number];

export interface QueueFilters {
  regionCode?: string;
  councilCode?: string;
  /** A ward of the council (its code, src/reference/wards.ts): only with `councilCode`. */
  wardCode?: string;
  categoryCode?: string;
  status?: ComplaintRow['status'];
  channel?: string;
  /** Filed at or after. */
  from?: number;
  /** Filed before. */
  until?: number;
  /** An FTS5 query over description and place (see ftsQuery). */
  words?: string;
  /**
   * Set instead of `words` once the search's matches are in `temp.search_hits` (loadSearchHits):
   * `many` says whether to walk the queue's index testing each row against them (many matches:
   * the page fills quickly) or to read the matches and sort them (few).
   */
  hits?: { many: boolean };
}

/** Where the tabs' time limits fall: now, and the end of the next working day's worth of time. */
export interface QueueClock {
  now: number;
  soon: number;
}

/** The position after the last row of a page: its sort key and id. */
export interface Cursor {
  key: number;
  id: number;
}

export type QueueRow = ComplaintRow & { assigneeName: string | null };

/**
 * The scope as disjoint parts whose union is the scope, each one an index reads in the queue's
 * order. An officer's scope as one condition (their councils, or anything assigned to them) is an
 * OR that no index serves: over a million complaints SQLite read and sorted every row in reach.
 * As parts, one per council and one for their complaints elsewhere, each is a range of a
 * council's or an owner's index (db/schema.ts), and pages and counts add the parts up.
 */
function scopeParts(s: QueueSpec): (SQL | undefined)[] {
  const { scope } = s;
  switch (scope.kind) {
    case 'all':
      return [undefined];
    case 'region':
      return [regionIs(scope.regionCode, s.filters.councilCode !== undefined)];
    case 'officer': {
      // Whatever is assigned to an officer is in their scope: their Mine is just theirs.
      if (s.tab === 'mine' && s.me === scope.staffId) return [undefined];
      const inRegion = eq(complaints.regionCode, scope.regionCode);
      const theirs = eq(complaints.assigneeId, scope.staffId);
      if (scope.councils.length === 0) return [inRegion, and(theirs, not(inRegion))];
      const councils = [...new Set(scope.councils)];
      const wanted = s.filters.councilCode;
      const ofRegion = regionIs(scope.regionCode, true);
      return [
        ...councils
          .filter((c) => wanted === undefined || c === wanted)
          .map((c) => and(ofRegion, eq(complaints.councilCode, c))),
        and(theirs, or(not(inRegion), notInArray(complaints.councilCode, councils))),
      ];
    }
  }
}

/**
 * The region test. Beside a council's (a filter, or a part of an officer's scope) it is kept off
 * the indexes with a unary plus: SQLite, given both, may pick the region's index over the
 * council's and read the whole region to find one council's rows.
 */
function regionIs(code: string, besideCouncil: boolean): SQL {
  return besideCouncil ? sql`+${complaints.regionCode} = ${code}` : eq(complaints.regionCode, code);
}

const DONE = ['resolved', 'closed'] as const;

/**
 * The tab as disjoint parts in the same way: Resolved is its resolved ones and its closed ones,
 * each a range of a `…_done_idx` in resolution order (as one `IN` SQLite would sort them all).
 */
function tabParts(s: QueueSpec): (SQL | undefined)[] {
  if (s.tab !== 'resolved') return [undefined];
  const wanted = s.filters.status;
  return DONE.filter((st) => wanted === undefined || st === wanted).map((st) =>
    eq(complaints.status, st),
  );
}

function tabCondition(tab: Tab, me: number, clock: QueueClock): SQL | undefined {
  const open = isNotNull(complaints.dueAt);
  switch (tab) {
    case 'mine':
      return and(open, eq(complaints.assigneeId, me));
    case 'unassigned':
      return and(open, isNull(complaints.assigneeId));
    case 'dueSoon':
      return and(gte(complaints.dueAt, clock.now), lt(complaints.dueAt, clock.soon));
    case 'overdue':
      return lt(complaints.dueAt, clock.now);
    case 'open':
      return open;
    case 'resolved':
      return undefined; // tabParts
  }
}

function filterCondition(f: QueueFilters): SQL | undefined {
  return and(
    f.regionCode === undefined ? undefined : regionIs(f.regionCode, f.councilCode !== undefined),
    f.councilCode === undefined ? undefined : eq(complaints.councilCode, f.councilCode),
    // Tested on each row of the council's range: no index carries the ward (a council's open
    // complaints are a few hundred, its done ones a few thousand a year).
    f.wardCode === undefined ? undefined : eq(complaints.wardCode, f.wardCode),
    f.categoryCode === undefined ? undefined : eq(complaints.categoryCode, f.categoryCode),
    // Off the indexes (unary plus): the tab's own index carries the status, and given the choice
    // SQLite would read every complaint of that status by filing time and sort them.
    f.status === undefined ? undefined : sql`+${complaints.status} = ${f.status}`,
    f.channel === undefined ? undefined : eq(complaints.channel, f.channel),
    f.from === undefined ? undefined : gte(complaints.createdAt, f.from),
    f.until === undefined ? undefined : lt(complaints.createdAt, f.until),
    f.hits !== undefined
      ? f.hits.many
        ? // Kept off the primary key (unary plus): each row the queue's index yields is tested.
          sql`+${complaints.id} IN (SELECT id FROM temp.search_hits)`
        : sql`${complaints.id} IN (SELECT id FROM temp.search_hits)`
      : f.words === undefined
        ? undefined
        : sql`${complaints.id} IN (SELECT rowid FROM complaints_fts WHERE complaints_fts MATCH ${f.words})`,
  );
}

/**
 * Puts the complaints matching an FTS5 query into `temp.search_hits` (this connection's own),
 * replacing the last search's; returns how many. Written inline, a search made SQLite look the
 * words up again in every statement of a page (a page and seven counts), which for a common
 * word cost hundreds of ms each over a million complaints. Call it and the queries that use it
 * in one synchronous stretch (one transaction): the table is shared by the connection.
 */
export function loadSearchHits(tx: Tx, words: string): number {
  tx.run(sql`CREATE TEMP TABLE IF NOT EXISTS search_hits (id INTEGER PRIMARY KEY)`);
  tx.run(sql`DELETE FROM temp.search_hits`);
  return tx.run(
    sql`INSERT INTO temp.search_hits SELECT rowid FROM complaints_fts WHERE complaints_fts MATCH ${words}`,
  ).changes;
}

/** Empties `temp.search_hits` (a common word's matches take memory). */
export function clearSearchHits(tx: Tx): void {
  tx.run(sql`DELETE FROM temp.search_hits`);
}

export interface QueueSpec {
  scope: Scope;
  /** The signed-in staff member (for Mine). */
  me: number;
  tab: Tab;
  filters: QueueFilters;
  clock: QueueClock;
}

/** The queue's parts (scopeParts by tabParts): disjoint, and together the whole queue. */
function partsOf(s: QueueSpec): (SQL | undefined)[] {
  const rest = and(tabCondition(s.tab, s.me, s.clock), filterCondition(s.filters));
  return scopeParts(s).flatMap((scope) => tabParts(s).map((tab) => and(scope, tab, rest)));
}

/** One page of a queue after `after`, in its order, with each owner's name. */
export function queuePage(tx: Tx, s: QueueSpec, limit: number, after?: Cursor): QueueRow[] {
  const done = s.tab === 'resolved';
  const key = done ? complaints.resolvedAt : complaints.dueAt;
  // A row value, so that SQLite starts each part's range at the cursor.
  const past =
    after === undefined
      ? undefined
      : sql`(${key}, ${complaints.id}) ${sql.raw(done ? '<' : '>')} (${after.key}, ${after.id})`;
  // Each part's first `limit` rows in the queue's order; the page is the first `limit` of them all.
  const rows = partsOf(s).flatMap((where) =>
    tx
      .select({ complaint: complaints, assigneeName: staff.name })
      .from(complaints)
      .leftJoin(staff, eq(staff.id, complaints.assigneeId))
      .where(and(where, past))
      .orderBy(done ? desc(key) : asc(key), done ? desc(complaints.id) : asc(complaints.id))
      .limit(limit)
      .all()
      .map((r) => ({ ...r.complaint, assigneeName: r.assigneeName })),
  );
  return sortInQueueOrder(rows, done).slice(0, limit);
}

/**
 * Rows in the queue's order, as SQL sorts them: by deadline then id, or newest resolution first
 * (a missing key sorts as the smallest).
 */
function sortInQueueOrder(rows: QueueRow[], done: boolean): QueueRow[] {
  const keyOf = (r: QueueRow) => (done ? r.resolvedAt : r.dueAt) ?? -Infinity;
  const sign = done ? -1 : 1;
  return rows.sort((a, b) => sign * (keyOf(a) - keyOf(b) || a.id - b.id));
}

/** How many complaints a queue holds, counted up to `cap` (more reads as cap + 1). */
export function countQueue(tx: Tx, s: QueueSpec, cap: number): number {
  let n = 0;
  for (const where of partsOf(s)) {
    if (n > cap) break;
    const inner = tx
      .select({ one: sql`1` })
      .from(complaints)
      .where(where)
      .limit(cap + 1 - n);
    n += tx.get<{ n: number }>(sql`SELECT count(*) AS n FROM (${inner})`).n;
  }
  return n;
}

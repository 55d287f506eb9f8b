/**
 * The console's queues: a page of complaints in a scope, filtered, in deadline order (resolved
 * ones newest first), after a keyset cursor; and how many each tab holds, counted no further
 * than a cap so that a count costs the same over a million complaints. The partial indexes on
 * `due_at` and `resolved_at` (db/schema.ts) serve the order.
 */
import {
  and,
  asc,
  desc,
  eq,
  gt,
  gte,
  inArray,
  isNotNull,
  isNull,
  lt,
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
  categoryCode?: string;
  status?: ComplaintRow['status'];
  channel?: string;
  /** Filed at or after. */
  from?: number;
  /** Filed before. */
  until?: number;
  /** An FTS5 query over description and place (see ftsQuery). */
  words?: string;
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

function scopeCondition(scope: Scope): SQL | undefined {
  switch (scope.kind) {
    case 'all':
      return undefined;
    case 'region':
      return eq(complaints.regionCode, scope.regionCode);
    case 'officer':
      return or(
        eq(complaints.assigneeId, scope.staffId),
        and(
          eq(complaints.regionCode, scope.regionCode),
          scope.councils.length > 0
            ? inArray(complaints.councilCode, [...scope.councils])
            : undefined,
        ),
      );
  }
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
      return inArray(complaints.status, ['resolved', 'closed']);
  }
}

function filterCondition(f: QueueFilters): SQL | undefined {
  return and(
    f.regionCode === undefined ? undefined : eq(complaints.regionCode, f.regionCode),
    f.councilCode === undefined ? undefined : eq(complaints.councilCode, f.councilCode),
    f.categoryCode === undefined ? undefined : eq(complaints.categoryCode, f.categoryCode),
    f.status === undefined ? undefined : eq(complaints.status, f.status),
    f.channel === undefined ? undefined : eq(complaints.channel, f.channel),
    f.from === undefined ? undefined : gte(complaints.createdAt, f.from),
    f.until === undefined ? undefined : lt(complaints.createdAt, f.until),
    f.words === undefined
      ? undefined
      : sql`${complaints.id} IN (SELECT rowid FROM complaints_fts WHERE complaints_fts MATCH ${f.words})`,
  );
}

export interface QueueSpec {
  scope: Scope;
  /** The signed-in staff member (for Mine). */
  me: number;
  tab: Tab;
  filters: QueueFilters;
  clock: QueueClock;
}

function whereOf(s: QueueSpec): SQL | undefined {
  return and(
    scopeCondition(s.scope),
    tabCondition(s.tab, s.me, s.clock),
    filterCondition(s.filters),
  );
}

/** One page of a queue after `after`, in its order, with each owner's name. */
export function queuePage(tx: Tx, s: QueueSpec, limit: number, after?: Cursor): QueueRow[] {
  const done = s.tab === 'resolved';
  const key = done ? complaints.resolvedAt : complaints.dueAt;
  const past =
    after === undefined
      ? undefined
      : done
        ? or(lt(key, after.key), and(eq(key, after.key), lt(complaints.id, after.id)))
        : or(gt(key, after.key), and(eq(key, after.key), gt(complaints.id, after.id)));
  const rows = tx
    .select({ complaint: complaints, assigneeName: staff.name })
    .from(complaints)
    .leftJoin(staff, eq(staff.id, complaints.assigneeId))
    .where(and(whereOf(s), past))
    .orderBy(done ? desc(key) : asc(key), done ? desc(complaints.id) : asc(complaints.id))
    .limit(limit)
    .all();
  return rows.map((r) => ({ ...r.complaint, assigneeName: r.assigneeName }));
}

/** How many complaints a queue holds, counted up to `cap` (more reads as cap + 1). */
export function countQueue(tx: Tx, s: QueueSpec, cap: number): number {
  const inner = tx
    .select({ one: sql`1` })
    .from(complaints)
    .where(whereOf(s))
    .limit(cap + 1);
  const row = tx.get<{ n: number }>(sql`SELECT count(*) AS n FROM (${inner})`);
  return row.n;
}

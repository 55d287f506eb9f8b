/**
 * Call-back requests as the console reads them, within a staff member's scope: the queue of open
 * requests by deadline (a page and its counts), one request with its history, and the counts the
 * dashboard shows. Read-only; a request outside the scope does not exist for that staff member.
 */
import type { Db } from '../../db/client';
import type { CallbackRow } from '../../db/schema';
import { listAudit } from '../audit/repository';
import type { Scope } from '../complaints/core/scope';
import { findComplaintById } from '../complaints/repository';
import { staffNames } from '../staff/repository';
import { parseCallbackReference } from './core/reference';
import { callbackInScope, callbackRegionOf } from './core/rules';
import {
  callbackCounts,
  countOpenCallbacks,
  findCallbackByReference,
  findCallbackOfComplaint,
  listOpenCallbacks,
  type CallbackCounts,
  type QueueCursor,
} from './repository';

export const QUEUE_PAGE = 50;

export interface CallbackQueue {
  /** The region shown (undefined: every region, headquarters only). */
  regionCode: string | undefined;
  rows: CallbackRow[];
  open: number;
  overdue: number;
  /** The cursor of the next page, when there is one. */
  next?: string;
  /** Names of the staff who made the rows' last tries. */
  names: Map<number, string>;
}

/** Pure. A cursor as it travels in a URL (`<dueAt>-<id>`), and back. */
const encodeCursor = (r: QueueCursor): string => `${r.dueAt}-${r.id}`;
function decodeCursor(s: string | undefined): QueueCursor | undefined {
  const m = /^(\d{1,15})-(\d{1,15})$/.exec(s ?? '');
  return m ? { dueAt: Number(m[1]), id: Number(m[2]) } : undefined;
}

/**
 * The open requests the scope sees, the first due first: a region's for its staff; for
 * headquarters every region's, or the one `region` asks for.
 */
export function callbackQueue(
  db: Db,
  q: { scope: Scope; region?: string; after?: string; now: number },
): CallbackQueue {
  const regionCode = callbackRegionOf(q.scope) ?? q.region;
  const rows = listOpenCallbacks(db, {
    regionCode,
    after: decodeCursor(q.after),
    limit: QUEUE_PAGE + 1,
  });
  const page = rows.slice(0, QUEUE_PAGE);
  const last = page.at(-1);
  const counts = countOpenCallbacks(db, regionCode, q.now);
  const tried = page.flatMap((r) => (r.lastAttemptBy === null ? [] : [r.lastAttemptBy]));
  return {
    regionCode,
    rows: page,
    ...counts,
    ...(rows.length > QUEUE_PAGE && last ? { next: encodeCursor(last) } : {}),
    names: staffNames(db, tried),
  };
}

/** One line of a request's history. */
export interface HistoryItem {
  at: number;
  action: string;
  /** Who (null: the caller, on USSD). */
  staffId: number | null;
  note: string | null;
  complaintNumber: string | null;
}

export interface CallbackDetail {
  callback: CallbackRow;
  /** Oldest first. */
  history: HistoryItem[];
  complaintNumber: string | null;
  names: Map<number, string>;
}

const noteOf = (after: unknown): string | null => {
  const note = (after as { note?: unknown } | null)?.note;
  return typeof note === 'string' ? note : null;
};

/** The request `typed` (a reference as staff type it) with its history, if in `scope`. */
export function callbackDetail(db: Db, scope: Scope, typed: string): CallbackDetail | undefined {
  const reference = parseCallbackReference(typed);
  const row = reference === undefined ? undefined : findCallbackByReference(db, reference);
  if (!row || !callbackInScope(scope, row.regionCode)) return undefined;
  const complaintNumber =
    row.complaintId === null ? null : (findComplaintById(db, row.complaintId)?.number ?? null);
  const history = listAudit(db, { kinds: ['callback'], entityId: row.id })
    .reverse()
    .map((a) => ({
      at: a.at,
      action: a.action,
      staffId: a.actorStaffId,
      note: a.action === 'close' ? noteOf(a.after) : null,
      complaintNumber: a.action === 'logged' ? complaintNumber : null,
    }));
  const ids = history.flatMap((h) => (h.staffId === null ? [] : [h.staffId]));
  return { callback: row, history, complaintNumber, names: staffNames(db, ids) };
}

/**
 * The dashboard's counts: requests made in [from, until) in the region the scope sees (a staff
 * member of a region: theirs, whatever councils they cover; headquarters: `region` or all).
 */
export type CallbackFigures = CallbackCounts & { asked: number };

export function callbackFigures(
  db: Db,
  q: { scope: Scope; region?: string; from: number; until: number; now: number },
): CallbackFigures {
  const regionCode = callbackRegionOf(q.scope) ?? q.region;
  const c = callbackCounts(db, { regionCode, from: q.from, until: q.until, now: q.now });
  return { ...c, asked: c.open + c.logged + c.closed + c.unreachable };
}

/**
 * The reference of the request a complaint was logged from, when the scope sees it: only a logged
 * call can have one, so other complaints cost no read.
 */
export function callbackOfComplaint(
  db: Db,
  scope: Scope,
  c: { id: number; channel: string },
): string | undefined {
  if (c.channel !== 'call') return undefined;
  const row = findCallbackOfComplaint(db, c.id);
  return row && callbackInScope(scope, row.regionCode) ? row.reference : undefined;
}

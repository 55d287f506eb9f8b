/**
 * The complaints Open311 publishes, read for GET requests: one page of a requested_datetime
 * window (newest first), or given complaint numbers. Only published columns are read: never the
 * phone, the assignee or (unless asked) the description. The page is found on the
 * `complaints_created_idx` index alone, then only its rows are read with their council and
 * region names, so a page costs the same on an empty database and at a million complaints.
 * A page is found after a known row (keyset: its requested_datetime and id) or, when none is
 * known, by skipping the index entries before it. The change mark (the newest complaint and
 * history event) tells whether a known row still starts the same page (./pages.ts).
 */
import { and, desc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  complaintEvents,
  complaints,
  councils,
  regions,
  type ComplaintStatus,
} from '../../db/schema';
import { sharedPlaces } from '../reference/places';
import type { PublicComplaint } from './core/records';

export interface WindowFilter {
  from: number;
  until: number;
  statuses?: readonly ComplaintStatus[];
  serviceCodes?: readonly string[];
  /** Rows to skip, and at most how many to return. */
  offset: number;
  limit: number;
  /** Only rows after this one (newest first): a keyset page. */
  after?: RowKey;
  /** Only rows up to and including this one (newest first). */
  upTo?: RowKey;
}

/** A row's place in the newest-first order: its requested_datetime, then its id. */
export interface RowKey {
  createdAt: number;
  id: number;
}

/** The newest complaint and the newest history event: every change to a complaint adds one. */
export interface ChangeMark {
  complaintId: number;
  eventId: number;
  /** When the later of the two was made (ms). */
  at: number;
}

function published(db: Db, withDescription: boolean) {
  return db
    .select({
      number: complaints.number,
      status: complaints.status,
      categoryCode: complaints.categoryCode,
      place: complaints.place,
      wardCode: complaints.wardCode,
      village: complaints.village,
      description: withDescription ? complaints.description : sql<null>`null`,
      councilName: councils.name,
      regionName: regions.name,
      id: complaints.id,
      createdAt: complaints.createdAt,
      updatedAt: complaints.updatedAt,
      firstResponseAt: complaints.firstResponseAt,
    })
    .from(complaints)
    .innerJoin(councils, eq(councils.code, complaints.councilCode))
    .innerJoin(regions, eq(regions.code, complaints.regionCode));
}

type Row = {
  description: string | null;
  id: number;
  wardCode: string | null;
  village: string | null;
} & Omit<PublicComplaint, 'description' | 'ward' | 'village'>;

/** A ward's name and postcode from the ward list (read once per process, when first needed). */
function wardOf(code: string | null): Pick<PublicComplaint, 'ward'> {
  const ward = code === null ? undefined : sharedPlaces().ward(code);
  return ward ? { ward: { name: ward.name, postcode: ward.postcode } } : {};
}

const toPublic = ({ description, id: _id, wardCode, village, ...rest }: Row): PublicComplaint => ({
  ...rest,
  ...wardOf(wardCode),
  ...(village === null ? {} : { village }),
  ...(description === null ? {} : { description }),
});

const newestFirst = [desc(complaints.createdAt), desc(complaints.id)];

type Filters = Pick<WindowFilter, 'from' | 'until' | 'statuses' | 'serviceCodes'>;

function windowWhere(f: Filters & Pick<WindowFilter, 'after' | 'upTo'>): SQL | undefined {
  return and(
    gte(complaints.createdAt, f.from),
    lt(complaints.createdAt, f.until),
    f.statuses ? inArray(complaints.status, [...f.statuses]) : undefined,
    f.serviceCodes ? inArray(complaints.categoryCode, [...f.serviceCodes]) : undefined,
    f.after
      ? sql`(${complaints.createdAt}, ${complaints.id}) < (${f.after.createdAt}, ${f.after.id})`
      : undefined,
    f.upTo
      ? sql`(${complaints.createdAt}, ${complaints.id}) <= (${f.upTo.createdAt}, ${f.upTo.id})`
      : undefined,
  );
}

/** One page of the complaints filed in [from, until), newest first, with each row's key. */
export function publishedInWindow(
  db: Db,
  f: WindowFilter,
  withDescription: boolean,
): (PublicComplaint & { key: RowKey })[] {
  const page = db
    .select({ id: complaints.id })
    .from(complaints)
    .where(windowWhere(f))
    .orderBy(...newestFirst)
    .limit(f.limit)
    .offset(f.offset);
  return published(db, withDescription)
    .where(inArray(complaints.id, page))
    .orderBy(...newestFirst)
    .all()
    .map((row) => ({ ...toPublic(row), key: { createdAt: row.createdAt, id: row.id } }));
}

/** The change mark now. */
export function changeMark(db: Db): ChangeMark {
  const newest = <T>(q: { get(): T | undefined }) => q.get();
  const complaint = newest(
    db
      .select({ id: complaints.id, at: complaints.createdAt })
      .from(complaints)
      .orderBy(desc(complaints.id))
      .limit(1),
  );
  const event = newest(
    db
      .select({ id: complaintEvents.id, at: complaintEvents.createdAt })
      .from(complaintEvents)
      .orderBy(desc(complaintEvents.id))
      .limit(1),
  );
  return {
    complaintId: complaint?.id ?? 0,
    eventId: event?.id ?? 0,
    at: Math.max(complaint?.at ?? 0, event?.at ?? 0),
  };
}

/**
 * How many complaints newer than `since` (by id) match `f` and come before `key` (newest
 * first). Read by id from `since` on (the unary plus keeps SQLite off the date index): the
 * complaints filed since a page was last read.
 */
export function newerAhead(db: Db, f: Filters, since: number, key: RowKey): number {
  const filters = and(
    f.statuses ? inArray(complaints.status, [...f.statuses]) : undefined,
    f.serviceCodes ? inArray(complaints.categoryCode, [...f.serviceCodes]) : undefined,
  );
  const row = db.get<{ n: number }>(sql`
    SELECT count(*) AS n FROM ${complaints}
    WHERE ${complaints.id} > ${since}
      AND +${complaints.createdAt} >= ${f.from} AND +${complaints.createdAt} < ${f.until}
      AND (+${complaints.createdAt}, ${complaints.id}) > (${key.createdAt}, ${key.id})
      ${filters ? sql`AND ${filters}` : sql``}`);
  return row.n;
}

/** The key of the complaint `steps` rows before `key` (newest first) among those matching `f`. */
export function keyBefore(db: Db, f: Filters, key: RowKey, steps: number): RowKey | undefined {
  return db
    .select({ createdAt: complaints.createdAt, id: complaints.id })
    .from(complaints)
    .where(
      and(
        windowWhere(f),
        sql`(${complaints.createdAt}, ${complaints.id}) > (${key.createdAt}, ${key.id})`,
      ),
    )
    .orderBy(complaints.createdAt, complaints.id)
    .limit(1)
    .offset(steps - 1)
    .get();
}

/** Whether a history event after `sinceEvent` is about a complaint up to `upToComplaint`. */
export function olderChanged(db: Db, sinceEvent: number, upToComplaint: number): boolean {
  const row = db.get<{ n: number }>(sql`
    SELECT count(*) AS n FROM (SELECT 1 FROM ${complaintEvents}
      WHERE ${complaintEvents.id} > ${sinceEvent} AND +${complaintEvents.complaintId} <= ${upToComplaint}
      LIMIT 1)`);
  return row.n > 0;
}

/** Whether a complaint up to `upToComplaint` was filed in [from, until). */
export function filedBetween(db: Db, from: number, until: number, upToComplaint: number): boolean {
  const row = db.get<{ n: number }>(sql`
    SELECT count(*) AS n FROM (SELECT 1 FROM ${complaints}
      WHERE ${complaints.createdAt} >= ${from} AND ${complaints.createdAt} < ${until}
        AND ${complaints.id} <= ${upToComplaint} LIMIT 1)`);
  return row.n > 0;
}

/** The complaints with these numbers (those that exist), newest first. */
export function publishedByNumbers(
  db: Db,
  numbers: readonly string[],
  withDescription: boolean,
): PublicComplaint[] {
  if (numbers.length === 0) return [];
  return published(db, withDescription)
    .where(inArray(complaints.number, [...numbers]))
    .orderBy(...newestFirst)
    .all()
    .map(toPublic);
}

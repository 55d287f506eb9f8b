/**
 * The complaints Open311 publishes, read for GET requests: one page of a requested_datetime
 * window (newest first), or given complaint numbers. Only published columns are read: never the
 * phone, the assignee or (unless asked) the description. The page is found on the
 * `complaints_created_idx` index alone, then only its rows are read with their council and
 * region names, so a page costs the same on an empty database and at a million complaints
 * (deep pages cost the index entries they skip).
 */
import { and, desc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { complaints, councils, regions, type ComplaintStatus } from '../../db/schema';
import type { PublicComplaint } from './core/records';

export interface WindowFilter {
  from: number;
  until: number;
  statuses?: readonly ComplaintStatus[];
  serviceCodes?: readonly string[];
  /** Rows to skip, and at most how many to return. */
  offset: number;
  limit: number;
}

function published(db: Db, withDescription: boolean) {
  return db
    .select({
      number: complaints.number,
      status: complaints.status,
      categoryCode: complaints.categoryCode,
      place: complaints.place,
      description: withDescription ? complaints.description : sql<null>`null`,
      councilName: councils.name,
      regionName: regions.name,
      createdAt: complaints.createdAt,
      updatedAt: complaints.updatedAt,
      firstResponseAt: complaints.firstResponseAt,
    })
    .from(complaints)
    .innerJoin(councils, eq(councils.code, complaints.councilCode))
    .innerJoin(regions, eq(regions.code, complaints.regionCode));
}

type Row = { description: string | null } & Omit<PublicComplaint, 'description'>;

const toPublic = ({ description, ...rest }: Row): PublicComplaint =>
  description === null ? rest : { ...rest, description };

const newestFirst = [desc(complaints.createdAt), desc(complaints.id)];

function windowWhere(f: WindowFilter): SQL | undefined {
  return and(
    gte(complaints.createdAt, f.from),
    lt(complaints.createdAt, f.until),
    f.statuses ? inArray(complaints.status, [...f.statuses]) : undefined,
    f.serviceCodes ? inArray(complaints.categoryCode, [...f.serviceCodes]) : undefined,
  );
}

/** One page of the complaints filed in [from, until), newest first. */
export function publishedInWindow(
  db: Db,
  f: WindowFilter,
  withDescription: boolean,
): PublicComplaint[] {
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
    .map(toPublic);
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

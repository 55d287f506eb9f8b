/**
 * Complaint rows. Functions take the database first (inside a transaction when the caller has
 * one open: see inTransaction) and return plain rows. Statements a USSD hop or a filing runs are
 * prepared once per connection.
 */
import { and, count, desc, eq, gt, gte, isNull, lte, sql } from 'drizzle-orm';
import { preparedPerDb, type Tx } from '../../db/client';
import {
  citizens,
  complaintEvents,
  complaints,
  smsFilings,
  type ComplaintRow,
  type EventRow,
  type NewComplaint,
} from '../../db/schema';
import type { ComplaintStatus, ChangeSource } from '../../db/schema';

const p = sql.placeholder;

const statements = preparedPerDb((db) => ({
  byNumber: db
    .select()
    .from(complaints)
    .where(eq(complaints.number, p('number')))
    .prepare(),
  numberTaken: db
    .select({ id: complaints.id })
    .from(complaints)
    .where(eq(complaints.number, p('number')))
    .prepare(),
  // A number sent for an SMS complaint still in triage is taken too (it becomes the complaint's).
  filingNumberTaken: db
    .select({ id: smsFilings.id })
    .from(smsFilings)
    .where(eq(smsFilings.number, p('number')))
    .prepare(),
  countSince: db
    .select({ n: count() })
    .from(complaints)
    .where(and(eq(complaints.citizenPhone, p('phone')), gte(complaints.createdAt, p('since'))))
    .prepare(),
  insert: db
    .insert(complaints)
    .values({
      number: p('number'),
      citizenPhone: p('citizenPhone'),
      regionCode: p('regionCode'),
      councilCode: p('councilCode'),
      categoryCode: p('categoryCode'),
      place: p('place'),
      wardCode: p('wardCode'),
      village: p('village'),
      description: p('description'),
      anonymous: p('anonymous'),
      language: p('language'),
      channel: p('channel'),
      status: p('status'),
      level: p('level'),
      assigneeId: p('assigneeId'),
      firstResponseDueAt: p('firstResponseDueAt'),
      resolutionDueAt: p('resolutionDueAt'),
      placeKey: p('placeKey'),
      createdAt: p('createdAt'),
      updatedAt: p('updatedAt'),
    })
    .returning()
    .prepare(),
  insertEvent: db
    .insert(complaintEvents)
    .values({
      complaintId: p('complaintId'),
      type: p('type'),
      actor: p('actor'),
      fromStatus: p('fromStatus'),
      toStatus: p('toStatus'),
      note: p('note'),
      staffId: p('staffId'),
      assigneeId: p('assigneeId'),
      source: p('source'),
      smsId: p('smsId'),
      createdAt: p('createdAt'),
    })
    .prepare(),
  assign: db
    .update(complaints)
    .set({
      assigneeId: sql`${p('staffId')}`,
      level: sql`${p('level')}`,
      status: sql`${p('status')}`,
      updatedAt: sql`${p('now')}`,
    })
    .where(eq(complaints.id, p('id')))
    .returning()
    .prepare(),
  language: db
    .select({ language: citizens.language })
    .from(citizens)
    .where(eq(citizens.phone, p('phone')))
    .prepare(),
  upsertCitizen: db
    .insert(citizens)
    .values({
      phone: p('phone'),
      language: p('language'),
      createdAt: p('now'),
      updatedAt: p('now'),
    })
    .onConflictDoUpdate({
      target: citizens.phone,
      set: { language: sql`excluded.language`, updatedAt: sql`excluded.updated_at` },
    })
    .prepare(),
}));

export function findComplaintByNumber(tx: Tx, number: string): ComplaintRow | undefined {
  return statements(tx).byNumber.get({ number });
}

export function findComplaintById(tx: Tx, id: number): ComplaintRow | undefined {
  return tx.select().from(complaints).where(eq(complaints.id, id)).get();
}

export function complaintNumberExists(tx: Tx, number: string): boolean {
  const s = statements(tx);
  return (
    s.numberTaken.get({ number }) !== undefined || s.filingNumberTaken.get({ number }) !== undefined
  );
}

export function listRecentComplaints(tx: Tx, phone: string, limit: number): ComplaintRow[] {
  return tx
    .select()
    .from(complaints)
    .where(eq(complaints.citizenPhone, phone))
    .orderBy(desc(complaints.createdAt), desc(complaints.id))
    .limit(limit)
    .all();
}

/**
 * UPDATEs of a complaint by id, prepared once per connection for each set of columns changed.
 * SQLite compiles every trigger on `complaints` (the rollup's, the search index's) into each
 * UPDATE statement, so preparing one costs about a millisecond: no path may prepare it per call.
 */
const updates = preparedPerDb((db) => {
  const byColumns = new Map<string, ReturnType<typeof build>>();
  const build = (columns: readonly string[]) =>
    db
      .update(complaints)
      .set(Object.fromEntries(columns.map((c) => [c, sql`${p(c)}`])))
      .where(eq(complaints.id, p('id')))
      .returning()
      .prepare();
  return (columns: readonly string[]) => {
    const key = columns.join(',');
    let statement = byColumns.get(key);
    if (!statement) {
      statement = build(columns);
      byColumns.set(key, statement);
    }
    return statement;
  };
});

type Changes = Partial<Omit<NewComplaint, 'id' | 'number' | 'createdAt'>>;

/** Sets `changes` on complaint `id` through a statement prepared once; the row as it is now. */
function setColumns(tx: Tx, id: number, changes: Changes): ComplaintRow | undefined {
  const columns = Object.keys(changes).filter(
    (c) => changes[c as keyof Changes] !== undefined,
  ) as (keyof Changes)[];
  const values = Object.fromEntries(
    columns.map((c) => {
      const v = changes[c];
      return [c, typeof v === 'boolean' ? Number(v) : v];
    }),
  );
  return updates(tx)(columns).get({ ...values, id });
}

/**
 * Changes a complaint (always its `updated_at`, to `now`) and returns the row as it is now.
 * Throws when the complaint does not exist: callers change complaints they have just read.
 */
export function updateComplaint(
  tx: Tx,
  id: number,
  changes: Partial<Omit<NewComplaint, 'id' | 'number' | 'createdAt' | 'updatedAt'>>,
  now: number,
): ComplaintRow {
  const row = setColumns(tx, id, { ...changes, updatedAt: now });
  if (!row) throw new Error(`complaint ${id} does not exist`);
  return row;
}

/** Sets a few columns of a complaint that are not a change of its state (no `updated_at`). */
export function setComplaintColumns(tx: Tx, id: number, changes: Changes): void {
  setColumns(tx, id, changes);
}

/** Gives a complaint its owner, level and status (the assignment statement, prepared once). */
export function setAssignment(
  tx: Tx,
  id: number,
  to: { staffId: number | null; level: ComplaintRow['level']; status: ComplaintStatus },
  now: number,
): ComplaintRow {
  const row = statements(tx).assign.get({ id, now, ...to });
  if (!row) throw new Error(`complaint ${id} vanished during assignment`);
  return row;
}

export function countComplaintsSince(tx: Tx, phone: string, since: number): number {
  return statements(tx).countSince.get({ phone, since })?.n ?? 0;
}

/** A new complaint as filed, with its first owner; later timestamps and rating start empty. */
export type FiledComplaint = Pick<
  NewComplaint,
  | 'number'
  | 'citizenPhone'
  | 'regionCode'
  | 'councilCode'
  | 'categoryCode'
  | 'description'
  | 'language'
  | 'status'
  | 'createdAt'
  | 'updatedAt'
> & {
  firstResponseDueAt: number;
  resolutionDueAt: number;
  place: string | null;
  /** The ward and village the place was recognised as (null: free text). */
  wardCode: string | null;
  village: string | null;
  /** The place made comparable ('' when it has nothing that tells places apart). */
  placeKey: string | null;
  anonymous: boolean;
  channel: string;
  level: ComplaintRow['level'];
  assigneeId: number | null;
};

export function insertComplaint(tx: Tx, row: FiledComplaint): ComplaintRow {
  const inserted = statements(tx).insert.get({ ...row, anonymous: row.anonymous ? 1 : 0 });
  if (!inserted) throw new Error(`complaint ${row.number} was not inserted`);
  return inserted;
}

export interface NewEvent {
  complaintId: number;
  type: string;
  actor: string;
  /** Where it came from: USSD, an SMS, the web console, or the system itself. */
  source: ChangeSource;
  /** The SMS the event sent, when it sent one (a staff reply). */
  smsId?: number | null;
  fromStatus?: ComplaintStatus | null;
  toStatus?: ComplaintStatus | null;
  note?: string | null;
  staffId?: number | null;
  assigneeId?: number | null;
  createdAt: number;
}

export function insertEvent(tx: Tx, event: NewEvent): void {
  statements(tx).insertEvent.run({
    fromStatus: null,
    toStatus: null,
    note: null,
    staffId: null,
    assigneeId: null,
    smsId: null,
    ...event,
  });
}

export function findCitizenLanguage(tx: Tx, phone: string): 'sw' | 'en' | undefined {
  return statements(tx).language.get({ phone })?.language;
}

export function upsertCitizen(tx: Tx, phone: string, language: 'sw' | 'en', now: number): void {
  statements(tx).upsertCitizen.run({ phone, language, now });
}

/** The complaints with ids in (after, upTo] filed before their deadlines were stored. */
export function complaintsWithoutDueTimes(
  tx: Tx,
  after: number,
  upTo: number,
): Pick<ComplaintRow, 'id' | 'createdAt'>[] {
  return tx
    .select({ id: complaints.id, createdAt: complaints.createdAt })
    .from(complaints)
    .where(
      and(
        gt(complaints.id, after),
        lte(complaints.id, upTo),
        isNull(complaints.firstResponseDueAt),
      ),
    )
    .all();
}

/** Stores a complaint's SLA deadlines. */
export function setDueTimes(tx: Tx, id: number, firstResponse: number, resolution: number): void {
  setColumns(tx, id, { firstResponseDueAt: firstResponse, resolutionDueAt: resolution });
}

/** A complaint's history, oldest first. */
export function listEvents(tx: Tx, complaintId: number): EventRow[] {
  return tx
    .select()
    .from(complaintEvents)
    .where(eq(complaintEvents.complaintId, complaintId))
    .orderBy(complaintEvents.id)
    .all();
}

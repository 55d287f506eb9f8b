/**
 * Kero's database schema: the single source of truth. `npm run db:generate` writes
 * db/migrations/ from it (committed, never edited by hand).
 */
import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
  type AnySQLiteColumn,
} from 'drizzle-orm/sqlite-core';

/** Time columns hold milliseconds since the epoch (UTC). */
const millis = (name: string) => integer(name);

export const regions = sqliteTable('regions', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  mainland: integer('mainland', { mode: 'boolean' }).notNull(),
  position: integer('position').notNull(),
});

export const councils = sqliteTable(
  'councils',
  {
    code: text('code').primaryKey(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    name: text('name').notNull(),
    nameSw: text('name_sw').notNull(),
    short: text('short').notNull(),
    shortSw: text('short_sw').notNull(),
    type: text('type').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [index('councils_region_idx').on(t.regionCode, t.position)],
);

/**
 * Complaint categories, managed by headquarters in the console (issue 20): names in both
 * languages, menu order, per-category SLA (null: the configured SLA_FIRST_RESPONSE_DAYS /
 * SLA_RESOLUTION_DAYS), whether Open311 publishes them, and retirement (kept on old complaints,
 * gone from the menus). The nine of the first release are seeded (db/seed/seed.ts) and named by
 * migration 0022; after that the rows are the centre's.
 */
export const categories = sqliteTable('categories', {
  code: text('code').primaryKey(),
  position: integer('position').notNull(),
  nameSw: text('name_sw').notNull().default(''),
  nameEn: text('name_en').notNull().default(''),
  /** Working days to a first response; null: the configured default. */
  firstResponseDays: integer('first_response_days'),
  /** Calendar days to resolution; null: the configured default. */
  resolutionDays: integer('resolution_days'),
  /** Whether Open311 lists the category and its complaints. */
  public: integer('public', { mode: 'boolean' }).notNull().default(true),
  retiredAt: millis('retired_at'),
  updatedAt: millis('updated_at'),
});

export const citizens = sqliteTable('citizens', {
  phone: text('phone').primaryKey(),
  language: text('language', { enum: ['sw', 'en'] }).notNull(),
  createdAt: millis('created_at').notNull(),
  updatedAt: millis('updated_at').notNull(),
});

export const staffRoles = ['officer', 'supervisor', 'hq'] as const;
export type StaffRole = (typeof staffRoles)[number];

export const staff = sqliteTable(
  'staff',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    phone: text('phone').notNull(),
    role: text('role', { enum: staffRoles }).notNull(),
    /** Null for headquarters staff. */
    regionCode: text('region_code').references(() => regions.code),
    language: text('language', { enum: ['sw', 'en'] })
      .notNull()
      .default('sw'),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    lastAssignedAt: millis('last_assigned_at'),
    createdAt: millis('created_at').notNull(),
    updatedAt: millis('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('staff_phone_idx').on(t.phone),
    index('staff_region_role_idx').on(t.regionCode, t.role, t.active),
  ],
);

/** Councils an officer covers; none means the whole region. */
export const staffCouncils = sqliteTable(
  'staff_councils',
  {
    staffId: integer('staff_id')
      .notNull()
      .references(() => staff.id),
    councilCode: text('council_code')
      .notNull()
      .references(() => councils.code),
  },
  (t) => [primaryKey({ columns: [t.staffId, t.councilCode] })],
);

/**
 * Wards an officer covers (a ward executive officer): complaints matched to one of them go to
 * that officer first (src/complaints/core/assignment.ts). The ward code is Kero's code for a
 * ward of the postcode list (src/reference/wards.ts), which lives in the code, not in a table,
 * so there is no foreign key. An officer with wards also has their councils in staff_councils.
 */
export const staffWards = sqliteTable(
  'staff_wards',
  {
    staffId: integer('staff_id')
      .notNull()
      .references(() => staff.id),
    wardCode: text('ward_code').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.staffId, t.wardCode] }),
    index('staff_wards_ward_idx').on(t.wardCode),
  ],
);

/**
 * Teams: named groups of staff a routing rule can send complaints to (the least loaded active
 * member gets each one). A region's team (edited by that region's supervisors and headquarters)
 * or a national one (`region_code` null: headquarters only). Names are unique within a region.
 */
export const teams = sqliteTable(
  'teams',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    regionCode: text('region_code').references(() => regions.code),
    /** The region, '' for a national team: the unique index's key (NULLs are never equal). */
    scopeKey: text('scope_key').generatedAlwaysAs(sql`coalesce(region_code, '')`, {
      mode: 'virtual',
    }),
    createdAt: millis('created_at').notNull(),
    updatedAt: millis('updated_at').notNull(),
  },
  (t) => [uniqueIndex('teams_name_idx').on(t.scopeKey, sql`lower(${t.name})`)],
);

export const teamMembers = sqliteTable(
  'team_members',
  {
    teamId: integer('team_id')
      .notNull()
      .references(() => teams.id),
    staffId: integer('staff_id')
      .notNull()
      .references(() => staff.id),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.staffId] }),
    index('team_members_staff_idx').on(t.staffId),
  ],
);

/**
 * Routing rules: complaints of a category in a council, a region or everywhere go to a staff
 * member or a team instead of the default assignment (src/complaints/core/routing.ts: the most
 * specific rule wins). A council's rule carries its region too; `region_code` null is
 * everywhere. Exactly one target. One rule per category and place.
 */
export const routingRules = sqliteTable(
  'routing_rules',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    categoryCode: text('category_code')
      .notNull()
      .references(() => categories.code),
    regionCode: text('region_code').references(() => regions.code),
    councilCode: text('council_code').references(() => councils.code),
    staffId: integer('staff_id').references(() => staff.id),
    teamId: integer('team_id').references(() => teams.id),
    /** The council, else the region, else '' (everywhere): the unique index's key. */
    placeKey: text('place_key').generatedAlwaysAs(sql`coalesce(council_code, region_code, '')`, {
      mode: 'virtual',
    }),
    createdAt: millis('created_at').notNull(),
    updatedAt: millis('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('routing_rules_place_idx').on(t.categoryCode, t.placeKey),
    index('routing_rules_team_idx').on(t.teamId),
    index('routing_rules_staff_idx').on(t.staffId),
    check('routing_rules_one_target', sql`(${t.staffId} IS NULL) <> (${t.teamId} IS NULL)`),
    check(
      'routing_rules_council_in_region',
      sql`${t.councilCode} IS NULL OR ${t.regionCode} IS NOT NULL`,
    ),
  ],
);

export const complaintStatuses = [
  'received',
  'assigned',
  'in_progress',
  'resolved',
  'closed',
] as const;
export type ComplaintStatus = (typeof complaintStatuses)[number];

/** The columns the queue's filters test, carried by its indexes (see below). */
const doneFilters = (t: {
  categoryCode: AnySQLiteColumn;
  channel: AnySQLiteColumn;
  createdAt: AnySQLiteColumn;
}) => [t.categoryCode, t.channel, t.createdAt] as const;
const openFilters = (t: Parameters<typeof doneFilters>[0] & { status: AnySQLiteColumn }) =>
  [...doneFilters(t), t.status] as const;

export const complaints = sqliteTable(
  'complaints',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    number: text('number').notNull(),
    citizenPhone: text('citizen_phone')
      .notNull()
      .references(() => citizens.phone),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    councilCode: text('council_code')
      .notNull()
      .references(() => councils.code),
    categoryCode: text('category_code')
      .notNull()
      .references(() => categories.code),
    place: text('place'),
    /**
     * The ward the place was recognised as (src/reference/wards.ts code: its postcode) and the
     * street or village, as the list names it, when it matched one. Null: free text only. A
     * division (tarafa) would sit beside them; no open list of divisions exists yet.
     */
    wardCode: text('ward_code'),
    village: text('village'),
    description: text('description').notNull(),
    anonymous: integer('anonymous', { mode: 'boolean' }).notNull(),
    language: text('language', { enum: ['sw', 'en'] }).notNull(),
    channel: text('channel').notNull().default('ussd'),
    status: text('status', { enum: complaintStatuses }).notNull(),
    level: text('level', { enum: ['council', 'region', 'national'] })
      .notNull()
      .default('council'),
    assigneeId: integer('assignee_id').references((): AnySQLiteColumn => staff.id),
    createdAt: millis('created_at').notNull(),
    updatedAt: millis('updated_at').notNull(),
    firstResponseAt: millis('first_response_at'),
    resolvedAt: millis('resolved_at'),
    closedAt: millis('closed_at'),
    /** Set when the first-response SLA breach was escalated: it never escalates twice. */
    firstResponseEscalatedAt: millis('first_response_escalated_at'),
    resolutionEscalatedAt: millis('resolution_escalated_at'),
    /** Citizen's 1-5 satisfaction rating after resolution. */
    rating: integer('rating'),
    /** The SLA deadlines, fixed at filing with the policy of the day (src/complaints/core/sla.ts). */
    firstResponseDueAt: millis('first_response_due_at'),
    resolutionDueAt: millis('resolution_due_at'),
    /** The place made comparable (src/complaints/core/place.ts): clusters match on it. */
    placeKey: text('place_key'),
    /** The lead complaint a supervisor linked this one under (a cluster handled as one). */
    leadId: integer('lead_id').references((): AnySQLiteColumn => complaints.id),
    /**
     * Office time (working hours, src/text/calendar.ts) from filing to the first response and to
     * resolution, stored when it happens: the dashboard's medians read them instead of walking
     * the calendar for every complaint of a period. Null until then (or until the backfill).
     */
    firstResponseWorkMs: integer('first_response_work_ms'),
    resolutionWorkMs: integer('resolution_work_ms'),
    /** How many times it was reopened (by staff, by the citizen, by a low rating). */
    reopenCount: integer('reopen_count').notNull().default(0),
    /**
     * The deadline an open complaint works to now (first response while unanswered, else
     * resolution); null once resolved or closed. Computed by SQLite: the queue sorts on it.
     */
    dueAt: integer('due_at').generatedAlwaysAs(
      sql`CASE WHEN status IN ('received', 'assigned', 'in_progress') THEN
            CASE WHEN first_response_at IS NULL THEN first_response_due_at
                 ELSE resolution_due_at END END`,
      { mode: 'virtual' },
    ),
  },
  (t) => [
    uniqueIndex('complaints_number_idx').on(t.number),
    index('complaints_citizen_idx').on(t.citizenPhone, t.createdAt),
    index('complaints_status_created_idx').on(t.status, t.createdAt),
    // The console's queues (src/complaints/queue-repository.ts): open complaints by deadline,
    // whole country, a region, a council (an officer's queue reads a council at a time) or one
    // owner. Partial: each holds only the open rows it sorts. They carry every column a tab or
    // filter tests, so that a capped count under a filter reads the index alone; open rows are
    // few, so the width costs little.
    index('complaints_due_idx')
      .on(t.dueAt, t.id, t.regionCode, t.councilCode, t.assigneeId, ...openFilters(t))
      .where(sql`due_at IS NOT NULL`),
    index('complaints_region_due_idx')
      .on(t.regionCode, t.dueAt, t.id, t.councilCode, t.assigneeId, ...openFilters(t))
      .where(sql`due_at IS NOT NULL`),
    index('complaints_council_due_idx')
      .on(t.councilCode, t.dueAt, t.id, t.regionCode, t.assigneeId, ...openFilters(t))
      .where(sql`due_at IS NOT NULL`),
    index('complaints_assignee_due_idx')
      .on(t.assigneeId, t.dueAt, t.id, t.regionCode, t.councilCode, ...openFilters(t))
      .where(sql`due_at IS NOT NULL`),
    // Done ones by status, then resolution time, whole country, a region, a council or one
    // owner: the Resolved tab reads resolved and closed ones as two ranges in order. Not partial:
    // done complaints are nearly all of them. They carry the columns of the common filters (and
    // what a council's or an owner's part of an officer's scope tests) for the same reason.
    index('complaints_done_idx').on(t.status, t.resolvedAt, t.id, ...doneFilters(t)),
    index('complaints_region_done_idx').on(
      t.regionCode,
      t.status,
      t.resolvedAt,
      t.id,
      ...doneFilters(t),
    ),
    index('complaints_council_done_idx').on(
      t.councilCode,
      t.status,
      t.resolvedAt,
      t.id,
      t.regionCode,
      ...doneFilters(t),
    ),
    index('complaints_assignee_done_idx').on(
      t.assigneeId,
      t.status,
      t.resolvedAt,
      t.id,
      t.regionCode,
      t.councilCode,
      ...doneFilters(t),
    ),
    // Open311 pages (newest first within a window) and report periods: filing times only grow,
    // so each filing appends at the index's end.
    index('complaints_created_idx').on(t.createdAt),
    // Clusters: the same council, category and place, filed within 7 days of each other.
    index('complaints_cluster_idx')
      .on(t.councilCode, t.categoryCode, t.placeKey, t.createdAt)
      .where(sql`place_key IS NOT NULL`),
    index('complaints_lead_idx')
      .on(t.leadId)
      .where(sql`lead_id IS NOT NULL`),
    // The report's medians: each group's answered (resolved) complaints in order of how long
    // they took, and all of them, so a median is a walk to the middle rather than a sort; with
    // the filing time, so that a period is filtered in the index (src/reports/repository.ts).
    index('complaints_response_time_idx')
      .on(t.regionCode, t.categoryCode, sql`(first_response_at - created_at)`, t.createdAt)
      .where(sql`first_response_at IS NOT NULL`),
    index('complaints_all_response_time_idx')
      .on(sql`(first_response_at - created_at)`, t.createdAt)
      .where(sql`first_response_at IS NOT NULL`),
    index('complaints_resolution_time_idx')
      .on(t.regionCode, t.categoryCode, sql`(resolved_at - created_at)`, t.createdAt)
      .where(sql`resolved_at IS NOT NULL`),
    index('complaints_all_resolution_time_idx')
      .on(sql`(resolved_at - created_at)`, t.createdAt)
      .where(sql`resolved_at IS NOT NULL`),
    // A short period's durations, read from the index alone in filing order. Plain columns:
    // SQLite reads them from the index, where it would fetch each row to evaluate expressions.
    index('complaints_period_times_idx').on(
      t.createdAt,
      t.regionCode,
      t.categoryCode,
      t.firstResponseAt,
      t.resolvedAt,
    ),
    // The dashboard's reads that the rollup (complaint_rollup) cannot answer: an officer's
    // councils, a region's office-time histograms and staff table. A period of a region comes
    // from this index alone, never from the table.
    index('complaints_dashboard_idx').on(
      t.regionCode,
      t.createdAt,
      t.councilCode,
      t.categoryCode,
      t.channel,
      t.status,
      t.assigneeId,
      t.firstResponseAt,
      t.firstResponseDueAt,
      t.firstResponseEscalatedAt,
      t.resolvedAt,
      t.resolutionDueAt,
      t.resolutionEscalatedAt,
      t.rating,
      t.reopenCount,
      t.firstResponseWorkMs,
      t.resolutionWorkMs,
    ),
  ],
);

/**
 * The one rollup: what the report and the dashboard count, kept per Tanzanian filing day (days
 * since 1970, EAT) in a few rows per complaint, so that a year of a million complaints is read as
 * thousands of rows, not a million. `kind` says which key columns a row uses ('' elsewhere):
 * - `c`: region, council, category and channel (a region's dashboard);
 * - `rc`: region and category (the report, the country's dashboard by region and category);
 * - `rcw`: the same by week (`day` is the week's first day, a multiple of 7): a long period reads
 *   its whole weeks here and only the days at its ends from `rc` (migration 0018);
 * - `ch`: channel, the whole country;
 * - `res`: resolutions by the day they happened (`day`) and region, in `n`;
 * - `hfr`, `hres`: the country's complaints by whole office hours (`hours`) to first response and
 *   to resolution, in `n`.
 * Kept by triggers on `complaints` (migration 0018, SQL in db/rollup-sql.ts) in the transaction of
 * every change, and built for complaints filed before by the `rollup` background job. Lateness
 * stored here is what has happened (answered or resolved after the deadline); complaints still
 * open past a deadline are counted when read, from the queue's deadline index.
 */
export const complaintRollup = sqliteTable(
  'complaint_rollup',
  {
    kind: text('kind', { enum: ['c', 'rc', 'rcw', 'ch', 'res', 'hfr', 'hres'] }).notNull(),
    day: integer('day').notNull(),
    region: text('region').notNull().default(''),
    council: text('council').notNull().default(''),
    category: text('category').notNull().default(''),
    channel: text('channel').notNull().default(''),
    hours: integer('hours').notNull().default(0),
    n: integer('n').notNull().default(0),
    stReceived: integer('st_received').notNull().default(0),
    stAssigned: integer('st_assigned').notNull().default(0),
    stInProgress: integer('st_in_progress').notNull().default(0),
    stResolved: integer('st_resolved').notNull().default(0),
    stClosed: integer('st_closed').notNull().default(0),
    unattended: integer('unattended').notNull().default(0),
    answered: integer('answered').notNull().default(0),
    frMet: integer('fr_met').notNull().default(0),
    frLate: integer('fr_late').notNull().default(0),
    resolvedEver: integer('resolved_ever').notNull().default(0),
    resMet: integer('res_met').notNull().default(0),
    resLate: integer('res_late').notNull().default(0),
    late: integer('late').notNull().default(0),
    everDone: integer('ever_done').notNull().default(0),
    reopened: integer('reopened').notNull().default(0),
    r1: integer('r1').notNull().default(0),
    r2: integer('r2').notNull().default(0),
    r3: integer('r3').notNull().default(0),
    r4: integer('r4').notNull().default(0),
    r5: integer('r5').notNull().default(0),
  },
  (t) => [
    primaryKey({
      columns: [t.kind, t.day, t.region, t.council, t.category, t.channel, t.hours],
    }),
  ],
);

/**
 * The open complaints by their deadline, ordered for the dashboard's lateness counts (migration
 * 0020): region, category, channel and council lead the key, so counting a year's open
 * complaints past a deadline by those columns is one walk of this table in order (no sort).
 * `unanswered` and `resolution_due_at` let one row say which deadlines have passed at any
 * moment. One row per complaint whose `due_at` is set (open, with deadlines); kept by triggers on
 * `complaints` in the transaction of every change, filled for complaints filed before by the
 * `open_deadlines` background job (until it finishes the dashboard reads the queue's index).
 */
export const openDeadlines = sqliteTable(
  'open_deadlines',
  {
    region: text('region').notNull(),
    category: text('category').notNull(),
    channel: text('channel').notNull(),
    council: text('council').notNull(),
    complaintId: integer('complaint_id').notNull(),
    dueAt: integer('due_at').notNull(),
    createdAt: integer('created_at').notNull(),
    unanswered: integer('unanswered').notNull(),
    resolutionDueAt: integer('resolution_due_at'),
  },
  (t) => [primaryKey({ columns: [t.region, t.category, t.channel, t.council, t.complaintId] })],
);

/**
 * Saved replies: texts staff start a reply from in the console's composer, in both languages, with
 * the variables of src/complaints/core/replies.ts ({number}, {council}, {category}, {officer}).
 * For one category or (null) every category; for one region (a supervisor's, who manages only
 * their region's) or (null) every region (headquarters'). Retired ones (`active` false) stay, with
 * their count: `uses` is how many replies were sent that started from it. A few hundred rows at
 * most, read whole: no index.
 */
export const savedReplies = sqliteTable('saved_replies', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  title: text('title').notNull(),
  categoryCode: text('category_code').references(() => categories.code),
  regionCode: text('region_code').references(() => regions.code),
  textSw: text('text_sw').notNull(),
  textEn: text('text_en').notNull(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  uses: integer('uses').notNull().default(0),
  createdBy: integer('created_by')
    .notNull()
    .references(() => staff.id),
  createdAt: millis('created_at').notNull(),
  updatedBy: integer('updated_by')
    .notNull()
    .references(() => staff.id),
  updatedAt: millis('updated_at').notNull(),
});

/** When an automatic reply goes: with the citizen's status SMS of that change (src/complaints/notify.ts). */
export const autoReplyTriggers = [
  'received',
  'assigned',
  'resolved',
  'reopened',
  'escalated',
] as const;
export type AutoReplyTrigger = (typeof autoReplyTriggers)[number];

/**
 * Automatic replies: a category's text (both languages, the saved replies' variables) that goes
 * with the citizen's status SMS of `trigger`, in the same SMS when it adds no part, else right
 * after it. At most one active per category and trigger: the status SMS looks it up by that index
 * (at every filing, so it must be one short read). Retired ones stay.
 */
export const autoReplies = sqliteTable(
  'auto_replies',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    categoryCode: text('category_code')
      .notNull()
      .references(() => categories.code),
    trigger: text('trigger', { enum: autoReplyTriggers }).notNull(),
    textSw: text('text_sw').notNull(),
    textEn: text('text_en').notNull(),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    /** How many status SMS it went with (in the same SMS or right after). */
    sent: integer('sent').notNull().default(0),
    createdBy: integer('created_by')
      .notNull()
      .references(() => staff.id),
    createdAt: millis('created_at').notNull(),
    updatedBy: integer('updated_by')
      .notNull()
      .references(() => staff.id),
    updatedAt: millis('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('auto_replies_active_idx')
      .on(t.categoryCode, t.trigger)
      .where(sql`active = 1`),
  ],
);

export const callbackStatuses = ['open', 'logged', 'closed', 'unreachable'] as const;
export type CallbackStatus = (typeof callbackStatuses)[number];

/**
 * Call-back requests (issue 21): a USSD caller asks the centre to call them about a category. The
 * region's staff call within one working day (`due_at`), then log the call as a complaint (the
 * request becomes `logged`, `complaint_id` set), close it with a note (`closed`), or record that
 * nobody answered: after the second try it closes as `unreachable` and the citizen gets an SMS
 * (src/callbacks/service.ts). At most one open request per phone (the unique partial index).
 * `reference` is 7 digits with a Damm check digit: never 8, so never a complaint number.
 */
export const callbacks = sqliteTable(
  'callbacks',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reference: text('reference').notNull(),
    phone: text('phone')
      .notNull()
      .references(() => citizens.phone),
    language: text('language', { enum: ['sw', 'en'] }).notNull(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    categoryCode: text('category_code')
      .notNull()
      .references(() => categories.code),
    /** The USSD code the request came through: the unreachable SMS says to dial it again. */
    serviceCode: text('service_code').notNull(),
    status: text('status', { enum: callbackStatuses }).notNull(),
    createdAt: millis('created_at').notNull(),
    dueAt: millis('due_at').notNull(),
    /** Tries that reached nobody; the second closes the request as unreachable. */
    attempts: integer('attempts').notNull().default(0),
    lastAttemptAt: millis('last_attempt_at'),
    lastAttemptBy: integer('last_attempt_by').references(() => staff.id),
    closedAt: millis('closed_at'),
    closedBy: integer('closed_by').references(() => staff.id),
    closeNote: text('close_note'),
    /** The complaint the call was logged as. */
    complaintId: integer('complaint_id').references(() => complaints.id),
    updatedAt: millis('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('callbacks_reference_idx').on(t.reference),
    // One open request per phone; the USSD menu finds it by this index.
    uniqueIndex('callbacks_open_phone_idx')
      .on(t.phone)
      .where(sql`status = 'open'`),
    // The daily limit: a phone's requests of today.
    index('callbacks_phone_idx').on(t.phone, t.createdAt),
    // The call-back queue, whole country or a region, by deadline: open requests only (a few
    // hundred), carrying what the dashboard's overdue count tests.
    index('callbacks_open_due_idx')
      .on(t.dueAt, t.id, t.regionCode, t.createdAt)
      .where(sql`status = 'open'`),
    index('callbacks_region_open_due_idx')
      .on(t.regionCode, t.dueAt, t.id, t.createdAt)
      .where(sql`status = 'open'`),
    // A complaint's request, for its page.
    index('callbacks_complaint_idx')
      .on(t.complaintId)
      .where(sql`complaint_id IS NOT NULL`),
  ],
);

/**
 * The dashboard's call-back counts: requests per Tanzanian day they were made (days since 1970,
 * EAT), region and status, so that a year of the whole country is read as thousands of rows
 * whatever the number of requests. Kept by triggers on `callbacks` (migration callbacks, hand
 * SQL) in the transaction of every request and status change. WITHOUT ROWID (by hand).
 */
export const callbackRollup = sqliteTable(
  'callback_rollup',
  {
    day: integer('day').notNull(),
    region: text('region').notNull(),
    status: text('status', { enum: callbackStatuses }).notNull(),
    n: integer('n').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.day, t.region, t.status] }),
    index('callback_rollup_region_idx').on(t.region, t.day, t.status, t.n),
  ],
);

export const changeSources = ['ussd', 'sms', 'console', 'cli', 'system'] as const;
export type ChangeSource = (typeof changeSources)[number];

export const complaintEvents = sqliteTable(
  'complaint_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    complaintId: integer('complaint_id')
      .notNull()
      .references(() => complaints.id),
    type: text('type').notNull(),
    actor: text('actor').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    note: text('note'),
    /** The staff member who acted, when a staff member did. */
    staffId: integer('staff_id').references(() => staff.id),
    /** For assignment events: the new owner (null = headquarters queue). */
    assigneeId: integer('assignee_id').references(() => staff.id),
    /** Where it came from: a USSD session, an SMS, the web console, or the system itself. */
    source: text('source', { enum: changeSources }).notNull().default('system'),
    /** The SMS this event sent (a staff reply), for its delivery state on the timeline. */
    smsId: integer('sms_id').references((): AnySQLiteColumn => smsOutbox.id),
    createdAt: millis('created_at').notNull(),
  },
  (t) => [
    index('complaint_events_complaint_idx').on(t.complaintId, t.id),
    index('complaint_events_type_idx').on(t.type, t.createdAt),
  ],
);

export const ussdSessions = sqliteTable(
  'ussd_sessions',
  {
    sessionId: text('session_id').primaryKey(),
    phone: text('phone').notNull(),
    serviceCode: text('service_code').notNull(),
    networkCode: text('network_code').notNull(),
    lastText: text('last_text').notNull(),
    lastResponse: text('last_response').notNull(),
    state: text('state').notNull(),
    ended: integer('ended', { mode: 'boolean' }).notNull(),
    /** Set while the session holds an unsent complaint draft that a later dial may resume. */
    draftOpen: integer('draft_open', { mode: 'boolean' }).notNull(),
    hops: integer('hops').notNull(),
    createdAt: millis('created_at').notNull(),
    updatedAt: millis('updated_at').notNull(),
  },
  (t) => [
    // On the phone alone: a hop moves updated_at, and an index holding it would be rewritten on
    // every hop of a filing. A phone has at most a few open drafts to sort.
    index('ussd_sessions_draft_phone_idx')
      .on(t.phone)
      .where(sql`${t.draftOpen} = 1`),
  ],
);

export const ussdSessionEnds = sqliteTable(
  'ussd_session_ends',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sessionId: text('session_id').notNull(),
    phone: text('phone').notNull(),
    serviceCode: text('service_code').notNull(),
    networkCode: text('network_code').notNull(),
    status: text('status').notNull(),
    date: text('date'),
    cost: text('cost'),
    durationMs: integer('duration_ms'),
    hopsCount: integer('hops_count'),
    hopsMetadata: text('hops_metadata'),
    input: text('input'),
    lastAppResponse: text('last_app_response'),
    errorMessage: text('error_message'),
    receivedAt: millis('received_at').notNull(),
  },
  (t) => [uniqueIndex('ussd_session_ends_session_idx').on(t.sessionId)],
);

export const smsOutbox = sqliteTable(
  'sms_outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    toPhone: text('to_phone').notNull(),
    body: text('body').notNull(),
    template: text('template').notNull(),
    complaintId: integer('complaint_id').references(() => complaints.id),
    status: text('status', { enum: ['queued', 'sending', 'sent', 'failed'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: millis('next_attempt_at').notNull(),
    messageId: text('message_id'),
    cost: text('cost'),
    /** Latest AT delivery report status (Sent, Success, Failed, ...): only ever moves forward. */
    deliveryStatus: text('delivery_status'),
    deliveryFailureReason: text('delivery_failure_reason'),
    deliveredAt: millis('delivered_at'),
    lastError: text('last_error'),
    /**
     * Why a failed message failed: 'rejected' (AT refused it for good: invalid number, blacklist),
     * 'attempts' (AT kept failing it), 'expired' (not sent within SMS_RETRY_HOURS). Only
     * 'rejected' is beyond `kero sms retry --failed`.
     */
    failure: text('failure', { enum: ['rejected', 'attempts', 'expired'] }),
    /**
     * The last time the message was held back and why: 'quiet_hours' (a citizen update due
     * during QUIET_HOURS waits until `held_until`, when they end). Null: never held.
     */
    heldAt: millis('held_at'),
    heldUntil: millis('held_until'),
    heldReason: text('held_reason', { enum: ['quiet_hours'] }),
    createdAt: millis('created_at').notNull(),
    sentAt: millis('sent_at'),
  },
  (t) => [
    index('sms_outbox_due_idx').on(t.status, t.nextAttemptAt),
    index('sms_outbox_message_idx').on(t.messageId),
    // A complaint's SMS, for its page; partial: sign-in codes and the like have no complaint.
    index('sms_outbox_complaint_idx')
      .on(t.complaintId, t.id)
      .where(sql`complaint_id IS NOT NULL`),
  ],
);

/** Incoming SMS, one row per AT message id (AT retries until it gets 200: repeats are ignored). */
export const smsInbound = sqliteTable(
  'sms_inbound',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    atId: text('at_id').notNull(),
    fromPhone: text('from_phone').notNull(),
    toCode: text('to_code').notNull(),
    text: text('text').notNull(),
    linkId: text('link_id'),
    networkCode: text('network_code'),
    date: text('date'),
    /**
     * How it was handled: staff_command, citizen_message, rating, reopen, status, help,
     * rate_limited; deferred while a staff command waits for the staff ceiling; pending:N while
     * attempt N runs, failed after the last attempt.
     */
    handledAs: text('handled_as'),
    complaintId: integer('complaint_id').references(() => complaints.id),
    receivedAt: millis('received_at').notNull(),
    /** When it was handled (null while pending or deferred): staff commands are counted by it. */
    handledAt: millis('handled_at'),
  },
  (t) => [
    uniqueIndex('sms_inbound_at_id_idx').on(t.atId),
    index('sms_inbound_from_idx').on(t.fromPhone, t.receivedAt),
    // Only the few messages waiting for a staff member's ceiling: the timer finds them at once.
    index('sms_inbound_deferred_idx')
      .on(t.id)
      .where(sql`${t.handledAs} = 'deferred'`),
  ],
);

/**
 * Web console sign-ins: one row per code requested. The id is the SHA-256 of the random token
 * the browser holds in a cookie; the code is stored only as a keyed hash. `staffId` and
 * `codeHash` are null for a phone that is not an active staff member's (the answer is the same).
 */
export const consoleSignIns = sqliteTable(
  'console_sign_ins',
  {
    id: text('id').primaryKey(),
    phone: text('phone').notNull(),
    staffId: integer('staff_id').references(() => staff.id),
    codeHash: text('code_hash'),
    tries: integer('tries').notNull().default(0),
    ip: text('ip'),
    createdAt: millis('created_at').notNull(),
    expiresAt: millis('expires_at').notNull(),
    /** Used, replaced by a new code, or worn out by wrong tries. */
    endedAt: millis('ended_at'),
  },
  (t) => [index('console_sign_ins_phone_idx').on(t.phone, t.createdAt)],
);

/** Web console sessions. The id is the SHA-256 of the random session token in the cookie. */
export const consoleSessions = sqliteTable(
  'console_sessions',
  {
    id: text('id').primaryKey(),
    staffId: integer('staff_id')
      .notNull()
      .references(() => staff.id),
    /** The synchronizer token every form of this session carries. */
    csrf: text('csrf').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    createdAt: millis('created_at').notNull(),
    lastSeenAt: millis('last_seen_at').notNull(),
    /** The absolute end, however active the session. */
    expiresAt: millis('expires_at').notNull(),
    endedAt: millis('ended_at'),
  },
  (t) => [index('console_sessions_staff_idx').on(t.staffId, t.endedAt)],
);

/**
 * A new sign-in phone waiting for its code (issue 23): the staff form never changes a phone at
 * once; it sends a code to the new phone, kept here only as a keyed hash, and the change is made
 * when that code is typed. Like a sign-in code: 5 minutes, once, 5 wrong tries end it. `outcome`
 * says how it ended: confirmed, cancelled, replaced by a newer one, taken (the number went to
 * someone else meanwhile), worn (5 wrong tries), expired (typed too late), superseded (the phone
 * was changed otherwise, from the command line).
 */
export const staffPhoneChanges = sqliteTable(
  'staff_phone_changes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    staffId: integer('staff_id')
      .notNull()
      .references(() => staff.id),
    /** The phone the staff member had when the change was asked for. */
    oldPhone: text('old_phone').notNull(),
    newPhone: text('new_phone').notNull(),
    codeHash: text('code_hash').notNull(),
    tries: integer('tries').notNull().default(0),
    /** Who asked for it. */
    requestedBy: integer('requested_by')
      .notNull()
      .references(() => staff.id),
    createdAt: millis('created_at').notNull(),
    expiresAt: millis('expires_at').notNull(),
    endedAt: millis('ended_at'),
    outcome: text('outcome', {
      enum: ['confirmed', 'cancelled', 'replaced', 'taken', 'worn', 'expired', 'superseded'],
    }),
  },
  (t) => [
    index('staff_phone_changes_staff_idx').on(t.staffId, t.endedAt),
    index('staff_phone_changes_requester_idx').on(t.requestedBy, t.createdAt),
  ],
);

/**
 * Who changed what in the centre's own set-up (routing rules, teams, categories...): one row per
 * change, with the entity as it was before and after (JSON; null when created or deleted).
 * Generic: `entity_kind` names the kind ('routing_rule', 'team', ...), `entity_id` its key as
 * text. Written in the transaction of the change (src/audit/repository.ts).
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: millis('at').notNull(),
    /** The staff member who made the change; null for the command line or the system. */
    actorStaffId: integer('actor_staff_id').references(() => staff.id),
    entityKind: text('entity_kind').notNull(),
    entityId: text('entity_id').notNull(),
    action: text('action').notNull(),
    before: text('before'),
    after: text('after'),
    /** Where the change was made: the console, the command line...; null in rows older than it. */
    source: text('source', { enum: changeSources }),
  },
  (t) => [
    index('audit_log_kind_idx').on(t.entityKind, t.id),
    index('audit_log_entity_idx').on(t.entityKind, t.entityId, t.id),
  ],
);

/**
 * Complaints filed by a free-text SMS to the shortcode (src/citizens/sms-filing.ts) that named no
 * council Kero could be sure of: each waits here, under the complaint number the citizen was
 * already sent, until staff set its council and category in the console's triage tab; it then
 * becomes a complaint with that number (channel `sms`, filed at `received_at`). Kept afterwards
 * with its outcome. A few rows a day: the tab reads the waiting ones by `status`.
 */
export const smsFilings = sqliteTable(
  'sms_filings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    number: text('number').notNull(),
    phone: text('phone').notNull(),
    /** The citizen's words: texts that followed within the join window, or later, appended. */
    text: text('text').notNull(),
    language: text('language', { enum: ['sw', 'en'] }).notNull(),
    status: text('status', { enum: ['waiting', 'routed', 'closed'] }).notNull(),
    /** The regions Kero guessed from the words, as ',DOD,MBE,' ('' none): whose supervisors see it. */
    guessRegions: text('guess_regions').notNull().default(''),
    /** Kero's guesses, prefilled in the triage form. */
    guessCouncil: text('guess_council'),
    guessCategory: text('guess_category'),
    guessWard: text('guess_ward'),
    guessVillage: text('guess_village'),
    receivedAt: millis('received_at').notNull(),
    lastTextAt: millis('last_text_at').notNull(),
    complaintId: integer('complaint_id').references(() => complaints.id),
    handledBy: integer('handled_by').references(() => staff.id),
    handledAt: millis('handled_at'),
    note: text('note'),
  },
  (t) => [
    uniqueIndex('sms_filings_number_idx').on(t.number),
    index('sms_filings_status_idx').on(t.status, t.receivedAt),
    index('sms_filings_phone_idx').on(t.phone, t.status),
  ],
);

/**
 * Small key/value store for values the service keeps: the webhook token it generated, the SMS
 * parts sent each month and the budget warnings given, the day of the last morning digest.
 */
/**
 * Background jobs: work over every complaint that an upgrade leaves to do (a column a migration
 * added and older rows lack, a rollup to build). A migration adds a job's row; the server runs it
 * after it listens, in small batches (src/ops/background-jobs.ts), and keeps its place here in
 * the same transaction as each batch, so a restart goes on where it stopped.
 */
export const backgroundJobs = sqliteTable('background_jobs', {
  name: text('name').primaryKey(),
  /** Complaints with ids up to this one are done; FINISHED_CURSOR once the job has finished. */
  cursor: integer('cursor').notNull().default(0),
  /** The highest complaint id when the job last looked: its progress is cursor / target. */
  target: integer('target').notNull().default(0),
  startedAt: millis('started_at'),
  finishedAt: millis('finished_at'),
});

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/** Rows as the repositories hand them out: plain objects, one per table. */
export type ComplaintRow = typeof complaints.$inferSelect;
export type NewComplaint = typeof complaints.$inferInsert;
export type EventRow = typeof complaintEvents.$inferSelect;
export type StaffRow = typeof staff.$inferSelect;
export type NewStaff = typeof staff.$inferInsert;
export type SessionRow = typeof ussdSessions.$inferSelect;
export type OutboxRow = typeof smsOutbox.$inferSelect;
export type InboundRow = typeof smsInbound.$inferSelect;
export type NewInbound = typeof smsInbound.$inferInsert;
export type SignInRow = typeof consoleSignIns.$inferSelect;
export type ConsoleSessionRow = typeof consoleSessions.$inferSelect;
export type SavedReplyRow = typeof savedReplies.$inferSelect;
export type AutoReplyRow = typeof autoReplies.$inferSelect;
export type TeamRow = typeof teams.$inferSelect;
export type RoutingRuleRow = typeof routingRules.$inferSelect;
export type NewRoutingRule = typeof routingRules.$inferInsert;
export type AuditRow = typeof auditLog.$inferSelect;
export type SmsFilingRow = typeof smsFilings.$inferSelect;
export type StaffPhoneChangeRow = typeof staffPhoneChanges.$inferSelect;
export type CallbackRow = typeof callbacks.$inferSelect;

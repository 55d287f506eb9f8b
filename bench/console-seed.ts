/**
 * Bulk seeding for the console bench: a national desk (2,000 staff over all 31 regions, a few at
 * headquarters, a supervisor in ten, an officer in three covering named councils) and `count`
 * complaints filed steadily over `days` days in time order, each with its SLA deadlines, owner,
 * channel and a description naming a village. Most older ones are resolved or closed, some are
 * still open and late (escalated to the region or headquarters), a few wait unassigned. Every
 * complaint has its acknowledgement SMS; the open ones and one done complaint in `historyEvery`
 * have their whole history (events and SMS). The search index is filled by the migration's
 * triggers. Raw prepared statements in large transactions, synchronous = OFF meanwhile.
 */
import type Database from 'better-sqlite3';
import type { Db } from '../db/client';
import type { SlaPolicy } from '../src/complaints/core/sla';
import { placeKey } from '../src/complaints/core/place';
import { DAY, numberSource, pick, seedStaff } from './assignment-seed';
import { describe } from './console-seed-text';
import { shapeOf } from './console-seed-shape';
import { timelineWriter, type Filed } from './console-seed-timeline';

export interface ConsoleSeed {
  count: number;
  days: number;
  staff: number;
  now: number;
  policy: SlaPolicy;
  random: (n: number) => number;
  /** One resolved or closed complaint in this many has its history (default 10). */
  historyEvery?: number;
  /**
   * Keep the triggers that maintain the report's and the dashboard's rollups while loading
   * (slower: they run for every row), so that those pages read real figures. Default: dropped
   * with the indexes, as the queue and complaint pages do not read the rollups.
   */
  rollups?: boolean;
}

export interface ConsoleSeeded {
  complaints: number;
  open: number;
  events: number;
  sms: number;
}

const CITIZENS = 300_000;
/** Citizen i's phone: a range of its own, apart from the phones the USSD workloads dial from. */
const citizenPhone = (i: number): string => `+2557${String(60_000_000 + i).padStart(8, '0')}`;
const BATCH = 50_000;
/** Channels as complaints arrive: mostly USSD, some logged calls, a few by SMS. */
const CHANNELS = [
  ...Array<string>(85).fill('ussd'),
  ...Array<string>(12).fill('call'),
  'sms',
  'sms',
  'sms',
];

function staffIndex(db: Db) {
  const sqlite = db.$client;
  const rows = sqlite.prepare('SELECT id, phone, role, region_code FROM staff').all() as {
    id: number;
    phone: string;
    role: string;
    region_code: string | null;
  }[];
  const phones = new Map(rows.map((r) => [r.id, r.phone]));
  const hq = rows.filter((r) => r.role === 'hq').map((r) => r.id);
  const supervisors = new Map<string, number[]>();
  for (const r of rows) {
    if (r.role !== 'supervisor' || r.region_code === null) continue;
    supervisors.set(r.region_code, [...(supervisors.get(r.region_code) ?? []), r.id]);
  }
  return { phoneOf: (id: number) => phones.get(id) ?? '', hq, supervisors };
}

/**
 * Runs `load` with the indexes and triggers of `tables` dropped, then creates them again from
 * their own SQL (as the migrations wrote it) and rebuilds the search index: building an index
 * once over sorted rows is several times faster than keeping it up to date row by row.
 */
function withoutIndexes(
  sqlite: Database.Database,
  tables: string[],
  load: () => void,
  keepRollups = false,
): void {
  const marks = tables.map(() => '?').join(', ');
  // The search index's triggers go either way: the index is rebuilt in one pass afterwards.
  const kept = (x: { type: string; name: string }) =>
    keepRollups && x.type === 'trigger' && !x.name.startsWith('complaints_fts_');
  const saved = sqlite
    .prepare(
      `SELECT type, name, sql FROM sqlite_master
       WHERE type IN ('index', 'trigger') AND sql IS NOT NULL AND tbl_name IN (${marks})`,
    )
    .all(...tables) as { type: string; name: string; sql: string }[];
  const dropped = saved.filter((x) => !kept(x));
  for (const x of dropped) sqlite.exec(`DROP ${x.type.toUpperCase()} "${x.name}"`);
  load();
  for (const x of dropped) sqlite.exec(x.sql);
  sqlite.exec(`INSERT INTO complaints_fts (complaints_fts) VALUES ('rebuild')`);
}

/** Seeds the desk and its complaints into a freshly migrated database. */
export function seedConsoleDesk(db: Db, o: ConsoleSeed): ConsoleSeeded {
  const sqlite = db.$client;
  const { random } = o;
  const world = seedStaff(db, o.staff, o.now - o.days * DAY, true);
  const staff = staffIndex(db);
  const councils = world.regions.flatMap((r) => r.councils.map((c) => ({ region: r.code, c })));
  const insertCitizen = sqlite.prepare(
    `INSERT INTO citizens (phone, language, created_at, updated_at) VALUES (?, ?, ?, ?)`,
  );
  const insert = sqlite.prepare(
    `INSERT INTO complaints (number, citizen_phone, region_code, council_code, category_code,
       place, description, anonymous, language, channel, status, level, assignee_id,
       created_at, updated_at, first_response_at, resolved_at, closed_at,
       first_response_escalated_at, resolution_escalated_at, rating, first_response_due_at,
       resolution_due_at, place_key)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const timeline = timelineWriter(sqlite, staff.phoneOf);
  const nextNumber = numberSource(random);
  const pickText = <T>(items: readonly T[]): T => pick(items, random);
  const start = o.now - o.days * DAY;
  const step = (o.days * DAY - 60_000) / o.count;
  const historyEvery = o.historyEvery ?? 10;
  const out: ConsoleSeeded = { complaints: o.count, open: 0, events: 0, sms: 0 };
  sqlite.pragma('synchronous = OFF');
  sqlite.transaction(() => {
    for (let i = 0; i < CITIZENS; i++) {
      insertCitizen.run(citizenPhone(i), random(7) === 0 ? 'en' : 'sw', start, start);
    }
  })();
  withoutIndexes(
    sqlite,
    ['complaints', 'complaint_events', 'sms_outbox'],
    () => {
      for (let from = 0; from < o.count; from += BATCH) {
        sqlite.transaction(() => {
          for (let i = from; i < Math.min(o.count, from + BATCH); i++) {
            const { region, c: council } = pick(councils, random);
            const created = start + Math.floor(i * step) + random(1000);
            const shape = shapeOf(created, o.now, o.policy, random);
            const firstOwner =
              shape.owner === 'nobody'
                ? null
                : pick(world.ownersByCouncil.get(council) ?? [], random);
            const owner =
              shape.owner === 'supervisor'
                ? pick(staff.supervisors.get(region) ?? [], random)
                : shape.owner === 'hq'
                  ? pick(staff.hq, random)
                  : firstOwner;
            const category = pick(world.categories, random);
            const language = random(7) === 0 ? 'en' : 'sw';
            const { description, village } = describe(category, language, random);
            const number = nextNumber();
            const phone = citizenPhone(random(CITIZENS));
            const place = random(3) === 0 ? null : `Kijiji cha ${village}`;
            const id = Number(
              insert.run(
                number,
                phone,
                region,
                council,
                category,
                place,
                description,
                random(20) === 0 ? 1 : 0,
                language,
                pick(CHANNELS, random),
                shape.status,
                shape.level,
                owner,
                created,
                shape.updatedAt,
                shape.firstResponseAt,
                shape.resolvedAt,
                shape.closedAt,
                shape.firstResponseEscalatedAt,
                shape.resolutionEscalatedAt,
                shape.closedAt !== null && random(3) === 0 ? 1 + random(5) : null,
                shape.firstResponseDueAt,
                shape.resolutionDueAt,
                placeKey(place),
              ).lastInsertRowid,
            );
            const filed: Filed = {
              id,
              number,
              citizenPhone: phone,
              created,
              ownerId: owner,
              firstOwnerId: firstOwner,
              shape,
            };
            timeline.acknowledge(filed);
            const open = shape.resolvedAt === null;
            if (open) out.open++;
            if (open || random(historyEvery) === 0) out.events += timeline.history(filed, pickText);
          }
        })();
      }
    },
    o.rollups,
  );
  sqlite.pragma('synchronous = FULL');
  out.sms = (sqlite.prepare('SELECT count(*) AS n FROM sms_outbox').get() as { n: number }).n;
  return out;
}

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
import { runJobsNow } from '../db/job-runner';
import { placeKey } from '../src/complaints/core/place';
import { rollupFill } from '../src/reports/rollup';
import { parseConfig } from '../src/config';
import { slaPolicyOf } from '../src/deps';
import { DAY, numberSource, pick, seededRandom, seedStaff } from './assignment-seed';
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
   * As a release before the background jobs left its complaints (bench/upgrade-seed.ts): no SLA
   * deadlines or place keys stored, and the rollup left to the upgrade to build.
   */
  legacy?: boolean;
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
function withoutIndexes(sqlite: Database.Database, tables: string[], load: () => void): void {
  const marks = tables.map(() => '?').join(', ');
  const saved = sqlite
    .prepare(
      `SELECT type, name, sql FROM sqlite_master
       WHERE type IN ('index', 'trigger') AND sql IS NOT NULL AND tbl_name IN (${marks})`,
    )
    .all(...tables) as { type: string; name: string; sql: string }[];
  for (const x of saved) sqlite.exec(`DROP ${x.type.toUpperCase()} "${x.name}"`);
  load();
  for (const x of saved) sqlite.exec(x.sql);
  sqlite.exec(`INSERT INTO complaints_fts (complaints_fts) VALUES ('rebuild')`);
}

/**
 * A national desk's year, into `db` (migrated: as the current release, or as an older one for
 * `legacy`), checkpointed and closed afterwards: 2,000 staff and `complaints` complaints over
 * 365 days.
 */
export function seedYear(
  db: Db,
  complaints: number,
  o: { seed: number; legacy?: boolean },
): ConsoleSeeded & { seconds: number } {
  const parsed = parseConfig({});
  if (!parsed.ok) throw new Error(parsed.message);
  const t0 = performance.now();
  try {
    const seeded = seedConsoleDesk(db, {
      count: complaints,
      days: 365,
      staff: 2000,
      now: Date.now(),
      policy: slaPolicyOf(parsed.config),
      random: seededRandom(o.seed),
      ...(o.legacy ? { legacy: true } : {}),
    });
    // As a running server's checkpointer keeps it: the seed's pages out of the write-ahead log,
    // where a server started on it would spend its first seconds waiting on the checkpoint.
    db.$client.pragma('wal_checkpoint(TRUNCATE)');
    return { ...seeded, seconds: (performance.now() - t0) / 1000 };
  } finally {
    db.$client.close();
  }
}

/** Builds the rollup (src/reports/rollup.ts) over every complaint, as the upgrade's job does. */
function rebuildRollup(db: Db): void {
  db.$client.exec(`DELETE FROM complaint_rollup;
    UPDATE background_jobs SET cursor = 0, target = 0, finished_at = NULL WHERE name = 'rollup'`);
  runJobsNow(db, [rollupFill], Date.now());
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
  withoutIndexes(sqlite, ['complaints', 'complaint_events', 'sms_outbox'], () => {
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
              o.legacy ? null : shape.firstResponseDueAt,
              o.legacy ? null : shape.resolutionDueAt,
              o.legacy ? null : placeKey(place),
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
  });
  // The rollup's triggers were dropped with the others while loading: count it all once.
  if (!o.legacy) rebuildRollup(db);
  sqlite.pragma('synchronous = FULL');
  out.sms = (sqlite.prepare('SELECT count(*) AS n FROM sms_outbox').get() as { n: number }).n;
  return out;
}

/**
 * Bulk seeding for the assignment bench: staff spread over the mainland regions and open
 * complaints assigned among them, written with raw prepared better-sqlite3 statements in one
 * transaction each (the service layer would take minutes for 100,000 rows).
 */
import { seededRandomInt } from '../src/cli/demo/random';
import type { Db } from '../db/client';
import { makeComplaintNumber } from '../src/complaints/core/numbers';

export const DAY = 24 * 60 * 60 * 1000;

export interface World {
  /** Mainland region codes, each with its council codes. */
  regions: { code: string; councils: string[] }[];
  categories: string[];
  /** Who may own a complaint of each council at filing: covering officers, else supervisors. */
  ownersByCouncil: Map<string, number[]>;
  staffCount: number;
}

/** The same data from run to run. */
export const seededRandom = (seed: number) => seededRandomInt(seed);

export const pick = <T>(items: readonly T[], random: (n: number) => number): T => {
  const item = items[random(items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
};

/** Citizen phone i (a valid Tanzanian mobile number). */
export const citizenPhone = (i: number): string =>
  `+2557${String(20_000_000 + i).padStart(8, '0')}`;

/** Unique complaint numbers for one database (bulk rows and filings share it). */
export function numberSource(random: (n: number) => number): () => string {
  const used = new Set<string>();
  return () => {
    for (;;) {
      const n = makeComplaintNumber(random);
      if (!used.has(n)) {
        used.add(n);
        return n;
      }
    }
  };
}

/**
 * `count` staff: a few hq, the rest round-robin over the mainland regions (or all 31 with
 * `allRegions`), one in ten a supervisor, one officer in three covering one or two specific
 * councils.
 */
export function seedStaff(db: Db, count: number, now: number, allRegions = false): World {
  const sqlite = db.$client;
  const regionRows = sqlite
    .prepare(`SELECT code FROM regions ${allRegions ? '' : 'WHERE mainland = 1'} ORDER BY position`)
    .all() as { code: string }[];
  const councilStmt = sqlite.prepare(
    'SELECT code FROM councils WHERE region_code = ? ORDER BY position',
  );
  const regions = regionRows.map((r) => ({
    code: r.code,
    councils: (councilStmt.all(r.code) as { code: string }[]).map((c) => c.code),
  }));
  const categories = (
    sqlite.prepare('SELECT code FROM categories ORDER BY position').all() as { code: string }[]
  ).map((c) => c.code);
  const insertStaff = sqlite.prepare(
    `INSERT INTO staff (name, phone, role, region_code, language, active, created_at, updated_at)
     VALUES (?, ?, ?, ?, 'sw', 1, ?, ?)`,
  );
  const insertCover = sqlite.prepare(
    'INSERT INTO staff_councils (staff_id, council_code) VALUES (?, ?)',
  );
  const officers = new Map<string, number[]>();
  const supervisors = new Map<string, number[]>();
  const hq = Math.min(10, Math.floor(count / 100));
  sqlite.transaction(() => {
    for (let i = 0; i < count; i++) {
      const phone = `+2556${String(10_000_000 + i).padStart(8, '0')}`;
      if (i < hq) {
        insertStaff.run(`HQ ${i}`, phone, 'hq', null, now, now);
        continue;
      }
      const k = i - hq;
      const region = regions[k % regions.length];
      if (!region) throw new Error('no mainland regions');
      const nth = Math.floor(k / regions.length);
      const role = nth % 10 === 0 ? 'supervisor' : 'officer';
      const id = Number(
        insertStaff.run(`Staff ${i}`, phone, role, region.code, now, now).lastInsertRowid,
      );
      if (role === 'supervisor') {
        supervisors.set(region.code, [...(supervisors.get(region.code) ?? []), id]);
        continue;
      }
      const covered = nth % 3 === 1 ? region.councils.filter((_, j) => (j + nth) % 4 === 0) : [];
      for (const c of covered.slice(0, 2)) insertCover.run(id, c);
      for (const c of covered.length > 0 ? covered.slice(0, 2) : region.councils) {
        officers.set(c, [...(officers.get(c) ?? []), id]);
      }
    }
  })();
  const ownersByCouncil = new Map<string, number[]>();
  for (const r of regions) {
    for (const c of r.councils) {
      ownersByCouncil.set(c, officers.get(c) ?? supervisors.get(r.code) ?? []);
    }
  }
  return { regions, categories, ownersByCouncil, staffCount: count };
}

/**
 * `count` open complaints filed within the last two days (none due yet), owned by the staff who
 * would get them, from `citizens` distinct phones (rows inserted first, for the foreign key).
 */
export function seedComplaints(
  db: Db,
  world: World,
  opts: { count: number; citizens: number; now: number; random: (n: number) => number },
  nextNumber: () => string,
): void {
  const { count, citizens, now, random } = opts;
  const sqlite = db.$client;
  const insertCitizen = sqlite.prepare(
    `INSERT INTO citizens (phone, language, created_at, updated_at) VALUES (?, 'sw', ?, ?)`,
  );
  const insertComplaint = sqlite.prepare(
    `INSERT INTO complaints (number, citizen_phone, region_code, council_code, category_code,
       place, description, anonymous, language, channel, status, level, assignee_id,
       created_at, updated_at, first_response_at)
     VALUES (?, ?, ?, ?, ?, NULL, ?, 0, 'sw', 'ussd', ?, 'council', ?, ?, ?, ?)`,
  );
  const statuses = ['received', 'assigned', 'assigned', 'assigned', 'in_progress'] as const;
  sqlite.transaction(() => {
    for (let i = 0; i < citizens; i++) insertCitizen.run(citizenPhone(i), now - 30 * DAY, now);
    for (let i = 0; i < count; i++) {
      const region = pick(world.regions, random);
      const council = pick(region.councils, random);
      const owners = world.ownersByCouncil.get(council) ?? [];
      const status = owners.length === 0 ? 'received' : pick(statuses, random);
      const assignee = status === 'received' ? null : pick(owners, random);
      const created = now - 60_000 - random(2 * DAY);
      const firstResponse = status === 'in_progress' ? created + 60_000 : null;
      insertComplaint.run(
        nextNumber(),
        citizenPhone(random(citizens)),
        region.code,
        council,
        pick(world.categories, random),
        'Maji hayatoki kijijini tangu wiki iliyopita.',
        status,
        assignee,
        created,
        created,
        firstResponse,
      );
    }
  })();
}

/**
 * Moves every `every`-th open complaint ten days back, unanswered: past the first-response
 * deadline (3 working days), not yet past resolution (14 days). Returns how many.
 */
export function makeOverdue(db: Db, every: number, now: number): number {
  return db.$client
    .prepare(
      `UPDATE complaints SET created_at = ?, updated_at = ?, first_response_at = NULL
       WHERE id % ? = 0 AND status IN ('received', 'assigned', 'in_progress')
         AND first_response_escalated_at IS NULL`,
    )
    .run(now - 10 * DAY, now - 10 * DAY, every).changes;
}

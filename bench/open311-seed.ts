/**
 * Bulk seeding for the Open311 bench: `count` complaints filed over the last `days` days, spread
 * over every council and category, in the status mix of a working desk (older complaints mostly
 * resolved or closed), written with raw prepared statements in large transactions (the filing
 * service would take an hour for a million).
 */
import type { Db } from '../db/client';
import { citizenPhone, DAY, numberSource, pick } from './assignment-seed';

export interface Open311Seed {
  count: number;
  days: number;
  now: number;
  random: (n: number) => number;
}

const CITIZENS = 10_000;
const BATCH = 50_000;

function statusFor(ageDays: number, roll: number): string {
  if (ageDays < 3)
    return ['received', 'assigned', 'assigned', 'in_progress'][roll % 4] ?? 'received';
  if (ageDays < 30)
    return ['assigned', 'in_progress', 'resolved', 'closed'][roll % 4] ?? 'assigned';
  return roll % 10 === 0 ? 'in_progress' : roll % 2 === 0 ? 'resolved' : 'closed';
}

/** Inserts the complaints (and the citizens they belong to); returns one number for lookups. */
export function seedOpen311Complaints(db: Db, o: Open311Seed): string {
  const sqlite = db.$client;
  const councils = sqlite.prepare('SELECT code, region_code FROM councils').all() as {
    code: string;
    region_code: string;
  }[];
  const categories = (
    sqlite.prepare('SELECT code FROM categories').all() as { code: string }[]
  ).map((c) => c.code);
  const insertCitizen = sqlite.prepare(
    `INSERT OR IGNORE INTO citizens (phone, language, created_at, updated_at) VALUES (?, 'sw', ?, ?)`,
  );
  const insert = sqlite.prepare(
    `INSERT INTO complaints (number, citizen_phone, region_code, council_code, category_code,
       place, description, anonymous, language, channel, status, level, created_at, updated_at,
       first_response_at, resolved_at, closed_at)
     VALUES (?, ?, ?, ?, ?, ?, 'Maji hayatoki kijijini tangu wiki iliyopita.', 0, 'sw', 'ussd',
       ?, 'council', ?, ?, ?, ?, ?)`,
  );
  const nextNumber = numberSource(o.random);
  const start = o.now - o.days * DAY;
  const step = (o.days * DAY - 60_000) / o.count;
  let sample = '';
  // A bench database: no need to sync every batch to disk.
  sqlite.pragma('synchronous = OFF');
  sqlite.transaction(() => {
    for (let i = 0; i < CITIZENS; i++) insertCitizen.run(citizenPhone(i), o.now, o.now);
  })();
  for (let from = 0; from < o.count; from += BATCH) {
    sqlite.transaction(() => {
      for (let i = from; i < Math.min(o.count, from + BATCH); i++) {
        const council = pick(councils, o.random);
        // Filed in time order, as rows are: ids and filing times rise together.
        const created = start + Math.floor(i * step) + o.random(1000);
        const status = statusFor((o.now - created) / DAY, o.random(1000));
        const answered = status === 'received' ? null : created + 3_600_000;
        const done = status === 'resolved' || status === 'closed';
        const resolved = done ? Math.min(o.now, created + 5 * DAY) : null;
        const closed = status === 'closed' ? Math.min(o.now, created + 19 * DAY) : null;
        const number = nextNumber();
        if (i === Math.floor(o.count / 2)) sample = number;
        insert.run(
          number,
          citizenPhone(o.random(CITIZENS)),
          council.region_code,
          council.code,
          pick(categories, o.random),
          o.random(3) === 0 ? null : `Mtaa ${o.random(500)}`,
          status,
          created,
          closed ?? resolved ?? answered ?? created,
          answered,
          resolved,
          closed,
        );
      }
    })();
  }
  sqlite.pragma('synchronous = FULL');
  return sample;
}

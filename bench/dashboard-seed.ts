/**
 * Bulk seeding for the dashboard bench: `count` complaints filed over the last `days` days by
 * USSD, SMS and phone calls, every council and category, owned by the staff of
 * bench/assignment-seed.ts, with replies, resolutions (office times stored, as the lifecycle
 * service stores them), ratings and reopenings in the mix of a working desk. Raw prepared
 * statements in large transactions, as bench/open311-seed.ts does.
 */
import type { Db } from '../db/client';
import { firstResponseDue, resolutionDue, type SlaPolicy } from '../src/complaints/core/sla';
import { workingMsBetween, type WorkingHours } from '../src/text/calendar';
import { citizenPhone, DAY, numberSource, pick, type World } from './assignment-seed';

const CITIZENS = 10_000;
const BATCH = 50_000;
const HOUR = 3_600_000;
const CHANNELS = ['ussd', 'ussd', 'ussd', 'ussd', 'ussd', 'ussd', 'ussd', 'sms', 'call', 'call'];

export interface DashboardSeed {
  count: number;
  days: number;
  now: number;
  random: (n: number) => number;
  policy: SlaPolicy;
  hours: WorkingHours;
}

function statusFor(ageDays: number, roll: number): string {
  if (ageDays < 3) return ['received', 'assigned', 'assigned', 'in_progress'][roll % 4] ?? '';
  if (ageDays < 30) return ['assigned', 'in_progress', 'resolved', 'closed'][roll % 4] ?? '';
  return roll % 10 === 0 ? 'in_progress' : roll % 2 === 0 ? 'resolved' : 'closed';
}

/** Inserts the complaints (and their citizens). */
export function seedDashboardComplaints(db: Db, world: World, o: DashboardSeed): void {
  const sqlite = db.$client;
  const insertCitizen = sqlite.prepare(
    `INSERT OR IGNORE INTO citizens (phone, language, created_at, updated_at) VALUES (?, 'sw', ?, ?)`,
  );
  const insert = sqlite.prepare(
    `INSERT INTO complaints (number, citizen_phone, region_code, council_code, category_code,
       place, description, anonymous, language, channel, status, level, assignee_id, created_at,
       updated_at, first_response_at, resolved_at, closed_at, rating, first_response_due_at,
       resolution_due_at, first_response_work_ms, resolution_work_ms, reopen_count)
     VALUES (?, ?, ?, ?, ?, NULL, 'Maji hayatoki kijijini tangu wiki iliyopita.', 0, 'sw', ?,
       ?, 'council', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const nextNumber = numberSource(o.random);
  const start = o.now - o.days * DAY;
  const step = (o.days * DAY - 60_000) / o.count;
  sqlite.pragma('synchronous = OFF');
  sqlite.transaction(() => {
    for (let i = 0; i < CITIZENS; i++) insertCitizen.run(citizenPhone(i), o.now, o.now);
  })();
  for (let from = 0; from < o.count; from += BATCH) {
    sqlite.transaction(() => {
      for (let i = from; i < Math.min(o.count, from + BATCH); i++) {
        const region = pick(world.regions, o.random);
        const council = pick(region.councils, o.random);
        const owners = world.ownersByCouncil.get(council) ?? [];
        const created = start + Math.floor(i * step) + o.random(1000);
        const roll = o.random(1000);
        const status = statusFor((o.now - created) / DAY, roll);
        const owner = status === 'received' || owners.length === 0 ? null : pick(owners, o.random);
        const answered =
          status === 'received' || (status === 'assigned' && roll % 3 === 0)
            ? null
            : Math.min(o.now, created + (1 + o.random(120)) * HOUR);
        const done = status === 'resolved' || status === 'closed';
        const resolved = done ? Math.min(o.now, created + (1 + o.random(25)) * DAY) : null;
        const closed = status === 'closed' && resolved !== null ? resolved + 14 * DAY : null;
        const work = (at: number | null) =>
          at === null ? null : workingMsBetween(created, at, o.hours);
        insert.run(
          nextNumber(),
          citizenPhone(o.random(CITIZENS)),
          region.code,
          council,
          pick(world.categories, o.random),
          pick(CHANNELS, o.random),
          status,
          owner,
          created,
          closed ?? resolved ?? answered ?? created,
          answered,
          resolved,
          closed !== null && closed > o.now ? null : closed,
          done && roll % 5 !== 0 ? 1 + (roll % 5) : null,
          firstResponseDue(created, o.policy),
          resolutionDue(created, o.policy),
          work(answered),
          work(resolved),
          roll % 25 === 0 ? 1 : 0,
        );
      }
    })();
  }
  sqlite.pragma('synchronous = FULL');
}

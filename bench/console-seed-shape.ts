/**
 * One bench complaint's life, decided from its age: still open or done (the older, the likelier
 * done), answered or not, escalated when its deadlines passed unmet, resolved and closed 14 days
 * later. Pure: time and randomness come in.
 */
import type { ComplaintStatus } from '../db/schema';
import { firstResponseDue, resolutionDue, type SlaPolicy } from '../src/complaints/core/sla';
import { DAY } from './assignment-seed';

const HOUR = 3_600_000;

export interface Shape {
  status: ComplaintStatus;
  level: 'council' | 'region' | 'national';
  /** Who has it: the filing owner, the region's supervisor, headquarters or nobody. */
  owner: 'filing' | 'supervisor' | 'hq' | 'nobody';
  firstResponseAt: number | null;
  resolvedAt: number | null;
  closedAt: number | null;
  firstResponseEscalatedAt: number | null;
  resolutionEscalatedAt: number | null;
  firstResponseDueAt: number;
  resolutionDueAt: number;
  updatedAt: number;
}

/** Share of complaints still open by age in days: most are dealt with within two weeks. */
function openShare(ageDays: number): number {
  if (ageDays < 2) return 0.92;
  if (ageDays < 5) return 0.65;
  if (ageDays < 14) return 0.3;
  if (ageDays < 30) return 0.1;
  if (ageDays < 90) return 0.03;
  return 0.005;
}

const firstDueCache = new Map<number, number>();

/** The first-response deadline (memoised per filing day: it depends only on the day). */
function firstDue(created: number, policy: SlaPolicy): number {
  const key = Math.floor((created + 3 * HOUR) / DAY);
  let due = firstDueCache.get(key);
  if (due === undefined) {
    due = firstResponseDue(created, policy);
    firstDueCache.set(key, due);
  }
  return due;
}

/** Pure. The life of a complaint filed at `created`, as seen at `now`. */
export function shapeOf(
  created: number,
  now: number,
  policy: SlaPolicy,
  random: (n: number) => number,
): Shape {
  const age = now - created;
  const frDue = firstDue(created, policy);
  const resDue = resolutionDue(created, policy);
  const base = { firstResponseDueAt: frDue, resolutionDueAt: resDue };
  const open = random(1000) < openShare(age / DAY) * 1000;
  if (open) {
    // A third of those still open were answered within a day or two.
    const answeredAt = created + HOUR + random(40) * HOUR;
    const answered = random(3) === 0 && answeredAt < now ? answeredAt : null;
    const lateFirst = (answered ?? now) > frDue && now > frDue;
    const lateResolution = now > resDue;
    const nobody = !lateFirst && !lateResolution && random(40) === 0;
    return {
      ...base,
      status: nobody ? 'received' : answered === null ? 'assigned' : 'in_progress',
      level: lateResolution ? 'national' : lateFirst ? 'region' : 'council',
      owner: nobody ? 'nobody' : lateResolution ? 'hq' : lateFirst ? 'supervisor' : 'filing',
      firstResponseAt: answered,
      resolvedAt: null,
      closedAt: null,
      firstResponseEscalatedAt: lateFirst ? frDue + random(15) * 60_000 : null,
      resolutionEscalatedAt: lateResolution ? resDue + random(15) * 60_000 : null,
      updatedAt: Math.max(created, answered ?? created, lateFirst ? frDue : 0),
    };
  }
  // Four in five are resolved within five days, nearly all within the 14 the policy allows.
  const roll = random(100);
  const span = Math.min(age, roll < 80 ? 5 * DAY : roll < 97 ? 14 * DAY : 30 * DAY);
  const took = Math.min(age - 60_000, 2 * HOUR + random(span / HOUR) * HOUR);
  const resolved = Math.min(now, created + Math.max(60_000, took));
  const answered = created + Math.min(resolved - created, HOUR + random(60) * HOUR);
  const closed = now - resolved > 14 * DAY ? resolved + 14 * DAY : null;
  const [lateFirst, lateResolution] = [answered > frDue, resolved > resDue];
  return {
    ...base,
    status: closed === null ? 'resolved' : 'closed',
    level: lateResolution ? 'national' : lateFirst ? 'region' : 'council',
    owner: 'filing',
    firstResponseAt: answered,
    resolvedAt: resolved,
    closedAt: closed,
    firstResponseEscalatedAt: lateFirst ? frDue + random(15) * 60_000 : null,
    resolutionEscalatedAt: lateResolution ? resDue + random(15) * 60_000 : null,
    updatedAt: closed ?? resolved,
  };
}

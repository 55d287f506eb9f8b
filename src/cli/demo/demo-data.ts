/**
 * The demonstration data set. Pure: regions, categories, a clock reading and a random source in,
 * plans out (who the demo staff are, what each demo complaint says and when each of its steps
 * happened). Phone numbers are fake on purpose: staff +2557000001RR (officer of region RR),
 * +2557000002RR (supervisor), +255700000000 (headquarters); citizens +2556999NNNNN.
 */
import { mulberry32 } from './random';
import type { ComplaintStatus } from '../../../db/schema';
import type { StaffInput } from '../../directory/service';
import { DESCRIPTIONS, NOTES, PLACES, REPLIES, RESOLUTIONS } from './demo-texts';

export const DEMO_HQ_PHONE = '+255700000000';
export const DEMO_CITIZENS = 140;
export const DEMO_COMPLAINTS = 300;

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

export interface DemoRegion {
  code: string;
  name: string;
  mainland: boolean;
  councils: readonly string[];
}

const two = (n: number) => String(n).padStart(2, '0');

export const demoOfficerPhone = (index: number) => `+2557000001${two(index + 1)}`;
export const demoSupervisorPhone = (index: number) => `+2557000002${two(index + 1)}`;
export const demoCitizenPhone = (n: number) => `+2556999${String(n).padStart(5, '0')}`;
/** SQL LIKE patterns matching every demo phone number, staff and citizens. */
export const DEMO_PHONE_PATTERNS = ['+25570000%', '+2556999%'] as const;

/** Pure. An officer and a supervisor for every mainland region, and one headquarters account. */
export function demoStaff(regions: readonly DemoRegion[]): StaffInput[] {
  const mainland = regions.filter((r) => r.mainland);
  return [
    ...mainland.flatMap((r, i): StaffInput[] => [
      {
        name: `Demo Officer ${r.name}`,
        phone: demoOfficerPhone(i),
        role: 'officer',
        region: r.code,
      },
      {
        name: `Demo Supervisor ${r.name}`,
        phone: demoSupervisorPhone(i),
        role: 'supervisor',
        region: r.code,
        lang: 'en',
      },
    ]),
    { name: 'Demo Headquarters', phone: DEMO_HQ_PHONE, role: 'hq', lang: 'en' },
  ];
}

export interface DemoComplaintPlan {
  status: ComplaintStatus;
  citizenPhone: string;
  language: 'sw' | 'en';
  regionCode: string;
  councilCode: string;
  categoryCode: string;
  place: string | null;
  description: string;
  anonymous: boolean;
  createdAt: number;
  /** Each step happens at its time, after the previous one. */
  reply?: { at: number; message: string };
  note?: { at: number; text: string };
  resolve?: { at: number; note: string };
  closeAt?: number;
}

/** The share of each status, in order; `overdue` complaints are assigned with no first response. */
const MIX: readonly [ComplaintStatus | 'overdue', number][] = [
  ['received', 0.08],
  ['assigned', 0.15],
  ['overdue', 0.09],
  ['in_progress', 0.22],
  ['resolved', 0.2],
  ['closed', 0.26],
];

/** Pure. The status each of `count` complaints ends in, every status present when count ≥ 6. */
export function statusQuota(count: number): (ComplaintStatus | 'overdue')[] {
  const out = MIX.flatMap(([s, share]) =>
    Array<typeof s>(Math.max(1, Math.round(share * count))).fill(s),
  );
  return out.slice(0, count);
}

type Random = () => number;

const pick = <T>(random: Random, list: readonly T[]): T => {
  const item = list[Math.floor(random() * list.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
};
const between = (random: Random, lo: number, hi: number) => lo + random() * (hi - lo);

/** Pure. When each step of a complaint ending in `status` happened, all before `now`. */
function timeline(status: ComplaintStatus | 'overdue', now: number, random: Random) {
  const ago = (lo: number, hi: number) => now - between(random, lo, hi) * DAY;
  const after = (t: number, lo: number, hi: number) =>
    Math.min(t + between(random, lo, hi) * DAY, now - HOUR);
  switch (status) {
    case 'received':
      return { createdAt: ago(0.1, 40) };
    case 'assigned':
      return { createdAt: ago(0.05, 2) };
    case 'overdue':
      return { createdAt: ago(7, 42) };
    case 'in_progress': {
      const createdAt = ago(1, 30);
      return { createdAt, replyAt: after(createdAt, 0.2, 2) };
    }
    case 'resolved': {
      const resolvedAt = ago(0.1, 11);
      const createdAt = resolvedAt - between(random, 1, 10) * DAY;
      return { createdAt, replyAt: createdAt + (resolvedAt - createdAt) / 3, resolvedAt };
    }
    case 'closed': {
      const createdAt = ago(20, 56);
      const replyAt = after(createdAt, 0.3, 2);
      const resolvedAt = after(replyAt, 1, 6);
      return { createdAt, replyAt, resolvedAt, closedAt: after(resolvedAt, 1, 14) };
    }
  }
}

interface PlanContext {
  now: number;
  random: Random;
  categories: readonly string[];
}

/** Pure. One complaint in `region` that ends in `target`. */
function planOne(
  ctx: PlanContext,
  region: DemoRegion,
  target: ComplaintStatus | 'overdue',
): DemoComplaintPlan {
  const { random } = ctx;
  const citizen = 1 + Math.floor(random() * DEMO_CITIZENS);
  // Each demo citizen keeps one language: about three in four choose Kiswahili.
  const language = citizen % 4 === 0 ? 'en' : 'sw';
  const categoryCode = pick(random, ctx.categories);
  const texts = DESCRIPTIONS[categoryCode] ?? DESCRIPTIONS.other ?? [['Tatizo', 'A problem']];
  const t = timeline(target, ctx.now, random);
  const at = (ms: number) => Math.round(ms);
  return {
    status: target === 'overdue' ? 'assigned' : target,
    citizenPhone: demoCitizenPhone(citizen),
    language,
    regionCode: region.code,
    councilCode: pick(random, region.councils),
    categoryCode,
    place: random() < 0.7 ? pick(random, PLACES) : null,
    description: pick(random, texts)[language === 'sw' ? 0 : 1],
    anonymous: random() < 0.1,
    createdAt: at(t.createdAt),
    ...(t.replyAt && { reply: { at: at(t.replyAt), message: pick(random, REPLIES[language]) } }),
    ...(t.replyAt &&
      random() < 0.3 && { note: { at: at(t.replyAt + HOUR / 2), text: pick(random, NOTES) } }),
    ...(t.resolvedAt && {
      resolve: { at: at(t.resolvedAt), note: pick(random, RESOLUTIONS[language]) },
    }),
    ...(t.closedAt && { closeAt: at(t.closedAt) }),
  };
}

/**
 * Pure. `count` complaints across the regions given (the deployment's: REGIONS), their councils
 * and categories, ending in every status, oldest first: `received` in regions without demo staff
 * when there are some (Zanzibar's, with REGIONS=all), else anywhere (the loader files those
 * before the demo staff exist: they wait in the headquarters queue); some `assigned` weeks ago
 * with no first response (work for the escalation check).
 */
export function planDemoComplaints(
  input: PlanContext & { regions: readonly DemoRegion[]; count: number },
): DemoComplaintPlan[] {
  const withCouncils = input.regions.filter((r) => r.councils.length > 0);
  const mainland = withCouncils.filter((r) => r.mainland);
  const islands = withCouncils.filter((r) => !r.mainland);
  return statusQuota(input.count)
    .map((target) => {
      const pool = target === 'received' && islands.length > 0 ? islands : mainland;
      return planOne(input, pick(input.random, pool), target);
    })
    .sort((a, b) => a.createdAt - b.createdAt);
}

/** Deterministic randomness: the same demo every run for the same clock. */
export const seededRandom = (seed: number): Random => mulberry32(seed);

/**
 * The test world, shared by every kind of test: the constants (service code, citizens' phones,
 * hours), one way to describe and file a complaint (`Filing`, `fileFor`), the staffed desk every
 * suite uses (`DESK`, `hireDesk`), and the integration world: a private in-memory SQLite database
 * with the real migrations and seed, a controllable clock, escalation deps built as src/deps.ts
 * builds them, and readers over the rows a service wrote. Nothing is mocked but time and
 * randomness.
 */
import { asc, eq } from 'drizzle-orm';
import { openDatabase, type Db, inTransaction } from '../../db/client';
import { complaintEvents, complaints, smsOutbox, type ComplaintRow } from '../../db/schema';
import type { EscalationDeps } from '../../src/complaints/escalation';
import { makeComplaintNumber } from '../../src/complaints/core/numbers';
import { complaintNumberExists } from '../../src/complaints/repository';
import { fileComplaint } from '../../src/complaints/filing';
import type { NotifyContext } from '../../src/complaints/notify';
import { parseConfig } from '../../src/config';
import { escalationDeps } from '../../src/deps';
import { DEFAULT_SLA, seededRandomInt, T0, testClock, type TestClock } from './app';
import type { SlaPolicy } from '../../src/complaints/core/sla';
import { type Lang } from '../../src/text/translate';
import { type ReferenceData } from '../../src/reference/types';
import type { StaffInput } from '../../src/directory/service';
import type { StaffRow } from '../../db/schema';

export const HOUR = 60 * 60 * 1000;
export const DAY = 24 * HOUR;
export const SERVICE_CODE = '*384*1234#';

/** An instant given as Dar es Salaam wall time: `eat('2026-03-13 10:00')`. */
export const eat = (wall: string): number => Date.parse(`${wall.replace(' ', 'T')}:00+03:00`);

export interface World {
  db: Db;
  clock: TestClock;
  reference: ReferenceData;
  /** Escalation deps (a superset of the lifecycle ActionDeps) on this world's clock. */
  deps: EscalationDeps;
  /** The context staff and assignment services take, at the clock's current time. */
  ctx: () => NotifyContext;
  nextNumber: () => string;
  nextPhone: () => string;
  close: () => void;
}

export interface WorldOptions {
  start?: number;
  /** Comma-separated YYYY-MM-DD, as the HOLIDAYS variable is written. */
  holidays?: string;
}

export function openWorld(opts: WorldOptions = {}): World {
  const db = openDatabase(':memory:');
  const clock = testClock(opts.start ?? T0);
  const parsed = parseConfig({ HOLIDAYS: opts.holidays });
  if (!parsed.ok) throw new Error(parsed.message);
  const deps = escalationDeps(parsed.config, db, clock.now);
  const random = seededRandomInt(7);
  let phones = 0;
  return {
    db,
    clock,
    reference: deps.reference,
    deps,
    ctx: () => ({ now: clock.now(), reference: deps.reference, source: 'cli' }),
    nextNumber: () => {
      for (;;) {
        const n = makeComplaintNumber(random);
        if (!complaintNumberExists(db, n)) return n;
      }
    },
    nextPhone: () => `+2557${String(++phones).padStart(8, '0')}`,
    close: () => db.$client.close(),
  };
}

/** A complaint as a test describes it: its council, and anything else that matters to the test. */
export interface Filing {
  council: string;
  category?: string;
  description?: string;
  place?: string | null;
  /** The ward the place was recognised as (its code, src/reference/wards.ts) and the village. */
  ward?: string;
  village?: string;
  language?: Lang;
  phone?: string;
  anonymous?: boolean;
  channel?: string;
}

export const CITIZEN = '+255689000001';
export const OTHER_CITIZEN = '+255689000002';
export const STRANGER = '+255754999888';

/**
 * Files a complaint described by `f` through the real service, in one transaction as the USSD
 * handler does, with the given number at `now`.
 */
export function fileFor(
  db: Db,
  reference: ReferenceData,
  at: { number: string; now: number; policy?: SlaPolicy },
  f: Filing,
): ComplaintRow {
  return inTransaction(db, (tx) =>
    fileComplaint(tx, reference, {
      phone: f.phone ?? CITIZEN,
      number: at.number,
      draft: {
        regionCode: f.council.split('-')[0] ?? '',
        councilCode: f.council,
        categoryCode: f.category ?? 'water',
        place: f.place ?? null,
        ...(f.ward ? { wardCode: f.ward } : {}),
        ...(f.village ? { village: f.village } : {}),
        description: f.description ?? 'Maji hayatoki kijijini tangu wiki iliyopita.',
        anonymous: f.anonymous ?? false,
      },
      language: f.language ?? 'sw',
      serviceCode: SERVICE_CODE,
      ...(f.channel ? { channel: f.channel } : {}),
      filedBy: { source: 'ussd' },
      policy: at.policy ?? DEFAULT_SLA,
      now: at.now,
    }),
  );
}

/** Files a complaint in the integration world, with its next number at its clock's time. */
export function file(w: World, f: Filing): ComplaintRow {
  const at = { number: w.nextNumber(), now: w.clock.now(), policy: w.deps.policy };
  return fileFor(w.db, w.reference, at, f);
}

export function complaintById(w: World, id: number): ComplaintRow {
  const row = w.db.select().from(complaints).where(eq(complaints.id, id)).get();
  if (!row) throw new Error(`no complaint ${id}`);
  return row;
}

export function eventsOf(w: World, complaintId: number) {
  return w.db
    .select()
    .from(complaintEvents)
    .where(eq(complaintEvents.complaintId, complaintId))
    .orderBy(asc(complaintEvents.id))
    .all();
}

export function outboxOf(w: World, complaintId: number) {
  return w.db
    .select()
    .from(smsOutbox)
    .where(eq(smsOutbox.complaintId, complaintId))
    .orderBy(asc(smsOutbox.id))
    .all();
}

export function allOutbox(w: World) {
  return w.db.select().from(smsOutbox).orderBy(asc(smsOutbox.id)).all();
}

/** Every row a lifecycle action could touch, for "nothing changed" comparisons. */
export function snapshot(w: World) {
  const rows = (table: string) =>
    w.db.$client.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all();
  return {
    complaints: rows('complaints'),
    complaint_events: rows('complaint_events'),
    sms_outbox: rows('sms_outbox'),
    staff: rows('staff'),
  };
}

/**
 * The staff of the test desk, the same people in every suite: Dar es Salaam with two officers
 * (Neema covers Kinondoni, Juma Ubungo: who gets a complaint depends on its council) and a
 * supervisor, Arusha with an officer and a supervisor, and headquarters.
 */
export const DESK = {
  neema: {
    name: 'Neema Kweka',
    phone: '+255711000001',
    role: 'officer',
    region: 'DAR',
    councils: ['DAR-KIM'],
    lang: 'en',
  },
  juma: {
    name: 'Juma Said',
    phone: '+255711000002',
    role: 'officer',
    region: 'DAR',
    councils: ['DAR-UBM'],
    lang: 'sw',
  },
  darSup: {
    name: 'Rehema Mushi',
    phone: '+255711000003',
    role: 'supervisor',
    region: 'DAR',
    lang: 'en',
  },
  aruOfficer: {
    name: 'Baraka Laizer',
    phone: '+255711000004',
    role: 'officer',
    region: 'ARU',
    lang: 'sw',
  },
  aruSup: {
    name: 'Elia Sumari',
    phone: '+255711000006',
    role: 'supervisor',
    region: 'ARU',
    lang: 'sw',
  },
  hq: { name: 'Zawadi Mrema', phone: '+255711000005', role: 'hq', lang: 'en' },
} as const satisfies Record<string, StaffInput>;

export type DeskStaff = { [K in keyof typeof DESK]: StaffRow };

/** Hires the whole desk through `hire` (the real staff service of the caller's world). */
export function hireDesk(hire: (input: StaffInput) => StaffRow): DeskStaff {
  const hired = Object.entries(DESK).map(([k, input]) => [k, hire({ ...input })] as const);
  return Object.fromEntries(hired) as DeskStaff;
}

/**
 * A whole Kero app on a private in-memory SQLite database with the real migrations and seed,
 * a controllable clock and a seeded random source. Nothing is mocked but time and randomness.
 */
import pino from 'pino';
import { seededRandomInt as mulberryInt } from '../../src/cli/demo/random';
import { openDatabase, type Db } from '../../db/client';
import { menu } from '../../menus';
import { createApp, type AppDeps } from '../../src/http/app';
import type { SlaPolicy } from '../../src/complaints/core/sla';
import { loadReferenceData } from '../../src/reference/repository';

export const TEST_TOKEN = 'test-token-0123456789abcdef';

/** Deterministic randomness so complaint numbers repeat from run to run. */
export const seededRandomInt = (seed = 42) => mulberryInt(seed);

export interface TestClock {
  now: () => number;
  set: (ms: number) => void;
  advance: (ms: number) => void;
}

/** The SLA policy of the default configuration: 3 working days, 14 days, no holidays. */
export const DEFAULT_SLA: SlaPolicy = {
  firstResponseWorkingDays: 3,
  resolutionDays: 14,
  holidays: new Set(),
};

/** 2026-03-12 09:00 in Dar es Salaam (06:00 UTC), a Thursday. */
export const T0 = Date.UTC(2026, 2, 12, 6, 0, 0);

export function testClock(start = T0): TestClock {
  let t = start;
  return { now: () => t, set: (ms) => (t = ms), advance: (ms) => (t += ms) };
}

export interface TestApp {
  app: ReturnType<typeof createApp>;
  db: Db;
  clock: TestClock;
  deps: AppDeps;
  close: () => void;
}

/** Overrides of the app's dependencies, or a function of the test's database and clock giving them. */
export type TestOverrides = Partial<AppDeps> | ((db: Db, clock: TestClock) => Partial<AppDeps>);

/** `file`: a database file instead of `:memory:` (a second connection, a read worker, can open it). */
export function makeTestApp(given: TestOverrides = {}, file = ':memory:'): TestApp {
  const db = openDatabase(file);
  const clock = testClock();
  const overrides = typeof given === 'function' ? given(db, clock) : given;
  const deps: AppDeps = {
    db,
    menu,
    reference: loadReferenceData(db),
    logger: pino({ level: 'silent' }),
    now: clock.now,
    randomInt: seededRandomInt(),
    sla: DEFAULT_SLA,
    settings: { dailyComplaintLimit: 5, draftResumeMinutes: 30, tollFreeNumber: '0800 110 010' },
    serviceCodes: ['*384*1234#'],
    webhookToken: TEST_TOKEN,
    ...overrides,
  };
  return { app: createApp(deps), db, clock, deps, close: () => db.$client.close() };
}

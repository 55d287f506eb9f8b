/**
 * A Kero app with Open311 on, for the Open311 tests: the test desk hired and complaints filed
 * and worked through the real services on the app's own in-memory database, on its clock.
 */
import request from 'supertest';
import type { ComplaintRow } from '../../db/schema';
import type { ActionDeps } from '../../src/complaints/actions';
import { makeComplaintNumber } from '../../src/complaints/core/numbers';
import type { SlaPolicy } from '../../src/complaints/core/sla';
import { addStaff } from '../../src/directory/service';
import type { Open311Settings } from '../../src/open311/georeport';
import { makeTestApp, seededRandomInt, type TestApp } from '../helpers/app';
import { fileFor, hireDesk, type DeskStaff, type Filing } from '../helpers/world';

export const HOUR = 60 * 60 * 1000;
export const DAY = 24 * HOUR;
export const POLICY: SlaPolicy = {
  firstResponseWorkingDays: 3,
  resolutionDays: 14,
  holidays: new Set(),
};
export const V2 = '/open311/v2';

export interface Open311World {
  t: TestApp;
  staff: DeskStaff;
  /** What the lifecycle actions take, on the app's clock. */
  actions: ActionDeps;
  /** Files `f` through the real service at the clock's time (or `at`). */
  file: (f: Filing, at?: number) => ComplaintRow;
  get: (path: string) => request.Test;
}

/** The app with Open311 on (descriptions off unless `settings` say so) and the desk hired. */
export function openOpen311(settings: Partial<Open311Settings> = {}): Open311World {
  const t = makeTestApp({ open311: { descriptions: false, policy: POLICY, ...settings } });
  const ctx = () => ({ now: t.clock.now(), reference: t.deps.reference, source: 'cli' as const });
  const staff = hireDesk((input) => {
    const hired = addStaff(t.db, ctx(), input);
    if (!hired.ok) throw new Error(hired.errors.join('; '));
    return hired.value;
  });
  const random = seededRandomInt(311);
  const used = new Set<string>();
  const nextNumber = () => {
    for (;;) {
      const n = makeComplaintNumber(random);
      if (used.has(n)) continue;
      used.add(n);
      return n;
    }
  };
  return {
    t,
    staff,
    actions: { db: t.db, now: t.clock.now, reference: t.deps.reference },
    file: (f, at) =>
      fileFor(t.db, t.deps.reference, { number: nextNumber(), now: at ?? t.clock.now() }, f),
    get: (path) => request(t.app).get(path),
  };
}

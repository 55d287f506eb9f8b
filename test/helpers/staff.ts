/**
 * Staff for integration tests, added through the real staff service (validation included).
 */
import {
  activateStaff,
  addStaff,
  deactivateStaff,
  type StaffInput,
} from '../../src/directory/service';
import type { World } from './world';
import { type StaffRow } from '../../db/schema';

export interface Hire {
  name?: string;
  role?: 'officer' | 'supervisor' | 'hq';
  /** Region code; omit for headquarters. */
  region?: string;
  /** Council codes covered; none means the whole region. */
  councils?: string[];
  /** Ward codes covered (a ward officer); usually none. */
  wards?: string[];
  lang?: 'sw' | 'en';
  phone?: string;
}

export function hire(w: World, h: Hire): StaffRow {
  const role = h.role ?? 'officer';
  const result = addStaff(w.db, w.ctx(), {
    name: h.name ?? `${role} ${w.nextPhone().slice(-3)}`,
    phone: h.phone ?? w.nextPhone(),
    role,
    region: h.region,
    councils: h.councils ?? [],
    wards: h.wards ?? [],
    lang: h.lang ?? 'sw',
  });
  if (!result.ok) throw new Error(`cannot hire: ${result.errors.join('; ')}`);
  return result.value;
}

/** Hires exactly `input` through the real staff service; throws when it refuses. */
export function hireInput(w: World, input: StaffInput): StaffRow {
  const result = addStaff(w.db, w.ctx(), input);
  if (!result.ok) throw new Error(`cannot hire: ${result.errors.join('; ')}`);
  return result.value;
}

export const officer = (w: World, region: string, h: Omit<Hire, 'role' | 'region'> = {}) =>
  hire(w, { ...h, role: 'officer', region });

export const supervisor = (w: World, region: string, h: Omit<Hire, 'role' | 'region'> = {}) =>
  hire(w, { ...h, role: 'supervisor', region });

export const hqStaff = (w: World, h: Omit<Hire, 'role' | 'region'> = {}) =>
  hire(w, { ...h, role: 'hq' });

/** Deactivates through the real service; throws when it refuses. */
export function deactivate(w: World, s: StaffRow): { reassigned: number } {
  const result = deactivateStaff(w.db, w.ctx(), s.phone);
  if (!result.ok) throw new Error(`cannot deactivate: ${result.errors.join('; ')}`);
  return { reassigned: result.value.reassigned };
}

/** Activates again through the real service; throws when it refuses. */
export function reactivate(w: World, s: StaffRow): void {
  const result = activateStaff(w.db, w.ctx(), s.phone);
  if (!result.ok) throw new Error(`cannot activate: ${result.errors.join('; ')}`);
}

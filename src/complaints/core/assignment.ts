/**
 * Region-based assignment. Pure: who should own a complaint, given the staff who could.
 */
import type { StaffRole } from '../../../db/schema';

export type Level = 'council' | 'region' | 'national';

export interface Candidate {
  id: number;
  role: StaffRole;
  regionCode: string | null;
  active: boolean;
  /** Councils covered; empty means the whole region. */
  councils: readonly string[];
  /** Wards covered (a ward officer: complaints matched to these wards come first); usually none. */
  wards: readonly string[];
  openComplaints: number;
  lastAssignedAt: number | null;
}

export interface Assignment {
  /** Null: the headquarters queue, unassigned. */
  staffId: number | null;
  level: Level;
}

/** Pure. Fewest open complaints first; ties go to the one assigned least recently (never first). */
export function leastLoaded(pool: readonly Candidate[]): Candidate | undefined {
  return [...pool].sort(
    (a, b) =>
      a.openComplaints - b.openComplaints ||
      (a.lastAssignedAt ?? -Infinity) - (b.lastAssignedAt ?? -Infinity) ||
      a.id - b.id,
  )[0];
}

/** Where a complaint is: its region, council and the ward it matched (null: none). */
export interface Place {
  regionCode: string;
  councilCode: string;
  wardCode?: string | null | undefined;
}

/** A council's officer: covers it (or the whole region) and is not kept to some wards. */
const coversCouncil = (c: Candidate, councilCode: string) =>
  c.wards.length === 0 && (c.councils.length === 0 || c.councils.includes(councilCode));

/**
 * Pure. The owner of a new complaint at `place`: an active officer of the region who covers its
 * ward, else one who covers its council (or the whole region), else the region's supervisor,
 * else the headquarters queue; the least loaded at each step. An officer kept to some wards gets
 * only complaints of those wards. `exclude` leaves out a staff member (the one being
 * deactivated).
 */
export function pickAssignee(
  candidates: readonly Candidate[],
  place: Place,
  exclude?: number,
): Assignment {
  const inRegion = candidates.filter(
    (c) => c.active && c.regionCode === place.regionCode && c.id !== exclude,
  );
  const officers = inRegion.filter((c) => c.role === 'officer');
  const { wardCode } = place;
  const wardOfficer =
    wardCode == null ? undefined : leastLoaded(officers.filter((c) => c.wards.includes(wardCode)));
  if (wardOfficer) return { staffId: wardOfficer.id, level: 'council' };
  const officer = leastLoaded(officers.filter((c) => coversCouncil(c, place.councilCode)));
  if (officer) return { staffId: officer.id, level: 'council' };
  const supervisor = leastLoaded(inRegion.filter((c) => c.role === 'supervisor'));
  if (supervisor) return { staffId: supervisor.id, level: 'region' };
  return { staffId: null, level: 'national' };
}

/** Pure. The owner after an escalation to `level`: the region's supervisor, or headquarters. */
export function pickEscalationOwner(
  candidates: readonly Candidate[],
  regionCode: string,
  level: 'region' | 'national',
): Assignment {
  const active = candidates.filter((c) => c.active);
  if (level === 'region') {
    const supervisor = leastLoaded(
      active.filter((c) => c.role === 'supervisor' && c.regionCode === regionCode),
    );
    if (supervisor) return { staffId: supervisor.id, level: 'region' };
  }
  const hq = leastLoaded(active.filter((c) => c.role === 'hq'));
  return { staffId: hq?.id ?? null, level: 'national' };
}

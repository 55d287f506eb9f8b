/**
 * Who could own a complaint of a region, with what assignment needs to choose: the staff
 * (src/staff/repository.ts), the councils they cover and the open complaints each holds.
 */
import type { Tx } from '../../db/client';
import { activeStaffFor, coverageIn, wardCoverageIn } from '../staff/repository';
import type { Candidate } from './core/assignment';
import { countOpenByAssignee } from './lists-repository';

/** Active staff of a region plus headquarters, with coverage (councils, wards) and open load: assignment's input. */
export function loadCandidates(tx: Tx, regionCode: string): Candidate[] {
  const rows = activeStaffFor(tx, regionCode);
  if (rows.length === 0) return [];
  const coverage = coverageIn(tx, regionCode);
  const wards = wardCoverageIn(tx, regionCode);
  const load = countOpenByAssignee(
    tx,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    role: r.role,
    regionCode: r.regionCode,
    active: r.active,
    councils: coverage.get(r.id) ?? [],
    wards: wards.get(r.id) ?? [],
    openComplaints: load.get(r.id) ?? 0,
    lastAssignedAt: r.lastAssignedAt,
  }));
}

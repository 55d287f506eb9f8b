/**
 * Which complaints a staff member sees (and so may act on). Pure.
 * - Headquarters: every complaint.
 * - A supervisor: their region's.
 * - An officer: the complaints of the councils they cover (the whole region when they cover
 *   none in particular), and any complaint assigned to them.
 */
import type { StaffRole } from '../../../db/schema';

export type Scope =
  | { kind: 'all' }
  | { kind: 'region'; regionCode: string }
  | { kind: 'officer'; staffId: number; regionCode: string; councils: readonly string[] };

export interface ScopedStaff {
  id: number;
  role: StaffRole;
  regionCode: string | null;
  /** Councils covered; none means the whole region. */
  councils: readonly string[];
}

/** Pure. The scope of a staff member. */
export function scopeOf(s: ScopedStaff): Scope {
  if (s.role === 'hq' || s.regionCode === null) return { kind: 'all' };
  if (s.role === 'supervisor') return { kind: 'region', regionCode: s.regionCode };
  return { kind: 'officer', staffId: s.id, regionCode: s.regionCode, councils: s.councils };
}

/** Pure. Whether a complaint is within a scope. */
export function inScope(
  scope: Scope,
  c: { regionCode: string; councilCode: string; assigneeId: number | null },
): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'region':
      return c.regionCode === scope.regionCode;
    case 'officer':
      if (c.assigneeId === scope.staffId) return true;
      if (c.regionCode !== scope.regionCode) return false;
      return scope.councils.length === 0 || scope.councils.includes(c.councilCode);
  }
}

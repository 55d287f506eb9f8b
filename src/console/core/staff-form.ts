/**
 * The staff form and who may manage whom. Pure. Headquarters manage everyone; a supervisor
 * manages the officers of their own region (adds them, edits them, deactivates them); officers
 * manage no one. The form's problems come back with their fields, in the console's words.
 */
import type { StaffRow } from '../../../db/schema';
import type { ReferenceData } from '../../reference/types';
import type { StaffInput } from '../../directory/service';
import { normalizePhone } from '../../text/phone';
import { resolveWards, wardTokens, type WardProblem } from '../../reference/core/ward-names';
import type { WardList } from '../../reference/core/ward-list';
import type { WordKey } from './words';

export type Role = StaffRow['role'];

export interface StaffForm {
  name: string;
  phone: string;
  role: string;
  region: string;
  councils: string[];
  /** Ward codes or names, separated by commas (a ward officer); usually empty. */
  wards: string;
  lang: string;
}

export const STAFF_FIELDS = ['name', 'phone', 'role', 'region', 'wards', 'lang'] as const;

export interface StaffFormError {
  field: keyof StaffForm;
  key: WordKey;
  vars?: Record<string, string>;
}

interface Manager {
  role: Role;
  regionCode: string | null;
}

/** Pure. The roles a manager may give. */
export function rolesGivenBy(m: Manager): Role[] {
  if (m.role === 'hq') return ['officer', 'supervisor', 'hq'];
  return m.role === 'supervisor' ? ['officer'] : [];
}

/** Pure. Whether `m` may manage (edit, deactivate, activate) `member`. */
export function manages(m: Manager, member: Pick<StaffRow, 'role' | 'regionCode'>): boolean {
  if (m.role === 'hq') return true;
  return m.role === 'supervisor' && member.role === 'officer' && member.regionCode === m.regionCode;
}

/** Pure. The staff list a manager sees: headquarters everyone, a supervisor their region. */
export const listsRegion = (m: Manager): string | undefined =>
  m.role === 'hq' ? undefined : (m.regionCode ?? undefined);

/** A ward the form names that cannot be given, in the console's words. */
function wardError(p: WardProblem): StaffFormError {
  const vars = { ward: p.token };
  switch (p.kind) {
    case 'unknown':
      return { field: 'wards', key: 'staff.err.wardUnknown', vars };
    case 'elsewhere':
      return {
        field: 'wards',
        key: 'staff.err.wardElsewhere',
        vars: { ...vars, name: p.ward.name },
      };
    case 'outsideCouncils':
      return { field: 'wards', key: 'staff.err.wardOutside', vars: { ...vars, name: p.ward.name } };
    case 'ambiguous':
      return {
        field: 'wards',
        key: 'staff.err.wardAmbiguous',
        vars: { ...vars, choices: p.choices.map((w) => `${w.code} (${w.councilCode})`).join(', ') },
      };
  }
}

/**
 * Pure. The form checked for `m`: the service's input, or every field that is wrong. Wards are
 * looked up in `wards` (the postcode list's, src/reference/wards.ts loadWardList).
 */
export function checkStaffForm(
  m: Manager,
  form: StaffForm,
  ref: ReferenceData,
  wards: WardList,
): { ok: true; input: StaffInput } | { ok: false; errors: StaffFormError[] } {
  const errors: StaffFormError[] = [];
  const name = form.name.trim();
  if ([...name].length < 2 || [...name].length > 80)
    errors.push({ field: 'name', key: 'staff.err.name' });
  if (!normalizePhone(form.phone)) errors.push({ field: 'phone', key: 'staff.err.phone' });
  const role = rolesGivenBy(m).find((r) => r === form.role);
  if (!role) errors.push({ field: 'role', key: 'staff.err.role' });
  // A supervisor's staff are always in the supervisor's region; headquarters staff in none.
  const region = m.role === 'supervisor' ? (m.regionCode ?? '') : role === 'hq' ? '' : form.region;
  if (role && role !== 'hq' && !ref.regions.some((r) => r.code === region)) {
    errors.push({ field: 'region', key: 'staff.err.region' });
  }
  const inRegion = new Set((ref.councilsByRegion.get(region) ?? []).map((c) => c.code));
  const councils = [...new Set(form.councils)];
  if (councils.length > 0 && (role !== 'officer' || councils.some((c) => !inRegion.has(c)))) {
    errors.push({ field: 'councils', key: 'staff.err.councils' });
  }
  const tokens = wardTokens(form.wards);
  const resolved = resolveWards(tokens, wards, [...inRegion], councils);
  if (tokens.length > 0 && role !== 'officer') {
    errors.push({ field: 'wards', key: 'staff.err.wardRole' });
  } else {
    const [problem] = resolved.problems;
    if (problem) errors.push(wardError(problem));
  }
  const lang = form.lang === 'en' ? 'en' : 'sw';
  if (errors.length > 0 || !role) return { ok: false, errors };
  return {
    ok: true,
    input: { name, phone: form.phone, role, region, councils, wards: resolved.codes, lang },
  };
}

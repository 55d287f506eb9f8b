/**
 * A staff member as the audit log keeps them, and what changed between two such pictures: one
 * entry per field, with its value before and after (issue 23). Pure.
 */

/** The fields of a staff member the log follows, in the order changes are listed. */
export const STAFF_FIELDS = [
  'name',
  'phone',
  'role',
  'region',
  'councils',
  'wards',
  'language',
  'active',
] as const;
export type StaffField = (typeof STAFF_FIELDS)[number];

export interface StaffSnapshot {
  name: string;
  phone: string;
  role: string;
  /** Null for headquarters. */
  region: string | null;
  /** Council codes, sorted (none: the whole region). */
  councils: string[];
  /** Ward codes, sorted (usually none). */
  wards: string[];
  language: string;
  active: boolean;
}

export interface FieldChange {
  field: StaffField;
  before: StaffSnapshot[StaffField];
  after: StaffSnapshot[StaffField];
}

/** Pure. A staff row and their coverage as the log keeps them (lists sorted). */
export function staffSnapshot(
  row: {
    name: string;
    phone: string;
    role: string;
    regionCode: string | null;
    language: string;
    active: boolean;
  },
  councils: readonly string[],
  wards: readonly string[],
): StaffSnapshot {
  return {
    name: row.name,
    phone: row.phone,
    role: row.role,
    region: row.regionCode,
    councils: [...new Set(councils)].sort(),
    wards: [...new Set(wards)].sort(),
    language: row.language,
    active: row.active,
  };
}

const same = (a: StaffSnapshot[StaffField], b: StaffSnapshot[StaffField]) =>
  Array.isArray(a) && Array.isArray(b)
    ? a.length === b.length && a.every((x, i) => x === b[i])
    : a === b;

/** Pure. The fields that differ between two pictures of one staff member, in field order. */
export function changedFields(before: StaffSnapshot, after: StaffSnapshot): FieldChange[] {
  return STAFF_FIELDS.filter((f) => !same(before[f], after[f])).map((field) => ({
    field,
    before: before[field],
    after: after[field],
  }));
}

/**
 * Staff directory use cases: add, activate, deactivate (open complaints move on), import a CSV
 * all-or-nothing. Each owns its transaction; errors are values with a clear message.
 */
import { z } from 'zod';
import { inTransaction, type Db } from '../../db/client';
import { staffRoles, type NewStaff, type StaffRow } from '../../db/schema';
import { reassignOpenComplaints } from '../complaints/assigning';
import type { NotifyContext } from '../complaints/notify';
import { normalizePhone } from '../text/phone';
import { parseCsv } from './csv';
import {
  findStaffById,
  findStaffByPhone,
  insertStaff,
  setStaffActive,
  updateStaffRow,
  type Coverage,
} from '../staff/repository';
import { unknownCouncil, unknownRegion } from '../reference/suggestions';
import { type ReferenceData } from '../reference/types';
import { resolveWards, wardTokens, type WardProblem } from '../reference/core/ward-names';
import { loadWardList, type Ward, type WardList } from '../reference/wards';

export type Result<T> = { ok: true; value: T } | { ok: false; errors: string[] };

const inputSchema = z.object({
  name: z
    .string()
    .trim()
    .min(2, 'name: at least 2 characters')
    .max(80, 'name: at most 80 characters'),
  phone: z.string().trim().min(1, 'phone: required'),
  role: z.enum(staffRoles, { message: `role: one of ${staffRoles.join(', ')}` }),
  region: z.string().trim().toUpperCase().optional(),
  councils: z.array(z.string().trim().toUpperCase()).default([]),
  wards: z.array(z.string().trim()).default([]),
  lang: z.enum(['sw', 'en'], { message: 'lang: sw or en' }).default('sw'),
});
export type StaffInput = z.input<typeof inputSchema>;

/** A checked staff record: the row and what it covers. */
export interface CheckedStaff extends Coverage {
  row: Omit<NewStaff, 'createdAt' | 'updatedAt'>;
}

/** A ward problem in the words of the CLI and the CSV import. */
function wardError(p: WardProblem, region: string | undefined): string {
  const named = (w: Ward) => `${w.code} (${w.name})`;
  switch (p.kind) {
    case 'unknown':
      return `wards: ${p.token} is not a ward code or a ward name in region ${region ?? '-'} (kero wards <council> lists them)`;
    case 'elsewhere':
      return `wards: ${named(p.ward)} is not in region ${region ?? '-'}`;
    case 'outsideCouncils':
      return `wards: ${named(p.ward)} is not in the councils listed`;
    case 'ambiguous':
      return `wards: ${p.token} names ${p.choices.length} wards, give the code: ${p.choices.map((w) => `${named(w)} in ${w.councilCode}`).join(', ')}`;
  }
}

/** Pure. Checks a staff record against the reference data; every problem is listed. */
export function validateStaff(
  input: StaffInput,
  ref: ReferenceData,
  wardList: WardList = loadWardList(),
): Result<CheckedStaff> {
  const parsed = inputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((i) => i.message) };
  const v = parsed.data;
  const errors: string[] = [];
  const phone = normalizePhone(v.phone);
  if (!phone)
    errors.push(`phone: ${v.phone} is not a phone number (use +255XXXXXXXXX or 07XXXXXXXX)`);
  const region = v.region === '' ? undefined : v.region;
  if (v.role === 'hq' && region) errors.push('region: headquarters staff have no region');
  if (v.role !== 'hq' && !region)
    errors.push(`region: required for ${v.role === 'officer' ? 'an' : 'a'} ${v.role}`);
  if (region && !ref.regions.some((r) => r.code === region)) {
    errors.push(`region: ${unknownRegion(region, ref)}`);
  }
  const regionCouncils = new Set((ref.councilsByRegion.get(region ?? '') ?? []).map((c) => c.code));
  for (const c of v.councils) {
    if (!ref.councilLabels.has(c)) errors.push(`councils: ${unknownCouncil(c, ref, region)}`);
    else if (!regionCouncils.has(c))
      errors.push(`councils: ${c} is not in region ${region ?? '-'}`);
  }
  if (v.role !== 'officer' && v.councils.length > 0)
    errors.push('councils: only officers cover councils');
  if (v.role !== 'officer' && v.wards.length > 0) errors.push('wards: only officers cover wards');
  const listed = [...new Set(v.councils)];
  const wards = resolveWards(v.wards, wardList, [...regionCouncils], listed);
  errors.push(...wards.problems.map((p) => wardError(p, region)));
  if (errors.length > 0 || !phone) return { ok: false, errors };
  return {
    ok: true,
    value: {
      row: {
        name: v.name,
        phone,
        role: v.role,
        regionCode: region ?? null,
        language: v.lang,
        active: true,
      },
      // An officer kept to wards covers their councils (what they see in the console).
      councils: listed.length > 0 ? listed : wards.councils,
      wards: wards.codes,
    },
  };
}

export function addStaff(db: Db, ctx: NotifyContext, input: StaffInput): Result<StaffRow> {
  const checked = validateStaff(input, ctx.reference);
  if (!checked.ok) return checked;
  return inTransaction(db, (tx) => {
    if (findStaffByPhone(tx, checked.value.row.phone)) {
      return { ok: false, errors: [`phone: ${checked.value.row.phone} is already registered`] };
    }
    const row = { ...checked.value.row, createdAt: ctx.now, updatedAt: ctx.now };
    return { ok: true, value: insertStaff(tx, row, checked.value) };
  });
}

/**
 * Changes a staff member's name, phone, role, region, councils and language. Their open
 * complaints stay theirs (a supervisor moves them if the new councils call for it).
 */
export function updateStaff(
  db: Db,
  ctx: NotifyContext,
  id: number,
  input: StaffInput,
): Result<StaffRow> {
  const checked = validateStaff(input, ctx.reference);
  if (!checked.ok) return checked;
  return inTransaction(db, (tx) => {
    const holder = findStaffByPhone(tx, checked.value.row.phone);
    if (holder && holder.id !== id) {
      return { ok: false, errors: [`phone: ${checked.value.row.phone} is already registered`] };
    }
    if (!findStaffById(tx, id)) return { ok: false, errors: [`no staff member with id ${id}`] };
    const { active: _keep, ...details } = checked.value.row;
    const row = { ...details, updatedAt: ctx.now };
    const updated = updateStaffRow(tx, id, row, checked.value);
    return updated
      ? { ok: true, value: updated }
      : { ok: false, errors: [`no staff member with id ${id}`] };
  });
}

/** Deactivates a staff member and reassigns their open complaints, each with an event. */
export function deactivateStaff(
  db: Db,
  ctx: NotifyContext,
  phoneInput: string,
): Result<{ staff: StaffRow; reassigned: number }> {
  const phone = normalizePhone(phoneInput);
  if (!phone) return { ok: false, errors: [`phone: ${phoneInput} is not a phone number`] };
  return inTransaction(db, (tx) => {
    const member = findStaffByPhone(tx, phone);
    if (!member) return { ok: false, errors: [`no staff member with phone ${phone}`] };
    setStaffActive(tx, member.id, false, ctx.now);
    const moved = reassignOpenComplaints(tx, ctx, member.id, `${member.name} deactivated`);
    return { ok: true, value: { staff: { ...member, active: false }, reassigned: moved.length } };
  });
}

export function activateStaff(db: Db, ctx: NotifyContext, phoneInput: string): Result<StaffRow> {
  const phone = normalizePhone(phoneInput);
  if (!phone) return { ok: false, errors: [`phone: ${phoneInput} is not a phone number`] };
  return inTransaction(db, (tx) => {
    const member = findStaffByPhone(tx, phone);
    if (!member) return { ok: false, errors: [`no staff member with phone ${phone}`] };
    setStaffActive(tx, member.id, true, ctx.now);
    return { ok: true, value: { ...member, active: true } };
  });
}

const COLUMNS = ['name', 'phone', 'role', 'region', 'councils', 'wards', 'lang'] as const;

/**
 * Imports staff from CSV text with a header row (name,phone,role,region,councils,wards,lang;
 * councils separated by ';' or spaces, wards (codes or names) by ';'). All or nothing: any bad row is reported with its line number.
 */
export function importStaffCsv(
  db: Db,
  ctx: NotifyContext,
  csv: string,
  /** What the importer may not add (a supervisor: other regions, other roles), per row. */
  refuse: (row: Omit<NewStaff, 'createdAt' | 'updatedAt'>) => string | undefined = () => undefined,
): Result<StaffRow[]> {
  const parsed = parseCsv(csv);
  if (!parsed.ok) return { ok: false, errors: [parsed.error] };
  const rows = parsed.rows;
  const header = (rows[0]?.cells ?? []).map((h) => h.trim().toLowerCase());
  const missing = ['name', 'phone', 'role'].filter((c) => !header.includes(c));
  const unknown = header.filter((h) => !(COLUMNS as readonly string[]).includes(h));
  if (rows.length === 0 || missing.length > 0 || unknown.length > 0) {
    return {
      ok: false,
      errors: [
        `line 1: header must name the columns ${COLUMNS.join(',')} (missing: ${missing.join(', ') || '-'}; unknown: ${unknown.join(', ') || '-'})`,
      ],
    };
  }
  const errors: string[] = [];
  const seen = new Map<string, number>();
  const valid = rows.slice(1).flatMap(({ line, cells }) => {
    const get = (c: string) => cells[header.indexOf(c)]?.trim() ?? '';
    const checked = validateStaff(
      {
        name: get('name'),
        phone: get('phone'),
        role: get('role').toLowerCase() as 'officer',
        region: get('region'),
        councils: get('councils')
          .split(/[;\s]+/)
          .filter((c) => c !== ''),
        wards: wardTokens(get('wards')),
        lang: (get('lang') || 'sw').toLowerCase() as 'sw',
      },
      ctx.reference,
    );
    if (!checked.ok) {
      errors.push(...checked.errors.map((e) => `line ${line}: ${e}`));
      return [];
    }
    const refused = refuse(checked.value.row);
    if (refused) errors.push(`line ${line}: ${refused}`);
    const earlier = seen.get(checked.value.row.phone);
    if (earlier)
      errors.push(`line ${line}: phone ${checked.value.row.phone} repeats line ${earlier}`);
    seen.set(checked.value.row.phone, line);
    return [{ line, ...checked.value }];
  });
  if (errors.length > 0) return { ok: false, errors };
  return inTransaction(db, (tx) => {
    const taken = valid.filter((v) => findStaffByPhone(tx, v.row.phone));
    if (taken.length > 0) {
      return {
        ok: false,
        errors: taken.map((v) => `line ${v.line}: phone ${v.row.phone} is already registered`),
      };
    }
    const now = { createdAt: ctx.now, updatedAt: ctx.now };
    return { ok: true, value: valid.map((v) => insertStaff(tx, { ...v.row, ...now }, v)) };
  });
}

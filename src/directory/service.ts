/**
 * Staff directory use cases: add, edit, activate, deactivate (open complaints move on, console
 * access ends), import a CSV all-or-nothing. Each owns its transaction, records what it changed
 * in the audit log of staff changes (./staff-audit.ts) in that transaction, and returns errors as
 * values with a clear message. A sign-in phone is never changed here: ./phone-change.ts.
 */
import { z } from 'zod';
import { inTransaction, type Db } from '../../db/client';
import { staffRoles, type NewStaff, type StaffRow } from '../../db/schema';
import { reassignOpenComplaints } from '../complaints/assigning';
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
import { endAccessOf } from '../staff/access-repository';
import { auditStaff, auditStaffChanges, snapshotOf, type StaffChangeCtx } from './staff-audit';
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

export function addStaff(db: Db, ctx: StaffChangeCtx, input: StaffInput): Result<StaffRow> {
  const checked = validateStaff(input, ctx.reference);
  if (!checked.ok) return checked;
  return inTransaction(db, (tx) => {
    if (findStaffByPhone(tx, checked.value.row.phone)) {
      return { ok: false, errors: [`phone: ${checked.value.row.phone} is already registered`] };
    }
    const row = { ...checked.value.row, createdAt: ctx.now, updatedAt: ctx.now };
    const added = insertStaff(tx, row, checked.value);
    auditStaff(tx, ctx, added.id, 'create', null, snapshotOf(tx, added));
    return { ok: true, value: added };
  });
}

/**
 * Changes a staff member's name, role, region, councils, wards and language, each change in the
 * log. Their open complaints stay theirs (a supervisor moves them if the new councils call for
 * it). The phone must be the one they have: a new one is confirmed by a code
 * (./phone-change.ts).
 */
export function updateStaff(
  db: Db,
  ctx: StaffChangeCtx,
  id: number,
  input: StaffInput,
): Result<StaffRow> {
  const checked = validateStaff(input, ctx.reference);
  if (!checked.ok) return checked;
  return inTransaction(db, (tx) => {
    const member = findStaffById(tx, id);
    if (!member) return { ok: false, errors: [`no staff member with id ${id}`] };
    if (checked.value.row.phone !== member.phone) {
      return {
        ok: false,
        errors: [`phone: a new phone takes effect only with the code sent to it`],
      };
    }
    const before = snapshotOf(tx, member);
    const { active: _keep, ...details } = checked.value.row;
    const updated = updateStaffRow(tx, id, { ...details, updatedAt: ctx.now }, checked.value);
    if (!updated) return { ok: false, errors: [`no staff member with id ${id}`] };
    auditStaffChanges(tx, ctx, id, before, snapshotOf(tx, updated));
    return { ok: true, value: updated };
  });
}

/**
 * Deactivates a staff member: their open complaints are reassigned, each with an event, and
 * every console session and sign-in of theirs ends.
 */
export function deactivateStaff(
  db: Db,
  ctx: StaffChangeCtx,
  phoneInput: string,
): Result<{ staff: StaffRow; reassigned: number }> {
  const phone = normalizePhone(phoneInput);
  if (!phone) return { ok: false, errors: [`phone: ${phoneInput} is not a phone number`] };
  return inTransaction(db, (tx) => {
    const member = findStaffByPhone(tx, phone);
    if (!member) return { ok: false, errors: [`no staff member with phone ${phone}`] };
    setStaffActive(tx, member.id, false, ctx.now);
    if (member.active) auditStaff(tx, ctx, member.id, 'active', true, false);
    endAccessOf(tx, member.id, ctx.now);
    const moved = reassignOpenComplaints(tx, ctx, member.id, `${member.name} deactivated`);
    return { ok: true, value: { staff: { ...member, active: false }, reassigned: moved.length } };
  });
}

export function activateStaff(db: Db, ctx: StaffChangeCtx, phoneInput: string): Result<StaffRow> {
  const phone = normalizePhone(phoneInput);
  if (!phone) return { ok: false, errors: [`phone: ${phoneInput} is not a phone number`] };
  return inTransaction(db, (tx) => {
    const member = findStaffByPhone(tx, phone);
    if (!member) return { ok: false, errors: [`no staff member with phone ${phone}`] };
    setStaffActive(tx, member.id, true, ctx.now);
    if (!member.active) auditStaff(tx, ctx, member.id, 'active', false, true);
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
  ctx: StaffChangeCtx,
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
    const added = valid.map((v) => insertStaff(tx, { ...v.row, ...now }, v));
    for (const m of added) auditStaff(tx, ctx, m.id, 'import', null, snapshotOf(tx, m));
    return { ok: true, value: added };
  });
}

/**
 * `kero staff …`: add, list, deactivate, activate, import, phone. Thin: parse the arguments, call
 * the staff service, print its answer. Errors go to stderr, one per line, with exit code 1. Every
 * change is in the audit log of staff changes with source `cli` and no staff member as its author.
 */
import { readFileSync } from 'node:fs';
import {
  activateStaff,
  addStaff,
  deactivateStaff,
  importStaffCsv,
  type StaffInput,
} from '../../directory/service';
import { changePhoneNow } from '../../directory/phone-change';
import { councilsOf, listStaff, wardsOf } from '../../staff/repository';
import { wardTokens } from '../../reference/core/ward-names';
import type { NotifyContext } from '../../complaints/notify';
import { deploymentOf } from '../../deps';
import { loadReferenceData } from '../../reference/repository';
import { unknownRegion } from '../../reference/suggestions';
import { missingFlags, parseCommandArgs, reportErrors, type CliContext } from './args';
import { formatTable } from './table';
import { type StaffRow } from '../../../db/schema';
import { countOpenByAssignee } from '../../complaints/lists-repository';

const notify = (ctx: CliContext): NotifyContext => ({
  now: ctx.now,
  reference: loadReferenceData(ctx.db, deploymentOf(ctx.config)),
  source: 'cli',
});

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function coverage(member: StaffRow, councils: readonly string[], wards: readonly string[]): string {
  if (member.role === 'hq') return 'all regions';
  const area = councils.length > 0 ? councils.join(',') : 'whole region';
  return wards.length > 0 ? `${area}; wards ${wards.join(',')}` : area;
}

function staffAdd(ctx: CliContext, args: string[]): number {
  const parsed = parseCommandArgs(args, {
    name: { type: 'string' },
    phone: { type: 'string' },
    role: { type: 'string' },
    region: { type: 'string' },
    councils: { type: 'string' },
    wards: { type: 'string' },
    lang: { type: 'string' },
  });
  if (!parsed.ok) return reportErrors(ctx.io, parsed.errors);
  const v = parsed.value.values;
  const missing = missingFlags(v, ['name', 'phone', 'role']);
  if (missing.length > 0) return reportErrors(ctx.io, missing);
  const input: StaffInput = {
    name: v.name ?? '',
    phone: v.phone ?? '',
    // The service validates the role and lists the allowed ones.
    role: (v.role ?? '').toLowerCase() as StaffInput['role'],
    region: v.region,
    councils: (v.councils ?? '').split(/[,;\s]+/).filter((c) => c !== ''),
    wards: wardTokens(v.wards ?? ''),
    lang: (v.lang ?? 'sw').toLowerCase() as StaffInput['lang'],
  };
  const result = addStaff(ctx.db, notify(ctx), input);
  if (!result.ok) return reportErrors(ctx.io, result.errors);
  const m = result.value;
  const councils = councilsOf(ctx.db, [m.id]).get(m.id) ?? [];
  const wards = wardsOf(ctx.db, [m.id]).get(m.id) ?? [];
  const fields: [string, string][] = [
    ['name', m.name],
    ['phone', m.phone],
    ['role', m.role],
    ['region', m.regionCode ?? '-'],
    ['councils', coverage(m, councils, [])],
    ['wards', wards.length > 0 ? wards.join(',') : '-'],
    ['language', m.language],
  ];
  ctx.io.out(`Added staff member ${m.id}:`);
  for (const [label, value] of fields) ctx.io.out(`  ${label.padEnd(9)} ${value}`);
  return 0;
}

function staffList(ctx: CliContext, args: string[]): number {
  const parsed = parseCommandArgs(args, { region: { type: 'string' } });
  if (!parsed.ok) return reportErrors(ctx.io, parsed.errors);
  const region = parsed.value.values.region?.trim().toUpperCase();
  const ref = loadReferenceData(ctx.db);
  if (region !== undefined && !ref.regions.some((r) => r.code === region)) {
    return reportErrors(ctx.io, [unknownRegion(region, ref)]);
  }
  const members = listStaff(ctx.db, region);
  if (members.length === 0) {
    ctx.io.out(region ? `No staff in region ${region}.` : 'No staff yet.');
    return 0;
  }
  const ids = members.map((m) => m.id);
  const councils = councilsOf(ctx.db, ids);
  const wards = wardsOf(ctx.db, ids);
  const open = countOpenByAssignee(ctx.db, ids);
  const columns = [
    { header: 'id', align: 'right' as const },
    { header: 'name' },
    { header: 'phone' },
    { header: 'role' },
    { header: 'region' },
    { header: 'councils' },
    { header: 'lang' },
    { header: 'active' },
    { header: 'open', align: 'right' as const },
  ];
  const rows = members.map((m) => [
    String(m.id),
    m.name,
    m.phone,
    m.role,
    m.regionCode ?? '-',
    coverage(m, councils.get(m.id) ?? [], wards.get(m.id) ?? []),
    m.language,
    m.active ? 'yes' : 'no',
    String(open.get(m.id) ?? 0),
  ]);
  for (const line of formatTable(columns, rows)) ctx.io.out(line);
  return 0;
}

function staffSetActive(ctx: CliContext, args: string[], active: boolean): number {
  const parsed = parseCommandArgs(args, {}, { min: 1, max: 1, names: '<phone>' });
  if (!parsed.ok) return reportErrors(ctx.io, parsed.errors);
  const phone = parsed.value.positionals[0] ?? '';
  if (active) {
    const result = activateStaff(ctx.db, notify(ctx), phone);
    if (!result.ok) return reportErrors(ctx.io, result.errors);
    ctx.io.out(`Activated ${result.value.name} (${result.value.phone}).`);
    return 0;
  }
  const result = deactivateStaff(ctx.db, notify(ctx), phone);
  if (!result.ok) return reportErrors(ctx.io, result.errors);
  const { staff, reassigned } = result.value;
  ctx.io.out(
    `Deactivated ${staff.name} (${staff.phone}): ${plural(reassigned, 'open complaint')} reassigned.`,
  );
  return 0;
}

/**
 * A new sign-in phone at once: the operator on the server is trusted with the database anyway,
 * so no code is asked for; the change is not silent for all that (old phone told, sessions
 * ended, audit row).
 */
function staffPhone(ctx: CliContext, args: string[]): number {
  const parsed = parseCommandArgs(args, {}, { min: 2, max: 2, names: '<phone> <new-phone>' });
  if (!parsed.ok) return reportErrors(ctx.io, parsed.errors);
  const [phone = '', next = ''] = parsed.value.positionals;
  const result = changePhoneNow(ctx.db, notify(ctx), phone, next);
  if (!result.ok) return reportErrors(ctx.io, result.errors);
  const { member, oldPhone, sessionsEnded } = result.value;
  const ended =
    sessionsEnded === 1 ? '1 console session was' : `${sessionsEnded} console sessions were`;
  ctx.io.out(
    `Changed the sign-in phone of ${member.name} from ${oldPhone} to ${member.phone}; the old phone is told by SMS and ${ended} ended.`,
  );
  return 0;
}

function staffImport(ctx: CliContext, args: string[]): number {
  const parsed = parseCommandArgs(args, {}, { min: 1, max: 1, names: '<file.csv>' });
  if (!parsed.ok) return reportErrors(ctx.io, parsed.errors);
  const file = parsed.value.positionals[0] ?? '';
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'unreadable';
    return reportErrors(ctx.io, [`cannot read ${file} (${code})`]);
  }
  const result = importStaffCsv(ctx.db, notify(ctx), text);
  if (!result.ok) {
    reportErrors(ctx.io, result.errors);
    ctx.io.err(`Nothing imported from ${file}.`);
    return 1;
  }
  ctx.io.out(`Imported ${plural(result.value.length, 'staff member')} from ${file}.`);
  return 0;
}

export const staffUsage = [
  'staff add --name <name> --phone <phone> --role officer|supervisor|hq [--region <code>]',
  '          [--councils <code,code>] [--wards <code,code>] [--lang sw|en]',
  '                             --wards: ward codes or names, comma-separated (kero wards',
  "                             <council>); a ward officer gets those wards' complaints first",
  'staff list [--region <code>]',
  'staff deactivate <phone>     open complaints move to colleagues',
  'staff activate <phone>',
  'staff phone <phone> <new-phone>',
  '                             a new sign-in phone at once: the old phone is told by SMS,',
  '                             console sessions end, the audit log keeps it',
  'staff import <file.csv>      columns name,phone,role,region,councils,wards,lang; all or',
  '                             nothing',
];

/** Runs `kero staff <sub> …`; undefined when the subcommand is unknown. */
export function runStaffCommand(ctx: CliContext, args: string[]): number | undefined {
  const [sub, ...rest] = args;
  switch (sub) {
    case 'add':
      return staffAdd(ctx, rest);
    case 'list':
      return staffList(ctx, rest);
    case 'deactivate':
      return staffSetActive(ctx, rest, false);
    case 'activate':
      return staffSetActive(ctx, rest, true);
    case 'import':
      return staffImport(ctx, rest);
    case 'phone':
      return staffPhone(ctx, rest);
    default:
      return undefined;
  }
}

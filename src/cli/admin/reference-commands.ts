/**
 * `kero regions`, `kero councils [--region <code>]` and `kero wards <council>`: the codes staff,
 * reports and CSV imports take, with their names in both languages.
 */
import { deploymentOf } from '../../deps';
import { loadReferenceData } from '../../reference/repository';
import { unknownCouncil, unknownRegion } from '../../reference/suggestions';
import { loadWardList } from '../../reference/wards';
import { parseCommandArgs, reportErrors, type CliContext } from './args';
import { formatTable } from './table';

export const referenceUsage = [
  'regions                      region codes and names (and whether the USSD picker offers them)',
  'councils [--region <code>]   council codes and names, Kiswahili and English',
  'wards <council>              the wards of a council: code (postcode), name, villages',
];

export function runRegionsCommand(ctx: CliContext, args: string[]): number {
  const parsed = parseCommandArgs(args, {});
  if (!parsed.ok) return reportErrors(ctx.io, parsed.errors);
  const ref = loadReferenceData(ctx.db, deploymentOf(ctx.config));
  const offered = new Set(ref.pickerRegions.map((r) => r.code));
  const rows = ref.regions.map((r) => [
    r.code,
    r.label.en,
    String(ref.councilsByRegion.get(r.code)?.length ?? 0),
    r.mainland ? 'mainland' : 'Zanzibar',
    offered.has(r.code) ? 'yes' : 'no (REGIONS=all offers it)',
  ]);
  const columns = [
    { header: 'code' },
    { header: 'region' },
    { header: 'councils', align: 'right' as const },
    { header: 'part' },
    { header: 'on USSD' },
  ];
  for (const line of formatTable(columns, rows)) ctx.io.out(line);
  return 0;
}

export function runCouncilsCommand(ctx: CliContext, args: string[]): number {
  const parsed = parseCommandArgs(args, { region: { type: 'string' } });
  if (!parsed.ok) return reportErrors(ctx.io, parsed.errors);
  const ref = loadReferenceData(ctx.db, deploymentOf(ctx.config));
  const region = parsed.value.values.region?.trim().toUpperCase();
  if (region !== undefined && !ref.councilsByRegion.has(region)) {
    return reportErrors(ctx.io, [`--region: ${unknownRegion(region, ref)}`]);
  }
  const regions = region === undefined ? ref.regions : ref.regions.filter((r) => r.code === region);
  const rows = regions.flatMap((r) =>
    (ref.councilsByRegion.get(r.code) ?? []).map((c) => [
      c.code,
      r.label.en,
      c.label.sw,
      c.label.en,
    ]),
  );
  const columns = [
    { header: 'code' },
    { header: 'region' },
    { header: 'jina' },
    { header: 'name' },
  ];
  for (const line of formatTable(columns, rows)) ctx.io.out(line);
  return 0;
}

/** Villages shown per ward before "…": the list is for finding a ward, not reading them all. */
const VILLAGES_SHOWN = 4;

export function runWardsCommand(ctx: CliContext, args: string[]): number {
  const parsed = parseCommandArgs(args, {}, { min: 1, max: 1, names: '<council>' });
  if (!parsed.ok) return reportErrors(ctx.io, parsed.errors);
  const ref = loadReferenceData(ctx.db, deploymentOf(ctx.config));
  const council = (parsed.value.positionals[0] ?? '').trim().toUpperCase();
  if (!ref.councilLabels.has(council)) return reportErrors(ctx.io, [unknownCouncil(council, ref)]);
  const wards = loadWardList().byCouncil.get(council);
  if (!wards) {
    ctx.io.out(`${council} has no ward list yet: complaints there keep the place as typed.`);
    return 0;
  }
  const rows = [...wards]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((w) => [
      w.code,
      w.name,
      String(w.villages.length),
      w.villages.slice(0, VILLAGES_SHOWN).join(', ') +
        (w.villages.length > VILLAGES_SHOWN ? ', ...' : ''),
    ]);
  const columns = [
    { header: 'code' },
    { header: 'ward' },
    { header: 'villages', align: 'right' as const },
    { header: 'some of them' },
  ];
  for (const line of formatTable(columns, rows)) ctx.io.out(line);
  return 0;
}

/**
 * `kero regions` and `kero councils [--region <code>]`: the codes staff, reports and CSV imports
 * take, with their names in both languages.
 */
import { deploymentOf } from '../../deps';
import { loadReferenceData } from '../../reference/repository';
import { unknownRegion } from '../../reference/suggestions';
import { parseCommandArgs, reportErrors, type CliContext } from './args';
import { formatTable } from './table';

export const referenceUsage = [
  'regions                      region codes and names (and whether the USSD picker offers them)',
  'councils [--region <code>]   council codes and names, Kiswahili and English',
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

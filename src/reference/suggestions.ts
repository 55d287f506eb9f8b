/**
 * What to say about a region or council code nobody knows: the closest codes by name (former
 * names too: Ilala is now DAR-DAC) or by a typo, and where the whole list is. The names come from
 * the file the reference tables are seeded from (db/seed/tz-admin-units.json), which keeps former
 * names the tables do not.
 */
import { loadAdminUnits } from '../../db/seed/seed';
import { closestUnits, nameMatched, type NamedUnit } from './core/closest';
import type { ReferenceData } from './types';

let names: Map<string, string[]> | undefined;

/** Every name of each region and council by code: short names first, then full and former ones. */
function unitNames(): Map<string, string[]> {
  if (names) return names;
  names = new Map();
  for (const r of loadAdminUnits()) {
    names.set(r.code, [r.name]);
    for (const c of r.councils) {
      names.set(c.code, [c.short, c.short_sw, c.name, c.name_sw, ...(c.aliases ?? [])]);
    }
  }
  return names;
}

const named = (code: string, shown: string): NamedUnit => ({
  code,
  names: [shown, ...(unitNames().get(code) ?? [])],
});

/** `DAR-DAC Dar es Salaam CC (also Ilala)`: the code, its name, and the former name it matched. */
function describe(typed: string, unit: NamedUnit): string {
  const shown = unit.names[0] ?? '';
  const letters = typed.split('-').pop() ?? typed;
  const matched = nameMatched(letters, unit);
  const byShownName = nameMatched(letters, { code: unit.code, names: [shown] });
  return `${unit.code} ${shown}${matched && !byShownName ? ` (also ${matched})` : ''}`;
}

const closestText = (typed: string, units: NamedUnit[], maxDistance: number) => {
  const closest = closestUnits(typed, units, { maxDistance });
  return closest.length > 0
    ? `did you mean ${closest.map((u) => describe(typed, u)).join(', ')}? `
    : '';
};

/** `unknown region ARS (did you mean ARU Arusha? every code: kero regions)`. */
export function unknownRegion(typed: string, ref: ReferenceData): string {
  const units = ref.regions.map((r) => named(r.code, r.label.en));
  // Three letters: two typos away is most of the list.
  return `unknown region ${typed} (${closestText(typed, units, 1)}every code: kero regions)`;
}

/**
 * `unknown council DAR-ILM (did you mean DAR-DAC Dar es Salaam CC (also Ilala)? every code:
 * kero councils --region DAR)`. Looks in `regionCode` when it is a region, else in the region
 * the code starts with, else everywhere.
 */
export function unknownCouncil(typed: string, ref: ReferenceData, regionCode?: string): string {
  const region = [regionCode, typed.split('-')[0]].find((r) => r && ref.councilsByRegion.has(r));
  const councils = region
    ? (ref.councilsByRegion.get(region) ?? [])
    : [...ref.councilsByRegion.values()].flat();
  const units = councils.map((c) => named(c.code, c.label.en));
  const list = region ? `kero councils --region ${region}` : 'kero councils';
  return `unknown council ${typed} (${closestText(typed, units, 2)}every code: ${list})`;
}

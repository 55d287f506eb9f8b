/**
 * Populations of regions and councils (NBS 2022 census), for rates per 10,000 people. Read from
 * the same file the reference tables are seeded from (db/seed/tz-admin-units.json): the tables
 * keep names only, and a census figure changes with a new census, not with a deploy.
 */
import { z } from 'zod';
import adminUnits from '../../db/seed/tz-admin-units.json';

const unitsSchema = z.object({
  regions: z.array(
    z.object({
      code: z.string(),
      population_2022: z.number().optional(),
      councils: z.array(z.object({ code: z.string(), population_2022: z.number().optional() })),
    }),
  ),
});

/** Population by region code and by council code; a unit without a figure is absent. */
export function loadPopulations(): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of unitsSchema.parse(adminUnits).regions) {
    if (r.population_2022 !== undefined) out.set(r.code, r.population_2022);
    for (const c of r.councils) {
      if (c.population_2022 !== undefined) out.set(c.code, c.population_2022);
    }
  }
  return out;
}

/**
 * Wards and their streets or villages for each mainland council: the national postcode list
 * (db/seed/tz-wards.json, MIT, its licence beside it) through the hand-reviewed table of which
 * postcode districts serve which council (db/seed/ward-districts.ts). Read like the seed reads
 * tz-admin-units.json (a JSON import, so the build carries it), validated once, kept for the
 * process. Divisions (tarafa) are not in the list.
 */
import { z } from 'zod';
import { wardDistricts } from '../../db/seed/ward-districts';
import postcodeList from '../../db/seed/tz-wards.json';
import { buildWardList, type WardList } from './core/ward-list';

export type { Ward, WardList } from './core/ward-list';
export { titleCase } from './core/title-case';

const listSchema = z.object({
  regions: z.array(
    z.object({
      region: z.string(),
      districts: z.array(
        z.object({
          district: z.string(),
          postcode: z.string(),
          wards: z.array(
            z.object({
              ward: z.string(),
              postcode: z.string().nullish(),
              streetsOrVillages: z.array(z.string()),
            }),
          ),
        }),
      ),
    }),
  ),
});

let wardList: WardList | undefined;

/** The ward list, parsed and built on the first call (about 4,000 wards), the same one after. */
export function loadWardList(): WardList {
  wardList ??= buildWardList(listSchema.parse(postcodeList), wardDistricts);
  return wardList;
}

/**
 * Reference data: Tanzania's regions and councils (NBS 2022 census, tz-admin-units.json, copied here
 * so a clone needs nothing outside the repo) and the first release's complaint categories.
 * Idempotent: regions and councils upserted, categories only added when missing.
 */
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { z } from 'zod';
import adminUnits from './tz-admin-units.json';
import { categories, councils, regions } from '../schema';
import { translate } from '../../src/text/translate';
import type * as schema from '../schema';

export const categoryCodes = [
  'health',
  'education',
  'water',
  'roads',
  'land',
  'agriculture',
  'council_services',
  'corruption',
  'other',
] as const;
export type CategoryCode = (typeof categoryCodes)[number];

const unitsSchema = z.object({
  regions: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      mainland: z.boolean(),
      councils: z.array(
        z.object({
          code: z.string(),
          name: z.string(),
          name_sw: z.string(),
          short: z.string(),
          short_sw: z.string(),
          type: z.string(),
          /** Names it had before (Ilala MC for Dar es Salaam CC): the CLI's suggestions. */
          aliases: z.array(z.string()).optional(),
        }),
      ),
    }),
  ),
});

/** Regions in the order the menus list them: mainland alphabetically, then Zanzibar. */
export function loadAdminUnits() {
  const parsed = unitsSchema.parse(adminUnits);
  return [...parsed.regions].sort(
    (a, b) => Number(b.mainland) - Number(a.mainland) || a.name.localeCompare(b.name),
  );
}

type SeedDb = Pick<BetterSQLite3Database<typeof schema>, 'insert'>;

/** Regions and councils, names kept current at every start. */
export function seedAdminUnits(tx: SeedDb): void {
  loadAdminUnits().forEach((r, i) => {
    tx.insert(regions)
      .values({ code: r.code, name: r.name, mainland: r.mainland, position: i + 1 })
      .onConflictDoUpdate({
        target: regions.code,
        set: { name: r.name, mainland: r.mainland, position: i + 1 },
      })
      .run();
    r.councils.forEach((c, j) => {
      const row = {
        regionCode: r.code,
        name: c.name,
        nameSw: c.name_sw,
        short: c.short,
        shortSw: c.short_sw,
        type: c.type,
        position: j + 1,
      };
      tx.insert(councils)
        .values({ code: c.code, ...row })
        .onConflictDoUpdate({ target: councils.code, set: row })
        .run();
    });
  });
}

export function seedReferenceData(db: BetterSQLite3Database<typeof schema>): void {
  db.transaction((tx) => {
    seedAdminUnits(tx);
    // The first release's categories, once: after that they are the centre's to rename, reorder
    // and retire in the console, and a restart must not undo that.
    categoryCodes.forEach((code, i) => {
      tx.insert(categories)
        .values({
          code,
          position: i + 1,
          nameSw: translate(`category.${code}`, 'sw'),
          nameEn: translate(`category.${code}`, 'en'),
        })
        .onConflictDoNothing()
        .run();
    });
  });
}

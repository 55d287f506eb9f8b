/**
 * Reference data (regions, councils, categories) read at start. Regions and councils only change
 * with a deploy; categories change when headquarters edits them, and are read again then
 * (`readCategories`, src/reference/categories.ts), so the request path never queries them.
 */
import { asc } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { categories, councils, regions } from '../../db/schema';
import { DEFAULT_ORGANISATION } from '../text/org';
import { setCategoryNames } from '../text/labels';
import type { CategoryItem, Deployment, RefItem, ReferenceData, RegionItem } from './types';

/** PO-RALG's deployment: the mainland regions, its names. */
export const DEFAULT_DEPLOYMENT: Deployment = { regions: 'mainland', org: DEFAULT_ORGANISATION };

/** The reference data from the database, as `deployment` (the configuration) presents it. */
export function loadReferenceData(
  db: Db,
  deployment: Deployment = DEFAULT_DEPLOYMENT,
): ReferenceData {
  const regionRows = db.select().from(regions).orderBy(asc(regions.position)).all();
  const councilRows = db.select().from(councils).orderBy(asc(councils.position)).all();
  const councilsByRegion = new Map<string, RefItem[]>();
  const councilLabels = new Map<string, { sw: string; en: string }>();
  for (const c of councilRows) {
    const label = { sw: c.shortSw, en: c.short };
    councilLabels.set(c.code, label);
    const list = councilsByRegion.get(c.regionCode) ?? [];
    list.push({ code: c.code, label });
    councilsByRegion.set(c.regionCode, list);
  }
  const all: RegionItem[] = regionRows.map((r) => ({
    code: r.code,
    label: { sw: r.name, en: r.name },
    mainland: r.mainland,
  }));
  return {
    regions: all,
    pickerRegions: deployment.regions === 'all' ? all : all.filter((r) => r.mainland),
    org: deployment.org,
    ...(deployment.statusUrl ? { statusUrl: deployment.statusUrl } : {}),
    councilsByRegion,
    councilLabels,
    ...readCategories(db),
  };
}

/**
 * The categories as reference data: the active codes in order and every category by code. Also
 * names them for `codeLabel` (src/text/labels.ts), the one place category names are read from.
 */
export function readCategories(db: Db): Pick<ReferenceData, 'categories' | 'categoryInfo'> {
  const rows = db.select().from(categories).orderBy(asc(categories.position)).all();
  const categoryInfo = new Map<string, CategoryItem>(
    rows.map((c) => [
      c.code,
      {
        code: c.code,
        label: { sw: c.nameSw || c.code, en: c.nameEn || c.code },
        firstResponseDays: c.firstResponseDays,
        resolutionDays: c.resolutionDays,
        public: c.public,
        retired: c.retiredAt !== null,
      },
    ]),
  );
  nameCategories(categoryInfo);
  return {
    categories: rows.filter((c) => c.retiredAt === null).map((c) => c.code),
    categoryInfo,
  };
}

/** Names the categories for `codeLabel` in this thread. */
export function nameCategories(info: ReadonlyMap<string, CategoryItem>): void {
  setCategoryNames(new Map([...info].map(([code, c]) => [code, c.label])));
}

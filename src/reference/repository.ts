/**
 * Reference data (regions, councils, categories) read once at start: it only changes with a
 * deploy, so the request path never queries it.
 */
import { asc } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { categories, councils, regions } from '../../db/schema';
import { DEFAULT_ORGANISATION } from '../text/org';
import type { Deployment, RefItem, ReferenceData, RegionItem } from './types';

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
    councilsByRegion,
    councilLabels,
    categories: db
      .select()
      .from(categories)
      .orderBy(asc(categories.position))
      .all()
      .map((c) => c.code),
  };
}

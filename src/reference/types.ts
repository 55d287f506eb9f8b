/**
 * Reference data as the rest of Kero sees it: regions, councils and categories, named; and what
 * the deployment's configuration makes of them (the regions the USSD picker offers, the
 * organisation's name). Loaded at start; categories again whenever headquarters changes them
 * (src/reference/categories.ts).
 */
import type { Organisation } from '../text/org';

/** A region, council or category as lists show it: its code and its name in both languages. */
export interface RefItem {
  code: string;
  label: { sw: string; en: string };
}

export interface RegionItem extends RefItem {
  /** One of the 26 mainland regions (else Zanzibar's). */
  mainland: boolean;
}

/** What a deployment's configuration decides about its reference data (REGIONS, ORG_*). */
export interface Deployment {
  /** The regions the USSD picker offers: the 26 mainland regions (PO-RALG's), or all 31. */
  regions: 'mainland' | 'all';
  org: Organisation;
  /** The public status page's address (PUBLIC_URL + /status), linked from acknowledgements. */
  statusUrl?: string;
}

/** A category as headquarters keeps it (db/schema.ts categories). */
export interface CategoryItem extends RefItem {
  /** Working days to a first response; null: the configured SLA_FIRST_RESPONSE_DAYS. */
  firstResponseDays: number | null;
  /** Calendar days to resolution; null: the configured SLA_RESOLUTION_DAYS. */
  resolutionDays: number | null;
  /** Whether Open311 lists it and its complaints. */
  public: boolean;
  /** Retired: kept on old complaints, gone from menus and forms. */
  retired: boolean;
}

export interface ReferenceData {
  /** Every region, Zanzibar's too: complaints filed in any of them stay readable and trackable. */
  regions: RegionItem[];
  /** The regions the USSD region picker offers (Deployment.regions). */
  pickerRegions: RegionItem[];
  org: Organisation;
  /** Deployment.statusUrl: when set, an acknowledgement SMS links there if it still fits. */
  statusUrl?: string;
  councilsByRegion: Map<string, RefItem[]>;
  councilLabels: Map<string, { sw: string; en: string }>;
  /** The active categories' codes in menu order (what menus, forms and filters offer). */
  categories: string[];
  /** Every category, retired ones too, by code, in menu order. */
  categoryInfo: Map<string, CategoryItem>;
}

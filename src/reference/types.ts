/**
 * Reference data as the rest of Kero sees it: regions, councils and categories, named; and what
 * the deployment's configuration makes of them (the regions the USSD picker offers, the
 * organisation's name). Loaded once at start.
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
}

export interface ReferenceData {
  /** Every region, Zanzibar's too: complaints filed in any of them stay readable and trackable. */
  regions: RegionItem[];
  /** The regions the USSD region picker offers (Deployment.regions). */
  pickerRegions: RegionItem[];
  org: Organisation;
  councilsByRegion: Map<string, RefItem[]>;
  councilLabels: Map<string, { sw: string; en: string }>;
  categories: string[];
}

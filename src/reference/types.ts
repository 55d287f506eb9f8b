/** Reference data as the rest of Kero sees it: regions, councils and categories, named. */
/** A region, council or category as lists show it: its code and its name in both languages. */
export interface RefItem {
  code: string;
  label: { sw: string; en: string };
}

export interface RegionItem extends RefItem {
  /** One of the 26 mainland regions (else Zanzibar's). */
  mainland: boolean;
}

export interface ReferenceData {
  regions: RegionItem[];
  councilsByRegion: Map<string, RefItem[]>;
  councilLabels: Map<string, { sw: string; en: string }>;
  categories: string[];
}

/**
 * Each council's wards and their streets or villages, from the national postcode list and the
 * table of the postcode districts that serve each council (db/seed/ward-districts.ts). Pure: both
 * come in as arguments. The list was typed in a spreadsheet, and fill-down left its marks, which
 * are mended here within each postcode district:
 * - one ward on several rows, its postcode counting up (MNADANI 41213, 41214, 41215; KASHAI
 *   35108 to 35116): one ward, its first valid postcode, the villages of every row;
 * - one ward on several rows, its name counting up beside one postcode (KITAMA 1 to KITAMA 23,
 *   all 63302): one ward under the lowest-numbered name;
 * - a postcode that is not five digits or not of its district (678010 in MALINYI, 73733 in KYELA):
 *   none;
 * - names as printed by titleCase; empty names left out, a ward's villages once each.
 */
import { titleCase } from './title-case';

export interface Ward {
  /**
   * Stable within Kero: the ward's five-digit postcode; a repeated postcode gets '-2', '-3' … in
   * list order. A ward without a postcode has its district's postcode padded with zeros (67800),
   * a number no ward has.
   */
  code: string;
  /** Title case: "Makole", "Ng'onng'onha", "Mtambani A", "Kariakoo Magharibi". */
  name: string;
  /** Five digits, null when the source has none (or a malformed one). */
  postcode: string | null;
  /**
   * The council this ward is listed under (a ward of a district shared by two councils appears
   * in both lists, with the same code).
   */
  councilCode: string;
  /** Streets/villages, title case, de-duplicated, list order. */
  villages: readonly string[];
}

export interface WardList {
  /** Every mainland council code with wards, in code order; each council's wards in list order. */
  byCouncil: ReadonlyMap<string, readonly Ward[]>;
  /**
   * Every listed ward once. A ward of a district two councils share is here as listed under the
   * first of them by council code: byCouncil has it under each.
   */
  byCode: ReadonlyMap<string, Ward>;
  /** Every listed ward's code → the councils whose lists have it (two for a shared district). */
  councilsOf: ReadonlyMap<string, readonly string[]>;
  /** Mainland councils with no ward list yet (they keep free text). */
  noList: readonly string[];
}

/** The postcode list as db/seed/tz-wards.json holds it (validated by the caller). */
export interface PostcodeList {
  regions: readonly {
    region: string;
    districts: readonly {
      district: string;
      postcode: string;
      wards: readonly {
        ward: string;
        postcode?: string | null | undefined;
        streetsOrVillages: readonly string[];
      }[];
    }[];
  }[];
}

/** Council code → its region and postcode districts in the list, or null: no ward list yet. */
export type CouncilDistricts = Readonly<
  Record<string, { region: string; districts: readonly string[] } | null>
>;

type ListWard = PostcodeList['regions'][number]['districts'][number]['wards'][number];
type Row = { name: string; postcode: string | null; villages: string[] };
type CodedWard = Omit<Ward, 'councilCode'>;

const districtKey = (region: string, district: string) => `${region}/${district}`;

const validPostcode = (raw: string | null | undefined, districtPostcode: string) =>
  raw && /^\d{5}$/.test(raw) && raw.startsWith(districtPostcode) ? raw : null;

/** KITAMA 12 → KITAMA, 12. */
const SERIES = /^(.*\S) (\d+)$/;
const seriesNumber = (name: string) => Number(SERIES.exec(name)?.[2] ?? Infinity);

/** The key that makes rows one ward: the name, or the postcode and name stem of a series. */
function mergeKeys(rows: readonly Row[]): string[] {
  const series = (row: Row) => {
    const stem = SERIES.exec(row.name)?.[1];
    return stem && row.postcode ? `${row.postcode} ${stem}` : undefined;
  };
  const counts = new Map<string, number>();
  for (const key of rows.map(series)) if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
  return rows.map((row) => {
    const key = series(row);
    return key && (counts.get(key) ?? 0) > 1 ? `series ${key}` : `name ${row.name}`;
  });
}

/** One postcode district's wards, mended (see the top of this file), without codes yet. */
function districtWards(wards: readonly ListWard[], districtPostcode: string): Row[] {
  const rows = wards
    .map((w) => ({
      name: titleCase(w.ward),
      postcode: validPostcode(w.postcode, districtPostcode),
      villages: w.streetsOrVillages.map(titleCase),
    }))
    .filter((row) => row.name !== '');
  const keys = mergeKeys(rows);
  const merged = new Map<string, Row>();
  rows.forEach((row, i) => {
    const key = keys[i] ?? '';
    const into = merged.get(key);
    if (!into) {
      merged.set(key, { ...row, villages: [...row.villages] });
      return;
    }
    into.postcode ??= row.postcode;
    into.villages.push(...row.villages);
    if (seriesNumber(row.name) < seriesNumber(into.name)) into.name = row.name;
  });
  return [...merged.values()].map((row) => ({
    ...row,
    villages: [...new Set(row.villages.filter((v) => v !== ''))],
  }));
}

/** Every district's wards with their codes, by region and district. */
function codedWards(list: PostcodeList): Map<string, CodedWard[]> {
  const seen = new Map<string, number>();
  const out = new Map<string, CodedWard[]>();
  for (const region of list.regions) {
    for (const d of region.districts) {
      const wards = districtWards(d.wards, d.postcode).map((w) => {
        const base = w.postcode ?? d.postcode.padEnd(5, '0');
        const n = (seen.get(base) ?? 0) + 1;
        seen.set(base, n);
        return { code: n === 1 ? base : `${base}-${n}`, ...w };
      });
      const key = districtKey(region.region, d.district);
      out.set(key, [...(out.get(key) ?? []), ...wards]);
    }
  }
  return out;
}

/**
 * Pure. The ward list of every council in `table`. Throws when the table names a district the
 * list does not have (a typo in the table, a programmer's error).
 */
export function buildWardList(list: PostcodeList, table: CouncilDistricts): WardList {
  const coded = codedWards(list);
  const byCouncil = new Map<string, readonly Ward[]>();
  const byCode = new Map<string, Ward>();
  const councilsOf = new Map<string, string[]>();
  const noList: string[] = [];
  for (const councilCode of Object.keys(table).sort()) {
    const entry = table[councilCode];
    const wards = (entry?.districts ?? []).flatMap((district) => {
      const found = coded.get(districtKey(entry?.region ?? '', district));
      if (!found) {
        throw new Error(
          `ward districts: ${councilCode} names ${entry?.region}/${district}, not in the postcode list`,
        );
      }
      return found.map((w) => ({ ...w, councilCode }));
    });
    if (wards.length === 0) {
      noList.push(councilCode);
      continue;
    }
    byCouncil.set(councilCode, wards);
    for (const w of wards) {
      if (!byCode.has(w.code)) byCode.set(w.code, w);
      councilsOf.set(w.code, [...(councilsOf.get(w.code) ?? []), councilCode]);
    }
  }
  return { byCouncil, byCode, councilsOf, noList };
}

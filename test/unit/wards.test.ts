/**
 * The ward list Kero ships (src/reference/wards.ts): the national postcode list through the
 * hand-reviewed table db/seed/ward-districts.ts, checked against the councils of
 * db/seed/tz-admin-units.json. The coverage test prints which mainland councils have wards.
 */
import { isDeepStrictEqual as isDeepEqual } from 'node:util';
import { loadAdminUnits } from '../../db/seed/seed';
import postcodeList from '../../db/seed/tz-wards.json';
import { wardDistricts } from '../../db/seed/ward-districts';
import { loadWardList, type Ward } from '../../src/reference/wards';

const units = loadAdminUnits();
const mainland = units.filter((r) => r.mainland).flatMap((r) => r.councils.map((c) => c.code));
const regionOf = new Map(units.flatMap((r) => r.councils.map((c) => [c.code, r] as const)));
const wards = loadWardList();
const listed = [...wards.byCouncil.values()].flat();
const sameWard = (w: Ward) => ({
  code: w.code,
  name: w.name,
  postcode: w.postcode,
  villages: w.villages,
});
const letters = (s: string) => s.toUpperCase().replace(/[^A-Z]/g, '');

test('when every mainland council is looked up, then it has wards or is listed as having none yet, never both and never neither', () => {
  const withWards = mainland.filter((c) => wards.byCouncil.has(c));
  const without = mainland.filter((c) => !wards.byCouncil.has(c));
  console.log(
    `Wards: ${withWards.length} of ${mainland.length} mainland councils have a ward list ` +
      `(${wards.byCode.size} wards); no ward list yet: ${without.join(', ') || 'none'}`,
  );

  expect(mainland).toHaveLength(184);
  expect(without).toEqual([...wards.noList]);
  expect(wards.noList.filter((c) => wards.byCouncil.has(c))).toEqual([]);
  expect([...wards.byCouncil.keys()].filter((c) => !mainland.includes(c))).toEqual([]);
});

test('when the table is read, then each line is a mainland council of tz-admin-units.json in its own region, in code order', () => {
  const codes = Object.keys(wardDistricts);
  const wrong = Object.entries(wardDistricts)
    .filter(([code, entry]) => {
      const region = regionOf.get(code);
      return !region?.mainland || (entry && letters(entry.region) !== letters(region.name));
    })
    .map(([code]) => code);

  expect(wrong).toEqual([]);
  expect(codes).toEqual([...codes].sort());
  expect([...codes].sort()).toEqual([...mainland].sort());
});

test('when the table is read, then every postcode district of the list serves some council', () => {
  const used = new Set(
    Object.values(wardDistricts).flatMap((e) => e?.districts.map((d) => `${e.region}/${d}`) ?? []),
  );
  const districts = postcodeList.regions.flatMap((r) =>
    r.districts.map((d) => `${r.region}/${d.district}`),
  );

  expect(districts).toHaveLength(158);
  expect(districts.filter((d) => !used.has(d))).toEqual([]);
});

test('when Dodoma City is looked up, then it has Makole, postcode 41105, and the 41 wards of both its postcode districts', () => {
  const dodoma = wards.byCouncil.get('DOD-DOC') ?? [];

  expect(dodoma.find((w) => w.name === 'Makole')).toMatchObject({
    code: '41105',
    postcode: '41105',
    councilCode: 'DOD-DOC',
  });
  expect(dodoma).toHaveLength(41);
  expect(dodoma.filter((w) => w.name === 'Mnadani')).toHaveLength(1);
});

test('when a code is looked up, then it names one ward, whichever council lists it', () => {
  const byCode = new Map<string, ReturnType<typeof sameWard>[]>();
  for (const w of listed) byCode.set(w.code, [...(byCode.get(w.code) ?? []), sameWard(w)]);
  const differing = [...byCode].filter(([, all]) => all.some((w) => !isDeepEqual(w, all[0])));

  expect(differing.map(([code]) => code)).toEqual([]);
  expect([...wards.byCode].filter(([code, w]) => code !== w.code)).toEqual([]);
  expect(wards.byCode.size).toBe(byCode.size);
});

test("when a council's ward list is read, then each ward is in byCode, under that council, once", () => {
  for (const [council, list] of wards.byCouncil) {
    expect([council, list.filter((w) => w.councilCode !== council)]).toEqual([council, []]);
    expect([council, new Set(list.map((w) => w.code)).size]).toEqual([council, list.length]);
  }
  const missing = listed.filter((w) => {
    const found = wards.byCode.get(w.code);
    return !found || !isDeepEqual(sameWard(found), sameWard(w));
  });
  expect(missing.map((w) => w.code)).toEqual([]);
});

test('when a district serves two councils, then each lists all its wards (Kahama: the municipality, Msalala and Ushetu)', () => {
  const codes = (council: string) => wards.byCouncil.get(council)?.map((w) => w.code);

  expect(codes('SHI-KAM')).toHaveLength(58);
  expect(codes('SHI-MSD')).toEqual(codes('SHI-KAM'));
  expect(codes('SHI-USD')).toEqual(codes('SHI-KAM'));
  expect(wards.byCode.get(codes('SHI-USD')?.[0] ?? '')?.councilCode).toBe('SHI-KAM');
});

test("when the list's quirks are read, then names are clean, villages are listed once and the fill-down rows are one ward", () => {
  const names = listed.flatMap((w) => [w.name, ...w.villages]);
  const tandahimba = wards.byCouncil.get('MTW-TAD')?.map((w) => w.name) ?? [];

  expect(names.filter((n) => !/^[A-Z0-9]/.test(n) || /["’‘`*]|\s{2}|^\s|\s$/.test(n))).toEqual([]);
  expect(listed.filter((w) => new Set(w.villages).size !== w.villages.length)).toEqual([]);
  expect(tandahimba.filter((n) => n.startsWith('Kitama'))).toEqual(['Kitama 1']);
  const noPostcode = [...wards.byCode.values()].filter((w) => w.postcode === null);
  expect(noPostcode.map((w) => [w.code, w.name]).sort()).toEqual([
    ['53700', 'Njisi'],
    ['57200', 'Lituta'],
    ['67800', 'Kilosampepo'],
  ]);
});

test('when the list is loaded twice, then it is parsed once', () => {
  expect(loadWardList()).toBe(wards);
});

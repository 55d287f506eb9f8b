/** Title case and the mending of the postcode list's quirks (src/reference/core/). */
import { titleCase } from '../../src/reference/core/title-case';
import { buildWardList, type PostcodeList } from '../../src/reference/core/ward-list';

test.each([
  ['MAKOLE', 'Makole'],
  ["NG'ONG'ONHA", "Ng'ong'onha"],
  ['NG’OMBENI', "Ng'ombeni"],
  ['KARIAKOO MAGHARIBI', 'Kariakoo Magharibi'],
  ['MTAMBANI "A"', 'Mtambani A'],
  ["KISESA 'A'", 'Kisesa A'],
  ['KIKWAKWARU‘B’', 'Kikwakwaru B'],
  ['MALOLO"A"', 'Malolo A'],
  ["BWAWANI B'", 'Bwawani B'],
  ["IGAGA''B''", 'Igaga B'],
  ['KIMBUGU "B"*', 'Kimbugu B'],
  ['JONUG”HA', "Jonug'ha"],
  ["HANANG'", 'Hanang'],
  ['DARAJA II', 'Daraja II'],
  ['IHEMBE I', 'Ihembe I'],
  ['KISESE - SAUNA', 'Kisese-Sauna'],
  ['OLOIRIEN/ MAGAIDURU', 'Oloirien/Magaiduru'],
  ['NZERA(NZELA)', 'Nzera (Nzela)'],
  ['K.K.K.T', 'K.K.K.T'],
  ['MAJENGO MAPYA.', 'Majengo Mapya'],
  ['  KIVUKONI   SEA  VIEW ', 'Kivukoni Sea View'],
  ['ELANGÁTADAPASH', 'Elangatadapash'],
  ['"  "', ''],
])('when %j is title-cased, then it reads %j', (upper, expected) => {
  expect(titleCase(upper)).toBe(expected);
});

const ward = (name: string, postcode: string | null, villages: string[] = []) => ({
  ward: name,
  postcode,
  streetsOrVillages: villages,
});

/** Two regions, three districts: what the real list does, in a few rows. */
const list: PostcodeList = {
  regions: [
    {
      region: 'DODOMA',
      districts: [
        {
          district: 'DODOMA',
          postcode: '412',
          wards: [
            ward('MNADANI', '41213', ['MBWANGA']),
            ward('CHIGONGWE', '41214', ['CHIGONGWE']),
            ward('MNADANI', '41214', ['MNADANI', 'MBWANGA']),
            ward('MNADANI', '41215', ['NDACHI', '']),
            ward('', '41216', ['LOST']),
            ward('KIPYA', '412010', ['A']),
          ],
        },
      ],
    },
    {
      region: 'MTWARA',
      districts: [
        {
          district: 'TANDAHIMBA',
          postcode: '633',
          wards: [
            ward('KITAMA 10', '63302', ['MITONDI B']),
            ward('KITAMA 1', '63302', ['KITAMA MJINI']),
            ward('KITAMA 2', '63302', ['KITAMA MJINI']),
            ward('LYENJE 1', '63303'),
            ward('LYENJE 2', '63304'),
          ],
        },
        {
          district: 'NEWALA',
          postcode: '634',
          wards: [ward('MAKOTE', '63405'), ward('MKUNYA', '63405')],
        },
      ],
    },
  ],
};
const table = {
  'DOD-DOC': { region: 'DODOMA', districts: ['DODOMA'] },
  'MTW-TAD': { region: 'MTWARA', districts: ['TANDAHIMBA'] },
  'MTW-NED': { region: 'MTWARA', districts: ['NEWALA'] },
  'MTW-NET': { region: 'MTWARA', districts: ['NEWALA'] },
  'MTW-NEW': null,
};
const built = buildWardList(list, table);
const names = (council: string) => built.byCouncil.get(council)?.map((w) => [w.code, w.name]);

test('when a ward fills several rows with its postcode counting up, then it is one ward with its first postcode and every village once', () => {
  expect(built.byCouncil.get('DOD-DOC')?.[0]).toEqual({
    code: '41213',
    name: 'Mnadani',
    postcode: '41213',
    councilCode: 'DOD-DOC',
    villages: ['Mbwanga', 'Mnadani', 'Ndachi'],
  });
  expect(names('DOD-DOC')).toEqual([
    ['41213', 'Mnadani'],
    ['41214', 'Chigongwe'],
    ['41200', 'Kipya'],
  ]);
});

test('when a postcode is malformed, then the ward has none and its code is its district padded with zeros', () => {
  expect(built.byCode.get('41200')).toMatchObject({ name: 'Kipya', postcode: null });
});

test('when a ward fills several rows with its name counting up beside one postcode, then it is one ward under the lowest number', () => {
  expect(names('MTW-TAD')).toEqual([
    ['63302', 'Kitama 1'],
    ['63303', 'Lyenje 1'],
    ['63304', 'Lyenje 2'],
  ]);
  expect(built.byCode.get('63302')?.villages).toEqual(['Mitondi B', 'Kitama Mjini']);
});

test('when another ward repeats a postcode, then it gets the next suffix in list order', () => {
  expect(names('MTW-NED')).toEqual([
    ['63405', 'Makote'],
    ['63405-2', 'Mkunya'],
  ]);
});

test('when two councils share a district, then both list its wards with the same code and their own council', () => {
  expect(built.byCouncil.get('MTW-NET')).toEqual(
    built.byCouncil.get('MTW-NED')?.map((w) => ({ ...w, councilCode: 'MTW-NET' })),
  );
  expect(built.byCode.get('63405-2')?.councilCode).toBe('MTW-NED');
});

test('when the table has no districts for a council, then it is in noList and not in byCouncil', () => {
  expect(built.noList).toEqual(['MTW-NEW']);
  expect([...built.byCouncil.keys()]).toEqual(['DOD-DOC', 'MTW-NED', 'MTW-NET', 'MTW-TAD']);
});

test('when the table names a district the list does not have, then building throws with its name', () => {
  expect(() =>
    buildWardList(list, { 'MTW-MAD': { region: 'MTWARA', districts: ['MASASI'] } }),
  ).toThrow('MTW-MAD names MTWARA/MASASI');
});

import {
  buildPlaceIndex,
  decodePlace,
  encodePlace,
  matchPlace,
  oneTypoApart,
  placeNameKey,
  type PlaceWard,
} from '../../src/reference/core/place-match';

const WARDS: PlaceWard[] = [
  { code: '41105', name: 'Makole', villages: ['Makole', 'Chamwino', 'Mlimwa Kusini'] },
  { code: '41106', name: 'Kiwanja Cha Ndege', villages: ['Chamwino', 'Uhindini'] },
  { code: '41107', name: "Ng'ong'ona", villages: ['Ilazo', 'Mbande'] },
  { code: '41108', name: 'Chang’ombe', villages: ['Mwangaza', 'Mbande'] },
  { code: '41109', name: 'Ipagala', villages: ['Ipa'] },
  { code: '41110', name: 'Makore', villages: [] },
  { code: '41111', name: 'Viwandani', villages: ['Mbande'] },
  { code: '41112', name: 'Zuzu', villages: ['Mbande'] },
  { code: '41113', name: 'Hombolo', villages: ['Mbande'] },
  { code: '41114', name: 'Mtumba', villages: ['Mbande'] },
];
const index = buildPlaceIndex(WARDS);

describe('a typed place name', () => {
  it.each([
    ['Kata ya Makole', 'makole'],
    ['MAKOLE', 'makole'],
    ['  makole  ward ', 'makole'],
    ["Ng'ong'ona", 'ngongona'],
    ['ng ong ona', 'ngongona'],
    ['Mbande kijijini', 'mbande'],
    ['mtaa wa Mlimwa Kusini', 'mlimwakusini'],
    ['Kata', ''],
  ])('%p has the key %p', (typed, key) => {
    expect(placeNameKey(typed)).toBe(key);
  });

  it('when it names a ward, then it is that ward (its own village of the same name is the ward)', () => {
    expect(matchPlace(index, 'kata ya makole')).toEqual({
      kind: 'one',
      match: { wardCode: '41105' },
    });
  });

  it('when it names a village of one ward, then it is that village in that ward', () => {
    expect(matchPlace(index, 'uhindini')).toEqual({
      kind: 'one',
      match: { wardCode: '41106', village: 'Uhindini' },
    });
  });

  it('when apostrophes, spaces and curly quotes differ, then it still matches', () => {
    expect(matchPlace(index, 'Ngongona')).toEqual({ kind: 'one', match: { wardCode: '41107' } });
    expect(matchPlace(index, "chang'ombe")).toEqual({ kind: 'one', match: { wardCode: '41108' } });
  });

  it('when it has one typo, then the near name is found (a letter wrong, missing, extra, swapped)', () => {
    for (const typed of ['Ipagal', 'Ipagalaa', 'Ipgaala', 'Ipagela', 'Uhindin', 'Uhnidini']) {
      const r = matchPlace(index, typed);
      expect([typed, r.kind === 'one' ? r.match.wardCode : r.kind]).toEqual([
        typed,
        typed.startsWith('U') ? '41106' : '41109',
      ]);
    }
  });

  it('when an exact name exists, then a near one is not offered beside it', () => {
    // "Makore" is a ward here too: exact beats one typo from Makole.
    expect(matchPlace(index, 'makore')).toEqual({ kind: 'one', match: { wardCode: '41110' } });
  });

  it('when it has two typos or is too short to guess, then it matches nothing', () => {
    expect(matchPlace(index, 'Ipagulu').kind).toBe('none');
    expect(matchPlace(index, 'Ipx').kind).toBe('none');
    // A short name is still found from a typed name a letter longer.
    expect(matchPlace(index, 'Ipaa')).toEqual({
      kind: 'one',
      match: { wardCode: '41109', village: 'Ipa' },
    });
    expect(matchPlace(index, 'Ipa')).toEqual({
      kind: 'one',
      match: { wardCode: '41109', village: 'Ipa' },
    });
  });

  it('when it names villages of several wards, then at most five choices, wards first', () => {
    const r = matchPlace(index, 'Chamwino');
    expect(r).toEqual({
      kind: 'several',
      matches: [
        { wardCode: '41105', village: 'Chamwino' },
        { wardCode: '41106', village: 'Chamwino' },
      ],
    });
    const many = matchPlace(index, 'mbande');
    expect(many.kind).toBe('several');
    expect(many.kind === 'several' && many.matches).toHaveLength(5);
  });

  it('when a match is kept in the session, then it reads back the same', () => {
    for (const m of [{ wardCode: '41105' }, { wardCode: '41106', village: 'Chamwino' }]) {
      expect(decodePlace(encodePlace(m))).toEqual(m);
    }
    expect(decodePlace('')).toBeUndefined();
  });

  it.each([
    ['makole', 'makore', true],
    ['makole', 'makoles', true],
    ['makole', 'akole', true],
    ['makole', 'amkole', true],
    ['makole', 'makole', false],
    ['makole', 'mkaloe', false],
    ['makole', 'makorr', false],
  ])('%p and %p one typo apart: %p', (a, b, near) => {
    expect(oneTypoApart(a, b)).toBe(near);
    expect(oneTypoApart(b, a)).toBe(near);
  });
});

/**
 * Reading a free-text SMS complaint (pure): where it is (src/reference/core/place-guess.ts,
 * against the real councils and the national ward list), its language and its category
 * (src/citizens/core/sms-filing.ts).
 */
import { buildPlaceGuessIndex, guessPlace } from '../../src/reference/core/place-guess';
import { guessCategory, smsLanguage, tooShortToFile } from '../../src/citizens/core/sms-filing';
import { placesOf } from '../../src/reference/places';
import units from '../../db/seed/tz-admin-units.json';
import { categoryCodes } from '../../db/seed/seed';

interface Unit {
  code: string;
  name: string;
  councils: { code: string; short: string; short_sw: string }[];
}
const regions = (units.regions as Unit[]).map((r) => ({ code: r.code, names: [r.name] }));
const councils = (units.regions as Unit[]).flatMap((r) =>
  r.councils.map((c) => ({ code: c.code, regionCode: r.code, names: [c.short, c.short_sw] })),
);
const places = placesOf();
places.indexCountryNow();
const index = buildPlaceGuessIndex(regions, councils, places.country());
const SEEDED = categoryCodes.map((code) => ({ code, names: [] as string[] }));

describe('where an SMS says it is', () => {
  test('a council named without its type settles the council, and a ward of it the place', () => {
    const g = guessPlace(index, 'Barabara ya Kinondoni imeharibika, kata ya Msasani');
    const msasani = [...(places.country()?.get('msasani') ?? [])];
    expect(msasani.map((h) => h.councilCode)).toContain('DAR-KIM');
    expect(g).toEqual({
      council: 'DAR-KIM',
      place: msasani.find((h) => h.councilCode === 'DAR-KIM' && h.village === undefined),
      regions: ['DAR'],
      guessCouncil: 'DAR-KIM',
    });
  });

  test('a village alone is only a guess: its council to prefill, its region to triage, no council to route by', () => {
    const g = guessPlace(index, 'Hakuna maji kijijini Mbande wiki mbili sasa');
    expect(g.council).toBeUndefined();
    expect(g).toEqual(
      expect.objectContaining({
        guessCouncil: 'DOD-KND',
        regions: ['DOD'],
        place: { councilCode: 'DOD-KND', wardCode: '41511', village: 'Mbande' },
      }),
    );
  });

  test('a name two councils share ("Kondoa": DC and TC) settles neither, but points to their region', () => {
    const g = guessPlace(index, 'Zahanati ya Kondoa haina dawa');
    expect(g.council).toBeUndefined();
    expect(g.regions).toContain('DOD');
  });

  test("a region's name is the region, not the city council that shares it", () => {
    const g = guessPlace(index, 'Tatizo la maji hapa Dodoma ni kubwa');
    expect(g.council).toBeUndefined();
    expect(g.regions).toEqual(['DOD']);
  });

  test("everyday words that are also some village's name are not read as places", () => {
    for (const text of [
      'Naomba nafasi ya kazi ya ualimu mwaka huu',
      'Hakuna dawa kabisa kwenye zahanati yetu',
      'Kisima cha kijiji kimeharibika muda mrefu',
    ]) {
      expect([text, guessPlace(index, text)]).toEqual([text, { regions: [] }]);
    }
  });
});

describe('its language', () => {
  test.each([
    ['Hakuna maji kijijini Mbande wiki mbili sasa', 'sw'],
    ['There is no water in our village for two weeks', 'en'],
    ['Maji hakuna', 'sw'],
    ['Bomba water', 'sw'],
  ])('%s reads as %s', (text, lang) => {
    expect(smsLanguage(text)).toBe(lang);
  });
});

describe('too short to be a complaint', () => {
  test.each([
    ['Habari', true],
    ['Nataka kutoa malalamiko', true],
    ['ok ok ok ok', true],
    ['Hakuna maji kijijini Mbande', false],
  ])('%s: %s', (text, short) => {
    expect(tooShortToFile(text)).toBe(short);
  });
});

describe('its category', () => {
  test('the words of a seeded category point to it, with the locative -ni too', () => {
    expect(guessCategory('Hakuna maji wiki mbili', SEEDED)).toBe('water');
    expect(guessCategory('Hakuna daktari hospitalini usiku', SEEDED)).toBe('health');
  });

  test('words of two categories equally are no guess; no words, none', () => {
    expect(guessCategory('Mwalimu anachukua rushwa', SEEDED)).toBeUndefined();
    expect(guessCategory('Naomba msaada', SEEDED)).toBeUndefined();
  });

  test('a category headquarters added is pointed to by its own names', () => {
    const withPower = [...SEEDED, { code: 'power', names: ['Umeme', 'Electricity'] }];
    expect(guessCategory('Umeme umekatika siku tatu sasa', withPower)).toBe('power');
  });
});

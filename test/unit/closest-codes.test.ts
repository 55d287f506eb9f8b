/** Suggestions for a region or council code nobody knows (src/reference/core/closest.ts). */
import { closestUnits, editDistance, nameMatched } from '../../src/reference/core/closest';

const dar = [
  {
    code: 'DAR-DAC',
    names: ['Dar es Salaam CC', 'Ilala', 'Ilala Municipal Council (name until 2021)'],
  },
  { code: 'DAR-KGM', names: ['Kigamboni MC'] },
  { code: 'DAR-KIM', names: ['Kinondoni MC'] },
  { code: 'DAR-TEM', names: ['Temeke MC'] },
  { code: 'DAR-UBM', names: ['Ubungo MC'] },
];
const regions = [
  { code: 'ARU', names: ['Arusha'] },
  { code: 'DAR', names: ['Dar es Salaam'] },
  { code: 'DOD', names: ['Dodoma'] },
  { code: 'SIM', names: ['Simiyu'] },
];

test.each([
  ['DAR-ILM', 'DAR-DAC', 3],
  ['ABC', 'ABC', 0],
  ['ARU', 'AUR', 1],
  ['ARU', 'ARUX', 1],
  ['DSM', 'DAR', 2],
])('when %s is compared with %s, then they are %i edits apart', (a, b, d) => {
  expect(editDistance(a, b)).toBe(d);
});

test('when a council code is built from a former name, then the council that had it comes first', () => {
  expect(closestUnits('DAR-ILM', dar).map((u) => u.code)).toEqual([
    'DAR-DAC',
    'DAR-KGM',
    'DAR-KIM',
  ]);
  expect(nameMatched('ILM', dar[0]!)).toBe('Ilala');
});

test("when a region's usual abbreviation is typed (DSM), then its code is suggested alone", () => {
  expect(closestUnits('DSM', regions, { maxDistance: 1 }).map((u) => u.code)).toEqual(['DAR']);
});

test('when a code is one swap away, then it is suggested', () => {
  expect(closestUnits('AUR', regions, { maxDistance: 1 }).map((u) => u.code)).toEqual(['ARU']);
});

test('when nothing is near, then nothing is suggested', () => {
  expect(closestUnits('XYZ', regions, { maxDistance: 1 })).toEqual([]);
});

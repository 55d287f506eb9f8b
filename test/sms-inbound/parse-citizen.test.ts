/**
 * What a citizen's SMS asks for, and how a leading complaint number is cut off the text. Pure.
 */
import { dammCheckDigit, splitLeadingNumber } from '../../src/complaints/core/numbers';
import { parseCitizenSms, type CitizenSms } from '../../src/citizens/core/parse';
import { splitWord } from '../../src/text/input';

const N = `5512090${dammCheckDigit('5512090')}`;
const SPACED = `${N.slice(0, 4)} ${N.slice(4)}`;

describe('parseCitizenSms', () => {
  const cases: [string, CitizenSms][] = [
    [`REOPEN ${SPACED}`, { kind: 'reopen', raw: SPACED, reason: '' }],
    [`reopen ${N} still no water`, { kind: 'reopen', raw: N, reason: 'still no water' }],
    [
      `Fungua ${SPACED} maji bado hayatoki`,
      { kind: 'reopen', raw: SPACED, reason: 'maji bado hayatoki' },
    ],
    [`STATUS ${N}`, { kind: 'status', raw: N }],
    [`hali ${SPACED}`, { kind: 'status', raw: SPACED }],
    [`HALI 1234`, { kind: 'status', raw: '1234' }],
    ['1', { kind: 'rating', rating: 1 }],
    [' 5 ', { kind: 'rating', rating: 5 }],
    ['3.', { kind: 'rating', rating: 3 }],
    ['6', { kind: 'numbered', raw: '6', message: '' }],
    ['0', { kind: 'numbered', raw: '0', message: '' }],
    [
      `${SPACED} maji bado hayatoki`,
      { kind: 'numbered', raw: SPACED, message: 'maji bado hayatoki' },
    ],
    [`${N}: bomba limepasuka tena`, { kind: 'numbered', raw: N, message: 'bomba limepasuka tena' }],
    [`${N}`, { kind: 'numbered', raw: N, message: '' }],
    [
      '12 watoto hawana madawati',
      { kind: 'numbered', raw: '12', message: 'watoto hawana madawati' },
    ],
    ['HALI', { kind: 'help' }],
    ['fungua', { kind: 'help' }],
    ['Hali ya maji bado ni mbaya', { kind: 'text', message: 'Hali ya maji bado ni mbaya' }],
    ['Fungua mlango wa zahanati', { kind: 'text', message: 'Fungua mlango wa zahanati' }],
    ['  Asante sana  ', { kind: 'text', message: 'Asante sana' }],
    ['', { kind: 'text', message: '' }],
  ];

  test.each(cases)('when a citizen sends %j, then it reads as %j', (text, expected) => {
    expect(parseCitizenSms(text)).toEqual(expected);
  });
});

describe('splitLeadingNumber and splitWord', () => {
  test.each([
    ['4821 0379 maji', { raw: '4821 0379', rest: 'maji' }],
    ['4821-0379 maji', { raw: '4821-0379', rest: 'maji' }],
    ['#48210379#', { raw: '#48210379#', rest: '' }],
    ['48 21 03 79 maji', { raw: '48 21 03 79', rest: 'maji' }],
    ['4821, 0379', { raw: '4821', rest: '0379' }],
    ['maji 4821', undefined],
  ])('when the text is %j, then the leading number is %j', (text, expected) => {
    expect(splitLeadingNumber(text)).toEqual(expected);
  });

  test.each([
    ['jibu 4821', { word: 'JIBU', rest: '4821' }],
    ['R48210379 x', { word: 'R', rest: '48210379 x' }],
    ['LIST:', { word: 'LIST', rest: '' }],
    ['4821 jibu', undefined],
  ])('when the text is %j, then the word is %j', (text, expected) => {
    expect(splitWord(text)).toEqual(expected);
  });
});

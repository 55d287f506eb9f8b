/**
 * The staff SMS console's parser: every command word in English and Kiswahili, complaint numbers
 * with and without spaces or hyphens, every missing part and unknown words. Pure.
 */
import { dammCheckDigit } from '../../src/complaints/core/numbers';
import {
  COMMAND_WORDS,
  parseStaffCommand,
  type StaffCommand,
  type StaffParseResult,
} from '../../src/commands/core/parse';

const N = `4821037${dammCheckDigit('4821037')}`;
const SPACED = `${N.slice(0, 4)} ${N.slice(4)}`;
const HYPHENED = `${N.slice(0, 4)}-${N.slice(4)}`;
/** The same number with its last digit changed: a typing mistake. */
const TYPO = `${N.slice(0, 7)}${(Number(N[7]) + 1) % 10}`;

const ok = (command: StaffCommand): StaffParseResult => ({ ok: true, command });

describe('parseStaffCommand: every command word', () => {
  const cases: [string, StaffParseResult][] = [
    [`R ${SPACED} Tunashughulikia`, ok({ kind: 'reply', number: N, message: 'Tunashughulikia' })],
    [
      `r ${N} tunashughulikia leo`,
      ok({ kind: 'reply', number: N, message: 'tunashughulikia leo' }),
    ],
    [`REPLY ${HYPHENED} We are on it`, ok({ kind: 'reply', number: N, message: 'We are on it' })],
    [
      `Jibu ${SPACED} Fundi anakuja kesho`,
      ok({ kind: 'reply', number: N, message: 'Fundi anakuja kesho' }),
    ],
    [
      `N ${SPACED} called the water engineer`,
      ok({ kind: 'note', number: N, text: 'called the water engineer' }),
    ],
    [`note ${N} pump broken`, ok({ kind: 'note', number: N, text: 'pump broken' })],
    [`KUMBUKA ${N} pampu imeharibika`, ok({ kind: 'note', number: N, text: 'pampu imeharibika' })],
    [`DONE ${SPACED} pipe repaired`, ok({ kind: 'resolve', number: N, note: 'pipe repaired' })],
    [`resolve ${N} pipe repaired`, ok({ kind: 'resolve', number: N, note: 'pipe repaired' })],
    [
      `Imetatuliwa ${N} bomba limetengenezwa`,
      ok({ kind: 'resolve', number: N, note: 'bomba limetengenezwa' }),
    ],
    [`TAKE ${SPACED}`, ok({ kind: 'take', number: N })],
    [`chukua ${N}`, ok({ kind: 'take', number: N })],
    [`ASSIGN ${SPACED} 0754 000 111`, ok({ kind: 'assign', number: N, phone: '+255754000111' })],
    [`panga ${N} +255754000111`, ok({ kind: 'assign', number: N, phone: '+255754000111' })],
    ['LIST', ok({ kind: 'list' })],
    ['orodha tafadhali', ok({ kind: 'list' })],
    [`SHOW ${SPACED}`, ok({ kind: 'show', number: N })],
    [`Onyesha ${N}`, ok({ kind: 'show', number: N })],
    ['HELP', ok({ kind: 'help' })],
    ['msaada', ok({ kind: 'help' })],
  ];

  test.each(cases)('when a staff member sends %j, then it reads as %j', (text, expected) => {
    expect(parseStaffCommand(text)).toEqual(expected);
  });

  test('when the table is listed, then it uses every command word of both languages', () => {
    const used = new Set(cases.map(([text]) => text.split(/\s+/)[0]?.toUpperCase()));
    const words = Object.values(COMMAND_WORDS).flat();
    expect(words.filter((w) => !used.has(w))).toEqual([]);
  });
});

describe('parseStaffCommand: how numbers and words may be typed', () => {
  test.each([
    [`R ${N} habari`],
    [`R ${SPACED} habari`],
    [`R ${HYPHENED} habari`],
    [`R #${N} habari`],
    [`R ${N.slice(0, 3)} ${N.slice(3)} habari`],
    [`R: ${SPACED}: habari`],
    [`R${N} habari`],
    [`  r   ${SPACED}   habari  `],
  ])('when the number is typed as in %j, then the number and the message are read', (text) => {
    expect(parseStaffCommand(text)).toEqual(ok({ kind: 'reply', number: N, message: 'habari' }));
  });

  test('when the message itself starts with digits, then they stay in the message', () => {
    expect(parseStaffCommand(`R ${SPACED} 2 pumps fixed`)).toEqual(
      ok({ kind: 'reply', number: N, message: '2 pumps fixed' }),
    );
  });
});

describe('parseStaffCommand: errors', () => {
  const cases: [string, StaffParseResult][] = [
    ['', { ok: false, error: { error: 'empty' } }],
    ['   ', { ok: false, error: { error: 'empty' } }],
    ['HELLO there', { ok: false, error: { error: 'unknown_command', word: 'HELLO' } }],
    ['Habari za asubuhi', { ok: false, error: { error: 'unknown_command', word: 'Habari' } }],
    [
      `${SPACED} imetatuliwa`,
      { ok: false, error: { error: 'unknown_command', word: N.slice(0, 4) } },
    ],
    ['?', { ok: false, error: { error: 'unknown_command', word: '?' } }],
    ['R', { ok: false, error: { error: 'missing_number', command: 'reply' } }],
    ['JIBU habari yako', { ok: false, error: { error: 'missing_number', command: 'reply' } }],
    ['TAKE', { ok: false, error: { error: 'missing_number', command: 'take' } }],
    ['ONYESHA', { ok: false, error: { error: 'missing_number', command: 'show' } }],
    [
      'R 1234 habari',
      {
        ok: false,
        error: { error: 'bad_number', command: 'reply', input: '1234', reason: 'length' },
      },
    ],
    [
      `N ${TYPO} text`,
      {
        ok: false,
        error: { error: 'bad_number', command: 'note', input: TYPO, reason: 'check_digit' },
      },
    ],
    [
      `DONE ${SPACED}1 text`,
      {
        ok: false,
        error: { error: 'bad_number', command: 'resolve', input: `${SPACED}1`, reason: 'length' },
      },
    ],
    [`R ${SPACED}`, { ok: false, error: { error: 'missing_text', command: 'reply' } }],
    [`KUMBUKA ${N}   `, { ok: false, error: { error: 'missing_text', command: 'note' } }],
    [`IMETATULIWA ${N}`, { ok: false, error: { error: 'missing_text', command: 'resolve' } }],
    [`PANGA ${N}`, { ok: false, error: { error: 'missing_phone', command: 'assign' } }],
    [
      `ASSIGN ${N} Juma`,
      { ok: false, error: { error: 'bad_phone', command: 'assign', input: 'Juma' } },
    ],
    [
      `ASSIGN ${N} 12345`,
      { ok: false, error: { error: 'bad_phone', command: 'assign', input: '12345' } },
    ],
  ];

  test.each(cases)('when a staff member sends %j, then the error is %j', (text, expected) => {
    expect(parseStaffCommand(text)).toEqual(expected);
  });
});

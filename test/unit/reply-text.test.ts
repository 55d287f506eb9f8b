/**
 * Saved and automatic reply texts as pure functions: what is refused at save (and why, as a
 * code), the variables filled in, and the one-message rule for an automatic reply.
 */
import { openDatabase } from '../../db/client';
import type { ComplaintRow } from '../../db/schema';
import {
  autoTriggerOf,
  fillReply,
  replyTextProblem,
  withAutoReply,
} from '../../src/complaints/core/replies';
import { checkSavedReply } from '../../src/complaints/core/reply-rules';
import { loadReferenceData } from '../../src/reference/repository';
import type { ReferenceData } from '../../src/reference/types';
import { smsParts } from '../../src/text/gsm7';

let ref: ReferenceData;
beforeAll(() => {
  const db = openDatabase(':memory:');
  ref = loadReferenceData(db);
  db.$client.close();
});

describe('a reply text at save', () => {
  test.each([
    ['Fundi atafika {council} kesho.', undefined],
    ['Afisa {officer}: lalamiko {number} ({category}).', undefined],
    ['', { code: 'empty' }],
    ['x'.repeat(301), { code: 'tooLong', vars: { max: 300 } }],
    [
      'Habari {name}, {number} {jina}',
      { code: 'unknownVariable', vars: { names: '{name} {jina}' } },
    ],
    ['Habari {Number}', { code: 'unknownVariable', vars: { names: '{Number}' } }],
    ['Habari {}', { code: 'unknownVariable', vars: { names: '{}' } }],
    ['Namba {number', { code: 'strayBrace' }],
    ['Namba number}', { code: 'strayBrace' }],
    ['Tutafika “kesho” – asante', { code: 'notGsm', vars: { chars: '“ ” –' } }],
    ['Gharama ni €5 [tu]', { code: 'notGsm', vars: { chars: '€ [ ]' } }],
    ['Asante 🙏', { code: 'notGsm', vars: { chars: '🙏' } }],
    [
      `${'Tafadhali subiri. '.repeat(13)}{officer} {council} {category}`,
      { code: 'tooManyParts', vars: { parts: 3, max: 2 } },
    ],
  ])('when the Kiswahili text is %j, then the problem is %j', (text, problem) => {
    expect(replyTextProblem(text, 'sw', ref, 'sms.reply')).toEqual(problem);
  });

  test('when a text fits only without its longest names, then it is refused: the check fills in the longest', () => {
    const text = `${'a'.repeat(230)} {officer}`;
    expect(replyTextProblem(text.replace(' {officer}', ''), 'en', ref, 'sms.reply')).toBe(
      undefined,
    );
    expect(replyTextProblem(text, 'en', ref, 'sms.reply')).toMatchObject({
      code: 'tooManyParts',
    });
  });

  test('when a supervisor saves a reply for another region, then it is theirs all the same', () => {
    const form = {
      title: 'Ziara',
      category: 'water',
      region: 'ARU',
      trigger: '',
      textSw: 'Tutafika.\r\nAsante.',
      textEn: ' We will come. ',
    };
    expect(checkSavedReply({ role: 'supervisor', regionCode: 'DAR' }, form, ref)).toEqual({
      ok: true,
      fields: {
        title: 'Ziara',
        categoryCode: 'water',
        regionCode: 'DAR',
        textSw: 'Tutafika.\nAsante.',
        textEn: 'We will come.',
      },
    });
    expect(checkSavedReply({ role: 'hq', regionCode: null }, form, ref)).toMatchObject({
      ok: true,
      fields: { regionCode: 'ARU' },
    });
  });

  test('when every field is wrong, then each is named', () => {
    const form = {
      title: 'x',
      category: 'umeme',
      region: 'MARS',
      trigger: '',
      textSw: '',
      textEn: '{x}',
    };
    const r = checkSavedReply({ role: 'hq', regionCode: null }, form, ref);
    expect(r.ok ? [] : r.problems.map((p) => [p.field, p.code])).toEqual([
      ['title', 'badTitle'],
      ['category', 'badCategory'],
      ['region', 'badRegion'],
      ['textSw', 'empty'],
      ['textEn', 'unknownVariable'],
    ]);
  });
});

describe('filling a text', () => {
  const values = {
    number: '4821 0379',
    council: 'Bahi DC',
    category: 'Water',
    officer: 'Zoë Ñandú',
  };

  test('when a text uses every variable, then each is filled; braces that are not variables stay', () => {
    expect(fillReply('{number} {council} {category} {officer} {officers}', values)).toBe(
      '4821 0379 Bahi DC Water Zoe Ñandu {officers}',
    );
  });
});

describe('an automatic reply with its status SMS', () => {
  const c = {
    id: 1,
    number: '48210379',
    language: 'en',
    councilCode: 'DAR-KIM',
    categoryCode: 'water',
    description: 'x',
  } as ComplaintRow;
  const status = 'S'.repeat(120);

  test.each([
    ['a 39-character reply after a 120-character status (160 in all)', 1, 'r'.repeat(39)],
    ['a 40-character reply (161 in all: a second part)', 2, 'r'.repeat(40)],
  ])('when %s, then it goes in %d SMS', (_name, messages, reply) => {
    expect(withAutoReply(ref, c, status, reply)).toHaveLength(messages);
  });

  test('when it goes alone, then it has the prefix and the number, and the status SMS is untouched', () => {
    expect(withAutoReply(ref, c, status, 'Reply.')).toEqual([`${status} Reply.`]);
    const [first, second] = withAutoReply(ref, c, status, 'r'.repeat(200));
    expect(first).toBe(status);
    expect(second).toBe(`PO-RALG, complaint 4821 0379: ${'r'.repeat(200)}`);
  });

  test('when the status SMS takes two parts, then a reply that keeps it within two goes with it', () => {
    const two = 'S'.repeat(200);
    const [joined] = withAutoReply(ref, c, two, 'r'.repeat(100));
    expect(smsParts(joined ?? '').parts).toBe(2);
    expect(withAutoReply(ref, c, two, 'r'.repeat(106))).toHaveLength(2);
  });

  test.each([
    ['sms.received', 'received'],
    ['sms.assigned', 'assigned'],
    ['sms.resolved', 'resolved'],
    ['sms.reopened', 'reopened'],
    ['sms.citizen.reopened', 'reopened'],
    ['sms.escalated', 'escalated'],
    ['sms.reply', undefined],
    ['sms.citizen.rated', undefined],
  ] as const)('when the citizen SMS is %s, then its trigger is %s', (key, trigger) => {
    expect(autoTriggerOf(key)).toBe(trigger);
  });
});

/**
 * Transcripts of changing an answer from the confirm screen: each field is asked again, the
 * caller lands back on the confirm screen and every other answer is kept.
 */
import { makeEngineContext } from '../helpers/engine-context';
import { draftFor, repliesToConfirm, waterInDar } from '../helpers/filing';
import { dial } from '../helpers/transcript';
import { type Lang } from '../../src/text/translate';
import { type ComplaintDraft } from '../../src/complaints/core/draft';

const toConfirm = repliesToConfirm(waterInDar);
const langs: Lang[] = ['sw', 'en'];

const editMenu = {
  sw: 'CON Unataka kubadilisha nini?\n1. Mkoa na halmashauri\n2. Aina ya lalamiko\n3. Kata au kijiji\n4. Maelezo\n5. Kujulikana au la\n0. Rudi\n00. Menyu kuu',
  en: 'CON What do you want to change?\n1. Region and council\n2. Complaint type\n3. Ward or village\n4. Description\n5. Identified or anonymous\n0. Back\n00. Main menu',
};

interface EditCase {
  field: string;
  option: string;
  firstScreen: string;
  replies: string[];
  /** Screens passed on the way back to confirm, after the first. */
  then: string[];
  changes: Partial<ComplaintDraft>;
}

const edits: EditCase[] = [
  {
    field: 'region',
    option: '1',
    firstScreen: 'file.region',
    replies: ['26', '11'],
    then: ['file.council'],
    changes: { regionCode: 'TAN', councilCode: 'TAN-TAC' },
  },
  {
    field: 'category',
    option: '2',
    firstScreen: 'file.category',
    replies: ['1'],
    then: [],
    changes: { categoryCode: 'health' },
  },
  {
    field: 'place',
    option: '3',
    firstScreen: 'file.place',
    replies: ['Kata ya Kunduchi'],
    then: [],
    changes: { place: 'Kata ya Kunduchi' },
  },
  {
    field: 'place (skipped)',
    option: '3',
    firstScreen: 'file.place',
    replies: ['1'],
    then: [],
    changes: { place: null },
  },
  {
    field: 'description',
    option: '4',
    firstScreen: 'file.description',
    replies: ['Barabara imeharibika vibaya sana.'],
    then: [],
    changes: { description: 'Barabara imeharibika vibaya sana.' },
  },
  {
    field: 'identity',
    option: '5',
    firstScreen: 'file.identity',
    replies: ['2'],
    then: [],
    changes: { anonymous: true },
  },
];

const cases = langs.flatMap((lang) => edits.map((e) => [lang, e.field, e] as const));

describe('changing an answer from the confirm screen', () => {
  test.each(langs)(
    'when a caller in %s chooses Change, then the fields to change are listed',
    (lang) => {
      dial(makeEngineContext(), { lang })
        .reply(...toConfirm, '2')
        .expectScreen('file.edit')
        .expectBody(editMenu[lang]);
    },
  );

  test.each(cases)(
    'when a caller in %s edits the %s, then it is asked again and the others are kept at confirm and in the effect',
    (lang, _field, edit) => {
      const t = dial(makeEngineContext(), { lang }).reply(...toConfirm, '2', edit.option);
      t.expectScreen(edit.firstScreen);
      const screens = edit.replies.map((reply) => t.reply(reply).state.screen);
      expect(screens).toEqual([...edit.then, 'file.confirm']);
      expect(t.state.returnTo).toBeUndefined();
      t.reply('1').expectScreen('file.done');
      expect(t.effects).toEqual([
        {
          type: 'complaint.submit',
          number: '64861526',
          language: lang,
          draft: { ...draftFor(waterInDar), ...edit.changes },
        },
      ]);
    },
  );

  test.each([
    ['sw', 'Tanga, Tanga Jiji'],
    ['en', 'Tanga, Tanga CC'],
  ] as const)(
    'when a caller in %s moves the complaint to Tanga, then the summary names %j',
    (lang, line) => {
      const t = dial(makeEngineContext(), { lang }).reply(...toConfirm, '2', '1', '26', '11');
      expect(t.lines.slice(0, 4)).toEqual([
        lang === 'sw' ? 'Thibitisha:' : 'Confirm:',
        line,
        lang === 'sw' ? 'Aina: Maji' : 'Type: Water',
        'Kata ya Mbezi',
      ]);
    },
  );

  test('when the region edit picks the same region, then the council is still asked again', () => {
    const t = dial(makeEngineContext(), { lang: 'sw' }).reply(...toConfirm, '2', '1', '2');
    t.expectScreen('file.council');
    expect(t.state.data.council).toBeUndefined();
    t.reply('4').expectScreen('file.confirm');
    expect(t.lines[1]).toBe('Dar es Salaam, Temeke Manispaa');
  });

  test('when the edit menu is left with 0, then confirm returns with the same summary', () => {
    const t = dial(makeEngineContext(), { lang: 'en' }).reply(...toConfirm);
    const before = t.body;
    t.reply('2', '0').expectScreen('file.confirm').expectBody(before);
  });

  test('when the field being edited is left with 0, then the edit menu returns and the old answer stays', () => {
    const t = dial(makeEngineContext(), { lang: 'en' }).reply(...toConfirm, '2', '4', '0');
    t.expectScreen('file.edit');
    expect(t.state.data.description).toBe(waterInDar.description);
    t.reply('0').expectScreen('file.confirm').reply('1');
    expect(t.effects).toEqual([
      { type: 'complaint.submit', number: '64861526', language: 'en', draft: draftFor(waterInDar) },
    ]);
  });

  test('when two fields are edited one after the other, then both changes reach the effect', () => {
    const t = dial(makeEngineContext(), { lang: 'sw' });
    t.reply(...toConfirm, '2', '2', '8', '2', '5', '2').expectScreen('file.confirm');
    t.reply('1');
    expect(t.effects).toEqual([
      {
        type: 'complaint.submit',
        number: '64861526',
        language: 'sw',
        draft: { ...draftFor(waterInDar), categoryCode: 'corruption', anonymous: true },
      },
    ]);
  });
});

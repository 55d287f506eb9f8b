/**
 * Transcripts of the place step with the national postcode list's wards (issue 19): a ward or
 * village of the caller's council typed as people type it (any case, "kata ya", one typo) goes
 * onto the confirm screen and into the complaint; a name of several places is a short choice with
 * "none of these"; a name that matches nothing stays as typed, as before. Both languages.
 */
import { makeEngineContext } from '../helpers/engine-context';
import { draftFor, repliesToConfirm, type FilingAnswers } from '../helpers/filing';
import { dial } from '../helpers/transcript';

const inDodoma = (place: string): FilingAnswers => ({
  region: 'Dodoma',
  council: 'Dodoma CC',
  category: 'water',
  place,
  description: 'Maji hayatoki tangu wiki iliyopita.',
  anonymous: false,
});

/** Up to the place step, then the place typed. */
const toPlace = (a: FilingAnswers) => repliesToConfirm(a).slice(0, 5);

describe('the place step with the ward list', () => {
  test.each([
    ['sw', 'makole', 'Kata: Makole'],
    ['en', 'makole', 'Ward: Makole'],
    ['sw', 'Kata ya MAKOLE', 'Kata: Makole'],
    ['en', 'makore', 'Ward: Makole'],
    ['sw', 'makolle', 'Kata: Makole'],
  ] as const)(
    'when a caller in %s types %p in Dodoma City, then confirm says %p and the complaint keeps the ward',
    (lang, typed, line) => {
      const a = inDodoma(typed);
      const t = dial(makeEngineContext(), { lang }).reply(...repliesToConfirm(a));
      t.expectScreen('file.confirm').expectBody(new RegExp(`\\n${line}\\n"Maji`));
      t.reply('1').expectScreen('file.done');
      expect(t.effects).toEqual([
        expect.objectContaining({
          type: 'complaint.submit',
          draft: { ...draftFor(a), wardCode: '41105', village: null },
        }),
      ]);
    },
  );

  test.each([
    ['sw', 'Kata: Makole, Chimuli'],
    ['en', 'Ward: Makole, Chimuli'],
  ] as const)(
    'when a caller in %s types a village of one ward, then confirm names the ward and the village',
    (lang, line) => {
      const a = inDodoma('mtaa wa chimuli');
      const t = dial(makeEngineContext(), { lang }).reply(...repliesToConfirm(a));
      t.expectBody(new RegExp(`\\n${line}\\n`)).reply('1');
      expect(t.effects).toEqual([
        expect.objectContaining({
          draft: { ...draftFor(a), wardCode: '41105', village: 'Chimuli' },
        }),
      ]);
    },
  );

  test.each([
    ['sw', /^CON Unamaanisha mahali gani\?\n1\. Amani, kata ya [A-Z][a-z]+\n2\. Amani, kata ya /],
    ['en', /^CON Which place do you mean\?\n1\. Amani, [A-Z][a-z]+ ward\n2\. Amani, /],
  ] as const)(
    'when a caller in %s types a name several wards have, then a short choice comes before the description',
    (lang, choice) => {
      const a = inDodoma('amani');
      const t = dial(makeEngineContext(), { lang }).reply(...toPlace(a));
      t.expectScreen('file.place.choose').expectBody(choice);
      const none = lang === 'sw' ? 'Hakuna kati ya haya' : 'None of these';
      t.expectBody(new RegExp(`\\n\\d\\. ${none}\\n0\\. `));
      t.reply('2').expectScreen('file.description');
      t.reply(a.description, '1').expectScreen('file.confirm');
      t.reply('1');
      const [effect] = t.effects;
      expect(effect).toMatchObject({ draft: { place: 'amani', village: 'Amani' } });
      expect(effect?.type === 'complaint.submit' && effect.draft.wardCode).toMatch(/^\d{5}/);
    },
  );

  test.each(['sw', 'en'] as const)(
    'when a caller in %s picks "none of these", then the place stays as typed',
    (lang) => {
      const a = inDodoma('amani');
      const t = dial(makeEngineContext(), { lang }).reply(...toPlace(a));
      const none = /\n(\d)\. (Hakuna kati ya haya|None of these)\n/.exec(t.body)?.[1] ?? '';
      t.reply(none, a.description, '1')
        .expectScreen('file.confirm')
        .expectBody(/\namani\n"Maji/);
      t.reply('1');
      expect(t.effects).toEqual([expect.objectContaining({ draft: draftFor(a) })]);
    },
  );

  test.each(['sw', 'en'] as const)(
    'when a caller in %s types a place the list does not have, then it files as free text as before',
    (lang) => {
      const a = inDodoma('Kijiji cha Mlimani Juu');
      const t = dial(makeEngineContext(), { lang }).reply(...repliesToConfirm(a));
      t.expectBody(/\nKijiji cha Mlimani Juu\n"Maji/).reply('1');
      expect(t.effects).toEqual([expect.objectContaining({ draft: draftFor(a) })]);
    },
  );

  it('when the place is edited from the confirm screen to a name of several places, then the choice is asked and confirm comes back', () => {
    const a = inDodoma('makole');
    const t = dial(makeEngineContext(), { lang: 'en' }).reply(...repliesToConfirm(a));
    t.reply('2', '3').expectScreen('file.place');
    t.reply('amani').expectScreen('file.place.choose');
    t.reply('1')
      .expectScreen('file.confirm')
      .expectBody(/\nWard: [A-Z][a-z]+, Amani\n/);
  });
});

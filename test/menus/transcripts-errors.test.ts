/**
 * Transcripts of wrong replies while filing: the screen stays, an error line sits on top and
 * nothing is sent. Also typed text the phone cannot show (emoji), '*' in a description, and the
 * daily complaint limit.
 */
import { makeEngineContext } from '../helpers/engine-context';
import { draftFor, repliesToConfirm, waterInDar } from '../helpers/filing';
import { dial } from '../helpers/transcript';

const toConfirm = repliesToConfirm(waterInDar);
const toDescription = toConfirm.slice(0, 5);
const toPlace = toConfirm.slice(0, 4);
const invalid = {
  sw: 'Jaribu tena:',
  en: 'Try again:',
};

describe('wrong replies keep the caller on the same screen', () => {
  test.each([
    ['sw', '7 characters', 'Maji tu', 'Maelezo ni mafupi mno: andika herufi 10 au zaidi.'],
    ['en', '7 characters', 'Maji tu', 'Too short: write at least 10 characters.'],
    [
      'sw',
      '151 characters',
      'x'.repeat(151),
      'Maelezo ni marefu mno: herufi 150 au chini (umeandika 151).',
    ],
    ['en', '151 characters', 'x'.repeat(151), 'Too long: at most 150 characters (you typed 151).'],
    ['sw', 'empty', '', 'Tafadhali andika jibu.'],
    ['en', 'blank', '   ', 'Please type an answer.'],
  ] as const)(
    'when the %s description is %s, then the error %j shows above the same prompt',
    (lang, _name, reply, error) => {
      const t = dial(makeEngineContext(), { lang }).reply(...toDescription);
      const prompt = t.lines;
      t.reply(reply).expectScreen('file.description').expectError(error);
      expect(t.lines.slice(1)).toEqual(prompt);
      expect(t.state.data.description).toBeUndefined();
    },
  );

  test.each([
    ['exactly 10 characters', 'ten chars!', 'ten chars!'],
    ['padded with spaces', '  padded but long enough  ', 'padded but long enough'],
    ['exactly 150 characters', 'y'.repeat(150), 'y'.repeat(150)],
    ['149 letters and an emoji', `${'y'.repeat(149)}😡`, `${'y'.repeat(149)}😡`],
  ])(
    'when the description is %s, then it is accepted and stored trimmed',
    (_name, reply, stored) => {
      const t = dial(makeEngineContext(), { lang: 'en' }).reply(...toDescription, reply);
      t.expectScreen('file.identity');
      expect(t.state.data.description).toBe(stored);
    },
  );

  test.each([
    ['sw', '1 character', 'A', 'Andika herufi 2 hadi 60, au chagua Ruka.'],
    ['en', '61 characters', 'x'.repeat(61), 'Type 2 to 60 characters, or choose Skip.'],
    ['en', 'empty', '', 'Please type an answer.'],
  ] as const)(
    'when the %s place is %s, then the error %j shows and the place is asked again',
    (lang, _name, reply, error) => {
      const t = dial(makeEngineContext(), { lang }).reply(...toPlace, reply);
      t.expectScreen('file.place').expectError(error);
      expect(t.state.data.place).toBeUndefined();
    },
  );

  test.each([
    ['sw', 'file.region', 'abc', ['1']],
    ['en', 'file.region', '', ['1']],
    ['sw', 'file.council', '6', ['1', '2']],
    ['en', 'file.council', '2a', ['1', '2']],
    ['sw', 'file.category', '10', toPlace.slice(0, 3)],
    ['en', 'file.category', 'water', toPlace.slice(0, 3)],
    ['sw', 'file.identity', '3', toConfirm.slice(0, 6)],
    ['en', 'file.identity', '-1', toConfirm.slice(0, 6)],
    ['sw', 'main', '7', []],
    ['en', 'main', '1.', []],
  ] as const)(
    'when a caller in %s on %s answers %j, then the invalid-choice line tops the same page',
    (lang, screen, reply, before) => {
      const t = dial(makeEngineContext(), { lang }).reply(...before);
      const shown = { lines: t.lines, items: t.itemNumbers, page: t.state.page };
      t.reply(reply).expectScreen(screen).expectError(invalid[lang]);
      expect(t.effects).toEqual([]);
      expect(t.state.page).toBe(shown.page);
      // The error line may push the page's last items off, never bring others in.
      expect(t.itemNumbers).toEqual(shown.items.slice(0, t.itemNumbers.length));
      expect(t.itemNumbers.length).toBeGreaterThan(shown.items.length / 2);
      const kept = t.lines.slice(1);
      expect(kept).toEqual(shown.lines.filter((l) => kept.includes(l)));
      expect(kept.slice(-2)).toEqual(shown.lines.slice(-2));
    },
  );

  test.each([
    ['sw', 'main', 0],
    ['en', 'main', 0],
    ['sw', 'file.identity', 6],
    ['en', 'file.identity', 6],
  ] as const)(
    'when a wrong reply reaches the %s %s screen, then every option is still on the page',
    (lang, screen, replies) => {
      const t = dial(makeEngineContext(), { lang }).reply(...toConfirm.slice(0, replies));
      const shown = t.lines;
      expect(t.reply('9').expectScreen(screen).lines).toEqual([invalid[lang], ...shown]);
    },
  );

  test.each(['sw', 'en'] as const)(
    'when a caller in %s errs on region page 2, then the page still starts at 12 and 98 still leads to page 3',
    (lang) => {
      const t = dial(makeEngineContext(), { lang }).reply('1', '98', 'abc');
      t.expectError(invalid[lang]);
      expect([t.state.page, t.itemNumbers[0]]).toEqual([1, 12]);
      expect(t.lines.slice(-2)).toEqual(
        lang === 'sw' ? ['98. Zaidi', '0. Rudi'] : ['98. More', '0. Back'],
      );
      t.reply('98');
      expect(t.itemNumbers).toEqual([23, 24, 25, 26, 27, 28, 29, 30]);
    },
  );

  test('when a wrong reply reaches the longest confirm screen, then Send, Change and Cancel all stay on it', () => {
    const longest = {
      ...waterInDar,
      council: 'Kigamboni MC',
      category: 'council_services' as const,
      place: 'p'.repeat(60),
      description: 'd'.repeat(150),
      anonymous: true,
    };
    const t = dial(makeEngineContext(), { lang: 'sw' }).reply(...repliesToConfirm(longest), '7');
    t.expectScreen('file.confirm').expectError(invalid.sw);
    // The error line takes the prompt's place: the summary keeps its room.
    expect(t.lines.slice(1, 3)).toEqual([
      'Dar es Salaam, Kigamboni Manispaa',
      'Aina: Huduma za Halmashauri',
    ]);
    expect(t.lines.slice(-4)).toEqual(['1. Tuma', '2. Badilisha', '0. Ghairi', '00. Menyu kuu']);
    t.reply('2').expectScreen('file.edit');
  });
});

describe('typed text the phone cannot show', () => {
  test.each([
    ['Maji hayatoki 😡 tangu jana', '"Maji hayatoki ? tangu jana"'],
    ['Bomba *limevunjika* tangu jana', '"Bomba *limevunjika* tangu jana"'],
    ['Barabara “mbovu” – tangu mwezi', '"Barabara "mbovu" - tangu mwezi"'],
  ])(
    'when the description is %j, then confirm shows %j and the effect keeps it as typed',
    (text, shown) => {
      const answers = { ...waterInDar, place: null, description: text };
      const t = dial(makeEngineContext(), { lang: 'sw' }).reply(...repliesToConfirm(answers));
      expect(t.lines[3]).toBe(shown);
      t.reply('1').expectEffects([
        { type: 'complaint.submit', number: '64861526', language: 'sw', draft: draftFor(answers) },
      ]);
    },
  );
});

describe('the daily complaint limit', () => {
  test.each([
    ['sw', 'CON Umefikia kikomo cha malalamiko 5 kwa siku. Tafadhali jaribu tena kesho.\n0. Rudi'],
    [
      'en',
      'CON You have reached the limit of 5 complaints a day. Please try again tomorrow.\n0. Back',
    ],
  ] as const)(
    'when a phone in %s has filed 5 today, then File shows the limit instead of the regions',
    (lang, body) => {
      dial(makeEngineContext({ filedToday: 5 }), { lang })
        .reply('1')
        .expectScreen('file.limit')
        .expectBody(body)
        .reply('0')
        .expectScreen('main');
    },
  );

  test('when a phone has filed 4 of 5 today, then File shows the regions', () => {
    dial(makeEngineContext({ filedToday: 4 }), { lang: 'sw' })
      .reply('1')
      .expectScreen('file.region');
  });

  test('when the limit is reached between starting and sending, then Send shows the limit and nothing is filed', () => {
    const ctx = makeEngineContext({ filedToday: 4 });
    const t = dial(ctx, { lang: 'en' })
      .reply(...toConfirm)
      .expectScreen('file.confirm');
    ctx.filedToday = 5;
    t.reply('1')
      .expectScreen('file.limit')
      .expectBody(/^CON You have reached the limit of 5 complaints/);
    expect(t.effects).toEqual([]);
    expect(ctx.issuedNumbers).toEqual([]);
  });
});

/**
 * Transcripts through the pure engine: first dial and language, the main menu, help, changing the
 * language, leaving, a reply after the end, and resuming a dropped draft. Kiswahili and English.
 */
import { makeEngineContext, TOLL_FREE } from '../helpers/engine-context';
import { dial } from '../helpers/transcript';
import type { ResumableDraft, SessionState } from '../../src/ussd/core/types';

const mainMenu = {
  sw: 'CON Chagua huduma:\n1. Wasilisha lalamiko\n2. Fuatilia lalamiko\n3. Malalamiko yangu\n4. Nipigie\n5. Msaada\n6. Lugha / Language\n0. Toka',
  en: 'CON Choose a service:\n1. File a complaint\n2. Track a complaint\n3. My recent complaints\n4. Call me back\n5. Help\n6. Lugha / Language\n0. Exit',
};

const welcome =
  'CON Karibu OR-TAMISEMI\nHuduma ya Malalamiko\nWelcome to PO-RALG Complaints\n1. Kiswahili\n2. English';

describe('first dial and language', () => {
  test('when a phone dials for the first time, then the bilingual welcome asks for a language', () => {
    dial(makeEngineContext()).expectScreen('language.first').expectBody(welcome).expectEffects([]);
  });

  test.each([
    ['1', 'sw'],
    ['2', 'en'],
  ] as const)(
    'when the first dial is answered %s, then the language %s is saved and the main menu is in it',
    (reply, language) => {
      dial(makeEngineContext())
        .reply(reply)
        .expectScreen('main')
        .expectBody(mainMenu[language])
        .expectEffects([{ type: 'citizen.setLanguage', language }]);
    },
  );

  test.each(['3', '', 'sw', '0'])(
    'when the first dial is answered %j, then the welcome is shown again under the error line',
    (reply) => {
      const t = dial(makeEngineContext()).reply(reply).expectScreen('language.first');
      t.expectError('Jaribu tena:').expectEffects([]);
      expect(t.lines.slice(1)).toEqual(welcome.slice(4).split('\n'));
    },
  );

  test.each(['sw', 'en'] as const)(
    'when a phone that chose %s dials, then the main menu opens in it with no effect',
    (lang) => {
      dial(makeEngineContext(), { lang })
        .expectScreen('main')
        .expectBody(mainMenu[lang])
        .expectEffects([]);
    },
  );

  test.each([
    ['sw', '2', 'en'],
    ['en', '1', 'sw'],
    ['sw', '1', 'sw'],
  ] as const)(
    'when a phone in %s picks language option %s from the main menu, then it is saved as %s',
    (lang, reply, language) => {
      dial(makeEngineContext(), { lang })
        .reply('6')
        .expectScreen('language.change')
        .expectBody(
          `CON Chagua lugha / Choose language:\n1. Kiswahili\n2. English\n0. ${lang === 'sw' ? 'Rudi' : 'Back'}`,
        )
        .reply(reply)
        .expectScreen('main')
        .expectBody(mainMenu[language])
        .expectEffects([{ type: 'citizen.setLanguage', language }]);
    },
  );

  test('when the language change is left with 0, then the main menu returns with no effect', () => {
    const t = dial(makeEngineContext(), { lang: 'en' }).reply('6', '0');
    t.expectScreen('main').expectBody(mainMenu.en);
    expect(t.effects).toEqual([]);
  });
});

describe('help and leaving', () => {
  test.each([
    [
      'sw',
      'CON Msaada: Huduma hii ni bure. Wasilisha kero za halmashauri. Kufuatilia, piga *384*1234*<namba>#\nSimu bure: 0800 110 010\n0. Rudi',
    ],
    [
      'en',
      'CON Help: This service is free. Report problems with councils. To track, dial *384*1234*<number>#\nToll-free: 0800 110 010\n0. Back',
    ],
  ] as const)(
    'when help is chosen in %s, then it shows the one-dial tracking code and the toll-free number',
    (lang, body) => {
      dial(makeEngineContext({ tollFreeNumber: TOLL_FREE }), { lang })
        .reply('5')
        .expectScreen('help')
        .expectBody(body)
        .reply('0')
        .expectScreen('main');
    },
  );

  test('when no toll-free number is configured, then help leaves that line out', () => {
    const t = dial(makeEngineContext(), { lang: 'sw' }).reply('5').expectScreen('help');
    t.expectBodyNot(/Simu bure/);
    expect(t.lines.at(-1)).toBe('0. Rudi');
  });

  test.each([
    ['sw', 'END Asante kwa kutumia huduma hii.'],
    ['en', 'END Thank you for using this service.'],
  ] as const)(
    'when 0 is chosen on the %s main menu, then the session ends with goodbye',
    (lang, body) => {
      dial(makeEngineContext(), { lang })
        .reply('0')
        .expectScreen('goodbye')
        .expectEnd()
        .expectBody(body)
        .expectEffects([]);
    },
  );

  test.each([
    ['sw', 'END Muda wa huduma umekwisha. Piga *384*1234# kuanza upya.'],
    ['en', 'END Your session has ended. Dial *384*1234# to start again.'],
  ] as const)(
    'when a reply reaches a session in %s that has ended, then it is told to dial again',
    (lang, body) => {
      dial(makeEngineContext(), { lang })
        .reply('0', '1')
        .expectScreen('ended')
        .expectBody(body)
        .expectEffects([]);
    },
  );
});

/** A draft dropped on the description screen of a Tanga water complaint. */
const droppedState: SessionState = {
  lang: 'sw',
  screen: 'file.description',
  page: 0,
  stack: ['main', 'file.region', 'file.council', 'file.category', 'file.place'].map((screen) => ({
    screen,
    page: 0,
  })),
  data: { region: 'TAN', council: 'TAN-TAC', category: 'water', place: 'Chumbageni' },
};
const draft: ResumableDraft = { sessionId: 'ATUid_dropped', state: droppedState };

describe('resuming a dropped draft', () => {
  test.each([
    ['sw', 'CON Una lalamiko ambalo hukulimaliza. Uendelee ulipoishia?\n1. Endelea\n2. Anza upya'],
    [
      'en',
      'CON You have a complaint you did not finish. Continue where you stopped?\n1. Continue\n2. Start again',
    ],
  ] as const)(
    'when a phone in %s with a draft dials, then it is offered to continue',
    (lang, body) => {
      dial(makeEngineContext({ draft }), { lang }).expectScreen('resume').expectBody(body);
    },
  );

  test.each(['sw', 'en'] as const)(
    'when a caller in %s continues, then the draft screen returns with its answers, in the language of the dial',
    (lang) => {
      const t = dial(makeEngineContext({ draft }), { lang })
        .reply('1')
        .expectScreen('file.description')
        .expectBody(lang === 'sw' ? /^CON Eleza tatizo/ : /^CON Describe the problem/)
        .expectEffects([{ type: 'draft.resume', fromSessionId: 'ATUid_dropped' }]);
      expect(t.state).toEqual({ ...droppedState, lang });
    },
  );

  test('when the continued draft is sent, then the submit effect carries the answers given before the drop', () => {
    const t = dial(makeEngineContext({ draft }), { lang: 'sw' })
      .reply('1', 'Bomba limevunjika tangu Jumatatu.', '2')
      .expectScreen('file.confirm')
      .expectBody(/^CON Thibitisha:\nTanga, Tanga Jiji\nAina: Maji\nBila kujulikana\nChumbageni\n/)
      .reply('1')
      .expectScreen('file.done');
    expect(t.lastEffects).toEqual([
      {
        type: 'complaint.submit',
        number: '64861526',
        language: 'sw',
        draft: {
          regionCode: 'TAN',
          councilCode: 'TAN-TAC',
          categoryCode: 'water',
          place: 'Chumbageni',
          description: 'Bomba limevunjika tangu Jumatatu.',
          anonymous: true,
        },
      },
    ]);
  });

  test.each([
    ['sw', mainMenu.sw],
    ['en', mainMenu.en],
  ] as const)(
    'when a caller in %s starts again, then the draft is discarded and the main menu shows',
    (lang, body) => {
      const t = dial(makeEngineContext({ draft }), { lang })
        .reply('2')
        .expectScreen('main')
        .expectBody(body)
        .expectEffects([{ type: 'draft.discard', fromSessionId: 'ATUid_dropped' }]);
      expect(t.state.data).toEqual({});
    },
  );

  test('when the resume screen gets a wrong reply, then it asks again and nothing is resumed', () => {
    const t = dial(makeEngineContext({ draft }), { lang: 'en' }).reply('7').expectScreen('resume');
    t.expectError('Try again:');
    expect(t.effects).toEqual([]);
  });
});

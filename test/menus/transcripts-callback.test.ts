/**
 * "Call me back" through the pure engine: category, the region (asked only when the phone never
 * filed a complaint), confirm, END with the reference; changing the region, cancelling, the
 * request already open and the daily limit. Kiswahili and English.
 */
import { formatCallbackReference, isCallbackReference } from '../../src/callbacks/core/reference';
import { isValidComplaintNumber } from '../../src/complaints/core/numbers';
import { makeEngineContext, regionNumber } from '../helpers/engine-context';
import { dial } from '../helpers/transcript';

const CALL_ME_BACK = '4';
const WATER = '3';

describe('asking to be called back', () => {
  test.each([
    [
      'sw',
      'Nipigie kuhusu:',
      'Uko mkoa gani\\?',
      'Tukupigie simu?',
      'Mkoa: Dodoma',
      'Kuhusu: Maji',
    ],
    [
      'en',
      'Call me back about:',
      'Which region are you in\\?',
      'Ask us to call you back?',
      'Region: Dodoma',
      'About: Water',
    ],
  ] as const)(
    'when a new phone asks in %s, then category, region and confirm lead to END with a reference',
    (lang, categoryPrompt, regionPrompt, confirmPrompt, region, about) => {
      const ctx = makeEngineContext();
      const t = dial(ctx, { lang })
        .reply(CALL_ME_BACK)
        .expectScreen('callback.category')
        .expectBody(new RegExp(`^CON ${categoryPrompt}\\n1\\. `))
        .reply(WATER)
        .expectScreen('callback.region')
        .expectBody(new RegExp(`^CON ${regionPrompt}\\n`))
        .reply(regionNumber('Dodoma'))
        .expectScreen('callback.confirm');
      expect(t.lines.slice(0, 3)).toEqual([confirmPrompt, region, about]);
      t.reply('1').expectScreen('callback.done').expectEnd();

      const [reference] = ctx.issuedReferences;
      expect(reference && isCallbackReference(reference)).toBe(true);
      expect(t.body).toContain(formatCallbackReference(reference ?? ''));
      expect(t.lastEffects).toEqual([
        {
          type: 'callback.request',
          reference,
          regionCode: 'DOD',
          categoryCode: 'water',
          language: lang,
        },
      ]);
    },
  );

  test('when the phone filed a complaint before, then its region is not asked but shown, and can be changed', () => {
    const ctx = makeEngineContext({ lastRegion: 'ARU' });
    const t = dial(ctx, { lang: 'en' }).reply(CALL_ME_BACK, WATER).expectScreen('callback.confirm');
    expect(t.lines).toEqual([
      'Ask us to call you back?',
      'Region: Arusha',
      'About: Water',
      '1. Send',
      '2. Change region',
      '0. Cancel',
      '00. Main menu',
    ]);
    t.reply('2').expectScreen('callback.region').reply(regionNumber('Dodoma'));
    t.expectScreen('callback.confirm')
      .expectBody(/Region: Dodoma/)
      .reply('1')
      .expectEnd();
    expect(t.lastEffects).toEqual([expect.objectContaining({ regionCode: 'DOD' })]);
  });

  test('when the last complaint is in a region the picker does not offer, then the region is asked', () => {
    const ctx = makeEngineContext({ lastRegion: 'ZZZ' });
    dial(ctx, { lang: 'en' }).reply(CALL_ME_BACK, WATER).expectScreen('callback.region');
  });

  test('when the caller goes back from the region list, then the category is asked again', () => {
    dial(makeEngineContext(), { lang: 'sw' })
      .reply(CALL_ME_BACK, WATER, '0')
      .expectScreen('callback.category')
      .reply('1')
      .expectScreen('callback.region');
  });

  test('when the caller cancels on the confirm screen, then nothing is asked for', () => {
    const ctx = makeEngineContext({ lastRegion: 'ARU' });
    const t = dial(ctx, { lang: 'sw' }).reply(CALL_ME_BACK, WATER, '0');
    t.expectScreen('callback.cancelled')
      .expectEnd()
      .expectBody('END Ombi lako halikutumwa. Asante.');
    expect(t.effects).toEqual([]);
    expect(ctx.issuedReferences).toEqual([]);
  });

  test('when a reference is made, then it is never a complaint number', () => {
    const ctx = makeEngineContext({ seed: 3 });
    for (let i = 0; i < 200; i++) ctx.newCallbackReference();
    expect(ctx.issuedReferences.every((r) => r.length === 7 && isCallbackReference(r))).toBe(true);
    expect(ctx.issuedReferences.some((r) => isValidComplaintNumber(r))).toBe(false);
  });
});

describe('one request at a time, and a daily limit', () => {
  test.each([
    [
      'sw',
      'CON Tayari umeomba tukupigie (ombi 482 1036, Maji). Tutakupigia hivi karibuni.\n0. Rudi',
    ],
    [
      'en',
      'CON You have already asked us to call you back (request 482 1036, Water). We will call you soon.\n0. Back',
    ],
  ] as const)(
    'when a phone with an open request asks again in %s, then it is shown that request',
    (lang, body) => {
      const ctx = makeEngineContext({ callback: { reference: '4821036', categoryCode: 'water' } });
      const t = dial(ctx, { lang }).reply(CALL_ME_BACK).expectScreen('callback.refused');
      t.expectBody(body).reply('0').expectScreen('main');
      expect(t.effects).toEqual([]);
    },
  );

  test('when the phone reached the daily limit, then it is told to try tomorrow', () => {
    const ctx = makeEngineContext({ callbacksAsked: 3, callbackDailyLimit: 3 });
    dial(ctx, { lang: 'en' })
      .reply(CALL_ME_BACK)
      .expectScreen('callback.refused')
      .expectBody(
        'CON You have asked to be called back 3 times today. Please try again tomorrow.\n0. Back',
      );
  });

  test('when another session asked meanwhile, then Send shows that request instead of a second', () => {
    const ctx = makeEngineContext({ lastRegion: 'ARU' });
    const t = dial(ctx, { lang: 'en' }).reply(CALL_ME_BACK, WATER).expectScreen('callback.confirm');
    ctx.callback = { reference: '4821036', categoryCode: 'health' };
    t.reply('1')
      .expectScreen('callback.refused')
      .expectBody(/request 482 1036, Health/);
    expect(t.effects).toEqual([]);
    expect(ctx.issuedReferences).toEqual([]);
  });
});

/**
 * Transcripts of one dial, no menu: `*384*1234*48210379#` answers at once with END and the
 * complaint's status (the description only to the phone that filed it), `*384*1234*1#` opens
 * filing, `*384*1234*2#` tracking; in the caller's language, Kiswahili when it is unknown. And the
 * region picker: the 26 mainland regions by default, Zanzibar's 5 as well with REGIONS=all.
 */
import { formatComplaintNumber } from '../../src/complaints/core/numbers';
import {
  adminRegions,
  complaintFixture,
  makeEngineContext,
  mainlandRegions,
  numberFromSeed,
  OTHER_PHONE,
  regionNamed,
} from '../helpers/engine-context';
import { dial } from '../helpers/transcript';

const mine = complaintFixture(1, { status: 'in_progress' });
const theirs = complaintFixture(2, { citizenPhone: OTHER_PHONE });
const world = () => makeEngineContext({ complaints: [mine, theirs], regions: mainlandRegions });
const grouped = formatComplaintNumber(mine.number);

describe('a complaint number inside the code', () => {
  test.each([
    [
      'sw',
      `END Lalamiko ${grouped}\nHali: Linashughulikiwa\nHalmashauri: Tanga Jiji\nTarehe: 12/03/2026\n"Maji hayatoki kijijini tangu wiki iliyopita."`,
    ],
    [
      'en',
      `END Complaint ${grouped}\nStatus: In progress\nCouncil: Tanga CC\nDate: 12/03/2026\n"Maji hayatoki kijijini tangu wiki iliyopita."`,
    ],
  ] as const)(
    'when the %s filer dials it, then the status, council, date and description end the session at once',
    (lang, body) => {
      dial(world(), { lang, text: mine.number })
        .expectScreen('track.directResult')
        .expectBody(body)
        .expectEffects([]);
    },
  );

  test('when another phone dials it, then the status shows without the description', () => {
    const t = dial(world(), { lang: 'en', text: theirs.number }).expectEnd();
    expect(t.lines).toEqual([
      `Complaint ${formatComplaintNumber(theirs.number)}`,
      'Status: Received',
      'Council: Tanga CC',
      'Date: 12/03/2026',
    ]);
  });

  test('when a phone whose language is unknown dials it, then the answer is in Kiswahili and no language is stored', () => {
    dial(world(), { text: mine.number })
      .expectEnd()
      .expectBody(new RegExp(`^END Lalamiko ${grouped}\nHali: Linashughulikiwa\n`))
      .expectEffects([]);
  });

  test('when the number arrives with a trailing # (*384*1234*48210379##), then it is found', () => {
    dial(world(), { lang: 'en', text: `${mine.number}#` }).expectScreen('track.directResult');
  });

  const n = mine.number;
  const typo = `${n.slice(0, 7)}${(Number(n[7]) + 1) % 10}`;
  test.each([
    ['sw', typo, 'Namba hii ina kosa la uchapaji. Hakikisha na ujaribu tena.', '0. Menyu kuu'],
    ['en', typo, 'That number has a typing mistake. Check it and try again.', '0. Main menu'],
    [
      'en',
      numberFromSeed(99),
      'Complaint number not found. Check it and try again.',
      '0. Main menu',
    ],
    ['sw', '4821', 'Namba ya lalamiko ina tarakimu 8. Hakikisha na ujaribu tena.', '0. Menyu kuu'],
    ['en', '3', 'A complaint number has 8 digits. Check it and try again.', '0. Main menu'],
  ] as const)(
    'when a caller in %s dials %j, then %j says so and the number is asked again',
    (lang, typed, error, zero) => {
      const t = dial(world(), { lang, text: typed })
        .expectScreen('track.direct')
        .expectError(error);
      expect(t.ended).toBe(false);
      expect(t.lines.at(-1)).toBe(zero);
    },
  );

  test('when the mistyped number is typed again correctly, then the status ends the session', () => {
    dial(world(), { lang: 'en', text: typo })
      .reply(mine.number)
      .expectScreen('track.directResult')
      .expectEnd();
  });

  test('when 0 is sent after a mistyped number, then the main menu shows and works', () => {
    dial(world(), { lang: 'sw', text: typo })
      .reply('0')
      .expectScreen('main')
      .reply('2', mine.number)
      .expectScreen('track.result');
  });
});

describe('a menu choice inside the code', () => {
  test.each([
    ['sw', 'CON Chagua mkoa:\n1. Arusha\n'],
    ['en', 'CON Choose region:\n1. Arusha\n'],
  ] as const)(
    'when a caller in %s dials *384*1234*1#, then filing opens at the region list',
    (lang, start) => {
      const t = dial(world(), { lang, text: '1' }).expectScreen('file.region');
      expect(t.body.startsWith(start)).toBe(true);
    },
  );

  test('when a phone whose language is unknown dials *384*1234*1#, then filing opens in Kiswahili', () => {
    dial(world(), { text: '1' })
      .expectScreen('file.region')
      .expectBody(/^CON Chagua mkoa:\n/)
      .expectEffects([]);
  });

  test('when *384*1234*2# is dialled, then the number is asked, and the result leaves room to go on', () => {
    dial(world(), { lang: 'en', text: '2' })
      .expectScreen('track.number')
      .expectBody('CON Enter your complaint number:\n0. Back')
      .reply(mine.number)
      .expectScreen('track.result')
      .reply('0', '0')
      .expectScreen('main');
  });

  test('when 0 is sent on the region list of a direct dial, then the main menu shows', () => {
    dial(world(), { lang: 'en', text: '1' }).reply('0').expectScreen('main');
  });

  test('when the daily limit is reached and *384*1234*1# is dialled, then the limit screen shows', () => {
    const ctx = makeEngineContext({ filedToday: 5, dailyComplaintLimit: 5 });
    dial(ctx, { lang: 'en', text: '1' }).expectScreen('file.limit');
  });

  test('when the dial carries two replies (*384*1234*2*48210379#), then both are taken', () => {
    dial(world(), { lang: 'en', text: `2*${mine.number}` })
      .expectScreen('track.result')
      .expectBody(new RegExp(`^CON Complaint ${grouped}\n`));
  });

  test('when a draft could be resumed, then a direct dial still goes where it says', () => {
    const ctx = makeEngineContext({
      draft: {
        sessionId: 'ATUid_old',
        state: { lang: 'en', screen: 'file.council', page: 0, stack: [], data: { region: 'ARU' } },
      },
    });
    dial(ctx, { lang: 'en', text: '1' }).expectScreen('file.region').expectEffects([]);
  });
});

describe('the region picker', () => {
  const allNumbers = (t: ReturnType<typeof dial>) => {
    const seen = [...t.itemNumbers];
    while (t.lines.includes('98. More') || t.lines.includes('98. Zaidi')) {
      t.reply('98');
      seen.push(...t.itemNumbers);
    }
    return seen;
  };

  test('when the picker offers the mainland regions, then 26 regions show, Tanga last, no Zanzibar region', () => {
    const t = dial(world(), { lang: 'en' }).reply('1');
    expect(mainlandRegions).toHaveLength(26);
    expect(allNumbers(t)).toEqual(mainlandRegions.map((_r, i) => i + 1));
    expect(t.body).toMatch(/\n26\. Tanga\n/);
    expect(t.body).not.toMatch(/Pemba|Unguja|Mjini Magharibi/);
  });

  test('when REGIONS=all, then the 31 regions show, Zanzibar last', () => {
    const t = dial(makeEngineContext({ regions: adminRegions }), { lang: 'en' }).reply('1');
    expect(allNumbers(t)).toEqual(adminRegions.map((_r, i) => i + 1));
    expect(t.body).toMatch(/\n31\. Mjini Magharibi\n/);
  });

  test('when the mainland list is paged, then it takes fewer pages than all regions', () => {
    const pagesOf = (regions: typeof adminRegions) => {
      const t = dial(makeEngineContext({ regions }), { lang: 'sw' }).reply('1');
      let pages = 1;
      while (t.lines.includes('98. Zaidi')) {
        t.reply('98');
        pages++;
      }
      return pages;
    };
    expect(pagesOf(mainlandRegions)).toBeLessThan(pagesOf(adminRegions));
  });

  test('when a complaint was filed in a Zanzibar region, then it is still tracked with the mainland picker', () => {
    const pemba = regionNamed('Kaskazini Pemba');
    const council = pemba.councils[0]!;
    const zanzibar = complaintFixture(5, { councilLabel: council.label });
    const ctx = makeEngineContext({ complaints: [zanzibar], regions: mainlandRegions });
    dial(ctx, { lang: 'en', text: zanzibar.number })
      .expectScreen('track.directResult')
      .expectBody(new RegExp(`\nCouncil: ${council.label.en}\n`));
  });
});

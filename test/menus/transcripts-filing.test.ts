/**
 * Transcripts of filing a complaint: every step in both languages, skipping the place, filing
 * anonymously, paging the regions, and cancelling. Edits from the confirm screen are in
 * transcripts-edit.test.ts, wrong replies in transcripts-errors.test.ts.
 */
import { makeEngineContext } from '../helpers/engine-context';
import { draftFor, repliesToConfirm, waterInDar } from '../helpers/filing';
import { dial } from '../helpers/transcript';

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('filing a complaint, step by step', () => {
  const replies = repliesToConfirm(waterInDar);
  test.each([
    ['sw', 1, 'file.region', /^CON Chagua mkoa:\n1\. Arusha\n2\. Dar es Salaam\n/],
    ['sw', 2, 'file.council', /^CON Chagua halmashauri:\n1\. Dar es Salaam Jiji\n/],
    ['sw', 3, 'file.category', /^CON Aina ya lalamiko:\n1\. Afya\n2\. Elimu\n3\. Maji\n/],
    ['sw', 4, 'file.place', /^CON Andika jina la kata au kijiji\/mtaa husika:\n1\. Ruka\n/],
    ['sw', 5, 'file.description', /^CON Eleza tatizo kwa ufupi: nini, wapi, tangu lini\./],
    ['sw', 6, 'file.identity', /^CON Ungependa kujulikana\?\n1\. Ndiyo, tumia namba yangu\n/],
    ['sw', 7, 'file.confirm', /^CON Thibitisha:\n/],
    ['en', 1, 'file.region', /^CON Choose region:\n1\. Arusha\n2\. Dar es Salaam\n/],
    ['en', 2, 'file.council', /^CON Choose council:\n1\. Dar es Salaam CC\n/],
    ['en', 3, 'file.category', /^CON Complaint type:\n1\. Health\n2\. Education\n3\. Water\n/],
    ['en', 4, 'file.place', /^CON Type the ward or village\/street name:\n1\. Skip\n/],
    ['en', 5, 'file.description', /^CON Describe the problem briefly: what, where, since when\./],
    ['en', 6, 'file.identity', /^CON Do you want to be identified\?\n1\. Yes, use my number\n/],
    ['en', 7, 'file.confirm', /^CON Confirm:\n/],
  ] as const)(
    'when a caller in %s has sent %i of the filing replies, then the screen is %s',
    (lang, n, screen, body) => {
      const t = dial(makeEngineContext(), { lang }).reply(...replies.slice(0, n));
      t.expectScreen(screen).expectBody(body);
      expect(t.effects).toEqual([]);
    },
  );

  test.each([
    [
      'sw',
      'CON Thibitisha:\nDar es Salaam, Dar es Salaam Jiji\nAina: Maji\nKata ya Mbezi\n"Maji hayatoki kijijini tangu wiki ili..\n1. Tuma\n2. Badilisha\n0. Ghairi\n00. Menyu kuu',
      'END Asante. Lalamiko lako limepokelewa.\nNamba ya lalamiko: 6486 1526\nTumia namba hii kufuatilia. Utapokea SMS ya mrejesho.',
    ],
    [
      'en',
      'CON Confirm:\nDar es Salaam, Dar es Salaam CC\nType: Water\nKata ya Mbezi\n"Maji hayatoki kijijini tangu wiki iliyopita."\n1. Send\n2. Change\n0. Cancel\n00. Main menu',
      'END Thank you. Your complaint has been received.\nComplaint number: 6486 1526\nUse it to track progress. You will get an SMS update.',
    ],
  ] as const)(
    'when a caller in %s sends, then the summary, the grouped number, the SMS note and the submit effect are right',
    (lang, confirm, done) => {
      const t = dial(makeEngineContext(), { lang })
        .reply(...replies)
        .expectBody(confirm)
        .reply('1')
        .expectScreen('file.done')
        .expectEnd()
        .expectBody(done);
      expect(t.effects).toEqual([
        {
          type: 'complaint.submit',
          number: '64861526',
          language: lang,
          draft: draftFor(waterInDar),
        },
      ]);
    },
  );

  test.each(['sw', 'en'] as const)(
    'when a caller in %s skips the place with 1, then the summary has no place and the draft place is null',
    (lang) => {
      const answers = { ...waterInDar, place: null };
      const t = dial(makeEngineContext(), { lang }).reply(...repliesToConfirm(answers));
      t.expectScreen('file.confirm').expectBodyNot(/Kata ya Mbezi/);
      expect(t.lines[3]).toBe('"Maji hayatoki kijijini tangu wiki iliyopita."');
      t.reply('1').expectEffects([
        { type: 'complaint.submit', number: '64861526', language: lang, draft: draftFor(answers) },
      ]);
    },
  );

  test.each([
    ['sw', 'Bila kujulikana'],
    ['en', 'Anonymous'],
  ] as const)(
    'when a caller in %s files anonymously, then the summary says %j and the draft is anonymous',
    (lang, line) => {
      const answers = { ...waterInDar, anonymous: true };
      const t = dial(makeEngineContext(), { lang }).reply(...repliesToConfirm(answers));
      expect(t.lines[3]).toBe(line);
      t.reply('1').expectEffects([
        { type: 'complaint.submit', number: '64861526', language: lang, draft: draftFor(answers) },
      ]);
    },
  );

  test.each([
    ['sw', 'END Lalamiko halikutumwa. Asante.'],
    ['en', 'END Your complaint was not sent. Thank you.'],
  ] as const)(
    'when a caller in %s cancels with 0 on confirm, then the session ends with nothing sent',
    (lang, body) => {
      const t = dial(makeEngineContext(), { lang })
        .reply(...replies, '0')
        .expectScreen('file.cancelled')
        .expectBody(body);
      expect(t.effects).toEqual([]);
    },
  );

  test('when 00 is sent on the confirm screen, then the main menu shows and the draft is dropped', () => {
    const t = dial(makeEngineContext(), { lang: 'sw' }).reply(...replies, '00');
    t.expectScreen('main');
    expect(t.state).toEqual({ lang: 'sw', screen: 'main', page: 0, stack: [], data: {} });
    expect(t.effects).toEqual([]);
  });
});

describe('paging the 31 regions', () => {
  test.each([
    ['sw', 'Zaidi', 'Rudi'],
    ['en', 'More', 'Back'],
  ] as const)(
    'when a caller in %s walks the regions with 98, then numbering runs on across pages',
    (lang, more, back) => {
      const t = dial(makeEngineContext(), { lang }).reply('1');
      const pages = [range(1, 11), range(12, 22), range(23, 30), [31]];
      pages.forEach((numbers, i) => {
        if (i > 0) t.reply('98');
        expect({ page: t.state.page, numbers: t.itemNumbers }).toEqual({ page: i, numbers });
        const nav = i < pages.length - 1 ? [`98. ${more}`, `0. ${back}`] : [`0. ${back}`];
        expect(t.lines.slice(-nav.length)).toEqual(nav);
      });
      expect(t.lines).toContain('31. Mjini Magharibi');
    },
  );

  test.each(['sw', 'en'] as const)(
    'when a caller in %s picks 27 on page 3, then Kaskazini Pemba is chosen and its councils are listed',
    (lang) => {
      const t = dial(makeEngineContext(), { lang }).reply('1', '98', '98');
      expect(t.lines).toContain('27. Kaskazini Pemba');
      t.reply('27')
        .expectScreen('file.council')
        .expectBody(/\n1\. Micheweni\n2\. Wete\n/);
      expect(t.state.data).toEqual({ region: 'KPE' });
    },
  );

  test('when 0 is sent on page 3, then page 2 shows, then page 1, then the main menu', () => {
    const t = dial(makeEngineContext(), { lang: 'sw' }).reply('1', '98', '98');
    t.reply('0');
    expect([t.state.screen, t.itemNumbers]).toEqual(['file.region', range(12, 22)]);
    t.reply('0');
    expect([t.state.screen, t.itemNumbers]).toEqual(['file.region', range(1, 11)]);
    t.reply('0').expectScreen('main');
  });

  test('when 00 is sent on a later page of councils, then the main menu shows with nothing kept', () => {
    const t = dial(makeEngineContext(), { lang: 'sw' }).reply('1', '26');
    expect(t.itemNumbers).toEqual(range(1, 7));
    t.reply('98');
    expect(t.itemNumbers).toEqual(range(8, 11));
    expect(t.lines.slice(-2)).toEqual(['0. Rudi', '00. Menyu kuu']);
    t.reply('00').expectScreen('main');
    expect(t.state.data).toEqual({});
  });

  test('when 98 is sent on the last page, then the page stays with the error line', () => {
    const t = dial(makeEngineContext(), { lang: 'en' }).reply('1', '98', '98', '98', '98');
    t.expectScreen('file.region').expectError('Try again:');
    expect([t.state.page, t.itemNumbers]).toEqual([3, [31]]);
  });
});

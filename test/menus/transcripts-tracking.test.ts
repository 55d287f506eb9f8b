/**
 * Transcripts of tracking a complaint by number and of "my complaints": status, council and date
 * for anyone; the description only for the phone that filed it; typing mistakes caught.
 */
import { formatComplaintNumber } from '../../src/complaints/core/numbers';
import {
  complaintFixture,
  makeEngineContext,
  numberFromSeed,
  OTHER_PHONE,
  T0,
} from '../helpers/engine-context';
import { dial } from '../helpers/transcript';

const mine = complaintFixture(1);
const theirs = complaintFixture(2, { citizenPhone: OTHER_PHONE, status: 'in_progress' });
const world = () => makeEngineContext({ complaints: [mine, theirs] });
const grouped = formatComplaintNumber(mine.number);
const DAY = 24 * 60 * 60 * 1000;

describe('tracking a complaint by its number', () => {
  test.each([
    [
      'sw',
      `CON Lalamiko ${grouped}\nHali: Limepokelewa\nHalmashauri: Tanga Jiji\nTarehe: 12/03/2026\n"Maji hayatoki kijijini tangu wiki iliyopita."\n0. Rudi\n00. Menyu kuu`,
    ],
    [
      'en',
      `CON Complaint ${grouped}\nStatus: Received\nCouncil: Tanga CC\nDate: 12/03/2026\n"Maji hayatoki kijijini tangu wiki iliyopita."\n0. Back\n00. Main menu`,
    ],
  ] as const)(
    'when the %s filer tracks their number, then status, council, date and description show',
    (lang, body) => {
      dial(world(), { lang })
        .reply('2')
        .expectScreen('track.number')
        .reply(mine.number)
        .expectScreen('track.result')
        .expectBody(body)
        .expectEffects([]);
    },
  );

  test.each([
    ['sw', ['Hali: Linashughulikiwa', 'Halmashauri: Tanga Jiji', 'Tarehe: 12/03/2026', '0. Rudi']],
    ['en', ['Status: In progress', 'Council: Tanga CC', 'Date: 12/03/2026', '0. Back']],
  ] as const)(
    'when another phone tracks a number in %s, then the description is not shown',
    (lang, lines) => {
      const t = dial(world(), { lang }).reply('2', theirs.number);
      expect(t.lines.slice(1, 5)).toEqual(lines);
      t.expectBodyNot(/Maji hayatoki/);
    },
  );

  const n = mine.number;
  test.each([
    `${n.slice(0, 4)} ${n.slice(4)}`,
    `${n.slice(0, 4)}-${n.slice(4)}`,
    `${n}#`,
    ` #${n.slice(0, 2)} ${n.slice(2, 5)}-${n.slice(5)}# `,
  ])('when the number is typed as %j, then it is found', (typed) => {
    const t = dial(world(), { lang: 'en' }).reply('2', typed).expectScreen('track.result');
    expect(t.lines[0]).toBe(`Complaint ${grouped}`);
  });

  const typos = [...n].map((digit, i) => {
    const changed = String((Number(digit) + 1 + i) % 10);
    return [i + 1, n.slice(0, i) + (changed === digit ? '5' : changed) + n.slice(i + 1)] as const;
  });
  test.each(typos)(
    'when digit %i is mistyped (%s), then the check-digit error shows',
    (_pos, typed) => {
      dial(world(), { lang: 'sw' })
        .reply('2', typed)
        .expectScreen('track.number')
        .expectError('Namba hii ina kosa la uchapaji. Hakikisha na ujaribu tena.');
    },
  );

  test('when two neighbouring digits are swapped, then the check-digit error shows', () => {
    const swapped = n[1] === n[2] ? n : `${n[0]}${n[2]}${n[1]}${n.slice(3)}`;
    expect(swapped).not.toBe(n);
    dial(world(), { lang: 'en' })
      .reply('2', swapped)
      .expectError('That number has a typing mistake. Check it and try again.');
  });

  test.each([
    ['sw', numberFromSeed(99), 'Namba ya lalamiko haijapatikana. Hakikisha na ujaribu tena.'],
    ['en', numberFromSeed(99), 'Complaint number not found. Check it and try again.'],
    ['sw', '1234', 'Namba ya lalamiko ina tarakimu 8. Hakikisha na ujaribu tena.'],
    ['en', 'ABCD1234', 'A complaint number has 8 digits. Check it and try again.'],
    ['en', '', 'Please type an answer.'],
  ] as const)(
    'when a caller in %s tracks %j, then %j shows and the number is asked again',
    (lang, typed, error) => {
      dial(world(), { lang }).reply('2', typed).expectScreen('track.number').expectError(error);
    },
  );

  test('when 0 and 00 are sent from a result, then the number prompt and then the main menu show', () => {
    dial(world(), { lang: 'sw' })
      .reply('2', mine.number, '0')
      .expectScreen('track.number')
      .reply(mine.number, '00')
      .expectScreen('main');
  });

  test.each([
    ['assigned', 'Limepangiwa afisa', 'Assigned'],
    ['in_progress', 'Linashughulikiwa', 'In progress'],
    ['resolved', 'Limetatuliwa', 'Resolved'],
    ['closed', 'Limefungwa', 'Closed'],
    ['reopened', 'Limefunguliwa upya', 'Reopened'],
  ])('when the status is %s, then it reads %j and %j', (status, sw, en) => {
    const ctx = makeEngineContext({ complaints: [{ ...mine, status }] });
    expect(dial(ctx, { lang: 'sw' }).reply('2', mine.number).lines[1]).toBe(`Hali: ${sw}`);
    expect(dial(ctx, { lang: 'en' }).reply('2', mine.number).lines[1]).toBe(`Status: ${en}`);
  });

  test('when a complaint was filed at 01:30 in Dar es Salaam, then its date is that Tanzanian day', () => {
    const late = { ...mine, createdAt: Date.UTC(2026, 2, 11, 22, 30) };
    const t = dial(makeEngineContext({ complaints: [late] }), { lang: 'en' }).reply('2', n);
    expect(t.lines[3]).toBe('Date: 12/03/2026');
  });
});

describe('my complaints', () => {
  const own = [1, 2, 3, 4, 5, 6].map((seed) =>
    complaintFixture(seed + 10, { createdAt: T0 - seed * DAY, categoryCode: 'roads' }),
  );
  const other = complaintFixture(30, { citizenPhone: OTHER_PHONE, createdAt: T0 });

  test.each([
    ['sw', 'CON Malalamiko yako:', ' Barabara - Limepokelewa', '0. Rudi'],
    ['en', 'CON Your complaints:', ' Roads - Received', '0. Back'],
  ] as const)(
    'when a phone in %s has filed six, then the newest five show with their status',
    (lang, prompt, tail, back) => {
      const t = dial(makeEngineContext({ complaints: [other, ...own] }), { lang }).reply('3');
      const listed: string[] = [];
      t.expectScreen('mine.list').expectBody(new RegExp(`^${prompt}\\n`));
      for (;;) {
        listed.push(...t.lines.filter((l) => /^[1-9]\. /.test(l)));
        if (!t.lines.some((l) => l.startsWith('98. '))) break;
        t.reply('98');
      }
      expect(listed).toEqual(
        own.slice(0, 5).map((c, i) => `${i + 1}. ${formatComplaintNumber(c.number)}${tail}`),
      );
      expect(t.lines.at(-1)).toBe(back);
    },
  );

  test('when one of my complaints is picked, then its detail shows with the description', () => {
    const t = dial(makeEngineContext({ complaints: [...own] }), { lang: 'en' }).reply('3', '2');
    t.expectScreen('mine.detail');
    expect(t.lines[0]).toBe(`Complaint ${formatComplaintNumber(own[1]?.number ?? '')}`);
    expect(t.lines[4]).toBe('"Maji hayatoki kijijini tangu wiki iliyopita."');
    t.reply('0').expectScreen('mine.list');
  });

  test.each([
    ['sw', 'CON Bado hujawasilisha lalamiko kwa simu hii.\n0. Rudi'],
    ['en', 'CON You have not filed a complaint from this phone yet.\n0. Back'],
  ] as const)(
    'when a phone in %s has filed nothing, then the empty message shows',
    (lang, body) => {
      const t = dial(makeEngineContext({ complaints: [other] }), { lang }).reply('3');
      t.expectScreen('mine.list').expectBody(body);
      t.reply('1')
        .expectScreen('mine.list')
        .expectError(lang === 'sw' ? 'Jaribu tena:' : 'Try again:');
    },
  );
});

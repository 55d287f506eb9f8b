import type { SlaFacts, SlaPolicy } from '../../src/complaints/core/sla';
import { slaDueAt } from '../../src/complaints/core/sla';
import { dueEscalation } from '../../src/complaints/core/sla';
import {
  dayKey,
  endOfWorkingDaysAfter,
  isWorkingDay,
  startOfDay,
  workingDaysBetween,
} from '../../src/text/calendar';

// Tanzania is UTC+3 all year: midnight EAT is 21:00 UTC of the previous calendar day.
// Reference week: Monday 2026-01-05 … Sunday 2026-01-11.
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const t = (iso: string): number => Date.parse(iso);
const iso = (ms: number): string => new Date(ms).toISOString();

const none: ReadonlySet<string> = new Set<string>();
const christmas: ReadonlySet<string> = new Set(['2026-12-25', '2026-12-26']);
const karume: ReadonlySet<string> = new Set(['2026-04-07']);

describe('dayKey', () => {
  test.each([
    ['2026-01-05T09:00:00.000Z', '2026-01-05', 'Monday noon EAT'],
    ['2026-01-05T20:30:00.000Z', '2026-01-05', 'Monday 23:30 EAT'],
    ['2026-01-05T20:59:59.999Z', '2026-01-05', 'the last instant of Monday EAT'],
    ['2026-01-05T21:00:00.000Z', '2026-01-06', 'midnight EAT (UTC still Monday)'],
    ['2026-01-05T21:30:00.000Z', '2026-01-06', 'Tuesday 00:30 EAT (UTC still Monday)'],
    ['2026-01-05T00:00:00.000Z', '2026-01-05', 'UTC midnight (03:00 EAT)'],
    ['2026-12-31T21:00:00.000Z', '2027-01-01', 'new year in EAT, not yet in UTC'],
  ])('when the instant is %s, then the day is %s (%s)', (instant, expected) => {
    expect(dayKey(t(instant))).toBe(expected);
  });
});

describe('startOfDay', () => {
  test.each([
    ['2026-01-05T09:00:00.000Z', '2026-01-04T21:00:00.000Z', 'Monday noon EAT'],
    ['2026-01-05T00:00:00.000Z', '2026-01-04T21:00:00.000Z', 'Monday 03:00 EAT'],
    ['2026-01-04T22:00:00.000Z', '2026-01-04T21:00:00.000Z', 'Monday 01:00 EAT (UTC Sunday)'],
    ['2026-01-04T21:00:00.000Z', '2026-01-04T21:00:00.000Z', 'exactly midnight EAT'],
    ['2026-01-05T20:59:59.999Z', '2026-01-04T21:00:00.000Z', 'the last instant of Monday EAT'],
    ['2026-01-05T21:00:00.000Z', '2026-01-05T21:00:00.000Z', 'Tuesday midnight EAT'],
  ])('when the instant is %s, then the EAT day starts at %s (%s)', (instant, expected) => {
    expect(iso(startOfDay(t(instant)))).toBe(expected);
  });
});

describe('isWorkingDay', () => {
  test.each([
    ['2026-01-05T09:00:00.000Z', true, 'Monday', none],
    ['2026-01-06T09:00:00.000Z', true, 'Tuesday', none],
    ['2026-01-07T09:00:00.000Z', true, 'Wednesday', none],
    ['2026-01-08T09:00:00.000Z', true, 'Thursday', none],
    ['2026-01-09T09:00:00.000Z', true, 'Friday', none],
    ['2026-01-10T09:00:00.000Z', false, 'Saturday', none],
    ['2026-01-11T09:00:00.000Z', false, 'Sunday', none],
    ['2026-01-09T20:59:59.999Z', true, 'Friday 23:59:59 EAT', none],
    ['2026-01-09T21:00:00.000Z', false, 'Saturday 00:00 EAT (UTC still Friday)', none],
    ['2026-01-11T20:59:59.999Z', false, 'Sunday 23:59:59 EAT', none],
    ['2026-01-11T21:00:00.000Z', true, 'Monday 00:00 EAT (UTC still Sunday)', none],
    ['2026-12-25T09:00:00.000Z', false, 'Christmas (a Friday holiday)', christmas],
    ['2026-12-25T09:00:00.000Z', true, 'a Friday with no holiday configured', none],
    ['2026-12-24T20:59:59.999Z', true, 'Christmas Eve 23:59:59 EAT', christmas],
    ['2026-12-24T21:00:00.000Z', false, 'Christmas 00:00 EAT (UTC still the 24th)', christmas],
    ['2026-04-07T09:00:00.000Z', false, 'Karume Day (a Tuesday holiday)', karume],
    ['2026-04-08T09:00:00.000Z', true, 'the day after Karume Day', karume],
  ])('when the instant is %s, then working is %p (%s)', (instant, expected, _label, holidays) => {
    expect(isWorkingDay(t(instant), holidays)).toBe(expected);
  });
});

type DeadlineCase = [string, string, number, ReadonlySet<string>, string];

const deadlineCases: DeadlineCase[] = [
  ['Monday noon', '2026-01-05T09:00:00.000Z', 3, none, '2026-01-08T21:00:00.000Z'],
  ['Tuesday noon', '2026-01-06T09:00:00.000Z', 3, none, '2026-01-09T21:00:00.000Z'],
  ['Wednesday noon', '2026-01-07T09:00:00.000Z', 3, none, '2026-01-12T21:00:00.000Z'],
  ['Thursday noon', '2026-01-08T09:00:00.000Z', 3, none, '2026-01-13T21:00:00.000Z'],
  ['Friday noon', '2026-01-09T09:00:00.000Z', 3, none, '2026-01-14T21:00:00.000Z'],
  ['Saturday noon', '2026-01-10T09:00:00.000Z', 3, none, '2026-01-14T21:00:00.000Z'],
  ['Sunday noon', '2026-01-11T09:00:00.000Z', 3, none, '2026-01-14T21:00:00.000Z'],
  ['Friday noon', '2026-01-09T09:00:00.000Z', 1, none, '2026-01-12T21:00:00.000Z'],
  ['Monday noon', '2026-01-05T09:00:00.000Z', 5, none, '2026-01-12T21:00:00.000Z'],
  ['Monday 00:00 EAT', '2026-01-04T21:00:00.000Z', 3, none, '2026-01-08T21:00:00.000Z'],
  ['Monday 23:30 EAT', '2026-01-05T20:30:00.000Z', 3, none, '2026-01-08T21:00:00.000Z'],
  ['Monday 23:59:59 EAT', '2026-01-05T20:59:59.999Z', 3, none, '2026-01-08T21:00:00.000Z'],
  ['Tuesday 00:00 EAT', '2026-01-05T21:00:00.000Z', 3, none, '2026-01-09T21:00:00.000Z'],
  ['Tuesday 00:30 EAT', '2026-01-05T21:30:00.000Z', 3, none, '2026-01-09T21:00:00.000Z'],
  ['Thursday 23:59 EAT', '2026-01-08T20:59:00.000Z', 3, none, '2026-01-13T21:00:00.000Z'],
  ['Friday 00:00 EAT', '2026-01-08T21:00:00.000Z', 3, none, '2026-01-14T21:00:00.000Z'],
  ['Sunday 23:59 EAT', '2026-01-11T20:59:00.000Z', 3, none, '2026-01-14T21:00:00.000Z'],
  ['Monday 00:00 EAT', '2026-01-11T21:00:00.000Z', 3, none, '2026-01-15T21:00:00.000Z'],
  ['Wed 23 Dec, no holidays', '2026-12-23T09:00:00.000Z', 3, none, '2026-12-28T21:00:00.000Z'],
  ['Wed 23 Dec, Christmas', '2026-12-23T09:00:00.000Z', 3, christmas, '2026-12-29T21:00:00.000Z'],
  ['Thu 24 Dec, no holidays', '2026-12-24T09:00:00.000Z', 3, none, '2026-12-29T21:00:00.000Z'],
  ['Thu 24 Dec, Christmas', '2026-12-24T09:00:00.000Z', 3, christmas, '2026-12-30T21:00:00.000Z'],
  ['Wed 23 Dec 23:30 EAT', '2026-12-23T20:30:00.000Z', 3, christmas, '2026-12-29T21:00:00.000Z'],
  ['Thu 24 Dec 00:30 EAT', '2026-12-23T21:30:00.000Z', 3, christmas, '2026-12-30T21:00:00.000Z'],
  ['Mon 6 Apr, no holidays', '2026-04-06T09:00:00.000Z', 3, none, '2026-04-09T21:00:00.000Z'],
  ['Mon 6 Apr, Karume Day', '2026-04-06T09:00:00.000Z', 3, karume, '2026-04-10T21:00:00.000Z'],
  ['on Karume Day itself', '2026-04-07T09:00:00.000Z', 3, karume, '2026-04-10T21:00:00.000Z'],
  [
    'Mon 6 Apr, two holidays',
    '2026-04-06T09:00:00.000Z',
    3,
    new Set(['2026-04-07', '2026-04-08']),
    '2026-04-13T21:00:00.000Z',
  ],
  [
    'Monday, a holiday after the window',
    '2026-01-05T09:00:00.000Z',
    3,
    new Set(['2026-01-09']),
    '2026-01-08T21:00:00.000Z',
  ],
  [
    'Wed 30 Dec, New Year',
    '2026-12-30T09:00:00.000Z',
    3,
    new Set(['2027-01-01']),
    '2027-01-05T21:00:00.000Z',
  ],
];

describe('endOfWorkingDaysAfter', () => {
  // The deadline goes before the holidays so that the title can print it.
  const titled = deadlineCases.map(([label, filed, n, holidays, expected]) => {
    const row: [string, string, number, string, ReadonlySet<string>] = [
      label,
      filed,
      n,
      expected,
      holidays,
    ];
    return row;
  });

  test.each(titled)(
    'when filed %s (%s) with n=%i, then due at %s',
    (_label, filed, n, expected, holidays) => {
      expect(iso(endOfWorkingDaysAfter(t(filed), n, holidays))).toBe(expected);
    },
  );

  test.each(deadlineCases)(
    'when filed %s (%s) with n=%i, then exactly n working days lie before the deadline',
    (_label, filed, n, holidays) => {
      const due = endOfWorkingDaysAfter(t(filed), n, holidays);
      expect(workingDaysBetween(t(filed), due - 1, holidays)).toBe(n);
      expect(workingDaysBetween(t(filed), due, holidays)).toBeGreaterThanOrEqual(n);
    },
  );
});

describe('workingDaysBetween', () => {
  test.each([
    ['Monday noon', '2026-01-05T09:00:00.000Z', '2026-01-05T20:59:59.999Z', 0, none],
    ['Monday → Tuesday', '2026-01-05T09:00:00.000Z', '2026-01-06T09:00:00.000Z', 1, none],
    ['Monday → Tuesday 23:59 EAT', '2026-01-05T09:00:00.000Z', '2026-01-06T20:59:00.000Z', 1, none],
    [
      'Monday → Wednesday 00:00 EAT',
      '2026-01-05T09:00:00.000Z',
      '2026-01-06T21:00:00.000Z',
      2,
      none,
    ],
    ['Monday → Thursday', '2026-01-05T09:00:00.000Z', '2026-01-08T09:00:00.000Z', 3, none],
    ['Friday → Sunday', '2026-01-09T09:00:00.000Z', '2026-01-11T09:00:00.000Z', 0, none],
    ['Friday → Monday', '2026-01-09T09:00:00.000Z', '2026-01-12T09:00:00.000Z', 1, none],
    ['Saturday → Monday', '2026-01-10T09:00:00.000Z', '2026-01-12T09:00:00.000Z', 1, none],
    ['Monday → next Monday', '2026-01-05T09:00:00.000Z', '2026-01-12T09:00:00.000Z', 5, none],
    [
      'Mon 6 Apr → Fri, Karume Day',
      '2026-04-06T09:00:00.000Z',
      '2026-04-10T09:00:00.000Z',
      3,
      karume,
    ],
    [
      'Wed 23 Dec → Tue 29, Christmas',
      '2026-12-23T09:00:00.000Z',
      '2026-12-29T09:00:00.000Z',
      3,
      christmas,
    ],
    [
      'Thursday → Monday (backwards)',
      '2026-01-08T09:00:00.000Z',
      '2026-01-05T09:00:00.000Z',
      0,
      none,
    ],
  ])(
    'when counting %s (%s to %s), then %i working days',
    (_label, from, to, expected, holidays) => {
      expect(workingDaysBetween(t(from), t(to), holidays)).toBe(expected);
    },
  );
});

describe('dueEscalation', () => {
  const policy: SlaPolicy = { firstResponseWorkingDays: 3, resolutionDays: 14, holidays: none };
  // Filed Monday 2026-01-05 at 10:00 EAT.
  const created = t('2026-01-05T07:00:00.000Z');
  // End of Thursday 2026-01-08 EAT.
  const firstDue = t('2026-01-08T21:00:00.000Z');
  const resolutionDue = created + 14 * DAY;

  const facts = (overrides: Partial<SlaFacts> = {}): SlaFacts => ({
    status: 'received',
    createdAt: created,
    firstResponseAt: null,
    firstResponseEscalatedAt: null,
    resolutionEscalatedAt: null,
    ...overrides,
  });

  type Due = 'region' | 'national' | undefined;
  type EscalationCase = [string, SlaFacts, number, SlaPolicy, Due];

  const cases: EscalationCase[] = [
    ['just filed', facts(), created, policy, undefined],
    ['1 ms before the first-response deadline', facts(), firstDue - 1, policy, undefined],
    ['at the first-response deadline with no response', facts(), firstDue, policy, 'region'],
    ['a day after the first-response deadline', facts(), firstDue + DAY, policy, 'region'],
    [
      'past the first-response deadline while assigned',
      facts({ status: 'assigned' }),
      firstDue,
      policy,
      'region',
    ],
    [
      'past the first-response deadline while in progress',
      facts({ status: 'in_progress' }),
      firstDue,
      policy,
      'region',
    ],
    [
      'past the deadline but answered in time',
      facts({ firstResponseAt: created + HOUR }),
      firstDue + DAY,
      policy,
      undefined,
    ],
    [
      'past the deadline and answered late',
      facts({ firstResponseAt: firstDue + HOUR }),
      firstDue + DAY,
      policy,
      undefined,
    ],
    [
      'past the deadline and already escalated to region',
      facts({ firstResponseEscalatedAt: firstDue }),
      firstDue + DAY,
      policy,
      undefined,
    ],
    [
      '1 ms before the resolution deadline, region escalation done',
      facts({ firstResponseEscalatedAt: firstDue }),
      resolutionDue - 1,
      policy,
      undefined,
    ],
    [
      'at the resolution deadline, region escalation done',
      facts({ firstResponseEscalatedAt: firstDue }),
      resolutionDue,
      policy,
      'national',
    ],
    [
      'at the resolution deadline, answered in time',
      facts({ status: 'in_progress', firstResponseAt: created + HOUR }),
      resolutionDue,
      policy,
      'national',
    ],
    [
      'past both deadlines with nothing escalated yet',
      facts(),
      resolutionDue + DAY,
      policy,
      'national',
    ],
    [
      'past both deadlines, both escalations done',
      facts({ firstResponseEscalatedAt: firstDue, resolutionEscalatedAt: resolutionDue }),
      resolutionDue + DAY,
      policy,
      undefined,
    ],
    [
      'past both deadlines, escalated nationally but never to region',
      facts({ resolutionEscalatedAt: resolutionDue }),
      resolutionDue + DAY,
      policy,
      undefined,
    ],
    [
      'the resolution deadline falls on holidays (calendar days)',
      facts({ firstResponseEscalatedAt: firstDue }),
      resolutionDue,
      { ...policy, holidays: new Set(['2026-01-12', '2026-01-13', '2026-01-19']) },
      'national',
    ],
    [
      'resolved, past both deadlines',
      facts({ status: 'resolved' }),
      resolutionDue,
      policy,
      undefined,
    ],
    ['closed, past both deadlines', facts({ status: 'closed' }), resolutionDue, policy, undefined],
    [
      'resolved, past the first-response deadline only',
      facts({ status: 'resolved' }),
      firstDue,
      policy,
      undefined,
    ],
    [
      'a holiday falls in the window, at the usual deadline',
      facts(),
      firstDue,
      { ...policy, holidays: new Set(['2026-01-07']) },
      undefined,
    ],
    [
      'a holiday falls in the window, one working day later',
      facts(),
      firstDue + DAY,
      { ...policy, holidays: new Set(['2026-01-07']) },
      'region',
    ],
    [
      'filed Monday 23:30 EAT, at the end of Thursday',
      facts({ createdAt: t('2026-01-05T20:30:00.000Z') }),
      firstDue,
      policy,
      'region',
    ],
    [
      'filed Tuesday 00:30 EAT (UTC Monday), at the end of Thursday',
      facts({ createdAt: t('2026-01-05T21:30:00.000Z') }),
      firstDue,
      policy,
      undefined,
    ],
    [
      'filed Tuesday 00:30 EAT (UTC Monday), at the end of Friday',
      facts({ createdAt: t('2026-01-05T21:30:00.000Z') }),
      firstDue + DAY,
      policy,
      'region',
    ],
  ];

  // The expected outcome comes second so that the title can print it.
  const titled = cases.map(([label, complaint, now, p, expected]) => {
    const row: [string, Due, SlaFacts, number, SlaPolicy] = [label, expected, complaint, now, p];
    return row;
  });

  test.each(titled)('when %s, then the escalation is %p', (_label, expected, complaint, now, p) => {
    expect(dueEscalation(complaint, now, p)).toBe(expected);
  });

  test('when each due escalation is recorded in turn, then each fires once and never again', () => {
    let complaint = facts();
    const fired: string[] = [];
    for (let now = created; now <= resolutionDue + 7 * DAY; now += HOUR) {
      const due = dueEscalation(complaint, now, policy);
      if (due === 'region') complaint = { ...complaint, firstResponseEscalatedAt: now };
      if (due === 'national') complaint = { ...complaint, resolutionEscalatedAt: now };
      if (due !== undefined) fired.push(`${due}@${iso(now)}`);
    }
    expect(fired).toEqual([`region@${iso(firstDue)}`, `national@${iso(resolutionDue)}`]);
  });

  test('when the first check runs only after both deadlines, then only national fires, once', () => {
    let complaint = facts();
    const fired: string[] = [];
    for (let now = resolutionDue + DAY; now <= resolutionDue + 8 * DAY; now += HOUR) {
      const due = dueEscalation(complaint, now, policy);
      if (due === 'region') complaint = { ...complaint, firstResponseEscalatedAt: now };
      if (due === 'national') complaint = { ...complaint, resolutionEscalatedAt: now };
      if (due !== undefined) fired.push(`${due}@${iso(now)}`);
    }
    expect(fired).toEqual([`national@${iso(resolutionDue + DAY)}`]);
  });
});

describe('slaDueAt', () => {
  const policy = { firstResponseWorkingDays: 3, resolutionDays: 14, holidays: new Set<string>() };
  // Filed Friday 2026-01-09 10:00 EAT.
  const filed = t('2026-01-09T07:00:00.000Z');

  test.each([
    ['received', null, '2026-01-14T21:00:00.000Z', 'unanswered: the end of Wednesday EAT'],
    ['assigned', null, '2026-01-14T21:00:00.000Z', 'unanswered: the end of Wednesday EAT'],
    ['in_progress', filed + 1, '2026-01-23T07:00:00.000Z', 'answered: 14 days after filing'],
  ] as const)(
    'when a complaint is %s (first response %p), then it is due %s: %s',
    (status, first, due, _why) => {
      expect(iso(slaDueAt({ status, createdAt: filed, firstResponseAt: first }, policy)!)).toBe(
        due,
      );
    },
  );

  test.each(['resolved', 'closed'] as const)(
    'when a complaint is %s, then nothing is due',
    (status) => {
      expect(slaDueAt({ status, createdAt: filed, firstResponseAt: filed + 1 }, policy)).toBeNull();
    },
  );
});

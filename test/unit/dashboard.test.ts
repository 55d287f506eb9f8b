/**
 * The dashboard's pure parts: percentiles by nearest rank, the period in Tanzanian days, shares,
 * small-cell suppression for publication, and the queue links.
 */
import { queueHref } from '../../src/console/core/dashboard-links';
import { publicTable, type Table } from '../../src/console/core/dashboard-tables';
import {
  figuresOf,
  mergeHistograms,
  per10k,
  publicCount,
  publicRow,
  quantile,
  staffFigures,
  tallyDurations,
  weekSeries,
  type Counts,
} from '../../src/reports/core/dashboard';
import { dashboardPeriod } from '../../src/reports/core/dashboard-period';

const eat = (wall: string) => Date.parse(`${wall.replace(' ', 'T')}:00+03:00`);

describe('quantile (nearest rank)', () => {
  test.each([
    [[], 0.5, null],
    [[[5, 1]], 0.5, 5],
    [[[5, 1]], 0.9, 5],
    [
      [
        [1, 1],
        [2, 1],
        [3, 1],
        [4, 1],
        [11, 1],
      ],
      0.5,
      3,
    ],
    [
      [
        [1, 1],
        [2, 1],
        [3, 1],
        [4, 1],
        [11, 1],
      ],
      0.9,
      11,
    ],
    [
      [
        [1, 1],
        [2, 1],
        [3, 1],
        [4, 1],
      ],
      0.5,
      2,
    ],
    [
      [
        [8, 2],
        [33, 1],
      ],
      0.5,
      8,
    ],
    [
      [
        [8, 2],
        [33, 1],
      ],
      0.9,
      33,
    ],
    [
      [
        [0, 9],
        [40, 1],
      ],
      0.9,
      0,
    ],
    [
      [
        [0, 9],
        [40, 2],
      ],
      0.9,
      40,
    ],
  ] as [[number, number][], number, number | null][])(
    'when the histogram is %j and q is %d, then it is %j',
    (h, q, expected) => {
      expect(quantile(h, q)).toBe(expected);
    },
  );

  it('when histograms are merged, then equal values add up and the order rises', () => {
    expect(
      mergeHistograms(
        [
          [3, 1],
          [1, 2],
        ],
        [[3, 4]],
        [[2, 0]],
      ),
    ).toEqual([
      [1, 2],
      [3, 5],
    ]);
  });
});

describe('the period', () => {
  it('when nothing is asked, then it is the last 30 Tanzanian days up to today', () => {
    const { period, problem } = dashboardPeriod({}, eat('2026-03-12 23:30'));
    expect(problem).toBeUndefined();
    expect(period).toEqual({
      preset: 'month',
      from: eat('2026-02-11 00:00'),
      until: eat('2026-03-13 00:00'),
      fromDate: '2026-02-11',
      toDate: '2026-03-12',
    });
  });

  it('when it is 00:30 in Dar es Salaam but still yesterday in UTC, then today is the Tanzanian day', () => {
    const { period } = dashboardPeriod({ period: 'week' }, eat('2026-03-13 00:30'));
    expect([period.fromDate, period.toDate]).toEqual(['2026-03-07', '2026-03-13']);
  });

  test.each([
    ['quarter', '2025-12-13'],
    ['year', '2025-03-13'],
  ])('when the preset is %s, then it starts on %s', (preset, from) => {
    expect(dashboardPeriod({ period: preset }, eat('2026-03-12 10:00')).period.fromDate).toBe(from);
  });

  it('when custom dates are given, then both days are included', () => {
    const { period } = dashboardPeriod(
      { period: 'custom', from: '2026-03-02', to: '2026-03-08' },
      eat('2026-03-12 10:00'),
    );
    expect(period.from).toBe(eat('2026-03-02 00:00'));
    expect(period.until).toBe(eat('2026-03-09 00:00'));
  });

  test.each([
    [{ from: '2026-02-30', to: '2026-03-08' }, 'badFrom'],
    [{ from: '2026-03-02', to: 'soon' }, 'badTo'],
    [{ from: '2026-03-08', to: '2026-03-02' }, 'order'],
    [{ from: '2020-01-01', to: '2026-03-02' }, 'tooLong'],
  ])('when custom dates are %j, then the problem is %s and the last 30 days show', (q, problem) => {
    const r = dashboardPeriod({ period: 'custom', ...q }, eat('2026-03-12 10:00'));
    expect(r.problem).toBe(problem);
    expect(r.period.preset).toBe('month');
  });
});

const zero: Counts = {
  received: 0,
  resolved: 0,
  open: 0,
  unattended: 0,
  answered: 0,
  firstResponseMet: 0,
  firstResponseMissed: 0,
  resolvedEver: 0,
  resolutionMet: 0,
  resolutionMissed: 0,
  everDone: 0,
  reopened: 0,
  r1: 0,
  r2: 0,
  r3: 0,
  r4: 0,
  r5: 0,
};

describe('figures', () => {
  it('when there is nothing, then shares and averages are null, not zero', () => {
    expect(figuresOf([zero])).toEqual({
      received: 0,
      resolved: 0,
      open: 0,
      unattended: 0,
      firstResponseSla: null,
      resolutionSla: null,
      reopenRate: null,
      ratings: [0, 0, 0, 0, 0],
      ratingAverage: null,
    });
  });

  it('when groups are added, then shares are of the sums (2 of 3 on time is 66.7%)', () => {
    const a = { ...zero, received: 2, answered: 1, firstResponseMet: 1, r5: 1 };
    const b = {
      ...zero,
      received: 1,
      answered: 1,
      firstResponseMissed: 1,
      firstResponseMet: 1,
      r2: 2,
    };
    const f = figuresOf([a, b]);
    expect(f.firstResponseSla).toBe(66.7);
    expect(f.ratingAverage).toBe(3);
  });

  it('when the population is known, then the rate is per 10,000 people', () => {
    expect(per10k(300, 1_000_000)).toBe(3);
    expect(per10k(1, 982_328)).toBe(0.01);
    expect(per10k(5, undefined)).toBeNull();
  });

  it('when weeks come back from the database, then missing weeks are zero', () => {
    expect(
      weekSeries(
        [
          [0, 2],
          [3, 1],
          [3, 1],
          [12, 9],
        ],
        4,
      ),
    ).toEqual([2, 0, 0, 2]);
  });

  it("when durations are tallied, then nobody's complaints count in the histograms, not the staff", () => {
    const t = tallyDurations([
      [null, 4, null, 1, 0],
      [null, null, null, 0, 0],
      [7, 1, 8, 1, 1],
      [8, 4, 33, 1, 1],
      [8, 4, null, 1, 0],
    ]);
    expect(t.firstResponse).toEqual([
      [1, 1],
      [4, 3],
    ]);
    expect(t.resolution).toEqual([
      [8, 1],
      [33, 1],
    ]);
    expect(staffFigures(t.staff)).toEqual([
      { staffId: 8, assigned: 2, replied: 2, resolved: 1, medianFirstResponse: 4 },
      { staffId: 7, assigned: 1, replied: 1, resolved: 1, medianFirstResponse: 1 },
    ]);
  });

  it('when staff cells are grouped, then each gets a median of their answered hours', () => {
    expect(
      staffFigures([
        { staffId: 7, hours: 2, assigned: 1, replied: 1, resolved: 1 },
        { staffId: 7, hours: null, assigned: 2, replied: 0, resolved: 0 },
        { staffId: 7, hours: 9, assigned: 2, replied: 2, resolved: 0 },
        { staffId: 3, hours: null, assigned: 1, replied: 0, resolved: 0 },
      ]),
    ).toEqual([
      { staffId: 7, assigned: 5, replied: 3, resolved: 1, medianFirstResponse: 9 },
      { staffId: 3, assigned: 1, replied: 0, resolved: 0, medianFirstResponse: null },
    ]);
  });
});

describe('publication: fewer than 5 complaints reads "<5"', () => {
  test.each([
    [0, '<5'],
    [1, '<5'],
    [4, '<5'],
    [5, 5],
    [1200, 1200],
  ])('when a cell holds %d, then it is published as %j', (n, shown) => {
    expect(publicCount(n)).toBe(shown);
  });

  it('when a row is small, then its counts read "<5" and its shares are left out', () => {
    expect(publicRow(['Kinondoni MC', 3, 1, 2, 0, 50, null, 0, 4.5], 3, [1, 2, 3, 4])).toEqual([
      'Kinondoni MC',
      '<5',
      '<5',
      '<5',
      '<5',
      null,
      null,
      null,
      null,
    ]);
  });

  it('when a row is large, then only its small counts read "<5"', () => {
    expect(publicRow(['Ilala MC', 40, 37, 3, 0, 92.5], 40, [1, 2, 3, 4])).toEqual([
      'Ilala MC',
      40,
      37,
      '<5',
      '<5',
      92.5,
    ]);
  });

  it('when a table is made public, then its links go and the rule applies to every row', () => {
    const table: Table = {
      id: 'area',
      title: 'By council',
      columns: [
        { label: 'Area', kind: 'text' },
        { label: 'Received', kind: 'count' },
        { label: 'On time', kind: 'pct' },
      ],
      rows: [
        { cells: ['A', 12, 50], links: [undefined, '/console?tab=open'] },
        { cells: ['B', 2, 100], links: [undefined, '/console?tab=open'] },
      ],
    };
    expect(publicTable(table).rows).toEqual([
      { cells: ['A', 12, 50], links: [] },
      { cells: ['B', '<5', null], links: [] },
    ]);
  });
});

describe('queue links', () => {
  it('when a figure is about a council and a channel, then the queue is filtered to them and the dates', () => {
    expect(
      queueHref(
        'resolved',
        { fromDate: '2026-03-02', toDate: '2026-03-08' },
        { council: 'DAR-KIM', channel: 'sms' },
      ),
    ).toBe('/console?tab=resolved&council=DAR-KIM&channel=sms&from=2026-03-02&to=2026-03-08');
  });
});

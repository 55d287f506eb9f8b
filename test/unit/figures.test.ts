/**
 * The public figures' pure parts (issue 21 part 4): the address's period and region checked, the
 * rows read per council and office hour folded into each council's counts, regions and the
 * country added up from them (medians from the merged histograms, never medians of medians),
 * every region or council listed even when it has none, and each row as published: counts under
 * 5 read "<5" and that row's share and median are left out.
 */
import {
  councilCounts,
  countryTable,
  publishedCells,
  regionTable,
  type FigureCell,
  type RegionCounts,
} from '../../src/figures/core/figures';
import { parseFiguresQuery } from '../../src/figures/core/query';

const cell = (
  council: string,
  hours: number | null,
  n: number,
  more: Partial<FigureCell> = {},
) => ({
  council,
  hours,
  received: n,
  resolved: 0,
  resolutionMet: 0,
  resolutionMissed: 0,
  ...more,
});

describe('parseFiguresQuery', () => {
  const regions = ['ARU', 'DAR', 'DOD'];
  test.each([
    [{}, { days: 30, region: undefined }],
    [{ period: '90' }, { days: 90, region: undefined }],
    [
      { period: '365', region: 'DAR' },
      { days: 365, region: 'DAR' },
    ],
    [
      { period: '30', region: 'dar' },
      { days: 30, region: 'DAR' },
    ],
    [{ region: '' }, { days: 30, region: undefined }],
  ])('when the address holds %j, then it asks for %j', (q, query) => {
    expect(parseFiguresQuery(q, regions)).toEqual({ ok: true, query });
  });

  test.each([
    [{ period: '7' }, 'period'],
    [{ period: 'year' }, 'period'],
    [{ period: ['30', '90'] }, 'period'],
    [{ period: '' }, 'period'],
    [{ region: 'XYZ' }, 'region'],
    [{ region: ['DAR', 'ARU'] }, 'region'],
    [{ period: '90', region: 'Dar es Salaam' }, 'region'],
  ])('when the address holds %j, then its problem is the %s', (q, problem) => {
    const parsed = parseFiguresQuery(q, regions);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? undefined : parsed.problem).toBe(problem);
  });
});

describe('councilCounts', () => {
  test('when rows per council and hour are read, then each council adds them up and keeps the answered ones as its histogram', () => {
    const counts = councilCounts([
      cell('DAR-KIM', null, 3, { resolved: 1, resolutionMissed: 2 }),
      cell('DAR-KIM', 2, 4, { resolved: 4, resolutionMet: 3, resolutionMissed: 1 }),
      cell('DAR-KIM', 5, 1),
      cell('DAR-UBM', 8, 2, { resolved: 2, resolutionMet: 2 }),
    ]);

    expect(counts).toEqual([
      {
        council: 'DAR-KIM',
        received: 8,
        resolved: 5,
        resolutionMet: 3,
        resolutionMissed: 3,
        firstResponse: [
          [2, 4],
          [5, 1],
        ],
      },
      {
        council: 'DAR-UBM',
        received: 2,
        resolved: 2,
        resolutionMet: 2,
        resolutionMissed: 0,
        firstResponse: [[8, 2]],
      },
    ]);
  });
});

const region = (code: string, cells: FigureCell[], computedAt = 1000): RegionCounts => ({
  region: code,
  computedAt,
  councils: councilCounts(cells),
  preparing: { deadlines: null, times: null },
});

describe('regionTable', () => {
  test('when a region is tabled, then every council is a row in the given order (none: zero) and the total adds them up', () => {
    const dar = region('DAR', [
      cell('DAR-UBM', 1, 10, { resolved: 8, resolutionMet: 6, resolutionMissed: 2 }),
      cell('DAR-KIM', 3, 6, { resolved: 2, resolutionMet: 1, resolutionMissed: 3 }),
      cell('DAR-KIM', 9, 1),
    ]);

    const t = regionTable(dar, ['DAR-ILA', 'DAR-KIM', 'DAR-UBM']);

    expect(t.rows).toEqual([
      { code: 'DAR-ILA', received: 0, resolved: 0, onTime: null, medianHours: null },
      { code: 'DAR-KIM', received: 7, resolved: 2, onTime: 25, medianHours: 3 },
      { code: 'DAR-UBM', received: 10, resolved: 8, onTime: 75, medianHours: 1 },
    ]);
    // The median of all 17 (hours 1 x10, 3 x6, 9 x1): the 9th is 1.
    expect(t.total).toEqual({
      code: 'DAR',
      received: 17,
      resolved: 10,
      onTime: 58.3,
      medianHours: 1,
    });
    expect(t.computedAt).toBe(1000);
  });

  test('when a council not in the list has complaints, then it is a row after the listed ones', () => {
    const t = regionTable(region('DAR', [cell('DAR-OLD', null, 2)]), ['DAR-KIM']);

    expect(t.rows.map((r) => [r.code, r.received])).toEqual([
      ['DAR-KIM', 0],
      ['DAR-OLD', 2],
    ]);
  });

  test('when office times are still being prepared, then no median is given', () => {
    const r = {
      ...region('DAR', [cell('DAR-KIM', 2, 9, { resolutionMet: 1 })]),
      preparing: { deadlines: null, times: 40 },
    };

    const t = regionTable(r, ['DAR-KIM']);

    expect(t.rows[0]).toMatchObject({ received: 9, onTime: 100, medianHours: null });
    expect(t.total.medianHours).toBeNull();
    expect(t.preparing).toEqual({ deadlines: null, times: 40 });
  });

  test('when deadlines are still being worked out for older complaints, then no share on time is given', () => {
    const r = {
      ...region('DAR', [cell('DAR-KIM', 2, 9, { resolutionMet: 1 })]),
      preparing: { deadlines: 70, times: null },
    };

    const t = regionTable(r, ['DAR-KIM']);

    expect(t.rows[0]).toMatchObject({ received: 9, onTime: null, medianHours: 2 });
    expect(t.total.onTime).toBeNull();
  });
});

describe('countryTable', () => {
  test('when the country is tabled, then each region adds up its councils, its median comes from their merged histograms, and the figures are as old as the oldest region', () => {
    const aru = region('ARU', [cell('ARU-ARC', 10, 5), cell('ARU-MED', 1, 1)], 2000);
    const dar = region(
      'DAR',
      [cell('DAR-KIM', 1, 3), cell('DAR-UBM', 2, 3), cell('DAR-UBM', 40, 4)],
      1500,
    );
    const zan = region('KUS', [], 2000);

    const t = countryTable([aru, dar, zan], ['DAR', 'ARU']);

    expect(t.rows.map((r) => [r.code, r.received, r.medianHours])).toEqual([
      ['DAR', 10, 2],
      ['ARU', 6, 10],
    ]);
    // All 16 together: 4 answered in 1 h, 3 in 2 h, 5 in 10 h, 4 in 40 h; the 8th is 10 h.
    expect(t.total).toMatchObject({ code: '', received: 16, medianHours: 10 });
    expect(t.computedAt).toBe(1500);
  });

  test('when a region not shown by default has complaints, then it is listed after the others', () => {
    const t = countryTable([region('DAR', []), region('KUS', [cell('KUS-KAT', null, 1)])], ['DAR']);

    expect(t.rows.map((r) => r.code)).toEqual(['DAR', 'KUS']);
  });

  test('when office times or deadlines are being prepared in any region, then the country says so', () => {
    const t = countryTable(
      [
        { ...region('DAR', []), preparing: { deadlines: 20, times: null } },
        { ...region('ARU', []), preparing: { deadlines: 30, times: 70 } },
      ],
      ['DAR', 'ARU'],
    );

    expect(t.preparing).toEqual({ deadlines: 20, times: 70 });
  });
});

describe('publishedCells', () => {
  test.each([
    [{ received: 120, resolved: 80, onTime: 91.2, medianHours: 6 }, [120, 80, 91.2, 6]],
    [{ received: 40, resolved: 3, onTime: 50, medianHours: 12 }, [40, '<5', 50, 12]],
    [{ received: 4, resolved: 4, onTime: 100, medianHours: 2 }, ['<5', '<5', null, null]],
    [{ received: 0, resolved: 0, onTime: null, medianHours: null }, ['<5', '<5', null, null]],
    [{ received: 5, resolved: 0, onTime: null, medianHours: null }, [5, '<5', null, null]],
  ])('when a row is %j, then it is published as %j', (f, cells) => {
    expect(publishedCells({ code: 'X', ...f })).toEqual(cells);
  });
});

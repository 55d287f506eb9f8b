/**
 * Open311 arguments, pure: W3C date-times as the spec writes them, and the default window.
 */
import { parseRequestsQuery, parseW3c } from '../../src/open311/core/query';

const at = (iso: string) => Date.parse(iso);
const DAY = 24 * 60 * 60 * 1000;

describe('parseW3c', () => {
  test.each([
    ['2026-03-01', at('2026-03-01T00:00:00+03:00'), at('2026-03-02T00:00:00+03:00')],
    ['2026-03-01T10:00:00+03:00', at('2026-03-01T07:00:00Z'), at('2026-03-01T07:00:01Z')],
    ['2026-03-01T10:00:00 03:00', at('2026-03-01T07:00:00Z'), at('2026-03-01T07:00:01Z')],
    ['2026-03-01T07:00:00Z', at('2026-03-01T07:00:00Z'), at('2026-03-01T07:00:01Z')],
    ['2026-03-01T07:00Z', at('2026-03-01T07:00:00Z'), at('2026-03-01T07:01:00Z')],
    [
      '2026-03-01T07:00:00.250-05:00',
      at('2026-03-01T12:00:00.250Z'),
      at('2026-03-01T12:00:00.251Z'),
    ],
  ])('when %s is given, then it covers [%p, %p)', (text, start, end) => {
    expect(parseW3c(text)).toEqual({ start, end });
  });

  test.each([
    '2026-03-01T07:00:00',
    '2026-02-30',
    '2026-02-30T07:00:00Z',
    '2026-03-01T24:00:00Z',
    '2026-03-01 07:00:00Z',
    '01/03/2026',
    'yesterday',
    '2026-03-01T07:00:00+0300',
  ])('when %s is given, then it is not a W3C date-time', (text) => {
    expect(parseW3c(text)).toBeUndefined();
  });
});

describe('parseRequestsQuery', () => {
  const now = at('2026-03-12T06:00:00Z');

  test('when nothing is given, then the last 90 days up to now (moving with it), page 1 of 100, every status and service', () => {
    expect(parseRequestsQuery({}, now, ['water'])).toEqual({
      ok: true,
      value: {
        kind: 'window',
        from: now - 90 * DAY,
        until: now + 1,
        moving: true,
        page: 1,
        pageSize: 100,
      },
    });
  });

  test('when only start_date is given, then the window is the 90 days from it', () => {
    const q = parseRequestsQuery({ start_date: '2026-01-01' }, now, []);

    expect(q).toMatchObject({
      ok: true,
      value: { from: at('2026-01-01T00:00:00+03:00'), moving: false },
    });
    expect(q.ok && q.value.kind === 'window' && q.value.until - q.value.from).toBe(90 * DAY);
  });

  test('when only end_date is given, then the window is the 90 days up to its end', () => {
    expect(parseRequestsQuery({ end_date: '2026-03-31' }, now, [])).toMatchObject({
      ok: true,
      value: {
        from: at('2026-03-31T00:00:00+03:00') - 90 * DAY,
        until: at('2026-04-01T00:00:00+03:00'),
        moving: false,
      },
    });
  });
});

/**
 * GET /open311/v2/requests.json arguments: the requested_datetime window (the last 90 days by
 * default, at most 90 days apart, W3C date-times), status, service_code, page and page_size, and
 * service_request_id overriding the rest. Refusals come in the spec's error format.
 */
import { resolveComplaint } from '../../src/complaints/actions';
import { T0 } from '../helpers/app';
import { eat } from '../helpers/world';
import { DAY, HOUR, openOpen311, V2, type Open311World } from './world';

let w: Open311World;
beforeEach(() => {
  w = openOpen311();
});
afterEach(() => w.t.close());

const ids = (body: unknown) =>
  (body as { service_request_id: string }[]).map((r) => r.service_request_id);
const requests = (query: string) => w.get(`${V2}/requests.json${query}`);

describe('the requested_datetime window', () => {
  test('when no dates are given, then the last 90 days are listed, newest first', async () => {
    w.file({ council: 'DAR-KIM' }, T0 - 91 * DAY);
    const inside = w.file({ council: 'DAR-KIM' }, T0 - 89 * DAY);
    const today = w.file({ council: 'DAR-KIM' }, T0 - HOUR);

    expect(ids((await requests('')).body)).toEqual([today.number, inside.number]);
  });

  test('when dates 90 days apart are given, then requests from the first day to the end of the last are listed', async () => {
    const before = w.file({ council: 'DAR-KIM' }, eat('2025-12-31 23:59'));
    const first = w.file({ council: 'DAR-KIM' }, eat('2026-01-01 00:00'));
    const last = w.file({ council: 'DAR-KIM' }, eat('2026-04-01 23:59'));
    const after = w.file({ council: 'DAR-KIM' }, eat('2026-04-02 00:00'));

    const res = await requests('?start_date=2026-01-01&end_date=2026-04-01');

    expect(res.status).toBe(200);
    expect(ids(res.body)).toEqual([last.number, first.number]);
    expect(ids(res.body)).not.toContain(before.number);
    expect(ids(res.body)).not.toContain(after.number);
  });

  test.each([
    ['an offset written with +', '2026-03-12T07:00:00%2B03:00'],
    ["a + a URL's query turns into a space", '2026-03-12T07:00:00+03:00'],
    ['UTC', '2026-03-12T04:00:00Z'],
  ])(
    'when both dates are the same second as %s, then the request of that second is listed',
    async (_how, at) => {
      const c = w.file({ council: 'DAR-KIM' }, eat('2026-03-12 07:00'));
      w.file({ council: 'DAR-KIM' }, eat('2026-03-12 07:00') + 1000);

      expect(ids((await requests(`?start_date=${at}&end_date=${at}`)).body)).toEqual([c.number]);
    },
  );

  test.each([
    [
      'dates 91 days apart',
      '?start_date=2026-01-01&end_date=2026-04-02',
      ['start_date and end_date may be at most 90 days apart'],
    ],
    [
      'the end before the start',
      '?start_date=2026-03-02&end_date=2026-03-01',
      ['end_date is before start_date'],
    ],
    [
      'a time without a timezone',
      '?start_date=2026-03-01T00:00:00',
      ['start_date must be one W3C date-time with a timezone, e.g. 2026-03-01T00:00:00+03:00'],
    ],
    [
      'several arguments are wrong',
      '?start_date=March&end_date=2026-02-30&status=pending&page_size=1001&service_code=potholes',
      [
        'start_date must be one W3C date-time with a timezone, e.g. 2026-03-01T00:00:00+03:00',
        'end_date must be one W3C date-time with a timezone, e.g. 2026-03-01T00:00:00+03:00',
        'status pending is not open or closed',
        'service_code potholes is not a service (see services.json)',
        'page_size must be a whole number from 1 to 1000',
      ],
    ],
  ])(
    'when %s are asked for, then 400 lists every problem in the spec error format',
    async (_what, query, problems) => {
      const res = await requests(query);

      expect(res.status).toBe(400);
      expect(res.body).toEqual(problems.map((description) => ({ code: 400, description })));
    },
  );
});

describe('status and service_code', () => {
  let open: string;
  let closed: string;
  let roads: string;
  beforeEach(() => {
    open = w.file({ council: 'DAR-KIM', category: 'water' }, T0 - 3 * HOUR).number;
    closed = w.file({ council: 'DAR-KIM', category: 'water' }, T0 - 2 * HOUR).number;
    roads = w.file({ council: 'DAR-KIM', category: 'roads' }, T0 - HOUR).number;
    expect(resolveComplaint(w.actions, w.staff.neema.id, closed, 'Imerekebishwa.').ok).toBe(true);
  });

  test.each([
    ['?status=open', () => [roads, open]],
    ['?status=closed', () => [closed]],
    ['?status=open,closed', () => [roads, closed, open]],
    ['?status=', () => [roads, closed, open]],
    ['?service_code=water', () => [closed, open]],
    ['?service_code=water,roads', () => [roads, closed, open]],
    ['?service_code=water&service_code=roads', () => [roads, closed, open]],
    ['?service_code=water&status=open', () => [open]],
    ['?service_code=health', () => []],
  ])('when %s is asked for, then exactly those requests are listed', async (query, expected) => {
    expect(ids((await requests(query)).body)).toEqual(expected());
  });
});

describe('pages', () => {
  test('when pages of 2 are read in turn, then they cover every request once, each pointing to the next', async () => {
    const filed = [5, 4, 3, 2, 1].map((h) => w.file({ council: 'DAR-KIM' }, T0 - h * HOUR).number);
    const newestFirst = [...filed].reverse();

    const pages = [];
    for (let page = 1; page <= 4; page++) pages.push(await requests(`?page_size=2&page=${page}`));

    expect(pages.map((p) => ids(p.body))).toEqual([
      newestFirst.slice(0, 2),
      newestFirst.slice(2, 4),
      newestFirst.slice(4),
      [],
    ]);
    expect(pages.map((p) => p.headers.link)).toEqual([
      expect.stringMatching(
        /^<http:\/\/127\.0\.0\.1:\d+\/open311\/v2\/requests\.json\?page_size=2&page=2>; rel="next"$/,
      ),
      expect.stringMatching(/\?page_size=2&page=3>; rel="next"$/),
      undefined,
      undefined,
    ]);
  });

  test('when no page size is given, then a page holds 100 requests', async () => {
    for (let i = 0; i < 101; i++) w.file({ council: 'DAR-KIM' }, T0 - (i + 1) * 60_000);

    const first = await requests('');
    const second = await requests('?page=2');

    expect((first.body as unknown[]).length).toBe(100);
    expect(first.headers.link).toMatch(/\/open311\/v2\/requests\.json\?page=2>; rel="next"$/);
    expect((second.body as unknown[]).length).toBe(1);
  });

  test.each(['page=0', 'page=-1', 'page=two', 'page_size=0', 'page_size=1001', 'page_size=1.5'])(
    'when %s is asked for, then 400 in the spec error format',
    async (query) => {
      const res = await requests(`?${query}`);

      expect(res.status).toBe(400);
      expect(res.body).toEqual([
        {
          code: 400,
          description: expect.stringMatching(
            /^page(_size)? must be a whole number from 1 to \d+$/,
          ) as string,
        },
      ]);
    },
  );
});

describe('service_request_id', () => {
  test('when numbers are given, then those requests are listed whatever their date and the other arguments', async () => {
    const old = w.file({ council: 'DAR-KIM' }, T0 - 200 * DAY);
    const recent = w.file({ council: 'DAR-KIM', category: 'roads' }, T0 - HOUR);
    w.file({ council: 'DAR-KIM' }, T0);
    const spaced = `${old.number.slice(0, 4)}%20${old.number.slice(4)}`;

    const res = await requests(
      `?service_request_id=${spaced},${recent.number}&status=closed&start_date=2026-03-01`,
    );

    expect(ids(res.body)).toEqual([recent.number, old.number]);
  });

  test('when a number is not a complaint number, then 400 names it', async () => {
    const res = await requests('?service_request_id=12345');

    expect(res.status).toBe(400);
    expect(res.body).toEqual([
      { code: 400, description: 'service_request_id 12345 is not a complaint number' },
    ]);
  });
});

/**
 * GET /figures and /figures.csv, the public figures (issue 21 part 4), through the whole app on
 * real SQLite: the country by region and a region by council over 30, 90 and 365 days, counts
 * under 5 as "<5" with that row's share and median left out, in the page and in the CSV; only
 * published categories; bad addresses answered 400 with what is wrong; figures kept five minutes,
 * counted again in the background near the end and never served once expired; the per-client
 * limit; and nothing personal in any of it.
 */
import request from 'supertest';
import { updateCategory } from '../../src/categories/service';
import { forgetFillIns } from '../helpers/upgrade';
import { FIGURES_REQUESTS_PER_MINUTE } from '../../src/http/routes/figures';
import { eat, DESK } from '../helpers/world';
import { openConsoleWorld, textOf, type ConsoleWorld } from '../console/world';

let w: ConsoleWorld;
beforeEach(() => {
  w = openConsoleWorld();
});
afterEach(() => w.close());

const HOUR = 3_600_000;
/** The clock of every test: 2026-03-12 09:00 in Dar es Salaam. */
const NOW = eat('2026-03-12 09:00');

interface Plan {
  filed: string;
  council: string;
  category?: string;
  /** Office hours to the first response. */
  reply?: number;
  resolved?: string;
  phone?: string;
  description?: string;
  place?: string;
}

/** Files a complaint at `filed` and gives it its later history, as seedWeek does. */
function filed(p: Plan) {
  w.clock.set(eat(p.filed));
  const c = w.file({
    council: p.council,
    category: p.category ?? 'water',
    ...(p.phone ? { phone: p.phone } : {}),
    ...(p.description ? { description: p.description } : {}),
    ...(p.place ? { place: p.place } : {}),
  });
  const replied = p.reply === undefined ? null : eat(p.filed) + p.reply * HOUR;
  w.db.$client
    .prepare(
      `UPDATE complaints SET status = ?, first_response_at = ?, first_response_work_ms = ?,
         resolved_at = ? WHERE id = ?`,
    )
    .run(
      p.resolved ? 'resolved' : p.reply === undefined ? 'assigned' : 'in_progress',
      replied,
      p.reply === undefined ? null : p.reply * HOUR,
      p.resolved ? eat(p.resolved) : null,
      c.id,
    );
  w.clock.set(NOW);
  return c;
}

/**
 * Kinondoni: 6 in the last 30 days (4 answered in 2 h and resolved in time, 1 answered in 7 h,
 * 1 not answered) and 1 in January (answered in 30 h, resolved late); Ubungo: 2 (one answered in
 * 3 h and resolved in time); Arusha CC: 5 in January, each answered in 1 h and resolved in time,
 * and one of June 2025 still open, long past its deadline.
 */
function seedDesk() {
  for (let i = 0; i < 4; i++) {
    filed({
      filed: '2026-03-02 08:00',
      council: 'DAR-KIM',
      reply: 2,
      resolved: '2026-03-05 10:00',
    });
  }
  filed({ filed: '2026-03-02 08:00', council: 'DAR-KIM', reply: 7 });
  filed({ filed: '2026-03-02 08:00', council: 'DAR-KIM' });
  filed({ filed: '2026-01-20 08:00', council: 'DAR-KIM', reply: 30, resolved: '2026-02-20 10:00' });
  filed({ filed: '2026-03-03 08:00', council: 'DAR-UBM', reply: 3, resolved: '2026-03-04 10:00' });
  filed({ filed: '2026-03-03 08:00', council: 'DAR-UBM' });
  for (let i = 0; i < 5; i++) {
    filed({
      filed: '2026-01-12 08:00',
      council: 'ARU-ARC',
      reply: 1,
      resolved: '2026-01-14 10:00',
    });
  }
  filed({ filed: '2025-06-01 08:00', council: 'ARU-ARC' });
}

/** The rows of the page's table (body, then total) as their cells' text. */
function rowsOf(html: string): string[][] {
  const table = /<table[^>]*>([\s\S]*?)<\/table>/.exec(html)?.[1] ?? '';
  const body = table.replace(/<thead>[\s\S]*?<\/thead>/, '');
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) =>
    [...(m[1] ?? '').matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => textOf(c[1] ?? '')),
  );
}

const rowOf = (rows: string[][], name: string) => rows.find((r) => r[0] === name);

describe('GET /figures', () => {
  test('when the country is asked for, then each region has its last 30 days: received, resolved, on time, median first response, and a total', async () => {
    seedDesk();

    const res = await request(w.app).get('/figures?lang=en');

    expect(res.status).toBe(200);
    const rows = rowsOf(res.text);
    expect(rows).toHaveLength(26 + 1);
    expect(rowOf(rows, 'Dar es Salaam')).toEqual(['Dar es Salaam', '8', '5', '100.0%', '2 h']);
    expect(rowOf(rows, 'Arusha')).toEqual(['Arusha', '<5', '<5', '–', '–']);
    expect(rows.at(-1)).toEqual(['Total', '8', '5', '100.0%', '2 h']);
    const text = textOf(res.text);
    expect(text).toContain('Complaints filed from 11/02/2026 to 12/03/2026 (Tanzanian time)');
    expect(text).toContain('Figures as of 09:00 on 12/03/2026.');
    expect(res.text).toContain('href="/figures?period=30&amp;region=DAR&amp;lang=en"');
    expect(res.text).toContain('href="/figures.csv?period=30&amp;lang=en"');
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.text).not.toContain('<script');
  });

  test.each([
    [
      '90',
      ['Dar es Salaam', '9', '6', '83.3%', '2 h'],
      ['Arusha', '5', '5', '100.0%', '1 h'],
      ['Total', '14', '11', '90.9%', '2 h'],
    ],
    [
      '365',
      ['Dar es Salaam', '9', '6', '83.3%', '2 h'],
      ['Arusha', '6', '5', '83.3%', '1 h'],
      ['Total', '15', '11', '83.3%', '2 h'],
    ],
  ])(
    'when the last %s days are asked for, then the figures cover them',
    async (days, dar, aru, total) => {
      seedDesk();

      const res = await request(w.app).get(`/figures?lang=en&period=${days}`);

      expect(res.status).toBe(200);
      const rows = rowsOf(res.text);
      expect(rowOf(rows, 'Dar es Salaam')).toEqual(dar);
      expect(rowOf(rows, 'Arusha')).toEqual(aru);
      expect(rows.at(-1)).toEqual(total);
      expect(res.text).toContain(`aria-current="page">Last ${days} days</a>`);
    },
  );

  test('when a region is asked for, then each of its councils is a row, small ones "<5", with a way back to every region', async () => {
    seedDesk();

    const res = await request(w.app).get('/figures?region=dar&lang=en');

    expect(res.status).toBe(200);
    expect(rowsOf(res.text)).toEqual([
      ['Dar es Salaam CC', '<5', '<5', '–', '–'],
      ['Kigamboni MC', '<5', '<5', '–', '–'],
      ['Kinondoni MC', '6', '<5', '100.0%', '2 h'],
      ['Temeke MC', '<5', '<5', '–', '–'],
      ['Ubungo MC', '<5', '<5', '–', '–'],
      ['Total', '8', '5', '100.0%', '2 h'],
    ]);
    expect(textOf(res.text)).toContain('Region Dar es Salaam. Complaints filed from 11/02/2026');
    expect(res.text).toContain('href="/figures?period=30&amp;lang=en">All regions</a>');
    expect(res.text).toContain('href="/figures.csv?period=30&amp;region=DAR&amp;lang=en"');
  });

  test('when no language is asked for, then the page is in Kiswahili, and its switch leads to English', async () => {
    seedDesk();

    const res = await request(w.app).get('/figures?region=DAR');

    expect(res.headers['content-language']).toBe('sw');
    const text = textOf(res.text);
    expect(text).toContain('Takwimu za malalamiko');
    expect(text).toContain('Mkoa wa Dar es Salaam.');
    expect(rowOf(rowsOf(res.text), 'Kinondoni Manispaa')).toEqual([
      'Kinondoni Manispaa',
      '6',
      '<5',
      '100.0%',
      'saa 2',
    ]);
    expect(res.text).toContain('href="/figures?period=30&amp;region=DAR&amp;lang=en" lang="en"');
  });

  test.each([
    ['/figures?period=7&lang=en', 'Choose a period of 30, 90 or 365 days.'],
    ['/figures?period=year&lang=en', 'Choose a period of 30, 90 or 365 days.'],
    ['/figures?period=30&period=90&lang=en', 'Choose a period of 30, 90 or 365 days.'],
    ['/figures?region=XYZ&lang=en', 'No region has this code.'],
    ['/figures?region=DAR-KIM', 'Hakuna mkoa wenye msimbo huu.'],
  ])('when %s is asked for, then it is answered 400 saying what is wrong', async (url, says) => {
    const res = await request(w.app).get(url);

    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(textOf(res.text)).toContain(says);
    expect(rowsOf(res.text)).toEqual([]);
    expect(res.text).toContain('href="/figures?period=30&amp;lang=');
  });

  test('when an upgrade is still working out older complaints, then the shares or medians it affects are left out and the page says why', async () => {
    seedDesk();
    forgetFillIns(w.db, ['work_times']);

    const times = await request(w.app).get('/figures?lang=en&region=DAR');

    expect(rowOf(rowsOf(times.text), 'Kinondoni MC')).toEqual([
      'Kinondoni MC',
      '6',
      '<5',
      '100.0%',
      '–',
    ]);
    expect(textOf(times.text)).toContain('Times to first response are being prepared (0 %)');

    forgetFillIns(w.db, ['due_times']);
    w.db.$client.exec(
      `UPDATE background_jobs SET cursor = 6, target = 10 WHERE name = 'due_times'`,
    );
    // The job has given Arusha's complaints their deadlines, not yet Dar es Salaam's.
    w.db.$client.exec(
      `UPDATE complaints SET resolution_due_at = created_at + 14 * 86400000 WHERE region_code = 'ARU'`,
    );
    const shares = await request(w.app).get('/figures?lang=en&region=ARU&period=365');

    expect(rowOf(rowsOf(shares.text), 'Arusha CC')).toEqual(['Arusha CC', '6', '5', '–', '–']);
    expect(textOf(shares.text)).toContain('Shares resolved on time are being prepared (60 %)');
  });

  test('when a category is not published, then its complaints are not counted, from the next request on', async () => {
    seedDesk();
    for (let i = 0; i < 3; i++) {
      filed({ filed: '2026-03-04 08:00', council: 'DAR-KIM', category: 'corruption' });
    }
    const before = await request(w.app).get('/figures?lang=en');
    expect(rowOf(rowsOf(before.text), 'Dar es Salaam')?.[1]).toBe('11');

    const hidden = updateCategory(
      { db: w.db, now: w.clock.now(), reference: w.console.reference, actorStaffId: null },
      'corruption',
      {
        nameSw: 'Rushwa',
        nameEn: 'Corruption',
        firstResponseDays: '',
        resolutionDays: '',
        public: false,
      },
    );
    expect(hidden.ok).toBe(true);

    const after = await request(w.app).get('/figures?lang=en');
    expect(rowOf(rowsOf(after.text), 'Dar es Salaam')?.[1]).toBe('8');
    const csv = await request(w.app).get('/figures.csv?lang=en&region=DAR');
    expect(csv.text).toContain('DAR-KIM,Kinondoni MC,6,<5');
    expect(after.text).not.toContain('Corruption');
  });

  test('when figures were counted less than five minutes ago, then they are served as counted; once expired, counted again', async () => {
    seedDesk();
    const first = await request(w.app).get('/figures?lang=en&region=DAR');
    expect(rowOf(rowsOf(first.text), 'Ubungo MC')?.[1]).toBe('<5');
    for (let i = 0; i < 4; i++) filed({ filed: '2026-03-10 08:00', council: 'DAR-UBM' });

    w.clock.set(NOW + 3 * 60_000);
    const kept = await request(w.app).get('/figures?lang=en&region=DAR');
    expect(rowOf(rowsOf(kept.text), 'Ubungo MC')?.[1]).toBe('<5');
    expect(textOf(kept.text)).toContain('Figures as of 09:00 on 12/03/2026.');

    w.clock.set(NOW + 5 * 60_000);
    const fresh = await request(w.app).get('/figures?lang=en&region=DAR');
    expect(rowOf(rowsOf(fresh.text), 'Ubungo MC')).toEqual([
      'Ubungo MC',
      '6',
      '<5',
      '100.0%',
      '3 h',
    ]);
    expect(textOf(fresh.text)).toContain('Figures as of 09:05 on 12/03/2026.');
  });

  test('when figures near five minutes of age, then they are still served and counted again behind them', async () => {
    seedDesk();
    await request(w.app).get('/figures?lang=en&region=ARU');
    for (let i = 0; i < 5; i++) filed({ filed: '2026-03-10 08:00', council: 'ARU-ARC' });

    w.clock.set(NOW + 4 * 60_000 + 30_000);
    const old = await request(w.app).get('/figures?lang=en&region=ARU');
    expect(rowOf(rowsOf(old.text), 'Arusha CC')?.[1]).toBe('<5');
    expect(textOf(old.text)).toContain('Figures as of 09:00 on 12/03/2026.');
    await new Promise((r) => setImmediate(r));

    const counted = await request(w.app).get('/figures?lang=en&region=ARU');
    expect(rowOf(rowsOf(counted.text), 'Arusha CC')?.[1]).toBe('5');
    expect(textOf(counted.text)).toContain('Figures as of 09:04 on 12/03/2026.');
  });

  test('when the server keeps the figures counted, then a reader after five quiet minutes gets them from memory, as the keeper counted them', async () => {
    let warm: (() => Promise<void>) | undefined;
    w.close();
    w = openConsoleWorld({}, undefined, {
      onFiguresWarm: (f) => {
        warm = f;
      },
    });
    seedDesk();
    expect(warm).toBeDefined();
    await warm?.();
    for (let i = 0; i < 4; i++) filed({ filed: '2026-03-10 08:00', council: 'DAR-UBM' });
    // The keeper's minute, five minutes on: what expired is counted again before anyone asks.
    w.clock.set(NOW + 5 * 60_000);
    await warm?.();
    for (let i = 0; i < 5; i++) filed({ filed: '2026-03-10 08:00', council: 'DAR-UBM' });
    w.clock.set(NOW + 6 * 60_000);

    const page = await request(w.app).get('/figures?lang=en&region=DAR');

    expect(textOf(page.text)).toContain('Figures as of 09:05 on 12/03/2026.');
    expect(rowOf(rowsOf(page.text), 'Ubungo MC')?.[1]).toBe('6');
    const year = await request(w.app).get('/figures?lang=en&period=365');
    expect(textOf(year.text)).toContain('Figures as of 09:05 on 12/03/2026.');
  });

  test(`when one client asks more than ${FIGURES_REQUESTS_PER_MINUTE} times in a minute, then it is told to wait`, async () => {
    const agent = request(w.app);
    for (let i = 0; i < FIGURES_REQUESTS_PER_MINUTE; i++) {
      const path = i % 2 === 0 ? '/figures?region=DAR' : '/figures.csv?region=DAR';
      expect((await agent.get(path)).status).toBe(200);
    }
    const over = await agent.get('/figures?lang=en');
    expect(over.status).toBe(429);
    expect(textOf(over.text)).toContain('Too many requests from your connection');
    const csv = await agent.get('/figures.csv?lang=en');
    expect(csv.status).toBe(429);
  });
});

describe('GET /figures.csv', () => {
  test('when the country is downloaded, then each region and the total are rows, small counts "<5" and their shares empty, with the dates', async () => {
    seedDesk();

    const res = await request(w.app).get('/figures.csv?lang=en&period=90');

    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="kero-figures-TZ-2025-12-13-2026-03-12.csv"',
    );
    const lines = res.text.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe(
      'Code,Region,Received,Resolved,Resolved on time (%),Median first response (office hours),From,To',
    );
    expect(lines).toContain('ARU,Arusha,5,5,100,1,2025-12-13,2026-03-12');
    expect(lines).toContain('DAR,Dar es Salaam,9,6,83.3,2,2025-12-13,2026-03-12');
    expect(lines).toContain('DOD,Dodoma,<5,<5,,,2025-12-13,2026-03-12');
    expect(lines).toContain('TZ,Total,14,11,90.9,2,2025-12-13,2026-03-12');
    expect(lines).toHaveLength(1 + 26 + 1 + 1);
  });

  test('when a region is downloaded in Kiswahili, then its councils are the rows, named and headed in Kiswahili', async () => {
    seedDesk();

    const res = await request(w.app).get('/figures.csv?region=DAR');

    const lines = res.text.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toContain('Msimbo,Halmashauri,Yaliyopokelewa,Yaliyotatuliwa');
    expect(lines).toContain('DAR-KIM,Kinondoni Manispaa,6,<5,100,2,2026-02-11,2026-03-12');
    expect(lines).toContain('DAR-UBM,Ubungo Manispaa,<5,<5,,,2026-02-11,2026-03-12');
    expect(lines).toContain('DAR,Jumla,8,5,100,2,2026-02-11,2026-03-12');
  });

  test('when its address is bad, then it is answered 400 in words', async () => {
    const res = await request(w.app).get('/figures.csv?period=12&lang=en');

    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.text).toBe('Choose a period of 30, 90 or 365 days.');
  });
});

describe('nothing personal', () => {
  test('when complaints carry distinctive phones, descriptions, places and staff, then none of it is in any page or CSV', async () => {
    const phones = ['+255689777123', '+255754888321'];
    const secrets = [
      'Mama Zuhura Kassimu wa mtaa wa Mchikichini',
      'Ofisa Baraka aliomba rushwa ya shilingi 50,000',
    ];
    const place = 'Kitongoji cha Mwembeladu';
    for (let i = 0; i < 12; i++) {
      filed({
        filed: '2026-03-05 08:00',
        council: i % 2 === 0 ? 'DAR-KIM' : 'ARU-ARC',
        phone: phones[i % 2],
        description: secrets[i % 2],
        place,
        reply: 4,
      });
    }
    const leaks = [
      ...phones,
      ...phones.map((p) => p.slice(4)),
      ...phones.map((p) => `0${p.slice(4)}`),
      ...secrets,
      'Zuhura',
      'Mwembeladu',
      place,
      ...Object.values(DESK).flatMap((s) => [s.name, s.phone, s.phone.slice(4)]),
    ];
    const urls = [
      '/figures',
      '/figures?lang=en&period=365',
      '/figures?region=DAR',
      '/figures?region=ARU&lang=en&period=90',
      '/figures.csv?period=365',
      '/figures.csv?region=DAR&lang=en',
      '/figures.csv?region=ARU&period=90',
    ];
    for (const url of urls) {
      const res = await request(w.app).get(url);
      expect([url, res.status]).toEqual([url, 200]);
      for (const secret of leaks) {
        expect([url, secret, res.text.includes(secret)]).toEqual([url, secret, false]);
      }
    }
    const page = await request(w.app).get('/figures?region=DAR&lang=en');
    expect(rowOf(rowsOf(page.text), 'Kinondoni MC')).toEqual([
      'Kinondoni MC',
      '6',
      '<5',
      '–',
      '4 h',
    ]);
  });
});

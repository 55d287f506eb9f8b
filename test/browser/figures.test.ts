/**
 * The public figures in a real browser (issue 21 part 4): a journalist opens the country's last
 * 30 days, follows Dar es Salaam to its councils, changes the period to a year, reads it in
 * Kiswahili; at 360 px (a small phone) and at desktop width, without JavaScript, axe finds no
 * serious problem, nothing but the table's own box overflows, the chart is drawn, and nothing
 * personal is on any page. Screenshots go to test-output/screenshots.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { DESK, eat } from '../helpers/world';
import { openConsoleWorld, type ConsoleWorld } from '../console/world';
import { accessible, launchChromium, openPage, overflows, shoot } from './console-browser';

jest.setTimeout(120_000);

let w: ConsoleWorld;
let server: Server;
let base: string;
let browser: Browser;

const DESCRIPTION = 'Bomba limevunjika mbele ya nyumba ya Mama Rehema Kisanga';
const PHONE = '+255689123987';

beforeAll(async () => {
  w = openConsoleWorld();
  // Kinondoni many, Ubungo a few, Arusha CC some: big and small cells side by side.
  const plan: [string, number][] = [
    ['DAR-KIM', 14],
    ['DAR-UBM', 3],
    ['DAR-TEM', 6],
    ['ARU-ARC', 9],
    ['DOD-DOC', 5],
  ];
  let n = 0;
  for (const [council, count] of plan) {
    for (let i = 0; i < count; i++) {
      w.clock.set(eat('2026-03-02 08:00') + n++ * 3_600_000);
      const c = w.file({ council, description: DESCRIPTION, phone: PHONE, place: 'Mtaa wa Uhuru' });
      if (i % 3 !== 2) {
        w.db.$client
          .prepare(
            `UPDATE complaints SET status = 'resolved', first_response_at = created_at + ?,
               first_response_work_ms = ?, resolved_at = created_at + ? WHERE id = ?`,
          )
          .run((1 + (i % 4)) * 3_600_000, (1 + (i % 4)) * 3_600_000, 2 * 86_400_000, c.id);
      }
    }
  }
  w.clock.set(eat('2026-03-12 09:00'));
  server = w.app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
  w?.close();
});

/** Nothing personal: the description, the phone, the place, any staff member's name. */
async function nothingPersonal(page: Page): Promise<void> {
  const html = await page.content();
  for (const secret of [
    'Mama Rehema',
    PHONE,
    PHONE.slice(4),
    'Mtaa wa Uhuru',
    ...Object.values(DESK).map((s) => s.name),
  ]) {
    expect([page.url(), secret, html.includes(secret)]).toEqual([page.url(), secret, false]);
  }
}

for (const [size, viewport] of [
  ['phone', { width: 360, height: 740 }],
  ['desktop', { width: 1280, height: 800 }],
] as const) {
  it(`at ${size} width, without JavaScript, a reader goes from the country to a region's councils, a year, and Kiswahili`, async () => {
    const { context, page, errors } = await openPage(browser, viewport, { javaScript: false });
    // axe needs script: the same addresses again in a page that runs it (the page has none).
    const checked = await browser.newContext({ viewport });
    const axePage = await checked.newPage();
    const check = async (name: string) => {
      await axePage.goto(page.url());
      await accessible(axePage, name);
      expect(await overflows(axePage)).toBe(false);
      await nothingPersonal(page);
    };
    try {
      await page.goto(`${base}/figures?lang=en`);
      await page.locator('h1', { hasText: 'Complaints in figures' }).waitFor();
      expect(await page.locator('svg.chart rect.bar').count()).toBe(26);
      const dar = page.locator('tbody tr', { hasText: 'Dar es Salaam' });
      expect(await dar.locator('td').allTextContents()).toEqual(['23', '16', '100.0%', '2 h']);
      await check('figures-country');
      await shoot(page, `${size}-figures-country`);

      await page.getByRole('link', { name: 'Dar es Salaam' }).click();
      await page.locator('h2', { hasText: 'By council' }).waitFor();
      const ubungo = page.locator('tbody tr', { hasText: 'Ubungo MC' });
      expect(await ubungo.locator('td').allTextContents()).toEqual(['<5', '<5', '–', '–']);
      await check('figures-region');
      await shoot(page, `${size}-figures-region`);

      await page.getByRole('link', { name: 'Last 365 days' }).click();
      await page.locator('a[aria-current="page"]', { hasText: 'Last 365 days' }).waitFor();
      expect(page.url()).toContain('period=365&region=DAR');

      await page.getByRole('link', { name: 'Kiswahili' }).click();
      await page.locator('h1', { hasText: 'Takwimu za malalamiko' }).waitFor();
      const kinondoni = page.locator('tbody tr', { hasText: 'Kinondoni Manispaa' });
      expect(await kinondoni.locator('td').allTextContents()).toEqual([
        '14',
        '10',
        '100.0%',
        'saa 2',
      ]);
      await check('figures-region-sw');
      await shoot(page, `${size}-figures-region-sw`);

      const csv = page.getByRole('link', { name: 'Pakua takwimu hizi (CSV)' });
      expect(await csv.getAttribute('href')).toBe('/figures.csv?period=365&region=DAR&lang=sw');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
      await checked.close();
    }
  });
}

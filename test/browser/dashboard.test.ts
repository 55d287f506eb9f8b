/**
 * The dashboard in a real browser (Debian's chromium driven by playwright-core), over the known
 * week of test/console/dashboard-world.ts: a supervisor and headquarters open it from the
 * navigation at phone (360 px) and desktop widths; axe finds no serious or critical problem, the
 * browser console stays free of errors, nothing but a table scrolls sideways on a phone (and at
 * desktop width the wide tables by region and by council show every column, under their chart),
 * and a figure clicked opens the queue filtered to its complaints; a council of the by-council table
 * opens that council's dashboard by ward, whose figures open the queue filtered to the ward (in
 * the headquarters test: sign-in codes are limited to three per phone in 15 minutes).
 * Screenshots (screen and print) go to test-output/screenshots for a person to look at.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { formatComplaintNumber } from '../../src/complaints/core/numbers';
import { DESK } from '../helpers/world';
import { WEEK, seedWeek } from '../console/dashboard-world';
import { openConsoleWorld, type ConsoleWorld } from '../console/world';
import {
  accessible,
  launchChromium,
  openPage,
  overflows,
  shoot,
  signIn as signInAt,
} from './console-browser';

jest.setTimeout(120_000);

const WIDTHS = { phone: { width: 360, height: 780 }, desktop: { width: 1280, height: 900 } };
const WEEK_Q = `period=custom&from=${WEEK.from}&to=${WEEK.to}`;

let w: ConsoleWorld;
let numbers: Record<string, string>;
let server: Server;
let base: string;
let browser: Browser;

beforeAll(async () => {
  w = openConsoleWorld();
  numbers = seedWeek(w);
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

const open = (size: keyof typeof WIDTHS) => openPage(browser, WIDTHS[size]);

/** Whether the table under `heading` shows all its columns, without scrolling sideways. */
const wholeTable = (page: Page, heading: string) =>
  page
    .locator('section', { has: page.locator('h2', { hasText: heading }) })
    .locator('.table-wrap')
    .evaluate((el) => el.scrollWidth <= el.clientWidth);
const signIn = (page: Page, phone: string) => signInAt(page, base, w, phone);

for (const size of ['phone', 'desktop'] as const) {
  describe(`at ${size} width`, () => {
    it('a supervisor reads the week and follows a figure to the queue', async () => {
      const { context, page, errors } = await open(size);
      try {
        await signIn(page, DESK.darSup.phone);
        await page.getByRole('link', { name: 'Dashboard' }).click();
        await page.waitForURL(`${base}/console/dashboard`);
        await page.goto(`${base}/console/dashboard?${WEEK_Q}`);
        await accessible(page, 'dashboard');
        expect(await overflows(page)).toBe(false);
        expect(await page.locator('svg.chart').count()).toBe(5);
        await expect(page.locator('svg.chart title').first().textContent()).resolves.toBe(
          'Chart: By council',
        );
        await shoot(page, `dashboard-${size}-supervisor`);
        // At desktop width the councils' table, wider than a chart leaves room for, sits under it.
        if (size === 'desktop') expect(await wholeTable(page, 'By council')).toBe(true);
        await page.emulateMedia({ media: 'print' });
        await shoot(page, `dashboard-${size}-supervisor-print`);
        await page.emulateMedia({ media: 'screen' });

        // "Unattended": the open complaints nobody holds, filed that week: F alone.
        await page.getByRole('link', { name: /Unattended/ }).click();
        await page.waitForURL(/\/console\?tab=unassigned&from=2026-03-02&to=2026-03-08$/);
        const rows = page.locator('tbody tr');
        expect(await rows.count()).toBe(1);
        await expect(rows.first().textContent()).resolves.toContain(
          formatComplaintNumber(numbers.F ?? ''),
        );
        await shoot(page, `dashboard-${size}-to-queue`);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    });

    it('headquarters reads the country, then one region, then one council by ward', async () => {
      const { context, page, errors } = await open(size);
      try {
        await signIn(page, DESK.hq.phone);
        await page.goto(`${base}/console/dashboard?${WEEK_Q}`);
        await accessible(page, 'dashboard-hq');
        expect(await overflows(page)).toBe(false);
        await shoot(page, `dashboard-${size}-hq`);
        if (size === 'desktop') expect(await wholeTable(page, 'By region')).toBe(true);
        await page.getByRole('link', { name: 'Dar es Salaam', exact: true }).click();
        await page.waitForURL(/region=DAR/);
        await accessible(page, 'dashboard-hq-region');
        await expect(page.locator('h2', { hasText: 'Staff' }).count()).resolves.toBe(1);

        // One of its councils, by ward, and a ward's figure to the queue.
        await page.getByRole('link', { name: 'Kinondoni MC', exact: true }).click();
        await page.waitForURL(/region=DAR&council=DAR-KIM$/);
        await accessible(page, 'dashboard-council');
        expect(await overflows(page)).toBe(false);
        await expect(page.locator('svg.chart title').first().textContent()).resolves.toBe(
          'Chart: By ward',
        );
        const wards = page
          .locator('section', { has: page.locator('h2', { hasText: 'By ward' }) })
          .locator('tbody th');
        await expect(wards.allTextContents()).resolves.toEqual([
          'Magomeni',
          'Mzimuni',
          'Not matched to a ward',
        ]);
        await shoot(page, `dashboard-${size}-council-by-ward`);
        if (size === 'desktop') expect(await wholeTable(page, 'By ward')).toBe(true);

        // Magomeni's resolved ones: A and D.
        const magomeni = page.locator('tr', { has: page.locator('th', { hasText: 'Magomeni' }) });
        await magomeni.getByRole('link').nth(1).click();
        await page.waitForURL(/\/console\?tab=resolved&region=DAR&council=DAR-KIM&ward=14101&/);
        const rows = page.locator('tbody tr');
        expect(await rows.count()).toBe(2);
        const text = (await rows.allTextContents()).join(' ');
        for (const letter of ['A', 'D'])
          expect(text).toContain(formatComplaintNumber(numbers[letter] ?? ''));
        await expect(page.getByLabel('Ward', { exact: true }).inputValue()).resolves.toBe('14101');
        await accessible(page, 'queue-from-ward');
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  });
}

describe('while an upgrade is still counting older complaints', () => {
  it('the page says how far it is instead of figures, at phone width', async () => {
    const jobs = w.db.$client.prepare(
      `UPDATE background_jobs SET cursor = ?, target = ?, finished_at = ? WHERE name = 'rollup'`,
    );
    const { context, page, errors } = await open('phone');
    try {
      jobs.run(630, 1000, null);
      await signIn(page, DESK.darSup.phone);
      await page.goto(`${base}/console/dashboard?${WEEK_Q}`);
      await accessible(page, 'dashboard-preparing');
      expect(await overflows(page)).toBe(false);
      await expect(page.getByRole('status').first().textContent()).resolves.toContain(
        'Figures are being prepared: 63 %.',
      );
      expect(await page.locator('svg.chart').count()).toBe(0);
      await shoot(page, 'dashboard-phone-preparing');
      expect(errors).toEqual([]);
    } finally {
      jobs.run(Number.MAX_SAFE_INTEGER, 1000, 0);
      await context.close();
    }
  });
});

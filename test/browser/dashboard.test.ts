/**
 * The dashboard in a real browser (Debian's chromium driven by playwright-core), over the known
 * week of test/console/dashboard-world.ts: a supervisor and headquarters open it from the
 * navigation at phone (360 px) and desktop widths; axe finds no serious or critical problem, the
 * browser console stays free of errors, nothing but a table scrolls sideways on a phone, and a
 * figure clicked opens the queue filtered to its complaints. Screenshots (screen and print) go to
 * test-output/screenshots for a person to look at.
 */
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { formatComplaintNumber } from '../../src/complaints/core/numbers';
import { DESK } from '../helpers/world';
import { WEEK, seedWeek } from '../console/dashboard-world';
import { lastCodeTo, openConsoleWorld, type ConsoleWorld } from '../console/world';
import { chromiumPath } from './chromium';

jest.setTimeout(120_000);

const SHOTS = join(__dirname, '..', '..', 'test-output', 'screenshots');
const WIDTHS = { phone: { width: 360, height: 780 }, desktop: { width: 1280, height: 900 } };
const WEEK_Q = `period=custom&from=${WEEK.from}&to=${WEEK.to}`;

let w: ConsoleWorld;
let numbers: Record<string, string>;
let server: Server;
let base: string;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  w = openConsoleWorld();
  numbers = seedWeek(w);
  server = w.app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'],
  });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
  w?.close();
});

async function open(size: keyof typeof WIDTHS) {
  const context = await browser.newContext({ viewport: WIDTHS[size] });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`);
  });
  return { context, page, errors };
}

async function accessible(page: Page, name: string): Promise<void> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const bad = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) => `${name}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
  expect(bad).toEqual([]);
}

const shoot = (page: Page, name: string) =>
  page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

async function signIn(page: Page, phone: string): Promise<void> {
  await page.goto(`${base}/console`);
  await page.getByLabel('Namba ya simu').fill(phone);
  await page.getByRole('button', { name: 'Nitumie msimbo' }).click();
  await page.waitForURL(`${base}/console/sign-in/code`);
  const code = lastCodeTo(w, phone);
  if (!code) throw new Error('no code in the outbox');
  await page.getByLabel('Msimbo', { exact: true }).fill(code);
  await page.getByRole('button', { name: 'Ingia' }).click();
  await page.waitForURL(`${base}/console`);
}

/** Whether the page itself is wider than the window (a table scrolling in its box is fine). */
const overflows = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);

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

    it('headquarters reads the country, then one region', async () => {
      const { context, page, errors } = await open(size);
      try {
        await signIn(page, DESK.hq.phone);
        await page.goto(`${base}/console/dashboard?${WEEK_Q}`);
        await accessible(page, 'dashboard-hq');
        expect(await overflows(page)).toBe(false);
        await shoot(page, `dashboard-${size}-hq`);
        await page.getByRole('link', { name: 'Dar es Salaam', exact: true }).click();
        await page.waitForURL(/region=DAR/);
        await accessible(page, 'dashboard-hq-region');
        await expect(page.locator('h2', { hasText: 'Staff' }).count()).resolves.toBe(1);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  });
}

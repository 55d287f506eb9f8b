/**
 * The public status page in a real browser (issue 21 part 3): a citizen types a number with a
 * mistyped digit, is told so, types it right and reads the status; at 360 px (a small phone) and
 * at desktop width, without JavaScript, axe finds no serious problem, nothing overflows, and
 * nothing personal is on the page. Screenshots go to test-output/screenshots.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Browser } from 'playwright-core';
import { formatComplaintNumber } from '../../src/complaints/core/numbers';
import { openConsoleWorld, type ConsoleWorld } from '../console/world';
import { accessible, launchChromium, overflows, shoot } from './console-browser';

jest.setTimeout(120_000);

let w: ConsoleWorld;
let server: Server;
let base: string;
let browser: Browser;

beforeAll(async () => {
  w = openConsoleWorld();
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

const DESCRIPTION = 'Bomba limevunjika mbele ya nyumba ya Mama Rehema';

for (const [size, viewport] of [
  ['phone', { width: 360, height: 740 }],
  ['desktop', { width: 1280, height: 800 }],
] as const) {
  it(`at ${size} width, without JavaScript, a citizen corrects a mistyped number and reads the status`, async () => {
    const c = w.file({ council: 'DAR-UBM', category: 'water', description: DESCRIPTION });
    const context = await browser.newContext({ viewport, javaScriptEnabled: false });
    const page = await context.newPage();
    // axe needs script: the same addresses again in a page that runs it (the page has none).
    const checked = await browser.newContext({ viewport });
    const axePage = await checked.newPage();
    const check = async (name: string) => {
      await axePage.goto(page.url());
      await accessible(axePage, name);
      expect(await overflows(axePage)).toBe(false);
    };
    try {
      await page.goto(`${base}/status?lang=en`);
      await check('status');
      const wrong = c.number.slice(0, 7) + String((Number(c.number[7]) + 1) % 10);
      await page.getByLabel('Complaint number').fill(wrong);
      await page.getByRole('button', { name: 'Show status' }).click();
      await page.locator('.error-message', { hasText: 'This number is mistyped' }).waitFor();
      await check('status-mistyped');
      await shoot(page, `${size}-status-mistyped`);

      await page.getByLabel('Complaint number').fill(formatComplaintNumber(c.number));
      await page.getByRole('button', { name: 'Show status' }).click();
      const facts = page.locator('dl.facts');
      await facts.waitFor();
      expect(await facts.textContent()).toContain('Ubungo MC');
      expect(await facts.textContent()).toContain('Water');
      const html = await page.content();
      expect(html).not.toContain('Mama Rehema');
      expect(html).not.toContain(c.citizenPhone);
      await check('status-found');
      expect(await overflows(page)).toBe(false);
      await shoot(page, `${size}-status`);

      await page.getByRole('link', { name: 'Kiswahili' }).click();
      await page.locator('h1', { hasText: 'Hali ya lalamiko' }).waitFor();
      expect(await page.locator('dl.facts').textContent()).toContain('Maji');
    } finally {
      await context.close();
      await checked.close();
    }
  });
}

/**
 * The categories page in a real browser (issue 20): headquarters adds "Umeme / Electricity" with
 * a 2-day first response, sees a refusal with its reason, moves it up and unpublishes it; axe
 * finds no serious problem at phone and desktop widths, nothing overflows, and screenshots go to
 * test-output/screenshots. A USSD dial right after offers the new category.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Browser } from 'playwright-core';
import { atPhone } from '../helpers/at-ussd';
import { councilNumber, regionNumber } from '../helpers/engine-context';
import { DESK } from '../helpers/world';
import { openConsoleWorld, type ConsoleWorld } from '../console/world';
import { accessible, launchChromium, openPage, overflows, shoot, signIn } from './console-browser';

jest.setTimeout(120_000);

const WIDTHS = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 900 } };

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

for (const [size, names] of [
  ['phone', { sw: 'Umeme', en: 'Electricity' }],
  ['desktop', { sw: 'Nishati', en: 'Energy' }],
] as const) {
  it(`at ${size} width, headquarters adds ${names.en}, moves it up and unpublishes it; USSD offers it`, async () => {
    const { context, page, errors } = await openPage(browser, WIDTHS[size], {
      formErrors: true,
      failedRequests: true,
    });
    try {
      await signIn(page, base, w, DESK.hq.phone);
      await page.getByRole('link', { name: 'Categories' }).click();
      await page.waitForURL(/\/console\/categories$/);
      await accessible(page, 'categories');

      // A refusal first: too long a name, with the reason beside the field.
      await page.getByLabel('Name in Kiswahili').fill('Huduma za umeme na nishati ya jua vijijini');
      await page.getByLabel('Name in English').fill(names.en);
      await page.getByRole('button', { name: 'Add', exact: true }).click();
      await page.locator('.error-summary').waitFor();
      expect(await page.locator('.error-summary').textContent()).toContain(
        'a longer name would push a USSD screen past 160 characters',
      );
      await accessible(page, 'categories-refused');
      await shoot(page, `${size}-categories-refused`);

      await page.getByLabel('Name in Kiswahili').fill(names.sw);
      await page.getByLabel('First response within (working days)').fill('2');
      await page.getByRole('button', { name: 'Add', exact: true }).click();
      await page.locator('.notice', { hasText: `${names.en} added` }).waitFor();
      const row = page.locator('#categories-list tbody tr', { hasText: names.en });
      expect(await row.textContent()).toContain('first response 2 working days');

      await row.getByRole('button', { name: `Move up ${names.en}` }).click();
      await page.locator('.notice', { hasText: `${names.en} moved` }).waitFor();
      await page
        .locator('#categories-list tbody tr', { hasText: names.en })
        .getByRole('link', { name: `Edit ${names.en}` })
        .click();
      await page.getByLabel('Publish its complaints in Open311').uncheck();
      await page.getByRole('button', { name: 'Save' }).click();
      await page.locator('.notice', { hasText: `${names.en} saved` }).waitFor();
      expect(
        await page.locator('#categories-list tbody tr', { hasText: names.en }).textContent(),
      ).toContain('Not published');
      await accessible(page, 'categories-changed');
      expect(await overflows(page)).toBe(false);
      await shoot(page, `${size}-categories`);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }

    const s = atPhone(w.app, { phone: '+255712345678' }).dial();
    await s.send('');
    const menu = await s.replies(
      '2',
      '1',
      regionNumber('Dodoma'),
      councilNumber('Dodoma', 'Dodoma CC'),
    );
    const more = /\n98\. /.test(menu) ? await s.reply('98') : '';
    expect(`${menu}\n${more}`).toMatch(new RegExp(`\\n\\d+\\. ${names.en}\\n`));
  });
}

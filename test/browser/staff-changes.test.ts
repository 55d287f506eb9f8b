/**
 * Issue 23 in a real browser (Debian's chromium driven by playwright-core), at 360 px and at
 * desktop width: headquarters types a new phone for an officer, the page asks for the code sent
 * to it, a wrong code is said so, the right one makes the change; the officer's page shows the
 * history and headquarters' page every staff change. With JavaScript off a supervisor asks for
 * a change and cancels it. Every page passes axe (no serious or critical problems), fits the
 * window, and leaves no console errors; screenshots go to test-output/screenshots.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { desc, eq } from 'drizzle-orm';
import type { Browser, Locator, Page } from 'playwright-core';
import { smsOutbox, staff } from '../../db/schema';
import { DESK } from '../helpers/world';
import { openConsoleWorld, type ConsoleWorld } from '../console/world';
import {
  accessible,
  accessibleAsDrawn,
  launchChromium,
  openPage,
  shoot,
  signIn,
} from './console-browser';

jest.setTimeout(120_000);

const WIDTHS = { phone: { width: 360, height: 780 }, desktop: { width: 1280, height: 900 } };

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

async function shows(locator: Locator, text: string | RegExp): Promise<void> {
  await locator.filter({ hasText: text }).first().waitFor({ timeout: 5000 });
}

const check = async (page: Page, name: string) => {
  await accessible(page, name);
  await shoot(page, name);
};

/** The code of the last SMS to `phone`. */
function codeTo(phone: string): string {
  const row = w.db
    .select()
    .from(smsOutbox)
    .where(eq(smsOutbox.toPhone, phone))
    .orderBy(desc(smsOutbox.id))
    .get();
  const code = /\d{6}/.exec(row?.body ?? '')?.[0];
  if (!code) throw new Error(`no code sent to ${phone}`);
  return code;
}

const phoneOf = (id: number) => w.db.select().from(staff).where(eq(staff.id, id)).get()?.phone;

for (const size of ['phone', 'desktop'] as const) {
  it(`at ${size} width, headquarters change an officer's phone with the code sent to it, then read the log`, async () => {
    const { context, page, errors } = await openPage(browser, WIDTHS[size], {
      formErrors: true,
      failedRequests: true,
    });
    const neema = w.desk.neema;
    const next = size === 'phone' ? '+255715000991' : '+255715000992';
    try {
      await signIn(page, base, w, DESK.hq.phone);
      await page.getByRole('link', { name: 'Staff', exact: true }).click();
      await page.getByRole('link', { name: `Edit ${neema.name}` }).click();
      await shows(page.locator('h1'), `Edit ${neema.name}`);
      await page.getByLabel('Phone number').fill(`0${next.slice(4)}`);
      await page.getByRole('button', { name: 'Save' }).click();
      await page.waitForURL(/done=code/);
      await shows(page.getByRole('status'), `A code was sent by SMS to ${next}`);
      await shows(page.locator('h2'), 'New phone number waiting for its code');
      await check(page, `${size}-staff-1-code-asked`);

      const code = codeTo(next);
      await page.getByLabel('Code from the SMS').fill(code === '000000' ? '111111' : '000000');
      await page.getByRole('button', { name: 'Confirm the new number' }).click();
      await shows(page.locator('.error-message'), 'That code is not right.');
      await check(page, `${size}-staff-2-wrong-code`);

      await page.getByLabel('Code from the SMS').fill(code);
      await page.getByRole('button', { name: 'Confirm the new number' }).click();
      await page.waitForURL(/done=phone/);
      await shows(page.getByRole('status'), `The sign-in phone of ${neema.name} was changed.`);
      expect(phoneOf(neema.id)).toBe(next);
      await check(page, `${size}-staff-3-changed`);

      await page.getByRole('link', { name: `Edit ${neema.name}` }).click();
      await shows(page.locator('h2'), `Changes to ${neema.name}`);
      await shows(page.locator('#staff-changes td'), 'Phone number: code sent');
      await check(page, `${size}-staff-4-history`);

      await page.getByRole('link', { name: 'Back', exact: true }).click();
      await page.getByRole('link', { name: 'Recent changes to staff' }).click();
      await shows(page.locator('h1'), 'Recent changes to staff');
      await shows(page.locator('#staff-changes td'), 'Zawadi Mrema (console)');
      await check(page, `${size}-staff-5-all-changes`);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
}

it('with JavaScript off, a supervisor asks for a new phone for an officer and cancels it', async () => {
  // Not failedRequests: a form sent while the page's icon still loads aborts that load.
  const { context, page, errors } = await openPage(browser, WIDTHS.phone, {
    formErrors: true,
    javaScript: false,
  });
  const juma = w.desk.juma;
  try {
    await signIn(page, base, w, DESK.darSup.phone);
    await page.goto(`${base}/console/staff/${juma.id}`);
    await page.getByLabel('Phone number').fill('0715000993');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/done=code/);
    await page.getByRole('button', { name: 'Cancel the change' }).click();
    await page.waitForURL(/done=cancelled/);
    await shows(page.getByRole('status'), 'The phone change was cancelled.');
    expect(await page.locator('#phone-pending').count()).toBe(0);
    expect(phoneOf(juma.id)).toBe(DESK.juma.phone);
    await shoot(page, 'phone-staff-6-cancelled-no-js');
    await accessibleAsDrawn(browser, page, 'staff-cancelled-no-js');
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});

/**
 * Call-backs in a real browser (Debian's chromium driven by playwright-core), at desk and at
 * 360 px phone width: the region's queue with an overdue request marked, a request's page, the
 * "Log a call" form it opens prefilled (phone, language, region, category), filed as a complaint
 * with the script on; with JavaScript off on a phone, a try that reached nobody, then closing
 * another request with a note. Every page passes axe; screenshots go to test-output/screenshots.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { formatCallbackReference } from '../../src/callbacks/core/reference';
import { recordMissedTry } from '../../src/callbacks/service';
import { scopeOf } from '../../src/complaints/core/scope';
import { formatComplaintNumber } from '../../src/complaints/core/numbers';
import { T0 } from '../helpers/app';
import { DAY, DESK, HOUR } from '../helpers/world';
import { ask, callbackDeps, callbackRow } from '../console/callbacks-world';
import { openConsoleWorld, type ConsoleWorld } from '../console/world';
import type { CallbackRow } from '../../db/schema';
import {
  accessible,
  launchChromium,
  openPage,
  shoot,
  SHOTS,
  signIn as signInAt,
} from './console-browser';

jest.setTimeout(120_000);

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 360, height: 780 };
/** Where a person looks at the screenshots (outside the worktree). */
const KEEP = '/work/scratch-keep/callback';

let w: ConsoleWorld;
let server: Server;
let base: string;
let browser: Browser;
let overdue: CallbackRow;
let fresh: CallbackRow;
let other: CallbackRow;

beforeAll(async () => {
  w = openConsoleWorld();
  // Two days ago, tried once by Juma without reaching anyone: overdue now.
  w.clock.set(T0 - 2 * DAY);
  overdue = ask(w, { phone: '+255754000201', region: 'DAR', category: 'council_services' });
  const juma = { staffId: w.desk.juma.id, scope: scopeOf({ ...w.desk.juma, councils: [] }) };
  recordMissedTry(callbackDeps(w), juma, overdue.reference, 0);
  w.clock.set(T0 - HOUR);
  other = ask(w, { phone: '+255754000202', region: 'DAR', category: 'health', lang: 'sw' });
  w.clock.set(T0);
  fresh = ask(w, { phone: '+255754000203', region: 'DAR', category: 'water', lang: 'en' });
  ask(w, { phone: '+255754000204', region: 'ARU' });
  server = w.app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
  mkdirSync(KEEP, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
  w?.close();
});

const signIn = (page: Page, phone: string) => signInAt(page, base, w, phone);

/** A screenshot checked for width, kept beside the worktree for a person to look at. */
async function keep(page: Page, name: string): Promise<void> {
  await shoot(page, name);
  copyFileSync(join(SHOTS, `${name}.png`), join(KEEP, `${name}.png`));
}

/**
 * axe runs as a script in the page, which a page with JavaScript off cannot: the page as the
 * server drew it is checked in a browser with scripts on, at the same address.
 */
async function accessibleAsDrawn(page: Page, name: string): Promise<void> {
  const html = await page.content();
  const { context, page: copy } = await openPage(browser, PHONE);
  try {
    await copy.goto(page.url());
    await copy.setContent(html);
    await accessible(copy, name);
  } finally {
    await context.close();
  }
}

it('when a supervisor works the queue at a desk, then the overdue request is marked and a request becomes a complaint through the prefilled Log a call form', async () => {
  const { context, page, errors } = await openPage(browser, DESKTOP, { failedRequests: true });
  try {
    await signIn(page, DESK.darSup.phone);
    await page.getByRole('link', { name: 'Call-backs', exact: true }).click();
    await page.waitForURL(`${base}/console/callbacks`);
    const rows = page.locator('tbody tr');
    expect(await rows.count()).toBe(3);
    expect(await rows.first().getAttribute('class')).toBe('overdue');
    expect(await rows.first().locator('.badge.overdue').textContent()).toMatch(/^Overdue/);
    expect(await rows.first().textContent()).toContain('1, the last by Juma Said');
    expect(await page.locator('tbody tr.overdue').count()).toBe(1);
    await accessible(page, 'callbacks-queue');
    await keep(page, 'callbacks-1-queue-desktop');

    await page.getByRole('link', { name: formatCallbackReference(fresh.reference) }).click();
    await page.waitForURL(`${base}/console/callbacks/${fresh.reference}`);
    expect(
      await page.getByRole('link', { name: 'Call +255 754 000 203' }).getAttribute('href'),
    ).toBe('tel:+255754000203');
    await accessible(page, 'callback-request');
    await keep(page, 'callbacks-2-request-desktop');

    await page.getByRole('link', { name: 'Log the call as a complaint' }).click();
    await page.waitForURL(`${base}/console/call?callback=${fresh.reference}`);
    expect(await page.getByLabel('Caller phone number').inputValue()).toBe('+255754000203');
    expect(await page.getByLabel('English').isChecked()).toBe(true);
    expect(await page.locator('#call-region').inputValue()).toBe('DAR');
    expect(await page.locator('#call-category').inputValue()).toBe('water');
    await accessible(page, 'call-prefilled');
    await keep(page, 'callbacks-3-call-prefilled-desktop');

    await page.locator('#call-council').selectOption('DAR-KIM');
    await page.getByLabel('Description').fill('No water at the Mwananyamala tap for five days');
    await page.getByRole('button', { name: 'File the complaint' }).click();
    await page.waitForURL(/\/console\/callbacks\?done=logged/);
    const logged = callbackRow(w, fresh.reference);
    expect(logged.status).toBe('logged');
    const complaint = w.db.$client
      .prepare('SELECT number, channel FROM complaints WHERE id = ?')
      .get(logged.complaintId) as { number: string; channel: string };
    expect(complaint.channel).toBe('call');
    expect(await page.getByRole('status').textContent()).toContain(
      `Complaint ${formatComplaintNumber(complaint.number)} filed.`,
    );
    expect(await page.locator('tbody tr').count()).toBe(2);
    await accessible(page, 'callbacks-after-log');
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});

it('when an officer on a phone with JavaScript off records a try and closes a request with a note, then every page fits and reads', async () => {
  const { context, page, errors } = await openPage(browser, PHONE, {
    formErrors: true,
    javaScript: false,
  });
  try {
    await signIn(page, DESK.juma.phone);
    await page.goto(`${base}/console/callbacks`);
    await accessibleAsDrawn(page, 'callbacks-queue-phone');
    await keep(page, 'callbacks-4-queue-phone');

    await page.goto(`${base}/console/callbacks/${other.reference}`);
    await keep(page, 'callbacks-5-request-phone');
    await page.getByRole('button', { name: 'Sikumpata mpigaji' }).click();
    await page.waitForURL(/done=missed/);
    expect(await page.getByRole('status').textContent()).toContain('Jaribio limerekodiwa.');
    expect(callbackRow(w, other.reference).attempts).toBe(1);
    await accessibleAsDrawn(page, 'callback-missed-phone');
    await keep(page, 'callbacks-6-missed-phone');

    // An empty note is asked for; then the request closes.
    await page.getByRole('button', { name: 'Funga ombi' }).click();
    await page.locator('.error-summary').waitFor();
    await keep(page, 'callbacks-7-note-missing-phone');
    await page.getByLabel('Maelezo', { exact: true }).fill('Alipigiwa: swali lake limejibiwa.');
    await page.getByRole('button', { name: 'Funga ombi' }).click();
    await page.waitForURL(/done=closed/);
    expect(callbackRow(w, other.reference).status).toBe('closed');

    await page.goto(`${base}/console/call?callback=${overdue.reference}`);
    expect(await page.getByLabel('Namba ya simu ya mpigaji').inputValue()).toBe('+255754000201');
    await accessibleAsDrawn(page, 'call-prefilled-phone');
    await keep(page, 'callbacks-8-call-prefilled-phone');

    await page.goto(`${base}/console/dashboard`);
    await page.locator('#h-callbacks').waitFor();
    await accessibleAsDrawn(page, 'dashboard-phone');
    await page
      .locator('section[aria-labelledby="h-callbacks"]')
      .screenshot({ path: join(KEEP, 'callbacks-9-dashboard-phone.png') });
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});

it('when headquarters look at every region on a phone and then one region at a desk, then the region shows and the filter keeps to it', async () => {
  // Failed requests not counted: the filter's submit can leave before the icon has loaded.
  const { context, page, errors } = await openPage(browser, PHONE);
  try {
    await signIn(page, DESK.hq.phone);
    await page.goto(`${base}/console/callbacks`);
    expect(await page.locator('tbody tr').count()).toBe(2);
    expect(await page.locator('tbody').textContent()).toContain('Arusha');
    await accessible(page, 'callbacks-hq-phone');
    await keep(page, 'callbacks-10-hq-phone');
    await page.setViewportSize(DESKTOP);
    await page.getByLabel('Region').selectOption('ARU');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL(`${base}/console/callbacks?region=ARU`);
    expect(await page.locator('tbody tr').count()).toBe(1);
    await accessible(page, 'callbacks-hq-region');
    await keep(page, 'callbacks-11-hq-region-desktop');
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});

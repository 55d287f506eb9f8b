/**
 * The triage tab in a real browser (Debian's chromium driven by playwright-core), issue 21's
 * done-when end to end: a phone texts "Hakuna maji kijijini Mbande wiki mbili sasa" to the
 * shortcode, Dodoma's supervisor opens "SMS to route" at phone width, finds Kero's guesses
 * chosen (Kongwa DC, Water), sends it on, and the citizen gets the assignment SMS. With
 * JavaScript off on a desktop, headquarters closes another with a note. axe on each page;
 * screenshots in test-output/screenshots.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Browser } from 'playwright-core';
import { asc, eq } from 'drizzle-orm';
import { complaints, smsOutbox } from '../../db/schema';
import { sharedPlaces } from '../../src/reference/places';
import { TEST_TOKEN } from '../helpers/app';
import { formBody, postForm } from '../helpers/at-ussd';
import { DESK, STRANGER } from '../helpers/world';
import { openConsoleWorld, type ConsoleWorld } from '../console/world';
import { accessible, launchChromium, openPage, shoot, signIn } from './console-browser';

jest.setTimeout(120_000);

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 360, height: 780 };
const OTHER = '+255754999777';

let w: ConsoleWorld;
let server: Server;
let base: string;
let browser: Browser;

const sms = (from: string, text: string, id: string) =>
  postForm(
    w.app,
    `/sms/inbound?token=${TEST_TOKEN}`,
    formBody({ id, from, to: '15055', text, date: '2026-03-12' }),
  );
const outboxTo = (phone: string) =>
  w.db
    .select()
    .from(smsOutbox)
    .where(eq(smsOutbox.toPhone, phone))
    .orderBy(asc(smsOutbox.id))
    .all();

beforeAll(async () => {
  sharedPlaces().indexCountryNow();
  w = openConsoleWorld();
  w.hire({
    name: 'Asha Chande',
    phone: '+255711000101',
    role: 'supervisor',
    region: 'DOD',
    lang: 'sw',
  });
  w.hire({
    name: 'Musa Kibwana',
    phone: '+255711000102',
    role: 'officer',
    region: 'DOD',
    councils: ['DOD-KND'],
    lang: 'sw',
  });
  await sms(STRANGER, 'Hakuna maji kijijini Mbande wiki mbili sasa', 'ATXid_b1');
  await sms(OTHER, 'Naomba nafasi ya kazi ya ualimu mwaka huu tafadhali', 'ATXid_b2');
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

test("Dodoma's supervisor routes the Mbande SMS at phone width with Kero's guesses; the citizen gets the assignment SMS", async () => {
  const { context, page, errors } = await openPage(browser, PHONE);
  try {
    await signIn(page, base, w, '+255711000101');
    await page.getByRole('link', { name: 'SMS za kupanga' }).click();
    await page.waitForURL(`${base}/console/triage`);
    const item = page.getByRole('region', { name: /^Lalamiko \d{4} \d{4}$/ });
    await item.getByText('Kisio la Kero: Mbande, Sejeli · Kongwa DC · Dodoma').waitFor();
    await expect(item.getByLabel('Halmashauri').inputValue()).resolves.toBe('DOD-KND');
    await expect(item.getByLabel('Aina').inputValue()).resolves.toBe('water');
    await accessible(page, 'triage phone');
    await shoot(page, 'triage-phone-sw');

    await item.getByRole('button', { name: 'Peleka kwa halmashauri' }).click();
    await page.getByText(/limepelekwa kwa halmashauri yake/).waitFor();
    await page.getByText('Hakuna kinachosubiri.').waitFor();
    await shoot(page, 'triage-phone-routed-sw');
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
  const c = w.db.select().from(complaints).where(eq(complaints.citizenPhone, STRANGER)).get();
  expect(c).toEqual(
    expect.objectContaining({ councilCode: 'DOD-KND', categoryCode: 'water', channel: 'sms' }),
  );
  expect(outboxTo(STRANGER).map((m) => m.template)).toEqual(['sms.filedTriage', 'sms.assigned']);
});

test('headquarters closes a text that is not a complaint with a note, JavaScript off, on a desktop', async () => {
  const { context, page, errors } = await openPage(browser, DESKTOP, {
    javaScript: false,
    formErrors: true,
  });
  try {
    await signIn(page, base, w, DESK.hq.phone);
    await page.goto(`${base}/console/triage`);
    const item = page.getByRole('region', { name: /^(Lalamiko|Complaint) \d{4} \d{4}$/ });
    await item.locator('summary').click();
    await item.getByRole('button', { name: /Funga|Close/ }).click();
    // An empty note is refused, at that complaint.
    await page.locator('.error-message').first().waitFor();
    await shoot(page, 'triage-desktop-refused');
    const again = page.getByRole('region', { name: /^(Lalamiko|Complaint) \d{4} \d{4}$/ });
    await again.locator('textarea').fill('Ajira hutangazwa na Utumishi, si hapa');
    await again.getByRole('button', { name: /Funga|Close/ }).click();
    await page.locator('.notice, [role="status"]').first().waitFor();
    await shoot(page, 'triage-desktop-closed');
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
  expect(outboxTo(OTHER).at(-1)?.body).toContain('Ajira hutangazwa na Utumishi, si hapa');

  // axe runs as a script: the page with one waiting item, checked with scripts on.
  await sms(OTHER, 'Barabara ya kijiji chetu haipitiki kabisa tangu mvua', 'ATXid_b3');
  const { context: c2, page: p2 } = await openPage(browser, DESKTOP);
  try {
    await signIn(p2, base, w, DESK.hq.phone);
    await p2.goto(`${base}/console/triage`);
    await accessible(p2, 'triage desktop');
    await shoot(p2, 'triage-desktop-sw');
  } finally {
    await c2.close();
  }
});

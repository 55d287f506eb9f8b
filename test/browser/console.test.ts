/**
 * The console in a real browser (Debian's chromium driven by playwright-core): a supervisor signs
 * in with the code from the SMS outbox, filters the queue, opens a complaint, replies (the live
 * SMS preview runs), resolves, logs a phone call, switches language and signs out; and narrows
 * the queue to one council, then one of its wards, to a complaint showing its ward (an officer:
 * codes are limited to three per phone in 15 minutes). Every page is
 * checked with axe (no serious or critical problems) at phone and desktop widths, the browser
 * console must stay free of errors, and screenshots go to test-output/screenshots for a person to
 * look at.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Browser, Locator, Page } from 'playwright-core';
import { eq } from 'drizzle-orm';
import { complaints, smsOutbox } from '../../db/schema';
import { formatComplaintNumber } from '../../src/complaints/core/numbers';
import { DESK } from '../helpers/world';
import { openConsoleWorld, type ConsoleWorld } from '../console/world';
import { accessible, launchChromium, openPage, shoot, signIn as signInAt } from './console-browser';

jest.setTimeout(120_000);

const WIDTHS = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 900 } };

let w: ConsoleWorld;
let server: Server;
let base: string;
let browser: Browser;

beforeAll(async () => {
  w = openConsoleWorld();
  for (let i = 0; i < 6; i++) {
    w.file({
      council: i % 2 ? 'DAR-KIM' : 'DAR-UBM',
      category: i % 3 ? 'water' : 'health',
      place: `Mtaa ${i}`,
      description: `Maji hayatoki kwenye bomba la mtaa wa ${i} tangu wiki iliyopita.`,
    });
  }
  // Ubungo complaints whose place was recognised as a ward: two in Mburahati, one in Sinza.
  for (const ward of ['16101', '16102', '16101']) {
    w.file({
      council: 'DAR-UBM',
      category: 'roads',
      place: 'karibu na soko',
      ward,
      village: ward === '16101' ? 'Barafu' : 'Sinza A',
      description: 'Barabara imejaa mashimo makubwa, magari hayapiti.',
    });
  }
  // A supervisor who reads the console in Kiswahili (she switches to English at the end).
  w.db.$client.prepare("UPDATE staff SET language = 'sw' WHERE phone = ?").run(DESK.darSup.phone);
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

/** Waits until `locator` shows `text` (a few seconds at most). */
async function shows(locator: Locator, text: string): Promise<void> {
  await locator.filter({ hasText: text }).first().waitFor({ timeout: 5000 });
}

const open = (size: keyof typeof WIDTHS) =>
  openPage(browser, WIDTHS[size], { formErrors: true, failedRequests: true });
const signIn = (page: Page, phone: string) => signInAt(page, base, w, phone);

for (const size of ['phone', 'desktop'] as const) {
  describe(`at ${size} width`, () => {
    it('an officer narrows the queue to their council, then to one of its wards', async () => {
      const { context, page, errors } = await open(size);
      try {
        await signIn(page, DESK.juma.phone);
        await page.getByRole('link', { name: /Yote yaliyo wazi/ }).click();
        await page.locator('summary', { hasText: 'Chuja' }).click();
        // No council chosen: no ward to choose.
        expect(await page.locator('#f-ward').count()).toBe(0);
        await page.getByLabel('Halmashauri').selectOption('DAR-UBM');
        await page.getByRole('button', { name: 'Tumia vichujio' }).click();
        await page.waitForURL(/council=DAR-UBM/);
        const ward = page.getByLabel('Kata', { exact: true });
        expect(await ward.locator('option').count()).toBe(15); // "All" and Ubungo's 14 wards
        await ward.selectOption({ label: 'Mburahati' });
        await page.getByRole('button', { name: 'Tumia vichujio' }).click();
        await page.waitForURL(/council=DAR-UBM&ward=16101/);
        const rows = page.locator('tbody tr');
        const inWard = w.db.$client
          .prepare(
            "SELECT count(*) AS n FROM complaints WHERE ward_code = '16101' AND status IN ('received', 'assigned', 'in_progress')",
          )
          .get() as { n: number };
        expect(inWard.n).toBe(2);
        expect(await rows.count()).toBe(inWard.n);
        for (const text of await rows.allTextContents()) expect(text).toContain('Mburahati');
        await expect(page.locator('#f-ward').inputValue()).resolves.toBe('16101');
        await expect(
          page.getByRole('link', { name: 'Pakua kama CSV' }).getAttribute('href'),
        ).resolves.toContain('ward=16101');
        await accessible(page, 'queue-ward');
        await shoot(page, `${size}-9-queue-ward`);

        await rows.first().getByRole('link').first().click();
        await page.waitForURL(/\/console\/c\/\d{8}$/);
        await shows(page.locator('dl.facts'), 'Mburahati, postikodi 16101');
        await shows(page.locator('dl.facts'), 'Barafu');
        await accessible(page, 'complaint-ward');
        await shoot(page, `${size}-10-complaint-ward`);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    });

    it('a supervisor works a complaint from sign-in to sign-out', async () => {
      const { context, page, errors } = await open(size);
      try {
        await page.goto(`${base}/console`);
        await page.waitForURL(/\/console\/sign-in$/);
        await accessible(page, 'sign-in');
        await shoot(page, `${size}-1-sign-in`);
        await signIn(page, DESK.darSup.phone);

        // The queue, then filtered to water complaints.
        await accessible(page, 'queue');
        await shoot(page, `${size}-2-queue`);
        await page.getByRole('link', { name: /Yote yaliyo wazi/ }).click();
        await page.locator('summary', { hasText: 'Chuja' }).click();
        await page.getByLabel('Aina').selectOption('water');
        await page.getByRole('button', { name: 'Tumia vichujio' }).click();
        await page.waitForURL(/category=water/);
        const rows = page.locator('tbody tr');
        const openWater = w.db.$client
          .prepare(
            "SELECT count(*) AS n FROM complaints WHERE category_code = 'water' AND status IN ('received', 'assigned', 'in_progress')",
          )
          .get() as { n: number };
        expect(await rows.count()).toBe(openWater.n);
        expect(openWater.n).toBeGreaterThan(0);
        expect(await page.locator('tbody').textContent()).not.toContain('Afya');
        await shoot(page, `${size}-3-queue-filtered`);

        // One complaint: reply with the live preview, then resolve.
        await rows.first().getByRole('link').click();
        await page.waitForURL(/\/console\/c\/\d{8}$/);
        const number = page.url().split('/').pop() ?? '';
        await accessible(page, 'complaint');
        const reply = page.getByLabel('Mjibu mwananchi');
        await reply.fill('Fundi wa maji atafika kesho asubuhi.');
        await shows(
          page.locator('#reply-preview .sms-preview'),
          'Fundi wa maji atafika kesho asubuhi.',
        );
        await shows(page.locator('#reply-preview'), formatComplaintNumber(number));
        await shoot(page, `${size}-4-complaint-preview`);
        await page.getByRole('button', { name: 'Tuma jibu' }).click();
        await page.waitForURL(/done=reply/);
        await shows(page.getByRole('status'), 'Jibu lako linatumwa kwa mwananchi');
        const c = w.db.select().from(complaints).where(eq(complaints.number, number)).get();
        const sent = w.db
          .select()
          .from(smsOutbox)
          .where(eq(smsOutbox.complaintId, c?.id ?? 0))
          .all();
        expect(
          sent.some(
            (s) =>
              s.template === 'sms.reply' && s.body.includes('Fundi wa maji atafika kesho asubuhi.'),
          ),
        ).toBe(true);
        await page.getByLabel('Limetatuliwa vipi?').fill('Bomba limetengenezwa na maji yanatoka.');
        await page.getByRole('button', { name: 'Tatua' }).click();
        await page.waitForURL(/done=resolve/);
        expect(
          w.db.select().from(complaints).where(eq(complaints.number, number)).get()?.status,
        ).toBe('resolved');
        await accessible(page, 'complaint-resolved');
        await shoot(page, `${size}-5-complaint-resolved`);

        // A phone call logged.
        await page.getByRole('link', { name: 'Rekodi simu' }).click();
        await accessible(page, 'call');
        await page.getByRole('button', { name: 'Wasilisha lalamiko' }).click();
        await page.locator('.error-summary').waitFor();
        await accessible(page, 'call-errors');
        await shoot(page, `${size}-6-call-errors`);
        await page.getByLabel('Namba ya simu ya mpigaji').fill('0754 222 333');
        await page.getByLabel('Halmashauri').selectOption('DAR-KIM');
        await page.getByLabel('Aina').selectOption('roads');
        await page.getByLabel('Maelezo').fill('Barabara ya Mwananyamala imejaa mashimo makubwa.');
        await page.getByRole('button', { name: 'Wasilisha lalamiko' }).click();
        await page.waitForURL(/filed=\d{8}/);
        await shows(page.getByRole('status'), 'limewasilishwa');
        expect(
          w.db.select().from(complaints).where(eq(complaints.citizenPhone, '+255754222333')).get()
            ?.channel,
        ).toBe('call');

        // The staff page, then English, then sign out.
        await page.getByRole('link', { name: 'Watumishi' }).click();
        await accessible(page, 'staff');
        await shoot(page, `${size}-7-staff`);
        await page.getByRole('button', { name: 'English' }).click();
        await shows(page.locator('h1'), 'Staff');
        await page.getByRole('link', { name: 'Account' }).click();
        await accessible(page, 'account');
        await shoot(page, `${size}-8-account`);
        await page.getByRole('button', { name: 'Sign out', exact: true }).click();
        await page.waitForURL(/out=1/);
        await shows(page.getByRole('status'), 'You are signed out.');
        await page.goto(`${base}/console`);
        await page.waitForURL(/\/console\/sign-in/);
        expect(errors).toEqual([]);
      } finally {
        // Back to Kiswahili for the next width.
        w.db.$client
          .prepare("UPDATE staff SET language = 'sw' WHERE phone = ?")
          .run(DESK.darSup.phone);
        await context.close();
      }
    });
  });
}

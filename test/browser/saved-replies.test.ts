/**
 * Saved replies in a real browser (Debian's chromium driven by playwright-core). A supervisor
 * who reads the console in Kiswahili adds a saved reply on the Replies page (a refused text
 * first), then on a water complaint picks it in the composer: with the script, "Use" puts the
 * text in the box in place and the live preview counts it; without JavaScript, headquarters do
 * the same through the server. Each reply goes out as one SMS with the values filled in the
 * citizen's language. Every page is checked with axe; screenshots go to test-output/screenshots.
 */
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Server } from 'node:http';
import type { Browser, Locator, Page } from 'playwright-core';
import { asc, eq } from 'drizzle-orm';
import { savedReplies, smsOutbox, type ComplaintRow } from '../../db/schema';
import { formatComplaintNumber } from '../../src/complaints/core/numbers';
import { smsParts } from '../../src/text/gsm7';
import { DESK } from '../helpers/world';
import { openConsoleWorld, type ConsoleWorld } from '../console/world';
import {
  accessible,
  accessibleAsDrawn,
  launchChromium,
  openPage,
  shoot,
  SHOTS,
  signIn as signInAt,
} from './console-browser';

jest.setTimeout(120_000);

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

let w: ConsoleWorld;
let server: Server;
let base: string;
let browser: Browser;
let swComplaint: ComplaintRow;
let enComplaint: ComplaintRow;

beforeAll(async () => {
  w = openConsoleWorld();
  swComplaint = w.file({ council: 'DAR-KIM', category: 'water', language: 'sw' });
  enComplaint = w.file({ council: 'DAR-KIM', category: 'water', language: 'en' });
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

async function shows(locator: Locator, text: string): Promise<void> {
  await locator.filter({ hasText: text }).first().waitFor({ timeout: 5000 });
}

const signIn = (page: Page, phone: string) => signInAt(page, base, w, phone);

const repliesTo = (c: ComplaintRow) =>
  w.db
    .select()
    .from(smsOutbox)
    .where(eq(smsOutbox.complaintId, c.id))
    .orderBy(asc(smsOutbox.id))
    .all()
    .filter((m) => m.template === 'sms.reply')
    .map((m) => m.body);

const TEXT_SW =
  'Mhandisi wa maji wa {council} atafika ndani ya siku 5 kuhusu lalamiko {number}. {officer}';
const TEXT_EN =
  'The water engineer of {council} will visit within 5 days about complaint {number}. {officer}';

it('when a supervisor adds a saved reply and uses it on a complaint with the script on, then the box and the live preview hold the filled Kiswahili text and one SMS goes', async () => {
  const { context, page, errors } = await openPage(browser, DESKTOP, {
    formErrors: true,
    failedRequests: true,
  });
  try {
    await signIn(page, DESK.darSup.phone);
    await page.getByRole('link', { name: 'Majibu', exact: true }).click();
    await page.waitForURL(/\/console\/replies$/);
    await accessible(page, 'replies');

    // A text with a variable that does not exist is refused, with the reason.
    await page.getByLabel('Jina', { exact: true }).fill('Ziara ya mhandisi');
    await page.locator('#add-category').selectOption('water');
    await page.getByLabel('Maandishi ya Kiswahili').fill('Habari {jina}');
    await page.getByLabel('Maandishi ya Kiingereza').fill(TEXT_EN);
    await page.getByRole('button', { name: 'Ongeza', exact: true }).click();
    await shows(page.locator('.error-summary'), '{jina}: si kigezo');
    await accessible(page, 'replies-refused');
    await shoot(page, 'replies-1-refused');

    await page.getByLabel('Maandishi ya Kiswahili').fill(TEXT_SW);
    await page.getByRole('button', { name: 'Ongeza', exact: true }).click();
    await page.waitForURL(/done=add/);
    await shows(page.getByRole('status'), 'Jibu Ziara ya mhandisi limeongezwa.');
    await accessible(page, 'replies-added');
    await shoot(page, 'replies-2-added');

    await page.goto(`${base}/console/c/${swComplaint.number}`);
    await page
      .getByLabel('Anza na jibu lililohifadhiwa')
      .selectOption({ label: 'Ziara ya mhandisi' });
    await page.getByRole('button', { name: 'Tumia jibu hili' }).click();
    const number = formatComplaintNumber(swComplaint.number);
    const filled = `Mhandisi wa maji wa Kinondoni Manispaa atafika ndani ya siku 5 kuhusu lalamiko ${number}. Neema Kweka`;
    const body = `OR-TAMISEMI, lalamiko ${number}: ${filled}`;
    await shows(page.locator('#reply-preview .sms-preview'), filled);
    expect(page.url()).toBe(`${base}/console/c/${swComplaint.number}`);
    expect(await page.getByLabel('Mjibu mwananchi').inputValue()).toBe(filled);
    expect(await page.locator('#reply-preview .hint').textContent()).toBe(
      `Herufi ${body.length}, SMS ${smsParts(body).parts}`,
    );
    await accessible(page, 'composer-saved-reply');
    await shoot(page, 'replies-3-composer');

    await page.getByRole('button', { name: 'Tuma jibu' }).click();
    await page.waitForURL(/done=reply/);
    expect(repliesTo(swComplaint)).toEqual([body]);
    expect(smsParts(body).parts).toBe(1);
    expect(w.db.select().from(savedReplies).get()?.uses).toBe(1);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});

it('when headquarters use it on an English citizen’s complaint with JavaScript off, then the server fills the box and the preview, and one English SMS goes', async () => {
  const { context, page, errors } = await openPage(browser, PHONE, {
    formErrors: true,
    javaScript: false,
  });
  try {
    await signIn(page, DESK.hq.phone);
    await page.goto(`${base}/console/c/${enComplaint.number}`);
    await page.getByLabel('Start from a saved reply').selectOption({ label: 'Ziara ya mhandisi' });
    await page.getByRole('button', { name: 'Use this reply' }).click();
    await page.waitForURL(`${base}/console/c/${enComplaint.number}/reply`);
    const number = formatComplaintNumber(enComplaint.number);
    const filled = `The water engineer of Kinondoni MC will visit within 5 days about complaint ${number}. Neema Kweka`;
    expect(await page.getByLabel('Reply to the citizen').inputValue()).toBe(filled);
    await shows(
      page.locator('#reply-preview .sms-preview'),
      `PO-RALG, complaint ${number}: ${filled}`,
    );
    await shoot(page, 'replies-4-composer-no-script');
    await page
      .locator('form[action$="/reply"]')
      .screenshot({ path: join(SHOTS, 'replies-5-composer-no-script-form.png') });
    await accessibleAsDrawn(browser, page, 'composer-no-script');

    await page.getByRole('button', { name: 'Send reply' }).click();
    await page.waitForURL(/done=reply/);
    expect(repliesTo(enComplaint)).toEqual([`PO-RALG, complaint ${number}: ${filled}`]);
    expect(w.db.select().from(savedReplies).get()?.uses).toBe(2);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});

/**
 * Issue 20's whole story in a real browser: headquarters adds "Umeme / Electricity" with a 2-day
 * first response, makes a team of two Dodoma officers, routes Electricity in Dodoma to it, and
 * asks who would get one now; a USSD filing right after sees Electricity in its menu and lands
 * with the one named, with a 2-working-day deadline. The team's page, the preview and both audit
 * logs agree. Every page passes axe; screenshots go to test-output/screenshots.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Browser, Locator } from 'playwright-core';
import { eq } from 'drizzle-orm';
import { complaints, type StaffRow } from '../../db/schema';
import { firstResponseDue } from '../../src/complaints/core/sla';
import { atPhone } from '../helpers/at-ussd';
import { councilNumber, regionNumber } from '../helpers/engine-context';
import { DESK } from '../helpers/world';
import { openConsoleWorld, type ConsoleWorld } from '../console/world';
import { accessible, launchChromium, openPage, shoot, signIn } from './console-browser';

jest.setTimeout(120_000);

let w: ConsoleWorld;
let server: Server;
let base: string;
let browser: Browser;
let two: StaffRow[];
let other: StaffRow;

beforeAll(async () => {
  w = openConsoleWorld();
  const dodoma = (name: string, phone: string) =>
    w.hire({ name, phone, role: 'officer', region: 'DOD', councils: ['DOD-DOC'], lang: 'sw' });
  two = [dodoma('Asha Mollel', '+255722000001'), dodoma('Juma Kibwana', '+255722000002')];
  other = dodoma('Baraka Chande', '+255722000003');
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

const shows = (locator: Locator, text: string | RegExp) =>
  locator.filter({ hasText: text }).first().waitFor({ timeout: 5000 });

it('headquarters adds Electricity, routes it in Dodoma to a new team of two, and a USSD filing lands with the one the preview names', async () => {
  const { context, page, errors } = await openPage(
    browser,
    { width: 1280, height: 900 },
    { formErrors: true, failedRequests: true },
  );
  let said: string | undefined;
  try {
    await signIn(page, base, w, DESK.hq.phone);

    await page.getByRole('link', { name: 'Categories' }).click();
    await page.getByLabel('Name in Kiswahili').fill('Umeme');
    await page.getByLabel('Name in English').fill('Electricity');
    await page.getByLabel('First response within (working days)').fill('2');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await shows(page.locator('.notice'), 'Electricity added');

    await page.getByRole('link', { name: 'Teams', exact: true }).click();
    await page.getByLabel('Team name').fill('Umeme Dodoma');
    await page.getByLabel('Region', { exact: true }).selectOption('DOD');
    await page.getByRole('button', { name: 'Add team' }).click();
    await page.waitForURL(/\/console\/teams\/\d+\?done=create/);
    const teamId = Number(/teams\/(\d+)/.exec(page.url())?.[1]);
    for (const s of two) {
      await page.getByLabel('Staff member').selectOption(String(s.id));
      await page.getByRole('button', { name: 'Add member' }).click();
      await page.waitForURL(/done=add/);
    }
    await page.locator('table caption', { hasText: 'Members: 2' }).waitFor();
    const teamPage = await page
      .locator('table', { has: page.locator('caption', { hasText: 'Members: 2' }) })
      .innerText();
    for (const s of two) expect(teamPage).toContain(s.name);
    expect(teamPage).not.toContain(other.name);
    await accessible(page, 'issue20-team');

    await page.getByRole('link', { name: 'Routing', exact: true }).click();
    await page.locator('#add-category').selectOption('electricity');
    await page.locator('#add-where').selectOption('region:DOD');
    await page.locator('#add-target').selectOption(`team:${teamId}`);
    await page.getByRole('button', { name: 'Add rule' }).click();
    await page.waitForURL(/done=add/);
    await page.locator('#preview-category').selectOption('electricity');
    await page.locator('#preview-council').selectOption('DOD-DOC');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL(/category=electricity&council=DOD-DOC/);
    const answer = page.locator('#preview-answer');
    await shows(answer, 'Team Umeme Dodoma');
    said = (await answer.innerText()).match(/Now it would go to (.+?) \(Officer/)?.[1];
    expect(two.map((s) => s.name)).toContain(said);
    const audit = await page.locator('#audit-log').innerText();
    expect(audit).toContain('Umeme Dodoma');
    expect(audit).toContain('Electricity');
    await accessible(page, 'issue20-rules');
    await shoot(page, 'desktop-issue20-rules');

    await page.getByRole('link', { name: 'Categories' }).click();
    expect(await page.locator('#audit-log').innerText()).toMatch(/Category electricity\s+Added/);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }

  // A caller in Dodoma City right after: Electricity is offered, and the complaint lands with the
  // officer the preview named, due for a first response in 2 working days.
  const s = atPhone(w.app, { phone: '+255712345678' }).dial();
  await s.send('');
  let menu = await s.replies(
    '2',
    '1',
    regionNumber('Dodoma'),
    councilNumber('Dodoma', 'Dodoma CC'),
  );
  if (!/\d+\. Electricity\n/.test(menu)) menu = await s.reply('98');
  const choice = /(\d+)\. Electricity\n/.exec(menu)?.[1];
  expect(choice).toBeDefined();
  await s.replies(choice ?? '', 'Mtaa wa Uhuru', 'Nguzo ya umeme imeanguka barabarani', '1');
  expect(await s.reply('1')).toMatch(/^END /);
  const [filed] = w.db
    .select()
    .from(complaints)
    .where(eq(complaints.categoryCode, 'electricity'))
    .all();
  expect(filed?.assigneeId).toBe(two.find((x) => x.name === said)?.id);
  expect(filed?.firstResponseDueAt).toBe(
    firstResponseDue(filed?.createdAt ?? 0, {
      firstResponseWorkingDays: 2,
      resolutionDays: 14,
      holidays: new Set(),
    }),
  );
});

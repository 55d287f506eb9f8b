/**
 * Teams and routing rules in a real browser (Debian's chromium driven by playwright-core):
 * headquarters makes a team of two Dodoma officers, routes water complaints in Bahi DC to it,
 * and asks who would get one now: the answer names one of the two, and a filing right after
 * lands with that one. Every page passes axe (no serious or critical problems) at desktop and
 * phone widths with no console errors; screenshots go to test-output/screenshots.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Browser, Locator, Page } from 'playwright-core';
import type { StaffRow } from '../../db/schema';
import { DESK } from '../helpers/world';
import { openConsoleWorld, type ConsoleWorld } from '../console/world';
import { accessible, launchChromium, openPage, shoot, signIn } from './console-browser';

jest.setTimeout(120_000);

let w: ConsoleWorld;
let server: Server;
let base: string;
let browser: Browser;
let asha: StaffRow;
let juma: StaffRow;
let bahi: StaffRow;

beforeAll(async () => {
  w = openConsoleWorld();
  const dodoma = (name: string, phone: string, councils: string[]) =>
    w.hire({ name, phone, role: 'officer', region: 'DOD', councils, lang: 'sw' });
  asha = dodoma('Asha Mollel', '+255722000001', ['DOD-DOC']);
  juma = dodoma('Juma Kibwana', '+255722000002', ['DOD-KOD']);
  bahi = dodoma('Baraka Bahi', '+255722000003', ['DOD-BAD']);
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

describe('headquarters routes a category to a team', () => {
  it('when a team of two Dodoma officers gets water in Bahi DC, then the preview names one of them and a filing lands there', async () => {
    const { context, page, errors } = await openPage(
      browser,
      { width: 1280, height: 900 },
      { formErrors: true, failedRequests: true },
    );
    try {
      await signIn(page, base, w, DESK.hq.phone);

      // A team of two.
      await page.getByRole('link', { name: 'Teams', exact: true }).click();
      await shows(page.locator('h1'), 'Teams');
      await page.getByLabel('Team name').fill('Maji Dodoma');
      await page.getByLabel('Region', { exact: true }).selectOption('DOD');
      await page.getByRole('button', { name: 'Add team' }).click();
      await page.waitForURL(/\/console\/teams\/\d+\?done=create/);
      const teamId = Number(/teams\/(\d+)/.exec(page.url())?.[1]);
      for (const s of [asha, juma]) {
        await page.getByLabel('Staff member').selectOption(String(s.id));
        await page.getByRole('button', { name: 'Add member' }).click();
        await page.waitForURL(/done=add/);
        await shows(page.getByRole('status'), `${s.name} added to the team.`);
      }
      const members = page.locator('table caption', { hasText: 'Members: 2' });
      await members.waitFor();
      await check(page, 'desktop-routing-1-team');

      // The rule.
      await page.getByRole('link', { name: 'Routing', exact: true }).click();
      await shows(page.locator('h1'), 'Routing rules');
      await page.locator('#add-category').selectOption('water');
      await page.locator('#add-where').selectOption('council:DOD-BAD');
      await page.locator('#add-target').selectOption(`team:${teamId}`);
      await page.getByRole('button', { name: 'Add rule' }).click();
      await page.waitForURL(/done=add/);
      await shows(page.getByRole('status'), 'Rule added: Water in Bahi DC.');
      const row = page.locator('tbody tr', { hasText: 'Bahi DC' });
      expect(await row.locator('td').allInnerTexts()).toEqual(
        expect.arrayContaining(['Water', 'Bahi DC', 'Team Maji Dodoma']),
      );

      // Who would get a water complaint in Bahi DC now?
      await page.locator('#preview-category').selectOption('water');
      await page.locator('#preview-council').selectOption('DOD-BAD');
      await page.getByRole('button', { name: 'Show' }).click();
      await page.waitForURL(/category=water&council=DOD-BAD/);
      const answer = page.locator('#preview-answer');
      await shows(answer, 'Rule: Water in Bahi DC goes to Team Maji Dodoma.');
      const said = (await answer.innerText()).match(/Now it would go to (.+?) \(Officer/)?.[1];
      expect([asha.name, juma.name]).toContain(said);
      await expect(page.locator('#audit-log tbody tr').count()).resolves.toBe(4);
      await check(page, 'desktop-routing-2-rules-preview');

      // Filed now, it lands with the one named, not with Bahi's own officer.
      const filed = w.file({ council: 'DOD-BAD', category: 'water' });
      expect(filed.assigneeId).toBe(said === asha.name ? asha.id : juma.id);
      expect(filed.assigneeId).not.toBe(bahi.id);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('when the pages are read at phone width, then they fit and pass axe', async () => {
    const { context, page, errors } = await openPage(browser, { width: 390, height: 844 });
    try {
      await signIn(page, base, w, DESK.hq.phone);
      await page.goto(`${base}/console/teams`);
      await check(page, 'phone-routing-1-teams');
      await page.goto(`${base}/console/rules?category=water&council=DOD-BAD`);
      await shows(page.locator('#preview-answer'), 'Team Maji Dodoma');
      await check(page, 'phone-routing-2-rules');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

/**
 * What the console's browser tests share: chromium launched as Debian ships it, a page that
 * records every console error, failed request and error status, axe's verdict, screenshots for a
 * person to look at (each also checks the page is no wider than the window: on a phone only a
 * table may scroll sideways, inside its own box), and signing in with the code from the outbox.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { lastCodeTo, type ConsoleWorld } from '../console/world';
import { chromiumPath } from './chromium';

export const SHOTS = join(__dirname, '..', '..', 'test-output', 'screenshots');

export function launchChromium(): Promise<Browser> {
  mkdirSync(SHOTS, { recursive: true });
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

/**
 * A fresh browser context at `viewport`, its errors collected. With `formErrors`, a page answered
 * 400 (a form with mistakes) is expected: chromium logs it as a failed resource, and the tests
 * check those statuses themselves. With `failedRequests`, a request that never completed counts
 * too (a test that clicks away from a page while its icon loads leaves this off: chromium aborts
 * the load). `javaScript: false` opens it with scripts off (what every page must work without).
 */
export async function openPage(
  browser: Browser,
  viewport: { width: number; height: number },
  o: { formErrors?: boolean; failedRequests?: boolean; javaScript?: boolean } = {},
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport, javaScriptEnabled: o.javaScript ?? true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    const failedForm = o.formErrors && m.text().startsWith('Failed to load resource');
    if (m.type() === 'error' && !failedForm) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  if (o.failedRequests) {
    page.on('requestfailed', (r) =>
      errors.push(`${r.url()} failed: ${r.failure()?.errorText ?? ''}`),
    );
  }
  page.on('response', (r) => {
    const formPage = o.formErrors && r.request().resourceType() === 'document';
    if (r.status() >= 400 && !(formPage && r.status() === 400))
      errors.push(`${r.status()} ${r.url()}`);
  });
  return { context, page, errors };
}

/** axe on the page as it stands: no serious or critical violation. */
export async function accessible(page: Page, name: string): Promise<void> {
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

/**
 * axe on a page opened with JavaScript off: axe runs as a script in the page, which such a page
 * cannot, so the page as the server drew it is checked in a browser with scripts on, at the
 * same address and width.
 */
export async function accessibleAsDrawn(browser: Browser, page: Page, name: string): Promise<void> {
  const html = await page.content();
  const { context, page: copy } = await openPage(
    browser,
    page.viewportSize() ?? { width: 390, height: 844 },
  );
  try {
    await copy.goto(page.url());
    await copy.setContent(html);
    await accessible(copy, name);
  } finally {
    await context.close();
  }
}

/** Whether the page itself is wider than the window (a table scrolling in its box is fine). */
export const overflows = (page: Page): Promise<boolean> =>
  page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);

/** A full-page screenshot under test-output/screenshots; the page must fit the window's width. */
export async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  expect([name, await overflows(page)]).toEqual([name, false]);
}

/** Signs `phone` in at `base`, typing the code the console sent to the outbox. */
export async function signIn(
  page: Page,
  base: string,
  w: ConsoleWorld,
  phone: string,
): Promise<void> {
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

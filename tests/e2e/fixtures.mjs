// Shared test set-up: every page is watched for Content-Security-Policy violations, uncaught errors and
// requests that leave the app's origin; a test fails if any happened.
import { test as base, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';

export const SAMPLE = JSON.parse(readFileSync(new URL('../../public/data/bundle.json', import.meta.url), 'utf8'));

export const test = base.extend({
  page: async ({ page, baseURL }, use) => {
    const problems = [];
    const origin = new URL(baseURL).origin;
    page.on('console', (msg) => {
      if (msg.type() === 'error' && /Content Security Policy|Refused to/.test(msg.text())) problems.push(`CSP: ${msg.text()}`);
    });
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    // Every page arrives pre-rendered (src/web/prerendered.rs); a visitor's taps do something once the
    // app's drawing has taken its place. A page load waits for that, as a test's visitor does, unless
    // told `{ prerendered: 'may-stay' }` (the bundle or the page's code held back or refused, no
    // JavaScript): then it returns once the page has loaded.
    for (const name of ['goto', 'reload']) {
      const load = page[name].bind(page);
      page[name] = async (...args) => {
        const options = (name === 'goto' ? args[1] : args[0]) ?? {};
        const { prerendered, ...rest } = options;
        const response = await (name === 'goto' ? load(args[0], rest) : load(rest));
        if (prerendered !== 'may-stay') await waitForTheApp(page);
        return response;
      };
    }
    page.on('request', (req) => {
      const url = req.url();
      if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) problems.push(`left the origin: ${url}`);
    });
    await use(page);
    expect(problems, 'CSP violations, page errors or off-origin requests').toEqual([]);
  },
});

/** Until the app's drawing has taken the pre-rendered page's place (or there was none). */
export async function waitForTheApp(page) {
  await page.waitForFunction(() => !document.getElementById('prerendered') && !document.querySelector('.app-drawing'));
}

/** Switches the language as a visitor does: the switch is a link to the page's address in the other
 *  language (a new page, which the app then draws), or in the kiosk a button that changes it in place. */
export async function switchLanguage(page) {
  const link = page.locator('.site-header a.lang-switch[href]');
  if (!(await link.count())) {
    await page.locator('.site-header .lang-switch').click();
    return;
  }
  const before = page.url();
  await Promise.all([page.waitForURL((url) => url.href !== before), link.click()]);
  await waitForTheApp(page);
}

/** The visitor chose English on an earlier visit (stored, as the language switch stores it). Without a
 *  choice the site starts in the bundle's default language, Chinese for the sample. */
export async function choseEnglish(page) {
  // Not in a document the host sandboxes (a file of media/ or data/ opened as a page), which has no storage.
  // Once: the init script runs in every document of the tab, and a later choice (the switch) stands.
  await page.addInitScript(() => { try { localStorage.getItem('showcase.lang') ?? localStorage.setItem('showcase.lang', 'en'); } catch {} });
}

/** Serves `body` (a string, or an object turned into JSON) in place of the bundle for this page. */
export async function replaceBundle(page, body, status = 200) {
  await page.route('**/data/bundle.json', (route) =>
    route.fulfill({
      status,
      contentType: 'application/json',
      body: typeof body === 'string' ? body : JSON.stringify(body, null, 2),
    }),
  );
}

/** Holds back the responses to requests matching `pattern` (only the app's own fetches when
 *  `fetchOnly`: not the idle prefetches) until the returned function is called. */
export async function holdBack(page, pattern, { fetchOnly = false } = {}) {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(pattern, async (route) => {
    if (!fetchOnly || route.request().resourceType() === 'fetch') await held;
    await route.continue();
  });
  return release;
}

export async function expectNoAxeViolations(page) {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary).toEqual([]);
}

export { expect };

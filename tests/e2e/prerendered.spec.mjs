// Every page arrives as HTML (issue 24): the build writes each page of the bundle, drawn natively by the
// app's own components (src/app.rs write_pages). Without JavaScript every page reads and its links go
// between the pages; with it, the app draws the same page out of sight and takes the pre-rendered one's
// place (src/web/prerendered.rs) with nothing moved, nothing different and nothing in the console; a
// bundle changed on the server since the build shows as it is now; with the network down, the
// pre-rendered page stays and works as a static site.
import { test, expect, SAMPLE, replaceBundle, holdBack, waitForTheApp } from './fixtures.mjs';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

const ZH = JSON.parse(readFileSync(new URL('../../locales/zh.json', import.meta.url), 'utf8'));
const BUILT = readFileSync(new URL('../../dist/data/bundle.json', import.meta.url));
const sha256 = (text) => createHash('sha256').update(text).digest('hex');
const zh = (text) => text.zh ?? text.en;

const PAGES = [
  './', './gallery', './story', './books', './map',
  ...SAMPLE.items.map((i) => `./gallery/${i.id}`),
  ...SAMPLE.units.map((u) => `./units/${u.id}`),
];

/** Every image of the page has loaded (scrolled to first: below the first screen they load lazily). */
async function expectImagesShown(page) {
  const images = page.locator('main img');
  for (let n = 0; n < (await images.count()); n++) {
    const image = images.nth(n);
    await image.scrollIntoViewIfNeeded();
    await expect.poll(() => image.evaluate((i) => i.complete && i.naturalWidth > 0), { message: await image.getAttribute('src') }).toBe(true);
  }
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('every page reads, with its pictures, and says only what needs JavaScript', async ({ page }) => {
    const titles = new Set();
    for (const path of PAGES) {
      const response = await page.goto(path, { prerendered: 'may-stay' });
      expect(response.status(), path).toBe(200);
      await expect(page.locator('main h1'), path).toBeVisible();
      await expect(page.locator('.js-notice'), path).toHaveText(ZH.needs_javascript);
      await expect(page.locator('.loading')).toHaveCount(0);
      await expectImagesShown(page);
      titles.add(await page.title());
    }
    expect(titles.size, 'a title of its own for every page').toBe(PAGES.length);
    const item = SAMPLE.items.find((i) => i.id === 'red-ship');
    await page.goto('./gallery/red-ship', { prerendered: 'may-stay' });
    await expect(page.locator('main h1')).toHaveText(zh(item.title));
    await expect(page.locator('main')).toContainText(zh(item.description).slice(0, 20));
  });

  test('links go between the pre-rendered pages', async ({ page }) => {
    await page.goto('./', { prerendered: 'may-stay' });
    await page.locator('.site-header nav').getByRole('link', { name: '赠礼展厅' }).click();
    await expect(page).toHaveURL(/\/gallery$/);
    const first = page.locator('main .card a').first();
    const href = await first.getAttribute('href');
    await first.click();
    await expect(page).toHaveURL(new RegExp(`${href}$`));
    await expect(page.locator('main h1')).toBeVisible();
    await expectImagesShown(page);
    await page.locator('.site-header nav').getByRole('link', { name: '地图' }).click();
    await expect(page).toHaveURL(/\/map$/);
    await expect(page.locator('main h1')).toBeVisible();
  });

  test('an address that is no page gets the page that is not found, as a 404', async ({ page }) => {
    const response = await page.goto('./no-such-page', { prerendered: 'may-stay' });
    expect(response.status()).toBe(404);
    await expect(page.locator('main h1')).toHaveText(ZH.not_found_title);
    await page.getByRole('link', { name: ZH.back_home }).click();
    await expect(page.locator('#home-title')).toHaveText(zh(SAMPLE.meta.title));
  });
});

/** What a visitor sees of the page: each heading, picture, link and paragraph, its text and its box. */
async function seen(page, root) {
  return page.evaluate((root) => {
    const scope = root ? document.querySelector(root) : document.body;
    return [...scope.querySelectorAll('header, main, main h1, main h2, main p, main a, main img, main li, main button')]
      .filter((e) => !e.closest('noscript'))
      .map((e) => {
        const r = e.getBoundingClientRect();
        return `${e.tagName} ${(e.innerText ?? '').trim().slice(0, 40)} ${e.getAttribute('src') ?? ''} ${[r.x, r.y, r.width, r.height].map(Math.round).join(',')}`;
      });
  }, root);
}

test('the app takes the pre-rendered page’s place: the same page, nothing moved, nothing in the console', async ({ page }) => {
  const messages = [];
  page.on('console', (m) => {
    // Every page of the site has this one, before any of the app runs: trunk's preload of the main wasm
    // carries its integrity hash, which Chromium does not check on a fetch preload (and says so).
    if (/integrity. attribute is currently ignored for preload destinations/.test(m.text())) return;
    // Playwright's own note when the app registers its worker (once the page is idle: on a slow machine
    // within this test), which the tests' browser blocks.
    if (/^Service Worker registration blocked by Playwright$/.test(m.text())) return;
    if (m.type() === 'warning' || m.type() === 'error') messages.push(`${m.type()}: ${m.text()}`);
  });
  for (const path of ['./', './gallery', './gallery/red-ship', './gallery/student-paintings', './units/hudong-community', './story', './books']) {
    // The bundle held back: the app cannot draw until it is let through, so the pre-rendered page is
    // read first, as a visitor sees it.
    await page.unrouteAll();
    const release = await holdBack(page, '**/data/bundle.json');
    await page.goto(path, { prerendered: 'may-stay' });
    await page.evaluate(() => {
      window.shifted = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.shifted += entry.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await expect(page.locator('#prerendered')).toBeVisible();
    const before = await seen(page, '#prerendered');
    release();
    await waitForTheApp(page);
    expect(await seen(page), path).toEqual(before);
    expect(await page.evaluate(() => window.shifted), `${path}: layout shift`).toBe(0);
    expect(await page.locator('main').count()).toBe(1);
  }
  expect(messages).toEqual([]);
});

test('a page carries its bundle’s hash, and a bundle changed on the server since the build shows as it is now', async ({ page, request }) => {
  const html = await (await request.get('./gallery/red-ship')).text();
  expect(html).toContain(`data-bundle="${sha256(BUILT)}"`);
  const changed = structuredClone(SAMPLE);
  changed.items.find((i) => i.id === 'red-ship').title.zh = '改过的标题';
  const added = { ...structuredClone(SAMPLE.items.find((i) => i.id === 'red-ship')), id: 'a-new-gift' };
  added.title = { zh: '新到的赠礼', en: 'A new gift' };
  changed.items.push(added);
  await replaceBundle(page, changed);
  await page.goto('./gallery/red-ship');
  await expect(page.locator('main h1')).toHaveText('改过的标题');
  // An item the build has no page for: the server's page that is not found, and the app draws the item.
  const response = await page.goto('./gallery/a-new-gift');
  expect(response.status()).toBe(404);
  await expect(page.locator('main h1')).toHaveText('新到的赠礼');
  await expect(page.getByText(ZH.not_found_title)).toHaveCount(0);
});

test('what a visitor types or chooses on the pre-rendered page before the app comes is kept', async ({ page }) => {
  const release = await holdBack(page, '**/data/bundle.json');
  await page.goto('./gallery?sort=title', { prerendered: 'may-stay' });
  // The build's page, still on show: the visitor types a search and chooses a kind.
  const kind = SAMPLE.items.find((i) => i.title.zh.includes('船')).kind;
  await page.locator('#prerendered #gallery-search').fill('船');
  await page.locator('#prerendered #gallery-kind').selectOption(kind);
  await page.locator('#prerendered #gallery-search').focus();
  release();
  await expect(page.locator('#prerendered')).toHaveCount(0);
  const search = page.locator('#gallery-search');
  await expect(search).toHaveValue('船');
  await expect(search).toBeFocused();
  await expect(page.locator('#gallery-kind')).toHaveValue(kind);
  // The app took both as the visitor's own: the address and the results follow them, and the sort
  // from the address (a control the visitor did not touch) is the address's, not the page's default.
  await expect(page).toHaveURL(new RegExp(`kind=${kind}`));
  await expect(page).toHaveURL(/q=%E8%88%B9|q=船/);
  await expect(page.locator('#gallery-sort')).toHaveValue('title');
  const cards = page.locator('.gallery-grid > li');
  await expect.poll(() => cards.count()).toBeLessThan(SAMPLE.items.length);
  const shown = await cards.allInnerTexts();
  // The same as the app shows for that address from the start.
  await page.goto(`./gallery?kind=${kind}&q=${encodeURIComponent('船')}&sort=title`);
  await expect(cards).toHaveCount(shown.length);
  expect(await cards.allInnerTexts()).toEqual(shown);
});

test('with the network down, the pre-rendered page stays and its links work', async ({ page }) => {
  let asked = 0;
  await page.route('**/data/bundle.json', (route) => {
    asked += 1;
    return route.abort('internetdisconnected');
  });
  await page.goto('./gallery', { prerendered: 'may-stay' });
  // The app's attempts (web::retry: 4), then it gives up; the page stays readable.
  await expect.poll(() => asked, { timeout: 15_000 }).toBeGreaterThanOrEqual(4);
  // Given up: out of sight, the app's own drawing stops waiting (no loading screen) and draws nothing.
  await expect(page.locator('.app-drawing main .loading')).toHaveCount(0);
  await expect(page.locator('.app-drawing main')).toBeEmpty();
  await expect(page.locator('#prerendered main h1')).toBeVisible();
  await expect(page.locator('.error-panel')).toBeHidden();
  await page.locator('#prerendered main .card a').first().click();
  await expect(page).toHaveURL(/\/gallery\/[a-z0-9-]+$/);
  await expect(page.locator('main h1').first()).toBeVisible();
});

// Both languages have addresses: the bundle's first (Chinese for the sample) at the site's, English
// under /en; joined by hreflang; the switch goes between them; a remembered choice is honoured before
// the first paint; the kiosk switches in place.
const EN = JSON.parse(readFileSync(new URL('../../locales/en.json', import.meta.url), 'utf8'));
const en = (text) => text.en ?? text.zh;

test.describe('the languages’ addresses, without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('each page is at an address in each language, and the switch is a link between them', async ({ page }) => {
    const item = SAMPLE.items.find((i) => i.id === 'red-ship');
    await page.goto('./en/gallery/red-ship', { prerendered: 'may-stay' });
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await expect(page.locator('main h1')).toHaveText(en(item.title));
    await expect(page.locator('.js-notice')).toHaveText(EN.needs_javascript);
    // The sample has no public address: search engines take only full ones, so the head has none
    // (tests/e2e/other-event.spec.mjs: a bundle with one).
    expect(await page.locator('link[rel="alternate"]').count()).toBe(0);
    // Its links stay in English.
    await page.locator('.site-header nav').getByRole('link', { name: EN.nav_gallery }).click();
    await expect(page).toHaveURL(/\/en\/gallery$/);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    for (const i of SAMPLE.items) await expect(page.locator('main')).toContainText(en(i.title));
    await page.getByRole('link', { name: EN.switch_language_label }).click();
    await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/gallery$/);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await page.getByRole('link', { name: ZH.switch_language_label }).click();
    await expect(page).toHaveURL(/\/en\/gallery$/);
    const home = await page.goto('./en/', { prerendered: 'may-stay' });
    expect(home.status()).toBe(200);
    await expect(page.locator('#home-title')).toHaveText(en(SAMPLE.meta.title));
  });
});

test('the switch goes to the page’s address in the other language, and the choice is kept for the next visit', async ({ page }) => {
  const item = SAMPLE.items.find((i) => i.id === 'red-ship');
  await page.goto('./gallery/red-ship?from=test');
  await page.getByRole('link', { name: ZH.switch_language_label }).click();
  await expect(page).toHaveURL(/\/en\/gallery\/red-ship\?from=test$/);
  await waitForTheApp(page);
  await expect(page.locator('main h1')).toHaveText(en(item.title));
  expect(await page.evaluate(() => localStorage.getItem('showcase.lang'))).toBe('en');
  // In the app, its links stay in English too.
  await page.locator('.site-header nav').getByRole('link', { name: EN.nav_map }).click();
  await expect(page).toHaveURL(/\/en\/map$/);
  await expect(page.locator('main h1')).toBeVisible();
  await expect(page.locator('#prerendered')).toHaveCount(0);
});

test('a remembered choice is honoured before the first paint: the page in the other language is never drawn', async ({ page }) => {
  await page.addInitScript(() => {
    try {
      localStorage.setItem('showcase.lang', 'en');
      const here = location.pathname;
      new PerformanceObserver(() => sessionStorage.setItem(`painted ${here}`, '1')).observe({ type: 'paint', buffered: true });
    } catch {}
  });
  const item = SAMPLE.items.find((i) => i.id === 'red-ship');
  await page.goto('./gallery/red-ship');
  await expect(page).toHaveURL(/\/en\/gallery\/red-ship$/);
  await expect(page.locator('main h1')).toHaveText(en(item.title));
  const painted = await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('painted')));
  expect(painted).toEqual(['painted /en/gallery/red-ship']);
  // The address was replaced, not added to: the tab's history is its first blank page and this one.
  expect(await page.evaluate(() => history.length)).toBe(2);
});

test('the kiosk switches the language in place, at the address it is at', async ({ page }) => {
  await page.goto('./?kiosk');
  await expect(page.locator('html.kiosk')).toHaveCount(1);
  const url = page.url();
  const button = page.getByRole('button', { name: ZH.switch_language_label });
  await button.click();
  await expect(page.locator('#home-title')).toHaveText(en(SAMPLE.meta.title));
  expect(page.url()).toBe(url);
});

// What a visitor sees and reaches at phone, desktop and kiosk sizes: nothing wider than the screen, the
// books readable on a phone, the skip link, touch targets, and a header that keeps its size.
import { test, expect, expectNoAxeViolations, SAMPLE, switchLanguage } from './fixtures.mjs';

const PAGES = ['./', './gallery', './gallery/student-paintings', './map', './story', './books', './units/southeast-elevator'];

test('no page is wider than a phone\'s screen, in either language', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  for (const lang of ['zh', 'en']) {
    await page.goto('./');
    if (lang === 'en') await switchLanguage(page);
    for (const path of PAGES) {
      await page.goto(path);
      await expect(page.locator('main h1').first()).toBeVisible();
      // Wide content (the map's panes) is clipped by its own box; the page itself must not scroll sideways.
      const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
      expect(widths[0], `${lang} ${path}`).toBeLessThanOrEqual(widths[1]);
      // Every menu link is on screen (the menu wraps rather than running off the edge).
      for (const link of await page.getByRole('navigation').first().getByRole('link').all()) {
        const box = await link.boundingBox();
        expect(box.x + box.width, `${lang} ${path}: ${await link.textContent()}`).toBeLessThanOrEqual(390);
      }
    }
  }
});

test('on a phone the books are cards with every field; on a desktop, a table', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('./books');
  const donations = SAMPLE.items.filter((i) => i.books);
  const cards = page.locator('.ledger-cards > li');
  await expect(cards).toHaveCount(donations.length);
  await expect(page.locator('table.ledger')).toBeHidden();
  const first = cards.first();
  await expect(first.getByRole('heading', { name: donations[0].title.zh })).toBeVisible();
  for (const label of ['来自', '经由', '赠往', '数量', '日期']) await expect(first.getByText(label, { exact: true })).toBeVisible();
  // Each value fits the card: no column squeezed to a character per line.
  const card = await first.boundingBox();
  for (const dd of await first.locator('dd').all()) {
    const box = await dd.boundingBox();
    expect(box.x + box.width).toBeLessThanOrEqual(card.x + card.width);
    expect(box.width).toBeGreaterThan(100);
  }
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 1366, height: 768 });
  await expect(page.locator('table.ledger')).toBeVisible();
  await expect(cards.first()).toBeHidden();
});

test('the skip link is readable when focused and moves to the content of the same page', async ({ page }) => {
  await page.goto('./story');
  await expect(page.locator('main h1')).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: '跳到正文' });
  await expect(skip).toBeFocused();
  const [color, background] = await skip.evaluate((e) => [getComputedStyle(e).color, getComputedStyle(e).backgroundColor]);
  expect(color).not.toBe(background);
  await expectNoAxeViolations(page);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/story$/);
  await expect(page.locator('main')).toBeFocused();
  await expect(page.locator('main h1')).toBeVisible();
});

test('touch targets: card titles and the map\'s zoom buttons are at least 44 px tall on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('./gallery');
  for (const link of await page.locator('.card-title a').all()) {
    expect((await link.boundingBox()).height).toBeGreaterThanOrEqual(44);
  }
  await page.goto('./map');
  for (const name of ['放大', '缩小']) {
    const box = await page.getByRole('button', { name }).boundingBox();
    expect(box.height).toBeGreaterThanOrEqual(44);
    expect(box.width).toBeGreaterThanOrEqual(44);
  }
});

test('the header keeps its size when the bundle comes: the page does not shift on a phone in English', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('./');
  await switchLanguage(page);
  await page.addInitScript(() => {
    window.__shift = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  // The bundle comes late, as on a slow link: the header is drawn before it.
  await page.route('**/data/bundle.json', async (route) => { await new Promise((r) => setTimeout(r, 800)); await route.continue(); });
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: SAMPLE.meta.title.en })).toBeVisible();
  await expect(page.locator('.brand-title:visible')).toHaveText(SAMPLE.meta.site_name.en);
  // Well under Lighthouse's "good" (0.1).
  expect(await page.evaluate(() => window.__shift)).toBeLessThan(0.02);
});

test('a desktop scrollbar moves nothing: no layout shift while a page fills, on every page', async ({ playwright, launchOptions, baseURL }) => {
  // Playwright's headless Chromium hides scrollbars; a desktop browser's take room as a page grows taller
  // than the window (Lighthouse's desktop run found this shift).
  const browser = await playwright.chromium.launch({ ...launchOptions, ignoreDefaultArgs: ['--hide-scrollbars'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1350, height: 940 }, baseURL, serviceWorkers: 'block' });
    await page.addInitScript(() => {
      window.__shifts = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          if (!e.hadRecentInput) window.__shifts.push(`${e.value.toFixed(4)} ${e.sources.map((s) => s.node?.nodeName).join(',')}`);
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    for (const path of ['./', './gallery', './map', './story']) {
      await page.goto(path);
      await expect(page.locator('main h1').first()).toBeVisible();
      // The page has filled: taller than the window, so the scrollbar is there (its room, kept from the
      // start, does not prove it: the page's height does).
      await expect.poll(() => page.evaluate(() => document.documentElement.scrollHeight > innerHeight)).toBe(true);
      expect(await page.evaluate(() => innerWidth - document.documentElement.clientWidth)).toBeGreaterThan(0);
      await page.waitForLoadState('networkidle');
      // Shifts are reported after the frame that made them.
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 200))));
      expect(await page.evaluate(() => window.__shifts), path).toEqual([]);
    }
  } finally {
    await browser.close();
  }
});

test('kiosk home: each card\'s title, text and count on lines of their own', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('./?kiosk');
  const card = page.locator('.explore a').first();
  await expect(card).toBeVisible();
  const title = await card.locator('strong').boundingBox();
  const count = await card.locator('.count').boundingBox();
  expect(count.y).toBeGreaterThanOrEqual(title.y + title.height - 1);
  expect(await card.evaluate((e) => getComputedStyle(e).display)).toBe('flex');
});

test('English text sets quotation marks at the width of its letters; Chinese keeps them full width', async ({ page }) => {
  // The width of the first “ in an element's text, against the element's font size.
  const quoteWidth = (locator) => locator.evaluate((e) => {
    const walker = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.data.indexOf('\u201c');
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 1);
      return range.getBoundingClientRect().width / parseFloat(getComputedStyle(node.parentElement).fontSize);
    }
    return null;
  });
  await page.goto('./');
  const theme = page.locator('.facts > div').filter({ hasText: '\u201c' }).locator('dd');
  await expect(theme).toBeVisible();
  expect(await quoteWidth(theme)).toBeGreaterThan(0.8);
  await switchLanguage(page);
  await expect(theme).toContainText('Party building');
  expect(await quoteWidth(theme)).toBeLessThan(0.6);
});

test('the map\'s labels use the site\'s font, not Leaflet\'s', async ({ page }) => {
  await page.goto('./map');
  const label = page.locator('.route-label');
  await expect(label).toBeVisible();
  const [labelFont, bodyFont] = await label.evaluate((e) => [getComputedStyle(e).fontFamily, getComputedStyle(document.body).fontFamily]);
  expect(labelFont).toBe(bodyFont);
});

test.describe('a first visit from an English browser, to a bundle whose default is Chinese', () => {
  test.use({ locale: 'en-US' });
  test('starts in Chinese (the default the build wrote) and never switches under the visitor', async ({ page }) => {
    await page.setViewportSize({ width: 412, height: 823 });
    await page.addInitScript(() => {
      window.__shift = 0;
      window.__langs = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
      // The document's language each time it is set (the script runs before <html> exists).
      new MutationObserver((records) => {
        for (const r of records) if (r.target === document.documentElement) window.__langs.push(r.target.lang);
      }).observe(document, { attributes: true, subtree: true, attributeFilter: ['lang'] });
    });
    // The bundle comes late: the header is drawn before it.
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await page.route('**/data/bundle.json', async (route) => { await held; await route.continue(); });
    await page.goto('./', { prerendered: 'may-stay' });
    await expect(page.getByRole('navigation').getByRole('link', { name: '首页' })).toBeVisible();
    release();
    await expect(page.getByRole('heading', { level: 1, name: SAMPLE.meta.title.zh })).toBeVisible();
    const langs = await page.evaluate(() => window.__langs);
    expect(langs.filter((l) => !l.startsWith('zh')), langs.join(' ')).toEqual([]);
    expect(await page.evaluate(() => window.__shift)).toBeLessThan(0.02);
  });
});

test('item details: a label lines up with its value when the value is a link', async ({ page }) => {
  await page.goto('./gallery/student-paintings');
  const textBottom = (locator) => locator.evaluate((e) => {
    const range = document.createRange();
    range.selectNodeContents(e);
    return range.getClientRects()[0].bottom;
  });
  const row = page.locator('.item-details > div').filter({ has: page.locator('.inline-list a') }).first();
  await expect(row).toBeVisible();
  const label = await textBottom(row.locator('dt'));
  const value = await textBottom(row.locator('.inline-list a').first());
  expect(Math.abs(label - value)).toBeLessThan(3);
});

test('a unit\'s list keeps each kind of item whole on a phone ("· First-day cover" is not split)', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('./');
  await switchLanguage(page);
  await page.goto('./units/southeast-elevator');
  const kinds = page.locator('.unit-items .muted');
  await expect(kinds.first()).toBeVisible();
  for (const kind of await kinds.all()) {
    const lines = await kind.evaluate((e) => {
      const range = document.createRange();
      range.selectNodeContents(e);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    });
    expect(lines, await kind.textContent()).toBe(1);
  }
});

test('a kiosk sets its text larger for reading from a step back, and still fits its screen', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  const size = (selector) => page.locator(selector).first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  // Outside kiosk mode: 16 px (kiosk mode, once on, stays on for the session, so this comes first).
  await page.goto('./gallery/red-ship');
  await expect(page.locator('main h1')).toBeVisible();
  expect(await size('.item-details dd')).toBe(16);
  await page.goto('./gallery/red-ship?kiosk');
  await expect(page.locator('html.kiosk')).toHaveCount(1);
  await expect(page.locator('main h1')).toBeVisible();
  expect(await size('.item-details dd')).toBeGreaterThanOrEqual(20);
  expect(await size('.site-header nav a')).toBeGreaterThanOrEqual(20);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1920);
});

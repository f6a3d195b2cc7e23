// The story, unit and books pages, and the promise that every page is fully in the chosen language.
import { test, expect, replaceBundle, expectNoAxeViolations, SAMPLE, switchLanguage } from './fixtures.mjs';

const PAGES = ['./', './gallery', './gallery/red-ship', './map', './story', './books', './units/southeast-elevator', './no-such-page'];
const HAN = /\p{Script=Han}/u;
const LATIN_WORD = /[A-Za-z]{2,}/;

/** Visible text nodes of the page, with the nearest `lang` and whether they sit in interface chrome. */
async function texts(page) {
  return page.evaluate(() => {
    const out = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      const el = node.parentElement;
      const text = node.textContent.trim();
      if (!text || !el || el.closest('[hidden], noscript, dialog:not([open])') || !el.checkVisibility()) continue;
      out.push({
        text,
        lang: el.closest('[lang]')?.getAttribute('lang') ?? '',
        chrome: !!el.closest('nav, button, label, th, dt, summary, select, .badge, .result-count, .error-summary, .count'),
      });
    }
    return out;
  });
}

test('every page is in English after switching, and its interface in Chinese before', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  for (const path of PAGES) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    // Chinese: no interface text is English only (names from the bundle may be romanised, but never a label).
    const englishLabels = (await texts(page)).filter((t) => t.chrome && !t.lang.startsWith('en') && LATIN_WORD.test(t.text) && !HAN.test(t.text));
    expect(englishLabels.map((t) => `${path}: ${t.text}`)).toEqual([]);
  }
  await switchLanguage(page);
  for (const path of PAGES) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    // English: no Chinese anywhere except what is marked as Chinese (the title in the other language).
    const chinese = (await texts(page)).filter((t) => HAN.test(t.text) && !t.lang.startsWith('zh'));
    expect(chinese.map((t) => `${path}: ${t.text}`)).toEqual([]);
  }
});

test('each page has its own document title', async ({ page }) => {
  await page.goto('./books');
  await expect(page).toHaveTitle(`图书捐赠 · ${SAMPLE.meta.site_name.zh}`);
  await page.goto('./units/zhutian-primary');
  await expect(page).toHaveTitle(`${SAMPLE.units[3].name.zh} · ${SAMPLE.meta.site_name.zh}`);
});

test('the timeline links reach the right items and units', async ({ page }) => {
  await page.goto('./story');
  await switchLanguage(page);
  const steps = page.locator('.timeline > li');
  await expect(steps).toHaveCount(SAMPLE.timeline.length);
  const gifts = steps.filter({ hasText: 'Exchange of gifts' });
  await gifts.getByRole('link', { name: '"Red Ship" artwork' }).click();
  await expect(page).toHaveURL(/\/gallery\/red-ship$/);
  await expect(page.getByRole('heading', { level: 1, name: '"Red Ship" artwork' })).toBeVisible();
  await page.goBack();
  await steps.filter({ hasText: 'Visiting a veteran' }).getByRole('link', { name: 'Zhutian Primary School' }).click();
  await expect(page).toHaveURL(/\/units\/zhutian-primary$/);
  await expect(page.getByRole('heading', { level: 1, name: SAMPLE.units[3].name.en })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Received' }).or(page.locator('section', { hasText: 'Received' }))).toContainText('100 "books of love"');
});

test('a unit page lists what it gave, linked to the filtered gallery', async ({ page }) => {
  await page.goto('./units/southeast-elevator');
  await switchLanguage(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Southeast Elevator Co., Ltd.' })).toBeVisible();
  await expect(page.locator('.item-details')).toContainText('Qin Jiancong');
  const gave = page.locator('section', { has: page.getByRole('heading', { name: 'Gave' }) });
  await expect(gave.locator('.unit-items li')).toHaveCount(5);
  await gave.getByRole('link', { name: /5 items/ }).click();
  await expect(page).toHaveURL(/\/gallery\?donor=southeast-elevator$/);
  await expect(page.locator('.gallery-grid > li')).toHaveCount(5);
});

test('book totals are computed from the bundle', async ({ page }) => {
  await page.goto('./books');
  await expect(page.locator('.total-count')).toHaveText('100');
  // Hudong Community's books have no recorded count: the total says so instead of hiding it.
  await expect(page.locator('.uncounted')).toHaveText('另有 1 次捐赠未记录数量');
  const second = structuredClone(SAMPLE);
  second.items[4].books.count = 37;
  second.items[5].books.count = 250;
  await replaceBundle(page, second);
  await page.reload();
  await expect(page.locator('.total-count')).toHaveText('287');
  await expect(page.locator('.total-books')).toHaveText('287 本图书');
  await expect(page.locator('.ledger tbody tr')).toHaveCount(2);
  await expect(page.locator('.uncounted')).toHaveCount(0);
});

test('the map page gives the distance the books travelled, in the visitor language', async ({ page }) => {
  await page.goto('./map');
  await expect(page.locator('.route-distance')).toHaveText('约 1,175 公里');
  await switchLanguage(page);
  await expect(page.locator('.route-distance')).toHaveText('about 1,175 km');
});

test('story, map, books and unit pages have no accessibility violations', async ({ page }) => {
  for (const path of ['./story', './map', './books', './units/hudong-community']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoAxeViolations(page);
  }
});

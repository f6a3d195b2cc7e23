// Nothing from the bundle is ever inserted as HTML, and no URL from it can run script: a bundle whose
// every text carries markup and event handlers renders them as inert text, and one with script URLs is
// refused with the fields named.
import { test, expect, replaceBundle, SAMPLE, switchLanguage } from './fixtures.mjs';

const PAYLOAD = `<img src=x onerror="window.__xss=1"><script>window.__xss=1</script><a href="javascript:window.__xss=1">x</a>`;

/** Every Text object of the bundle (anything with "zh" or "en"), with the payload appended. */
function poison(value) {
  if (Array.isArray(value)) return value.map(poison);
  if (value && typeof value === 'object') {
    const out = {};
    for (const [k, v] of Object.entries(value)) out[k] = (k === 'zh' || k === 'en') && typeof v === 'string' ? `${v} ${PAYLOAD}` : poison(v);
    return out;
  }
  return value;
}

test('markup in every text of the bundle is shown as text and never runs', async ({ page }) => {
  await replaceBundle(page, poison(SAMPLE));
  await page.addInitScript(() => { window.__xss = 0; });
  for (const path of ['./', './gallery', './gallery/books-of-love', './gallery?view=red-ship', './story', './books', './map', './units/hudong-community']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    await expect(page.locator('body')).toContainText('<script>window.__xss=1</script>');
    expect(await page.evaluate(() => window.__xss)).toBe(0);
    // No element came from the payload: its tags exist only as text.
    expect(await page.locator('main script, main img[src="x"], main a[href^="javascript:"]').count()).toBe(0);
  }
  await switchLanguage(page);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('onerror=');
  expect(await page.evaluate(() => window.__xss)).toBe(0);
});

test('script and foreign-scheme URLs in the bundle are refused before anything renders', async ({ page }) => {
  const bad = structuredClone(SAMPLE);
  bad.items[0].media[0].src = 'javascript:window.__xss=1';
  bad.items[1].media[0].src = 'data:image/svg+xml,<svg onload="window.__xss=1"/>';
  bad.meta.sources[0].url = 'JAVASCRIPT:window.__xss=1';
  bad.map.tiles = { url_template: 'http://tiles.example/{z}/{x}/{y}.png', attribution: { zh: '图', en: 'Tiles' }, max_zoom: 10 };
  await replaceBundle(page, bad);
  await page.addInitScript(() => { window.__xss = 0; });
  await page.goto('./');
  const panel = page.getByRole('alert');
  for (const path of ['items[0].media[0].src', 'items[1].media[0].src', 'meta.sources[0].url', 'map.tiles.url_template']) {
    await expect(panel.locator('.problem-error', { hasText: path })).toBeVisible();
  }
  expect(await page.evaluate(() => window.__xss)).toBe(0);
  expect(await page.locator('img[src^="javascript:"], img[src^="data:"]').count()).toBe(0);
});

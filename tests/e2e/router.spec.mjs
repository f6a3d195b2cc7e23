// The app's own router (src/router.rs, crates/route): links inside the site move between pages without a
// reload, Back and Forward bring pages back, a navigation scrolls to the top unless it only changes what
// the page shows, the browser keeps the clicks that are its own (a new tab, another site), and a newer
// navigation wins over one still waiting for its page's code.
import { test, expect, SAMPLE, choseEnglish, holdBack } from './fixtures.mjs';

test.beforeEach(async ({ page }) => {
  await choseEnglish(page);
});

const heading = (page, name) => page.getByRole('heading', { level: 1, name, exact: true });

test('links move between pages without a reload, one history entry each; Back and Forward bring them back', async ({ page }) => {
  await page.goto('./');
  await expect(heading(page, SAMPLE.meta.title.en)).toBeVisible();
  await page.evaluate(() => { window.sameDocument = true; });
  const entries = () => page.evaluate(() => history.length);
  const start = await entries();
  const nav = page.getByRole('navigation', { name: 'Main' });

  await nav.getByRole('link', { name: 'Gallery' }).click();
  await expect(page).toHaveURL(/\/gallery$/);
  await expect(heading(page, 'Gallery')).toBeVisible();
  // A link to the page already shown adds no entry.
  await nav.getByRole('link', { name: 'Gallery' }).click();
  const item = SAMPLE.items[0];
  await page.locator(`a[href$="/gallery/${item.id}"]`).first().click();
  await expect(page).toHaveURL(new RegExp(`/gallery/${item.id}$`));
  await expect(heading(page, item.title.en)).toBeVisible();
  expect(await entries()).toBe(start + 2);

  await page.goBack();
  await expect(page).toHaveURL(/\/gallery$/);
  await expect(heading(page, 'Gallery')).toBeVisible();
  await page.goBack();
  await expect(heading(page, SAMPLE.meta.title.en)).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Home' })).toHaveAttribute('aria-current', 'page');
  await expect(nav.getByRole('link', { name: 'Gallery' })).not.toHaveAttribute('aria-current', /.*/);
  await page.goForward();
  await expect(heading(page, 'Gallery')).toBeVisible();
  await page.goForward();
  await expect(heading(page, item.title.en)).toBeVisible();
  // The item page is under the gallery: its link in the menu says so.
  await expect(nav.getByRole('link', { name: 'Gallery' })).toHaveAttribute('aria-current', 'page');
  expect(await page.evaluate(() => window.sameDocument)).toBe(true);
});

test('a link to another page scrolls to the top; opening and closing a picture keeps the place', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 700 });
  await page.goto('./gallery');
  const cards = page.locator('.card-image');
  await expect(cards.first()).toBeVisible();
  const last = cards.last();
  await last.scrollIntoViewIfNeeded();
  // The cards near the screen are laid out at their real heights once there (`content-visibility`):
  // wait until the page stops moving.
  const place = () => page.evaluate(() => `${window.scrollY} ${document.documentElement.scrollHeight}`);
  let previous;
  await expect.poll(async () => {
    const now = await place();
    const still = now === previous;
    previous = now;
    return still;
  }, { intervals: [250] }).toBe(true);
  const scrolled = await page.evaluate(() => window.scrollY);
  expect(scrolled).toBeGreaterThan(1000);

  // The lightbox changes the address (?view=) without scrolling the page under it.
  await last.click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(page).toHaveURL(/\?view=/);
  // Moving to the next picture replaces the address, and the page under the lightbox stays put.
  const opened = page.url();
  await page.keyboard.press('ArrowLeft');
  await expect(page).not.toHaveURL(opened);
  await expect(page).toHaveURL(/\?view=/);
  expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/\/gallery$/);
  expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);

  // A card's title link opens its item page at the top.
  await page.locator('.card-title a').last().click();
  await expect(page).toHaveURL(/\/gallery\/[a-z0-9-]+$/);
  await expect(page.locator('.item-details')).toBeVisible();
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
});

test('a link to a file of the site, not one of its pages, is left to the browser', async ({ page }) => {
  await page.goto('./');
  await expect(heading(page, SAMPLE.meta.title.en)).toBeVisible();
  await page.evaluate(() => {
    const a = Object.assign(document.createElement('a'), { href: 'data/bundle.json', textContent: 'file', id: 'file-link' });
    document.querySelector('main').append(a);
  });
  await page.locator('#file-link').click();
  await expect(page).toHaveURL(/\/data\/bundle\.json$/);
  expect(JSON.parse(await page.locator('body').innerText()).schema_version).toBe(SAMPLE.schema_version);
});

test('a click with a modifier key opens a new tab and leaves this page as it was', async ({ page, context }) => {
  await page.goto('./');
  await expect(heading(page, SAMPLE.meta.title.en)).toBeVisible();
  const link = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Book donations' });
  const [tab] = await Promise.all([
    context.waitForEvent('page'),
    link.click({ modifiers: ['ControlOrMeta'] }),
  ]);
  await tab.waitForLoadState();
  expect(new URL(tab.url()).pathname).toMatch(/\/books$/);
  await tab.close();
  await expect(page).toHaveURL(/\/$/);
  await expect(heading(page, SAMPLE.meta.title.en)).toBeVisible();
});

test('a newer navigation wins over one still waiting for its page\'s code', async ({ page }) => {
  const release = await holdBack(page, /\/split_map-[0-9a-f]+\.wasm$/, { fetchOnly: true });
  await page.goto('./');
  await expect(heading(page, SAMPLE.meta.title.en)).toBeVisible();
  const start = await page.evaluate(() => history.length);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Map' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Opening the page' })).toBeVisible();
  await expect(page).toHaveURL(/\/$/);

  await nav.getByRole('link', { name: 'Book donations' }).click();
  await expect(heading(page, 'Book donations')).toBeVisible();
  await expect(page).toHaveURL(/\/books$/);

  const mapCode = page.waitForResponse(/\/split_map-[0-9a-f]+\.wasm$/);
  release();
  await mapCode;
  // The map's code is in; its navigation is stale and must not take the page or the address.
  await page.waitForTimeout(300);
  await expect(heading(page, 'Book donations')).toBeVisible();
  await expect(page).toHaveURL(/\/books$/);
  expect(await page.evaluate(() => history.length)).toBe(start + 1);
  await page.goBack();
  await expect(heading(page, SAMPLE.meta.title.en)).toBeVisible();
});

test('a page being left does not redraw for the next page\'s address first', async ({ page }) => {
  // A search shows two of the eight items; its card opens an item page, whose address has no search.
  // Were the gallery to recompute for that address before it is taken down, it would draw every card
  // and ask for their pictures.
  await page.goto('./gallery?q=plaque');
  const titles = page.locator('.card-title a');
  await expect(titles).toHaveCount(2);
  const shown = new Set(['bronze-plaque', 'practice-base-plaque']);
  const others = [];
  page.on('request', (r) => {
    const media = r.url().match(/\/media\/([a-z-]+?)(-\d+)?(-\d+w)?\.\w+$/);
    if (media && !shown.has(media[1])) others.push(r.url());
  });
  await titles.first().click();
  await expect(page).toHaveURL(/\/gallery\/[a-z-]+$/);
  await expect(page.locator('.item-details')).toBeVisible();
  await page.waitForTimeout(300);
  expect(others).toEqual([]);
});

test('a first visit waiting for its page\'s code shows the page the build wrote, not "opening the page"', async ({ page }) => {
  const release = await holdBack(page, /\/split_gallery-[0-9a-f]+\.wasm$/);
  const bundle = page.waitForResponse(/\/data\/bundle\.json$/);
  await page.goto('./gallery', { prerendered: 'may-stay' });
  await bundle;
  // The bundle is in, the page's code is not: the pre-rendered page stays on show, and only it.
  await page.waitForTimeout(800);
  await expect(heading(page, 'Gallery')).toBeVisible();
  await expect(page.locator('#prerendered')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Loading' })).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Opening the page' })).toHaveCount(0);
  release();
  await expect(page.locator('#prerendered')).toHaveCount(0);
  await expect(heading(page, 'Gallery')).toBeVisible();
});

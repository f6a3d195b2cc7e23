// Offline operation through the service worker (public/sw.js, with the file list that
// scripts/build-manifest.mjs writes at build time): after one visit the kiosk keeps working with the
// network gone, across reloads and deep links, images and map included.
import { test, expect, SAMPLE } from './fixtures.mjs';

test.use({ serviceWorkers: 'allow' });

/** Whether a service worker controls the page and has the shell (index.html among it) cached. */
const workerReady = (page) => page.evaluate(async () => {
  const shell = (await caches.keys()).find((k) => k.startsWith('showcase-shell-'));
  const cached = shell ? (await (await caches.open(shell)).keys()).map((r) => r.url) : [];
  return !!navigator.serviceWorker.controller && cached.some((url) => url.endsWith('/index.html'));
});

const MEDIA = [...new Set(SAMPLE.items.flatMap((i) => i.media.flatMap((m) => [m.src, ...(m.variants ?? []).map((v) => v.src)])))];

test('after one visit the kiosk works offline, across reloads', async ({ page, context }) => {
  await page.goto('./?kiosk');
  await expect(page.getByRole('heading', { level: 1, name: SAMPLE.meta.title.zh })).toBeVisible();
  // The worker installed (shell, bundle and basemap pre-cached) and controls the page…
  // (Polled with expect.poll: page.waitForFunction takes the promise an async predicate returns as a
  // truthy answer and would not wait at all.)
  await expect.poll(() => workerReady(page), { timeout: 20_000 }).toBe(true);
  // …and the kiosk asked it for every image of the bundle.
  await expect.poll(() => page.evaluate(async () => (await (await caches.open('showcase-media')).keys()).length),
    { timeout: 20_000 }).toBeGreaterThanOrEqual(MEDIA.length);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: SAMPLE.meta.title.zh })).toBeVisible();
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);

  // A deep link typed (or reloaded) while offline: the cached index.html answers every route.
  await page.goto(`./gallery/${SAMPLE.items[1].id}`);
  await expect(page.getByRole('heading', { level: 1, name: SAMPLE.items[1].title.zh })).toBeVisible();
  const image = page.locator('.item-images img').first();
  await expect.poll(() => image.evaluate((img) => img.complete && img.naturalWidth > 0)).toBe(true);

  // The gallery's images, never viewed before going offline, come from the kiosk's warm-up.
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '赠礼展厅' }).click();
  const images = page.locator('.gallery-grid img');
  await expect(images.first()).toBeVisible();
  await expect
    .poll(() => images.evaluateAll((imgs) => imgs.filter((img) => !(img.complete && img.naturalWidth > 0)).length))
    .toBe(0);

  // The map with its basemap outlines.
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '地图' }).click();
  await expect(page.locator('.leaflet-outlines-pane path').first()).toBeAttached();
  await expect(page.locator('.leaflet-marker-icon').first()).toBeVisible();
});

test('a first visit registers the worker only once its page and pictures are in, after the other pages\' downloads', async ({ page }) => {
  // The pictures are held back, as on a slow link.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(/\/media\//, async (route) => { await held; await route.continue(); });
  // Not until `load`, which waits for the pre-rendered page's pictures.
  await page.goto('./gallery', { waitUntil: 'domcontentloaded' });
  await expect(page.locator('.gallery-grid > li').first()).toBeVisible();
  // Let the page be idle a good while (well under the 10 s after which pictures are no longer waited
  // for): what comes after the pictures would have had time to run.
  await page.evaluate(async () => {
    for (let i = 0; i < 10; i += 1) await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 200 }));
  });
  const state = () => page.evaluate(async () => ({
    registered: !!(await navigator.serviceWorker.getRegistration()),
    prefetched: [...document.querySelectorAll('link[rel="prefetch"]')].map((l) => l.getAttribute('href')),
    chunks: document.querySelector('meta[name="page-chunks"]').content.split(/\s+/).filter(Boolean),
  }));
  const waiting = await state();
  expect(waiting.registered).toBe(false);
  expect(waiting.prefetched).toEqual([]);
  release();
  // Once they are in: the other pages' code is asked for first, then the worker comes.
  await expect.poll(async () => (await state()).registered, { timeout: 20_000 }).toBe(true);
  const done = await state();
  expect(done.chunks.length).toBeGreaterThan(0);
  for (const file of done.chunks) expect(done.prefetched.some((href) => href.endsWith(file)), file).toBe(true);
  // It takes the page and has the shell cached.
  await expect.poll(() => workerReady(page), { timeout: 20_000 }).toBe(true);
});

test('a visit whose bundle cannot be used still registers the worker', async ({ page }) => {
  await page.route('**/data/bundle.json', (route) => route.fulfill({ contentType: 'application/json', body: '{ "broken": ' }));
  await page.goto('./');
  await expect(page.getByRole('alert')).toBeVisible();
  await expect.poll(() => page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())), { timeout: 20_000 }).toBe(true);
});

/** The files in the worker's shell cache, by name. */
const shellFiles = (page) => page.evaluate(async () => {
  const shell = (await caches.keys()).find((k) => k.startsWith('showcase-shell-'));
  return shell ? (await (await caches.open(shell)).keys()).map((r) => r.url.replace(/^.*\//, '')) : [];
});

test('a visitor\'s worker does not pre-cache the code only some visits run; it keeps it once used', async ({ page }) => {
  const onDemand = /^split_(kiosk|pinyin|diagnostics|details)-/;
  const downloaded = [];
  page.on('request', (r) => { if (onDemand.test(r.url().replace(/^.*\//, ''))) downloaded.push(r.url()); });
  await page.goto('./gallery');
  await expect(page.locator('.gallery-grid > li').first()).toBeVisible();
  await expect.poll(() => workerReady(page), { timeout: 20_000 }).toBe(true);
  const lazy = (await page.locator('meta[name="on-demand-chunks"]').getAttribute('content')).split(' ');
  for (const name of ['kiosk', 'pinyin', 'diagnostics', 'details']) {
    expect(lazy.some((f) => f.startsWith(`split_${name}-`)), name).toBe(true);
  }
  const cached = await shellFiles(page);
  expect(cached.some((f) => f.startsWith('split_gallery-'))).toBe(true);
  expect(cached.filter((f) => onDemand.test(f))).toEqual([]);
  expect(downloaded, 'the install downloaded none of it').toEqual([]);
  // Searched once: the pinyin's code is kept for next time (offline too).
  await page.getByRole('searchbox', { name: '搜索' }).fill('hongchuan');
  await expect(page.locator('.gallery-grid > li').filter({ hasText: '艺术品《红船》' })).toHaveCount(1);
  await expect.poll(async () => (await shellFiles(page)).some((f) => f.startsWith('split_pinyin-'))).toBe(true);
});

test('a kiosk fetches that code ahead of time: offline, pinyin search works without having been used', async ({ page, context }) => {
  await page.goto('./gallery?kiosk');
  await expect(page.locator('.gallery-grid > li').first()).toBeVisible();
  await expect.poll(() => workerReady(page), { timeout: 20_000 }).toBe(true);
  const lazy = (await page.locator('meta[name="on-demand-chunks"]').getAttribute('content')).split(' ');
  await expect.poll(async () => {
    const cached = await shellFiles(page);
    return lazy.filter((f) => !cached.includes(f));
  }, { timeout: 20_000 }).toEqual([]);
  await context.setOffline(true);
  await page.reload();
  const box = page.getByRole('searchbox', { name: '搜索' });
  await box.click();
  const keyboard = page.getByRole('group', { name: '屏幕键盘' });
  for (const key of 'hc') await keyboard.getByRole('button', { name: key, exact: true }).click();
  await expect(page.locator('.gallery-grid .card-title', { hasText: '艺术品《红船》' })).toBeVisible();
});

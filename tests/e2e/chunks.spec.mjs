// The release build's route chunks (src/chunks.rs, scripts/wasm-split.mjs): the home page needs none of
// them; each other page's code arrives when first needed (or once the first page is idle), is checked
// against its integrity hash, is retried after a network fault, and a page whose code cannot be had
// says so instead of stopping the app.
import { test, expect, SAMPLE, replaceBundle, choseEnglish, holdBack } from './fixtures.mjs';

const CHUNK = /\/(split|chunk)_\w+-[0-9a-f]+\.wasm$/;
const GALLERY = /\/split_gallery-[0-9a-f]+\.wasm$/;
const DIAGNOSTICS = /\/split_diagnostics-[0-9a-f]+\.wasm$/;

test('the home page needs no page chunk; the gallery still opens after its chunk failed at first', async ({ page }) => {
  let refused = 0;
  const refuse = (route) => { refused += 1; return route.abort('internetdisconnected'); };
  await page.route(CHUNK, refuse);
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1, name: SAMPLE.meta.title.zh })).toBeVisible();
  // Once the home page is idle the other pages' chunks are prefetched: here refused, and harmless.
  await expect.poll(() => refused).toBeGreaterThan(0);
  // The main module holds everything the home page draws.
  const wasm = await page.evaluate(() => performance.getEntriesByType('resource')
    .filter((e) => e.name.endsWith('.wasm') && e.responseEnd > 0 && e.transferSize > 0).map((e) => e.name));
  expect(wasm.every((name) => /\/showcase-[0-9a-f]+_bg\.wasm$/.test(name)), wasm.join(', ')).toBe(true);

  await page.unroute(CHUNK, refuse);
  let galleryFetches = 0;
  // The chunk loader's fetches (the idle prefetch of the pages' files may still be going on).
  page.on('request', (r) => { if (GALLERY.test(r.url()) && r.resourceType() === 'fetch') galleryFetches += 1; });
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '赠礼展厅' }).click();
  await expect(page.locator('.gallery-grid > li')).toHaveCount(SAMPLE.items.length);
  expect(galleryFetches).toBe(1);
});

test('a chunk whose download fails twice is retried, and the page opens', async ({ page }) => {
  // The chunk loader's own fetches. The page's preload (a visit that starts on the gallery) and the idle
  // prefetch of every page's files are refused, so that the loader has to download the chunk itself.
  let attempts = 0;
  await page.route(GALLERY, (route) => {
    if (route.request().resourceType() !== 'fetch') return route.abort('failed');
    attempts += 1;
    return attempts <= 2 ? route.abort('failed') : route.continue();
  });
  await page.goto('./gallery');
  await expect(page.locator('.gallery-grid > li')).toHaveCount(SAMPLE.items.length);
  expect(attempts).toBe(3);
});

test('a chunk that does not match its integrity hash is refused: the page says so, and the app goes on', async ({ page }) => {
  // The real chunk plus an empty custom section: still a valid module (it would compile and run), but
  // not the file that was built. Only the integrity check can tell.
  let served = 0;
  await page.route(GALLERY, async (route) => {
    served += 1;
    const response = await route.fetch();
    const body = Buffer.concat([await response.body(), Buffer.from([0x00, 0x05, 0x04, 0x74, 0x65, 0x73, 0x74])]);
    await route.fulfill({ response, body });
  });
  const refused = [];
  page.on('console', (m) => { if (m.type() === 'error' && /integrity/i.test(m.text())) refused.push(m.text()); });
  await page.goto('./gallery');
  const alert = page.getByRole('alert').filter({ hasText: '此页面未能加载' });
  await expect(alert).toBeVisible({ timeout: 15_000 });
  await expect(alert.getByRole('button', { name: '重新加载' })).toBeVisible();
  expect(refused.length).toBeGreaterThan(0);
  // Four attempts (the first, then after 0.5, 1 and 2 s), the page's own preload possibly one more.
  expect(served).toBeGreaterThanOrEqual(4);
  await expect(page.locator('.gallery-grid')).toHaveCount(0);
  await expect(page.locator('#crash')).toBeHidden();
  // The rest of the app works: the home page is in the main module.
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '首页' }).click();
  await expect(page.getByRole('heading', { level: 1, name: SAMPLE.meta.title.zh })).toBeVisible();
});

test('while a page\'s code is slow to come, the old page stays and a status says the new one is coming', async ({ page }) => {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(/\/split_map-[0-9a-f]+\.wasm$/, async (route) => {
    if (route.request().resourceType() === 'fetch') await held;
    await route.continue();
  });
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1, name: SAMPLE.meta.title.zh })).toBeVisible();
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '地图' }).click();
  const status = page.getByRole('status').filter({ hasText: '正在打开页面' });
  await expect(status).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: SAMPLE.meta.title.zh })).toBeVisible();
  release();
  await expect(page.getByRole('heading', { level: 1, name: '地图' })).toBeVisible();
  await expect(status).toHaveCount(0);
});

for (const [what, pattern] of [
  ['code', /\/split_kiosk-[0-9a-f]+\.wasm$/],
  ['stylesheet (which only kiosk mode loads)', /\/kiosk-[0-9a-f]+\.css$/],
]) {
  test(`in kiosk mode no page is shown until the kiosk's ${what} is in (nothing can be tapped past its guards)`, async ({ page }) => {
    const release = await holdBack(page, pattern);
    await page.goto('./?kiosk');
    await expect(page.getByRole('status').filter({ hasText: '正在加载' })).toBeVisible();
    await page.waitForTimeout(500);
    await expect(page.getByRole('heading', { level: 1, name: SAMPLE.meta.title.zh })).toHaveCount(0);
    await expect(page.locator('.kiosk-bar')).toBeHidden();
    release();
    await expect(page.getByRole('heading', { level: 1, name: SAMPLE.meta.title.zh })).toBeVisible();
    await expect(page.locator('html.kiosk')).toHaveCount(1);
    // The kiosk's rules apply from the first frame the page is shown: 20 px text, 48 px controls.
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('20px');
    expect((await page.locator('.lang-switch').boundingBox()).height).toBeGreaterThanOrEqual(48);
  });
}

test('a kiosk stylesheet whose download fails is tried again, and no unstyled kiosk bar shows meanwhile', async ({ page }) => {
  let attempts = 0;
  await page.route(/\/kiosk-[0-9a-f]+\.css$/, (route) => {
    attempts += 1;
    return attempts === 1 ? route.abort('internetdisconnected') : route.continue();
  });
  await page.goto('./?kiosk');
  await expect(page.getByRole('heading', { level: 1, name: SAMPLE.meta.title.zh })).toBeVisible();
  expect(attempts).toBe(2);
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('20px');
  await expect(page.locator('.kiosk-bar')).toBeVisible();
  expect(await page.locator('link[data-from="kiosk-css"]').count()).toBe(1);
});

test('a good bundle never needs the diagnostics chunk; a refused one gets its faults located from it', async ({ page }) => {
  const diagnostics = [];
  page.on('request', (r) => { if (DIAGNOSTICS.test(r.url())) diagnostics.push(r.url()); });
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1, name: SAMPLE.meta.title.zh })).toBeVisible();
  // Wait for the idle prefetch of the pages' code: the diagnostics are not among it.
  await expect.poll(() => page.evaluate(() => performance.getEntriesByType('resource')
    .some((e) => /split_gallery-/.test(e.name) && e.responseEnd > 0))).toBe(true);
  expect(await page.locator('meta[name="page-chunks"]').getAttribute('content')).not.toMatch(/diagnostics/);
  expect(diagnostics).toEqual([]);

  const broken = structuredClone(SAMPLE);
  broken.items[1].media[0].src = 'javascript:alert(1)';
  await replaceBundle(page, broken);
  await page.reload();
  const notice = page.getByRole('status').filter({ hasText: '上一次有效的内容' });
  await expect(notice).toBeVisible();
  await notice.getByText('维护人员信息').click();
  await expect(notice.locator('.problem-error', { hasText: 'items[1].media[0].src' }).locator('.problem-position'))
    .toContainText('行');
  expect(diagnostics.length).toBeGreaterThan(0);
});

test('without the diagnostics chunk a refused bundle still names each error\'s rule and place, only without its message and line', async ({ page }) => {
  let refused = 0;
  await page.route(DIAGNOSTICS, (route) => { refused += 1; return route.abort('internetdisconnected'); });
  const broken = structuredClone(SAMPLE);
  broken.items[1].media[0].src = 'javascript:alert(1)';
  await choseEnglish(page);
  await replaceBundle(page, broken);
  await page.goto('./');
  const panel = page.getByRole('alert');
  // After the four attempts (0.5 + 1 + 2 s of back-off).
  await expect(panel.getByRole('heading', { name: 'The showcase cannot be shown right now' })).toBeVisible({ timeout: 15_000 });
  const problem = panel.locator('.problem-error', { hasText: 'items[1].media[0].src' });
  await expect(problem).toBeVisible();
  await expect(problem.locator('.problem-path')).toHaveText('items[1].media[0].src');
  await expect(problem.locator('.problem-position')).toHaveCount(0);
  await expect(problem).toContainText('rule "unsafe-url"');
  await expect(problem).toContainText('reload to see the details');
  expect(refused).toBe(4);
});

test('the gallery draws without the lightbox\'s code, which comes when an image is first opened', async ({ page }) => {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  let asked = 0;
  // Held: the chunk loader's fetches, counted, and the idle prefetch of the pages' files, not counted.
  await page.route(/\/split_lightbox-[0-9a-f]+\.wasm$/, async (route) => {
    if (route.request().resourceType() === 'fetch') asked += 1;
    await held;
    await route.continue();
  });
  await page.goto('./gallery');
  await expect(page.locator('.gallery-grid > li')).toHaveCount(SAMPLE.items.length);
  await expect(page.locator('dialog')).toHaveCount(0);
  const opener = page.locator('.card-image').first();
  await opener.click();
  await expect.poll(() => asked).toBeGreaterThan(0);
  release();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
  // Opened again: already there, no new download.
  const before = asked;
  await opener.click();
  await expect(dialog).toBeVisible();
  expect(asked).toBe(before);
});

test('a visit that starts on the gallery downloads its code alongside the main module, and only once', async ({ page }) => {
  await page.goto('./gallery');
  await expect(page.locator('.gallery-grid > li')).toHaveCount(SAMPLE.items.length);
  const { preloaded, entries } = await page.evaluate(() => ({
    preloaded: [...document.querySelectorAll('link[rel="preload"][as="fetch"]')]
      .map((l) => l.href).filter((href) => /\.wasm$/.test(href) && !/showcase-[0-9a-f]+_bg\.wasm$/.test(href)),
    entries: performance.getEntriesByType('resource')
      .map((e) => ({ name: e.name, start: e.startTime, end: e.responseEnd, initiator: e.initiatorType, size: e.transferSize })),
  }));
  expect(preloaded.some((href) => /\/split_gallery-[0-9a-f]+\.wasm$/.test(href))).toBe(true);
  expect(preloaded.some((href) => /\/split_(map|pages|kiosk|diagnostics|lightbox)-/.test(href))).toBe(false);
  const main = entries.find((e) => /\/showcase-[0-9a-f]+_bg\.wasm$/.test(e.name));
  for (const href of preloaded) {
    const preload = entries.find((e) => e.name === href && e.initiator === 'link');
    // Asked for before the main module was in...
    expect(preload.start, href).toBeLessThan(main.end);
    // ...and the chunk loader's own fetch took that download: a request of its own, even one answered
    // from the HTTP cache, would be a second entry (as when the preload's request mode differs).
    expect(entries.filter((e) => e.name === href && e.initiator === 'fetch'), href).toEqual([]);
  }
});

test('a visit that starts on the gallery waits for a few files of code, none of them tiny', async ({ page }) => {
  // wasm-split makes one shared chunk per set of pages that share code; the build merges the small ones
  // (tools/wasm-split-cli, --min-chunk-size in scripts/wasm-split.mjs). Unmerged, this page waited for
  // 22 files, 12 of them under 1 KB, and each cost a request on a slow link.
  await page.goto('./gallery');
  await expect(page.locator('.gallery-grid > li')).toHaveCount(SAMPLE.items.length);
  // The files the page's preload links name (the other pages' files come later, by rel=prefetch).
  const chunks = await page.evaluate(() => [...document.querySelectorAll('link[rel="preload"][as="fetch"]')]
    .map((link) => link.href).filter((href) => /\/(split|chunk)_\w+-[0-9a-f]+\.wasm$/.test(href))
    .map((href) => ({
      name: href.replace(/^.*\//, ''),
      bytes: performance.getEntriesByName(href).find((e) => e.responseEnd > 0)?.decodedBodySize ?? 0,
    })));
  expect(chunks.some((c) => c.name.startsWith('split_gallery-')), JSON.stringify(chunks)).toBe(true);
  expect(chunks.length, JSON.stringify(chunks)).toBeLessThanOrEqual(6);
  for (const { name, bytes } of chunks) expect(bytes, name).toBeGreaterThan(4000);
});

test('a visit that starts on an item page preloads the item page\'s code, not the gallery\'s', async ({ page }) => {
  const item = SAMPLE.items[0];
  await page.goto(`./gallery/${item.id}`);
  await expect(page.getByRole('heading', { level: 1, name: item.title.zh })).toBeVisible();
  const preloaded = await page.evaluate(() => [...document.querySelectorAll('link[rel="preload"][as="fetch"]')]
    .map((l) => l.href).filter((href) => /\.wasm$/.test(href)));
  expect(preloaded.some((href) => /\/split_item-[0-9a-f]+\.wasm$/.test(href)), preloaded.join(', ')).toBe(true);
  expect(preloaded.some((href) => /\/split_(gallery|map|pages)-/.test(href)), preloaded.join(', ')).toBe(false);
});

test('a visit that starts on the map downloads Leaflet alongside the main module, and the map takes that download', async ({ page }) => {
  const unused = [];
  page.on('console', (m) => { if (/preload/i.test(m.text()) && !/integrity.* ignored for preload destinations/.test(m.text())) unused.push(m.text()); });
  await page.goto('./map');
  const map = page.getByRole('region', { name: '地图：各单位的位置与路线' });
  await expect(map.locator('.unit-marker').first()).toBeVisible();
  const entries = await page.evaluate(() => performance.getEntriesByType('resource')
    .map((e) => ({ name: e.name, start: e.startTime, end: e.responseEnd, initiator: e.initiatorType })));
  const main = entries.find((e) => /\/showcase-[0-9a-f]+_bg\.wasm$/.test(e.name));
  for (const ext of ['js', 'css']) {
    const files = entries.filter((e) => new RegExp(`/leaflet-[0-9a-f]+\\.${ext}$`).test(e.name));
    // One download, asked for by the preload before the main module was in; the app's own <script> or
    // <link> took it (a mismatch in mode or hash would be a second request, and a console warning).
    expect(files.map((e) => e.initiator), ext).toEqual(['link']);
    expect(files[0].start, ext).toBeLessThan(main.end);
  }
  expect(await page.evaluate(() => typeof window.L)).toBe('object');
  expect(unused).toEqual([]);
});

test('the home page preloads no page code', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1, name: SAMPLE.meta.title.zh })).toBeVisible();
  expect(await page.locator('link[rel="preload"][as="fetch"][href$=".wasm"]:not([href*="showcase-"])').count()).toBe(0);
});

test('the background downloads (basemap, Leaflet, other pages\' code) wait for the pictures on screen', async ({ page }) => {
  // The gallery's pictures are held back; the rest of the site is served as usual.
  const held = [];
  await page.route('**/media/**', (route) => { held.push(route); });
  const background = [];
  page.on('request', (r) => {
    if (/\.(geojson|wasm)$|\/leaflet-[0-9a-f]+\.(js|css)$/.test(r.url())) background.push(r.url());
  });
  // Not until `load`, which waits for the pre-rendered page's pictures.
  await page.goto('./gallery', { waitUntil: 'domcontentloaded' });
  await expect(page.locator('.gallery-grid > li')).toHaveCount(SAMPLE.items.length);
  await expect.poll(() => held.length).toBeGreaterThan(0);
  // What the page itself needed (its code, preloaded with the main module) is in; from here on, none.
  background.splice(0);
  // Well past the idle callbacks' one-second time-out: nothing in the background has started.
  await page.waitForTimeout(2500);
  expect(background, background.join(', ')).toEqual([]);
  for (const route of held.splice(0)) await route.continue();
  await page.unroute('**/media/**');
  // Once they are in, the basemap and Leaflet come.
  await expect.poll(() => background.some((url) => url.endsWith('.geojson'))).toBe(true);
  await expect.poll(() => background.some((url) => /\/leaflet-[0-9a-f]+\.js$/.test(url))).toBe(true);
});

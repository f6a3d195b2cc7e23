// The app shell as a visitor meets it: it loads the bundle, shows the event in both languages, survives
// a broken or unreachable bundle with a clear, located error, and never shows a blank page.
import { test, expect, replaceBundle, expectNoAxeViolations, SAMPLE, choseEnglish, switchLanguage } from './fixtures.mjs';

test('home page shows the title in Chinese, then in English after switching', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1, name: SAMPLE.meta.title.zh })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByText('2021年6月8日').first()).toBeVisible();

  await switchLanguage(page);
  await expect(page.getByRole('heading', { level: 1, name: SAMPLE.meta.title.en })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByText('8 June 2021').first()).toBeVisible();
  await expect(page).toHaveTitle(`${SAMPLE.meta.title.en} · ${SAMPLE.meta.site_name.en}`);

  // The choice survives a reload.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: SAMPLE.meta.title.en })).toBeVisible();
});

test('navigation reaches every section and deep links work on reload', async ({ page }) => {
  await page.goto('./');
  await switchLanguage(page);
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const [name, path, heading] of [
    ['Gallery', '/gallery', 'Gallery'],
    ['Map', '/map', 'Map'],
    ['The day', '/story', SAMPLE.event.title.en],
    ['Book donations', '/books', 'Book donations'],
  ]) {
    await nav.getByRole('link', { name }).click();
    await expect(page).toHaveURL(new RegExp(`${path}$`));
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expect(nav.getByRole('link', { name })).toHaveAttribute('aria-current', 'page');
  }
  await page.goto('./gallery');
  await expect(page.getByRole('heading', { level: 1, name: 'Gallery' })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: SAMPLE.items[1].title.en })).toBeVisible();
  await page.goto('./books');
  await expect(page.getByText('100 books').first()).toBeVisible();
});

test('an unknown address shows a not-found page with a way home', async ({ page }) => {
  await page.goto('./no/such/page');
  await expect(page.getByRole('heading', { level: 1, name: '找不到该页面' })).toBeVisible();
  await page.getByRole('link', { name: '返回首页' }).click();
  await expect(page.getByRole('heading', { level: 1, name: SAMPLE.meta.title.zh })).toBeVisible();
});

test('a bundle with a JSON syntax error shows the error panel with its line and column', async ({ page }) => {
  const text = JSON.stringify(SAMPLE, null, 2).replace('"schema_version": 1,', '"schema_version": 1');
  await choseEnglish(page);
  await replaceBundle(page, text);
  await page.goto('./');
  const panel = page.getByRole('alert');
  await expect(panel.getByRole('heading', { name: 'The showcase cannot be shown right now' })).toBeVisible();
  await expect(panel).toContainText('The data bundle is not valid JSON');
  // The missing comma is noticed where the next member starts, on the line after schema_version.
  const line = text.split('\n').findIndex((l) => l.includes('"schema_version": 1')) + 2;
  await expect(panel).toContainText(`line ${line}, column 3`);
  await expect(panel).toContainText('expected `,` or `}`');
  await expect(panel.locator('.bundle-url')).toHaveText(/\/data\/bundle\.json$/);
});

test('a bundle that fails validation lists every error with its JSON path', async ({ page }) => {
  const broken = structuredClone(SAMPLE);
  broken.items[1].media[0].src = 'javascript:alert(1)';
  broken.units[0].location.lat = 123;
  await choseEnglish(page);
  await replaceBundle(page, broken);
  await page.goto('./');
  await switchLanguage(page);
  const panel = page.getByRole('alert');
  await expect(panel.getByRole('heading', { name: '展览内容暂时无法显示' })).toBeVisible();
  await expect(panel).toContainText('数据包未通过校验');
  await expect(panel.locator('.problem-error', { hasText: 'items[1].media[0].src' })).toContainText('行');
  await expect(panel.locator('.problem-error', { hasText: 'units[0].location.lat' })).toContainText('latitude 123');
  await expectNoAxeViolations(page);
});

test('a visitor keeps the last good content when a later bundle is broken', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1, name: SAMPLE.meta.title.zh })).toBeVisible();
  await replaceBundle(page, '{ "schema_version": 1, ');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: SAMPLE.meta.title.zh })).toBeVisible();
  const notice = page.getByRole('status').filter({ hasText: '上一次有效的内容' });
  await expect(notice).toBeVisible();
  await notice.getByText('维护人员信息').click();
  await expect(notice).toContainText('第 1 行');
  // With the last good content on show, the other pages' code is still fetched for later (offline).
  await expect.poll(() => page.evaluate(() => {
    const chunks = document.querySelector('meta[name="page-chunks"]').content.split(/\s+/).filter(Boolean);
    const prefetched = [...document.querySelectorAll('link[rel="prefetch"]')].map((l) => l.getAttribute('href'));
    return chunks.length > 0 && chunks.every((file) => prefetched.some((href) => href.endsWith(file)));
  })).toBe(true);
});

test('an unreachable bundle is retried, then explained where no page was written for the address', async ({ page }) => {
  let attempts = 0;
  await page.route('**/data/bundle.json', (route) => {
    attempts += 1;
    return route.abort('connectionrefused');
  });
  await choseEnglish(page);
  // An item added since the build has no page of its own (at an address that has one, the page stays:
  // prerendered.spec.mjs).
  await page.goto('./en/gallery/added-since-the-build');
  await expect(page.getByRole('alert')).toContainText('could not be fetched', { timeout: 15_000 });
  await expect(page.getByRole('alert')).toContainText('4 attempts');
  expect(attempts).toBe(4);
});

test('a network fault that clears is survived without the visitor noticing', async ({ page }) => {
  let attempts = 0;
  await page.route('**/data/bundle.json', (route) => {
    attempts += 1;
    return attempts < 3 ? route.abort('failed') : route.continue();
  });
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1, name: SAMPLE.meta.title.zh })).toBeVisible();
  expect(attempts).toBe(3);
});

test('the bundle downloads once, alongside the wasm rather than after it', async ({ page }) => {
  const requests = [];
  page.on('request', (r) => { if (r.url().endsWith('/data/bundle.json')) requests.push(r.url()); });
  await page.goto('./gallery');
  await expect(page.locator('.gallery-grid > li')).toHaveCount(SAMPLE.items.length);
  // The page's preload is what the app's first fetch uses: one request, not two.
  expect(requests).toHaveLength(1);
  const [bundle, wasm] = await page.evaluate(() => ['/data/bundle.json', '_bg.wasm'].map((end) => {
    const entry = performance.getEntriesByType('resource').find((e) => e.name.endsWith(end));
    return entry && { start: entry.startTime, end: entry.responseEnd };
  }));
  expect(bundle.start).toBeLessThan(wasm.end);
});

test('the home page has no accessibility violations in either language', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectNoAxeViolations(page);
  await switchLanguage(page);
  await expect(page.getByRole('heading', { level: 1, name: SAMPLE.meta.title.en })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('every text and wasm file of the build has gzip and brotli siblings with the same bytes', async () => {
  const { readdirSync, readFileSync, statSync, existsSync } = await import('node:fs');
  const { join, extname } = await import('node:path');
  const { gunzipSync, brotliDecompressSync } = await import('node:zlib');
  const dist = new URL('../../dist/', import.meta.url).pathname;
  const walk = (d) => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
  const files = walk(dist).filter((f) => ['.html', '.js', '.css', '.wasm', '.json', '.geojson', '.svg'].includes(extname(f)));
  // The main module, the chunks and loaders, the page, the bundle and the basemap are all there.
  expect(files.filter((f) => f.endsWith('.wasm')).length).toBeGreaterThan(10);
  for (const file of files.filter((f) => statSync(f).size > 1024)) {
    const bytes = readFileSync(file);
    expect(existsSync(`${file}.gz`) && existsSync(`${file}.br`), file).toBe(true);
    expect(gunzipSync(readFileSync(`${file}.gz`)).equals(bytes), `${file}.gz`).toBe(true);
    expect(brotliDecompressSync(readFileSync(`${file}.br`)).equals(bytes), `${file}.br`).toBe(true);
  }
});

test('the main module imports from its minified glue by short names and exports none of the unused stream classes', async ({ page }) => {
  const { readdirSync, readFileSync } = await import('node:fs');
  const dist = new URL('../../dist/', import.meta.url).pathname;
  const file = (re) => readdirSync(dist).find((n) => re.test(n));
  const wasm = readFileSync(`${dist}${file(/^showcase-[0-9a-f]+_bg\.wasm$/)}`);
  const glue = readFileSync(`${dist}${file(/^showcase-[0-9a-f]+\.js$/)}`, 'utf8');
  const module = new WebAssembly.Module(wasm);
  const imports = WebAssembly.Module.imports(module);
  // scripts/wasm-glue.mjs: from the glue, one module `w`, names of one or two letters (wasm-bindgen's
  // carry a hash); the rest are the split points' loaders.
  const fromGlue = imports.filter((i) => i.module !== './__wasm_split.js');
  expect(fromGlue.length).toBeGreaterThan(100);
  expect(fromGlue.filter((i) => i.module !== 'w' || !/^[A-Za-z]{1,2}$/.test(i.name))).toEqual([]);
  expect(glue).not.toMatch(/__wbg_\w+_[0-9a-f]{16}\b/);
  const exports = WebAssembly.Module.exports(module).map((e) => e.name);
  expect(exports.filter((name) => /intounderlying/i.test(name))).toEqual([]);
  expect(glue).not.toMatch(/IntoUnderlying/);
  // Minified by terser: no comment blocks, no indented lines.
  expect(glue).not.toMatch(/\/\*\*|^ {4}/m);
  // And the app starts with them (every other test says so too).
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1, name: SAMPLE.meta.title.zh })).toBeVisible();
});

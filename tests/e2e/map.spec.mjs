// The map as visitors and kiosks use it: offline outlines and markers with no request off the origin,
// the Wujiang partners grouped at country zoom, popups by keyboard, and links into the gallery.
import { test, expect, expectNoAxeViolations, replaceBundle, SAMPLE, switchLanguage } from './fixtures.mjs';

test('the basemap, markers and route render, and still do with the network cut after load (no service worker)', async ({ page, context }) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // Once idle, the page downloads Leaflet (script and stylesheet) without running it: that is for a map;
  // and the basemap and the other pages' code (the files <meta name="page-chunks"> lists).
  await page.waitForFunction(() => {
    const done = (test) => performance.getEntriesByType('resource').some((e) => test(e.name) && e.responseEnd > 0);
    const chunks = document.querySelector('meta[name="page-chunks"]').content.split(/\s+/).filter(Boolean);
    return ['.js', '.css'].every((ext) => done((n) => /\/leaflet-[0-9a-f]+\./.test(n) && n.endsWith(ext)))
      && done((n) => n.endsWith('.geojson'))
      && chunks.every((file) => done((n) => n.endsWith(`/${file}`)));
  });
  expect(await page.evaluate(() => document.querySelector('meta[name="page-chunks"]').content.trim())).not.toBe('');
  expect(await page.evaluate(() => typeof window.L)).toBe('undefined');
  await context.setOffline(true);
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '地图' }).click();
  const map = page.getByRole('region', { name: '地图：各单位的位置与路线' });
  await expect(map).toBeVisible();
  // 34 provinces and the South China Sea islands inset, drawn as vector paths.
  await expect.poll(() => map.locator('path').count()).toBeGreaterThan(30);
  // At country zoom the three Wujiang partners are one marker with their count, plus the school.
  await expect(map.locator('.unit-marker')).toHaveCount(2);
  await expect(map.locator('.unit-marker-group')).toContainText('3');
  await expect(map.locator('.route-label')).toContainText('约 1,175 公里');
  await expect(map.getByRole('button', { name: '放大' })).toBeVisible();
  await context.setOffline(false);
});

test('markers and route are drawn once: a basemap that comes later goes under them', async ({ page }) => {
  // The basemap is held back until the markers are up, as on a slow link (it is the largest download).
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(/\.geojson$/, async (route) => { await held; await route.continue(); });
  await page.goto('./map');
  const map = page.locator('.map');
  await expect(map.locator('.route-label')).toBeVisible();
  const label = await map.locator('.route-label').elementHandle();
  const marker = await map.locator('.unit-marker-recipient').elementHandle();
  expect(await map.locator('.leaflet-outlines-pane path').count()).toBe(0);
  release();
  await expect.poll(() => map.locator('.leaflet-outlines-pane path').count()).toBeGreaterThan(30);
  // The same elements: not removed and drawn again (a redraw flickers, and is a new paint to wait for).
  expect(await label.evaluate((e) => e.isConnected)).toBe(true);
  expect(await marker.evaluate((e) => e.isConnected)).toBe(true);
  // The outlines' pane is under the routes' and the markers'.
  const z = (pane) => map.locator(`.leaflet-${pane}-pane`).evaluate((e) => Number(getComputedStyle(e).zIndex));
  expect(await z('outlines')).toBeLessThan(await z('overlay'));
  expect(await z('overlay')).toBeLessThan(await z('marker'));
});

test('a visit that starts on the map draws its markers before it asks for the basemap', async ({ page }) => {
  // Leaflet is held back; were the basemap asked for before the map is drawn (the page's first render),
  // no marker could be there yet.
  let releaseLeaflet;
  const leafletHeld = new Promise((resolve) => { releaseLeaflet = resolve; });
  await page.route(/\/leaflet-[0-9a-f]+\.js$/, async (route) => { await leafletHeld; await route.continue(); });
  let markersWhenAsked;
  await page.route(/\.geojson$/, async (route) => {
    markersWhenAsked ??= await page.locator('.map .unit-marker').count();
    await route.continue();
  });
  await page.goto('./map');
  const map = page.getByRole('region', { name: '地图：各单位的位置与路线' });
  await expect(map).toBeVisible();
  // Time for a request the page's first render would make to reach the route above.
  await page.waitForTimeout(300);
  releaseLeaflet();
  await expect(map.locator('.route-label')).toBeVisible();
  await expect.poll(() => map.locator('.leaflet-outlines-pane path').count()).toBeGreaterThan(30);
  expect(markersWhenAsked).toBe(2);
});

test('opening the group zooms in until the three partners stand apart', async ({ page }) => {
  await page.goto('./map');
  const map = page.locator('.map');
  await map.locator('.unit-marker-group').click();
  await expect(map.locator('.unit-marker-partner')).toHaveCount(3);
  await expect(map.locator('.unit-marker-group')).toHaveCount(0);
});

test('a marker opens its popup from the keyboard, and its link opens the filtered gallery', async ({ page }) => {
  await page.goto('./map');
  await switchLanguage(page);
  await expect(page.locator('.map').getByRole('button', { name: 'Zoom in' })).toBeVisible();
  const school = page.locator('.unit-marker-recipient');
  await school.focus();
  await expect(school).toBeFocused();
  await page.keyboard.press('Enter');
  const popup = page.locator('.leaflet-popup');
  await expect(popup.getByRole('heading', { name: SAMPLE.units[3].name.en })).toBeVisible();
  await popup.getByRole('link', { name: 'See its items in the gallery' }).click();
  await expect(page).toHaveURL(/\/gallery\?recipient=zhutian-primary$/);
  await expect(page.locator('.gallery-grid > li')).toHaveCount(1);
});

test('the map page has no accessibility violations, with a popup open', async ({ page }) => {
  await page.goto('./map');
  await expect(page.locator('.unit-marker')).toHaveCount(2);
  await expectNoAxeViolations(page);
  await page.locator('.unit-marker-recipient').click();
  await expect(page.locator('.leaflet-popup')).toBeVisible();
  // Let the popup's fade-in finish, so colours are measured as a person sees them.
  await expect.poll(() => page.locator('.leaflet-popup').evaluate((e) => getComputedStyle(e).opacity)).toBe('1');
  await expectNoAxeViolations(page);
});

test('the map follows its container when the window changes size', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('./map');
  await expect(page.locator('.unit-marker')).toHaveCount(2);
  await page.setViewportSize({ width: 390, height: 844 });
  const size = await page.locator('.map').boundingBox();
  // Leaflet's own size (its panes are laid out for it) matches the container after the resize.
  await expect.poll(() => page.evaluate(() => document.querySelector('.leaflet-container').clientWidth)).toBe(Math.round(size.width) - 2);
  const marker = await page.locator('.unit-marker-recipient').boundingBox();
  expect(marker.x).toBeGreaterThan(size.x - 1);
  expect(marker.x + marker.width).toBeLessThan(size.x + size.width + 1);
});

test('the route label covers no marker and stays inside the map, on a phone, a desktop and a kiosk, in both languages', async ({ page }) => {
  const overlap = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  // The language is kept across visits: Chinese first, then English (the longer label).
  for (const lang of ['zh', 'en']) {
    for (const [width, height] of [[390, 844], [1366, 768], [1920, 1080]]) {
      await page.setViewportSize({ width, height });
      await page.goto('./map');
      if (lang === 'en' && width === 390) await switchLanguage(page);
      const map = page.locator('.map');
      await expect(map.locator('.route-label')).toContainText(lang === 'en' ? '1,175 km' : '1,175 公里');
      await expect(map.locator('.unit-marker')).toHaveCount(2);
      const label = await map.locator('.route-label').boundingBox();
      const box = await map.boundingBox();
      for (const marker of await map.locator('.unit-marker').all()) {
        const m = await marker.boundingBox();
        expect(overlap(label, m), `${width}×${height} ${lang}: label ${JSON.stringify(label)} covers marker ${JSON.stringify(m)}`).toBe(false);
      }
      expect(label.x).toBeGreaterThanOrEqual(box.x);
      expect(label.y).toBeGreaterThanOrEqual(box.y);
      expect(label.x + label.width).toBeLessThanOrEqual(box.x + box.width);
      expect(label.y + label.height).toBeLessThanOrEqual(box.y + box.height);
    }
  }
  // Zoomed out, the route is too short on screen for its label beside the markers: it is not drawn
  // (it shows while the route is pointed at); zoomed in again, it is back.
  const map = page.locator('.map');
  await map.getByRole('button', { name: 'Zoom out' }).click();
  await expect(map.locator('.route-label')).toHaveCount(0);
  await expect(map.locator('.route-line')).toHaveCount(1);
  await map.getByRole('button', { name: 'Zoom in' }).click();
  await expect(map.locator('.route-label')).toBeVisible();
});

const LEAFLET_JS = /\/leaflet-[0-9a-f]+\.js$/;

test('a first request for Leaflet that fails is tried again, and the map appears', async ({ page }) => {
  // A visit that starts on the map preloads Leaflet before the app asks for it (index.html): that
  // request fails too, so that it is the app's own first attempt that is lost, whichever comes first.
  let appAsked = false;
  let refused = 0;
  await page.route(LEAFLET_JS, async (route) => {
    if (appAsked) return route.continue();
    appAsked = await page.evaluate(() => document.querySelector('script[data-from="leaflet-js"]') !== null).catch(() => false);
    refused += 1;
    return route.abort();
  });
  await page.goto('./map');
  const map = page.getByRole('region', { name: '地图：各单位的位置与路线' });
  await expect(map.locator('.unit-marker')).toHaveCount(2);
  await expect.poll(() => map.locator('.leaflet-outlines-pane path').count()).toBeGreaterThan(30);
  expect(refused).toBeGreaterThan(0);
  expect(appAsked).toBe(true);
  // The failed attempt's element went with it: one script, the one that ran.
  expect(await page.locator('script[data-from="leaflet-js"]').count()).toBe(1);
  expect(await page.evaluate(() => typeof window.L)).toBe('object');
  await expect(map.getByRole('status')).toHaveText('');
  await expect(map.locator('.map-unavailable')).toBeHidden();
});

test('while Leaflet cannot be loaded the map\'s place says so, and "try again" brings the map once it can', async ({ page }) => {
  let letThrough = false;
  await page.route(LEAFLET_JS, (route) => (letThrough ? route.continue() : route.abort()));
  await page.goto('./map');
  const map = page.getByRole('region', { name: '地图：各单位的位置与路线' });
  const notice = map.getByRole('status');
  await expect(notice).toHaveText('地图未能加载，请检查网络连接。');
  const again = map.getByRole('button', { name: '再试一次' });
  await expect(again).toBeVisible();
  expect((await again.boundingBox()).height).toBeGreaterThanOrEqual(48);
  // The places are still listed under it.
  await expect(page.locator('.places > li')).toHaveCount(SAMPLE.units.length);
  await expect(map.locator('.unit-marker')).toHaveCount(0);
  await expectNoAxeViolations(page);
  letThrough = true;
  await again.focus();
  await page.keyboard.press('Enter');
  await expect(map.locator('.unit-marker')).toHaveCount(2);
  await expect.poll(() => map.locator('.leaflet-outlines-pane path').count()).toBeGreaterThan(30);
  await expect(notice).toHaveText('');
  await expect(again).toBeHidden();
  // The focus the button had is on the map now, not back at the page's start.
  expect(await page.evaluate(() => document.activeElement.classList.contains('map'))).toBe(true);
});

test('the site\'s own outlines are credited as such, in plain text, without Leaflet\'s flag', async ({ page }) => {
  await page.goto('./map');
  const map = page.locator('.map');
  await expect.poll(() => map.locator('.leaflet-outlines-pane path').count()).toBeGreaterThan(30);
  const attribution = map.locator('.leaflet-control-attribution');
  await expect(attribution).toHaveText('Leaflet | 省界轮廓：Apache ECharts');
  await expect(attribution.locator('svg, img, a')).toHaveCount(0);
  // The only line drawn is the bundle's route: no ring joins the partner units.
  await expect(map.locator('.leaflet-overlay-pane path')).toHaveCount(SAMPLE.map.routes.length);
});

test('a bundle that wants no outlines gets none, and one with its own file gets that file and its credit', async ({ page }) => {
  const geojsonAsked = [];
  page.on('request', (r) => { if (/\.geojson$/.test(r.url())) geojsonAsked.push(new URL(r.url()).pathname); });
  const none = structuredClone(SAMPLE);
  none.map.basemap = false;
  await replaceBundle(page, none);
  await page.goto('./map');
  const map = page.locator('.map');
  await expect(map.locator('.unit-marker')).toHaveCount(2);
  await page.waitForLoadState('networkidle');
  expect(geojsonAsked).toEqual([]);
  expect(await map.locator('.leaflet-outlines-pane path').count()).toBe(0);
  await expect(map.locator('.leaflet-control-attribution')).toHaveText('Leaflet');

  await page.unrouteAll({ behavior: 'ignoreErrors' });
  const own = structuredClone(SAMPLE);
  own.map.basemap = 'data/own-outlines.geojson';
  own.map.basemap_credit = { zh: '<b>自制</b>轮廓', en: '<b>Own</b> outlines' };
  await replaceBundle(page, own);
  const square = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[100, 25], [120, 25], [120, 35], [100, 35], [100, 25]]] } }] };
  await page.route('**/data/own-outlines.geojson', (route) => route.fulfill({ contentType: 'application/geo+json', body: JSON.stringify(square) }));
  await page.goto('./map');
  await expect(map.locator('.leaflet-outlines-pane path')).toHaveCount(1);
  expect(geojsonAsked).toEqual(['/data/own-outlines.geojson']);
  // The bundle's words, as text: nothing of them becomes markup.
  await expect(map.locator('.leaflet-control-attribution')).toHaveText('Leaflet | <b>自制</b>轮廓');
  await expect(map.locator('.leaflet-control-attribution b')).toHaveCount(0);
});

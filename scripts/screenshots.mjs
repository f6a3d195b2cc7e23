// Screenshots of the built site (dist/) as people see it: phone, desktop and kiosk sizes, for the home
// page, the gallery, an item, the lightbox, the story, the books, a unit and the error panel; and the
// kiosk's item page, countdown, attract loop, maintenance overlay, keyboard, usage counts and sleep screen. Writes docs/screenshots/<page>-<width>x<height>.png.
import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync } from 'node:fs';
import { serve } from '../tests/e2e/server.mjs';

const SIZES = [[390, 844], [1366, 768], [1920, 1080]];
const PORT = 4199;
const out = new URL('../docs/screenshots/', import.meta.url).pathname;
mkdirSync(out, { recursive: true });

const sample = JSON.parse(readFileSync(new URL('../public/data/bundle.json', import.meta.url), 'utf8'));
const broken = structuredClone(sample);
broken.items[1].media[0].src = 'javascript:alert(1)';
broken.units[0].location.lat = 123;
delete broken.items[2].title.en;

const server = await serve({ root: 'dist', port: PORT });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
try {
  for (const [width, height] of SIZES) {
    // No service worker: it would fetch the bundle itself, past the page's route for the broken one.
    // The phone as a phone: touch, and overlay scrollbars that take no room (headless Chromium's hidden
    // scrollbars still keep the room `scrollbar-gutter` asks for, which a phone does not).
    const phone = width < 600 ? { isMobile: true, hasTouch: true } : {};
    const context = await browser.newContext({ viewport: { width, height }, locale: 'zh-CN', serviceWorkers: 'block', ...phone });
    const page = await context.newPage();
    const shots = [
      ['home', '/', null],
      ['gallery', '/gallery', null],
      ['item', '/gallery/student-paintings', null],
      ['lightbox', '/gallery?view=red-ship', null],
      ['map', '/map', null],
      ['story', '/story', null],
      ['books', '/books', null],
      ['unit', '/units/southeast-elevator', null],
      ['error', '/', broken],
    ];
    for (const [name, path, bundle] of shots) {
      await page.unrouteAll();
      if (bundle) {
        await page.route('**/data/bundle.json', (r) => r.fulfill({ contentType: 'application/json', body: JSON.stringify(bundle, null, 2) }));
        await page.evaluate(() => localStorage.clear()).catch(() => {});
      }
      await page.goto(`http://127.0.0.1:${PORT}${path}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      if (bundle) await page.locator('.problems').waitFor();
      await page.waitForLoadState('networkidle');
      const file = `${out}${name}-${width}x${height}.png`;
      await page.screenshot({ path: file });
      console.log('wrote', file);
    }
    await context.close();
  }
  // The kiosk at its touch screen's size: an item with its QR code, the countdown, the attract loop,
  // the maintenance overlay (Playwright's clock stands in for the idle minutes).
  const kiosk = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN', hasTouch: true, serviceWorkers: 'block' });
  const page = await kiosk.newPage();
  await page.clock.install();
  await page.goto(`http://127.0.0.1:${PORT}/gallery/red-ship?kiosk`);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.waitForLoadState('networkidle');
  const shot = async (name) => {
    const file = `${out}${name}-1920x1080.png`;
    await page.screenshot({ path: file });
    console.log('wrote', file);
  };
  await shot('kiosk-item');
  await page.clock.fastForward(61_000);
  await page.getByRole('alertdialog').waitFor();
  await shot('kiosk-countdown');
  await page.clock.fastForward(10_000);
  await page.clock.fastForward(120_000);
  await page.locator('.attract .current img').waitFor();
  await page.waitForTimeout(1_000);
  await shot('kiosk-attract');
  await page.touchscreen.tap(960, 540);
  await page.keyboard.press('Control+Alt+M');
  await page.getByRole('dialog').waitFor();
  await page.waitForTimeout(500);
  await shot('kiosk-maintenance');
  await kiosk.close();
  await keyboardAndCounts();
  await sleepScreen();
  await editor();
  await otherEvent();
} finally {
  await browser.close();
  server.close();
}

/** The kiosk's on-screen keyboard finding an item by pinyin initials, portrait and landscape; then the
 *  usage counts of that visit in the maintenance overlay. */
async function keyboardAndCounts() {
  for (const [width, height] of [[1080, 1920], [1920, 1080]]) {
    const context = await browser.newContext({ viewport: { width, height }, locale: 'zh-CN', hasTouch: true, serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.clock.install();
    await page.goto(`http://127.0.0.1:${PORT}/gallery?kiosk`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.waitForLoadState('networkidle');
    await page.locator('#gallery-search').tap();
    const keyboard = page.locator('.osk');
    for (const key of 'hc') await keyboard.getByRole('button', { name: key, exact: true }).tap();
    await page.locator('.gallery-grid .card-title').first().waitFor();
    await page.waitForTimeout(800);
    const file = `${out}kiosk-keyboard-${width}x${height}.png`;
    await page.screenshot({ path: file });
    console.log('wrote', file);
    if (width === 1920) {
      await page.clock.fastForward(400);
      await page.locator('.gallery-grid .card-title a').first().tap();
      await page.clock.fastForward(20_000);
      await page.getByRole('link', { name: '赠礼展厅' }).first().tap();
      await page.locator('#gallery-search').tap();
      for (const key of 'xyz') await keyboard.getByRole('button', { name: key, exact: true }).tap();
      await page.clock.fastForward(400);
      await page.clock.fastForward(85_000);
      await page.keyboard.press('Control+Alt+M');
      await page.locator('.usage').scrollIntoViewIfNeeded();
      await page.waitForTimeout(500);
      const usage = `${out}kiosk-usage-1920x1080.png`;
      await page.screenshot({ path: usage });
      console.log('wrote', usage);
    }
    await context.close();
  }
}

/** The kiosk's sleep screen (opening hours in the bundle, the clock after closing time), landscape and
 *  portrait. */
async function sleepScreen() {
  const closed = structuredClone(sample);
  closed.kiosk.hours = { open: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '17:00' }] };
  for (const [width, height] of [[1920, 1080], [1080, 1920]]) {
    const context = await browser.newContext({ viewport: { width, height }, locale: 'zh-CN', hasTouch: true, serviceWorkers: 'block', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    await page.route('**/data/bundle.json', (r) => r.fulfill({ contentType: 'application/json', body: JSON.stringify(closed) }));
    await page.clock.install({ time: new Date('2026-12-02T21:30:00+08:00') });
    await page.goto(`http://127.0.0.1:${PORT}/?kiosk`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.clock.fastForward(61_000);
    await page.locator('.sleep-clock').waitFor();
    await page.waitForTimeout(500);
    const file = `${out}kiosk-sleep-${width}x${height}.png`;
    await page.screenshot({ path: file });
    console.log('wrote', file);
    await context.close();
  }
}

/** The site built for the second event of the tests (dist-other/, `make build`): every page at phone,
 *  desktop and kiosk sizes (landscape, portrait and a 1280×800 tablet), into docs/screenshots/other-event/. */
async function otherEvent() {
  const other = JSON.parse(readFileSync(new URL('../tests/fixtures/other-event/data/bundle.json', import.meta.url), 'utf8'));
  const dir = `${out}other-event/`;
  mkdirSync(dir, { recursive: true });
  const otherServer = await serve({ root: 'dist-other', port: PORT + 1 });
  const item = other.items.find((i) => i.kind === 'artwork').id;
  const pages = [['home', '/'], ['gallery', '/gallery'], ['item', `/gallery/${item}`], ['map', '/map'], ['story', '/story'],
    ['books', '/books'], ['unit', `/units/${other.units[0].id}`]];
  try {
    for (const [width, height, kiosk] of [[390, 844, false], [1366, 768, false], [1920, 1080, true], [1080, 1920, true], [1280, 800, true]]) {
      const phone = width < 600 ? { isMobile: true, hasTouch: true } : {};
      const context = await browser.newContext({ viewport: { width, height }, serviceWorkers: 'block', hasTouch: kiosk, ...phone });
      const page = await context.newPage();
      for (const [name, path] of pages) {
        await page.goto(`http://127.0.0.1:${PORT + 1}${path}${kiosk ? '?kiosk' : ''}`);
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        await page.waitForLoadState('networkidle');
        const file = `${dir}${kiosk ? 'kiosk-' : ''}${name}-${width}x${height}.png`;
        await page.screenshot({ path: file });
        console.log('wrote', file);
      }
      await context.close();
    }
  } finally {
    otherServer.close();
  }
}

/** The maintainers' editor (edit/): an item's form, the problems of a new one and a unit's position on
 *  its map, at phone and desktop sizes, into docs/screenshots/editor-<what>-<width>x<height>.png. With
 *  its service worker, as a maintainer has it: the toolbar offers the preview. */
async function editor() {
  for (const [width, height] of [[390, 844], [1366, 768]]) {
    const phone = width < 600 ? { isMobile: true, hasTouch: true } : {};
    const context = await browser.newContext({ viewport: { width, height }, serviceWorkers: 'allow', ...phone });
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${PORT}/edit/`);
    await page.getByRole('button', { name: /Open this site's content/ }).click();
    await page.getByRole('link', { name: /Preview the site/ }).waitFor();
    await page.getByRole('button', { name: /展品 Items/ }).click();
    await page.locator('.entries .entry-name').nth(1).click();
    await page.waitForLoadState('networkidle');
    let file = `${out}editor-item-${width}x${height}.png`;
    await page.screenshot({ path: file });
    console.log('wrote', file);
    await page.locator('.entries > button').click();
    await page.locator(`[id="field:items[${sample.items.length}].title.en"]`).fill('A new gift');
    await page.locator('aside.problems h2').evaluate((h) => h.scrollIntoView({ block: 'start' }));
    await page.waitForTimeout(400);
    file = `${out}editor-problems-${width}x${height}.png`;
    await page.screenshot({ path: file });
    console.log('wrote', file);
    await page.getByRole('navigation', { name: /Sections/ }).getByRole('button', { name: /Units/ }).click();
    await page.locator('.entries .entry-name').nth(0).click();
    await page.locator('svg.map').evaluate((m) => m.closest('fieldset').scrollIntoView({ block: 'start' }));
    await page.waitForTimeout(400);
    file = `${out}editor-unit-map-${width}x${height}.png`;
    await page.screenshot({ path: file });
    console.log('wrote', file);
    await context.close();
  }
}

// Kiosk mode as the community centre's touch screen runs it, with Playwright's fake clock standing in
// for the hours: idle → countdown → home (filters and language reset) → attract loop → a touch back;
// the kiosk's chrome (no cursor, no context menu, 48 px targets, Home/Back, links out as QR codes); live
// refresh of the bundle and of the app; the maintenance overlay.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { test, expect, expectNoAxeViolations, SAMPLE } from './fixtures.mjs';

test.use({ hasTouch: true, viewport: { width: 1280, height: 800 } });

const IDLE = 60_000;
const COUNTDOWN = 10_000;
const ATTRACT_AFTER = 120_000;
const REFRESH = 300_000;

/** Serves the bundle from `state.body` with an ETag, answering If-None-Match with 304 like a real host. */
async function serveBundle(page, state) {
  await page.route('**/data/bundle.json', async (route) => {
    const etag = `"${createHash('sha1').update(state.body).digest('hex')}"`;
    if (route.request().headers()['if-none-match'] === etag) {
      await route.fulfill({ status: 304, headers: { etag } });
    } else {
      await route.fulfill({ status: 200, contentType: 'application/json', headers: { etag }, body: state.body });
    }
  });
}

async function startKiosk(page, path = './?kiosk') {
  await page.clock.install();
  await page.goto(path);
  await expect(page.getByRole('navigation', { name: /信息亭导航|Kiosk navigation/ })).toBeVisible();
}

/** Advances the fake clock in steps until `check` passes (async work such as fetches runs between). */
async function advanceUntil(page, check, step = 1_000, limit = 60) {
  for (let i = 0; i < limit; i += 1) {
    try {
      await check();
      return;
    } catch {
      await page.clock.fastForward(step);
    }
  }
  await check();
}

test('idle, countdown, home with filters and language reset, attract loop, touch back', async ({ page }) => {
  await startKiosk(page, './gallery?kind=artwork&kiosk');
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page).toHaveURL(/kind=artwork/);

  await page.clock.fastForward(IDLE - 2_000);
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await page.clock.fastForward(2_000);
  const countdown = page.getByRole('alertdialog', { name: 'Still there?' });
  await expect(countdown).toBeVisible();
  await expect(countdown).toContainText('Returning to the home page in 10 s');
  await page.clock.fastForward(3_000);
  await expect(countdown).toContainText('in 7 s');
  await expect(countdown).toBeFocused();

  await page.clock.fastForward(COUNTDOWN - 3_000);
  await expect(countdown).toHaveCount(0);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('heading', { level: 1, name: SAMPLE.meta.title.zh })).toBeVisible();

  await page.clock.fastForward(ATTRACT_AFTER);
  const attract = page.getByRole('dialog', { name: '展览精选' });
  await expect(attract).toBeVisible();
  const featured = SAMPLE.items.filter((i) => i.featured);
  // Captions in both languages, and the slides move on.
  await expect(attract.locator('.current .attract-title')).toHaveText(featured[0].title.zh);
  await expect(attract.locator('.current .attract-title-en')).toHaveText(featured[0].title.en);
  await expect(attract.getByText('Touch to explore')).toBeVisible();
  await page.clock.fastForward(8_000);
  await expect(attract.locator('.current .attract-title-en')).toHaveText(featured[1].title.en);
  await expectNoAxeViolations(page);

  // A touch returns to the home page, and does not reach what is under the slideshow.
  await page.touchscreen.tap(640, 400);
  await expect(attract).toHaveCount(0);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { level: 1, name: SAMPLE.meta.title.zh })).toBeVisible();
  // And the cycle starts again from that touch.
  await page.clock.fastForward(IDLE + ATTRACT_AFTER - 1_000);
  await expect(attract).toHaveCount(0);
  await page.clock.fastForward(1_000);
  await expect(attract).toBeVisible();
});

test('a touch during the countdown keeps the visitor where they were', async ({ page }) => {
  await startKiosk(page, `./gallery/${SAMPLE.items[1].id}?kiosk`);
  await page.clock.fastForward(IDLE + 4_000);
  const countdown = page.getByRole('alertdialog');
  await expect(countdown).toBeVisible();
  await expectNoAxeViolations(page);
  await page.touchscreen.tap(20, 700);
  await expect(countdown).toHaveCount(0);
  await page.clock.fastForward(COUNTDOWN);
  await expect(page).toHaveURL(new RegExp(`/gallery/${SAMPLE.items[1].id}`));
});

test('kiosk chrome: no cursor, no context menu, no page zoom, 48 px targets, Home and Back', async ({ page }) => {
  await startKiosk(page);
  const style = await page.evaluate(() => {
    const s = getComputedStyle(document.body);
    const event = new MouseEvent('contextmenu', { bubbles: true, cancelable: true });
    document.body.dispatchEvent(event);
    return {
      cursor: s.cursor,
      select: s.userSelect,
      menuBlocked: event.defaultPrevented,
      touchAction: getComputedStyle(document.documentElement).touchAction,
    };
  });
  expect(style).toEqual({
    cursor: 'none',
    select: 'none',
    menuBlocked: true,
    // Pan, but no pinch-zoom of the page.
    touchAction: 'pan-x pan-y',
  });

  const back = page.getByRole('button', { name: '返回' });
  await expect(back).toBeDisabled();
  for (const path of ['./', './gallery', `./gallery/${SAMPLE.items[0].id}`, './story', './books', `./units/${SAMPLE.units[0].id}`, './map']) {
    await page.goto(path);
    await expect(page.locator('main h1').first()).toBeVisible();
    const small = await page.evaluate(() =>
      [...document.querySelectorAll('a[href], button, select, input, summary, [role=button], [tabindex="0"]')]
        .filter((el) => el.getClientRects().length && getComputedStyle(el).visibility !== 'hidden')
        .filter((el) => !el.closest('.skip-link'))
        .map((el) => ({ el: `${el.tagName.toLowerCase()} ${(el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 30)}`, r: el.getBoundingClientRect() }))
        .filter(({ r }) => r.width < 47.5 || r.height < 47.5)
        .map(({ el, r }) => `${el} ${Math.round(r.width)}×${Math.round(r.height)}`),
    );
    expect(small, `targets under 48 px on ${path}`).toEqual([]);
  }

  // Taps act on release: a press alone does nothing.
  await page.goto('./?kiosk');
  const galleryLink = page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '赠礼展厅' });
  const box = await galleryLink.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.waitForTimeout(300);
  await expect(page).toHaveURL(/\/\?kiosk$/);
  await page.mouse.up();
  await expect(page).toHaveURL(/\/gallery$/);
  // The first touch also took the page full screen.
  await expect.poll(() => page.evaluate(() => document.fullscreenElement?.tagName ?? null)).toBe('HTML');

  // On-screen Back and Home, and Back never leaves the app.
  await expect(back).toBeEnabled();
  await page.getByRole('link', { name: SAMPLE.items[0].title.zh }).first().click();
  await expect(page).toHaveURL(new RegExp(`/gallery/${SAMPLE.items[0].id}$`));
  await back.click();
  await expect(page).toHaveURL(/\/gallery$/);
  await back.click();
  await expect(page).toHaveURL(/\/\?kiosk$/);
  await expect(back).toBeDisabled();
  await page.getByRole('link', { name: '赠礼展厅' }).first().click();
  await page.getByRole('button', { name: '首页' }).click();
  await expect(page).toHaveURL(/\/$/);
});

test('an item page hands off its public address as a QR code; links out become QR codes', async ({ page }) => {
  const bundle = structuredClone(SAMPLE);
  bundle.meta.base_url = 'https://showcase.example.org/wujiang';
  bundle.meta.sources[0].url = 'https://www.example.com/report';
  await serveBundle(page, { body: JSON.stringify(bundle) });
  await startKiosk(page, `./gallery/${SAMPLE.items[1].id}?kiosk`);
  const handOff = page.getByRole('complementary', { name: '用手机带走这一页' });
  const url = `https://showcase.example.org/wujiang/gallery/${SAMPLE.items[1].id}`;
  await expect(handOff.getByRole('img', { name: `二维码：${url}` })).toBeVisible();
  await expect(handOff).toContainText(url);
  // The code itself is drawn in the page: a path of dark modules inside a quiet zone.
  const d = await handOff.locator('svg path').getAttribute('d');
  expect(d).toMatch(/^M\d+ \d+h\d+v1h-\d+z/);

  await page.goto('./');
  const source = page.getByRole('link', { name: SAMPLE.meta.sources[0].title.zh });
  await source.click();
  const dialog = page.getByRole('dialog', { name: '此链接通往展览之外' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('img', { name: '二维码：https://www.example.com/report' })).toBeVisible();
  await expect(page).toHaveURL(/127\.0\.0\.1/);
  await expectNoAxeViolations(page);
  await dialog.getByRole('button', { name: '关闭' }).click();
  await expect(dialog).toBeHidden();

  // A file of the site that is not a page (the router leaves it to the browser) would leave the app
  // too: it becomes a QR code as well, at the site's public address (not the kiosk's own, which a phone
  // may not reach), and the kiosk stays on its page.
  await page.evaluate(() => {
    const a = Object.assign(document.createElement('a'), { href: 'data/bundle.json?v=1#top', textContent: 'file', id: 'file-link' });
    document.querySelector('main').append(a);
  });
  await page.locator('#file-link').click();
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('img', { name: '二维码：https://showcase.example.org/wujiang/data/bundle.json?v=1#top' })).toBeVisible();
  await expect(page).not.toHaveURL(/bundle\.json/);
});

test('a new bundle appears at the next idle moment without a reload; a broken one is ignored', async ({ page }) => {
  const state = { body: JSON.stringify(SAMPLE) };
  await serveBundle(page, state);
  await startKiosk(page);
  await page.evaluate(() => { window.__sameDocument = true; });
  const title = page.getByRole('heading', { level: 1 });
  await expect(title).toHaveText(SAMPLE.meta.title.zh);

  // Each check's outcome, as the kiosk logs it. The test waits for outcomes, not for requests: how many
  // requests the first load makes (the preload taken by the app's fetch, or not) is not this test's.
  const checks = [];
  page.on('console', (m) => { if (m.text().includes('kiosk: checked for updates')) checks.push(m.text()); });
  const checked = (n, outcome) => expect.poll(() => checks.length >= n && checks[n - 1].includes(outcome)
    ? true : checks.join(' | '), { timeout: 15_000 }).toBe(true);

  // First check: nothing new (answered 304).
  await page.clock.fastForward(REFRESH);
  await checked(1, 'unchanged');

  // A broken bundle on the server: ignored, the good one stays. That check is over (its diagnostics chunk
  // loaded) before the server's bundle changes again.
  state.body = JSON.stringify(SAMPLE).replace('"items"', '"itemz"');
  await page.clock.fastForward(REFRESH);
  await checked(2, 'invalid bundle');
  await page.clock.fastForward(5_000);
  await expect(title).toHaveText(SAMPLE.meta.title.zh);

  // A good new bundle: swapped in while the kiosk is idle, in the same document.
  const next = structuredClone(SAMPLE);
  next.meta.title.zh = '党建聚合力 共建谱新篇（更新）';
  next.meta.updated = '2026-11-20';
  state.body = JSON.stringify(next);
  await page.clock.fastForward(REFRESH);
  await advanceUntil(page, async () => expect(title).toHaveText(next.meta.title.zh, { timeout: 500 }));
  expect(await page.evaluate(() => window.__sameDocument)).toBe(true);
  await checked(3, 'new bundle');

  // The maintenance overlay (a 5-second press in the top-left corner) shows the bundle and the checks.
  await page.mouse.move(10, 10);
  await page.mouse.down();
  await page.clock.fastForward(5_000);
  await page.mouse.up();
  const overlay = page.getByRole('dialog', { name: '维护信息' });
  await expect(overlay).toBeVisible();
  await expect(overlay.locator('.m-date')).toHaveText('2026-11-20');
  const sha = createHash('sha256').update(state.body).digest('hex');
  await expect(overlay.locator('.m-hash')).toHaveText(sha);
  await expect(overlay.locator('.m-last-check')).toContainText('发现新数据');
  await expect(overlay.locator('.m-network')).toHaveText('在线');
  // No service worker in this test: the caches row says so rather than staying empty.
  await expect(overlay.locator('.m-caches')).toHaveText('无（没有离线缓存）');
  await expect(overlay.locator('.m-app')).toContainText('_bg.wasm');
  // A row that wraps wraps between words: no number is split over two lines ("每 3 / 00 秒"). Only a
  // hash, too long for the row, may break anywhere: the bundle's, the ETag, and the build's and the
  // wasm file's names. (A time written as one ISO token broke inside "48" once: times have spaces.)
  const split = await overlay.evaluate((panel) => {
    const found = [];
    for (const dd of panel.querySelectorAll('dd:not(:has(.m-hash, .m-etag, .m-app, .m-build))')) {
      const walker = document.createTreeWalker(dd, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const m of node.data.matchAll(/\d{2,}/g)) {
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
          if (lines.size > 1) found.push(m[0]);
        }
      }
    }
    return found;
  });
  expect(split).toEqual([]);
  await expectNoAxeViolations(page);
});

test('every kiosk overlay is a modal dialog: focus moves in, Tab stays inside, Escape gives it back', async ({ page }) => {
  const bundle = structuredClone(SAMPLE);
  bundle.meta.sources[0].url = 'https://www.example.com/report';
  await serveBundle(page, { body: JSON.stringify(bundle) });
  await startKiosk(page);
  /** The element with focus: its tag, and the dialog it is in (or none). */
  const focused = () => page.evaluate(() => {
    const el = document.activeElement;
    return { tag: el?.tagName.toLowerCase(), dialog: el?.closest('dialog')?.getAttribute('aria-labelledby') ?? el?.closest('dialog')?.getAttribute('aria-label') ?? null };
  });

  // A link out, opened from the keyboard: its QR code's dialog takes focus and keeps it.
  const source = page.getByRole('link', { name: SAMPLE.meta.sources[0].title.zh });
  await source.focus();
  await page.keyboard.press('Enter');
  const qr = page.getByRole('dialog', { name: '此链接通往展览之外' });
  await expect(qr).toBeVisible();
  await expect(qr).toBeFocused();
  for (let n = 0; n < 4; n += 1) {
    await page.keyboard.press(n % 2 ? 'Shift+Tab' : 'Tab');
    expect((await focused()).dialog).toBe('qr-dialog-title');
  }
  await page.keyboard.press('Escape');
  await expect(qr).toBeHidden();
  await expect(source).toBeFocused();

  // The maintenance panel, the same way.
  await page.keyboard.press('Control+Alt+m');
  const panel = page.getByRole('dialog', { name: '维护信息' });
  await expect(panel).toBeVisible();
  await expect(panel).toBeFocused();
  for (let n = 0; n < 6; n += 1) {
    await page.keyboard.press('Tab');
    expect((await focused()).dialog).toBe('maintenance-title');
  }
  await page.keyboard.press('Shift+Tab');
  expect((await focused()).dialog).toBe('maintenance-title');
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(source).toBeFocused();

  // The attract loop (the home page at rest) takes focus too; a key ends it and gives focus back.
  await page.clock.fastForward(IDLE + ATTRACT_AFTER);
  const attract = page.getByRole('dialog', { name: '展览精选' });
  await expect(attract).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(attract).toHaveCount(0);
  await expect(source).toBeFocused();
});

test('the maintenance overlay reports a broken new bundle', async ({ page }) => {
  const state = { body: JSON.stringify(SAMPLE) };
  await serveBundle(page, state);
  await startKiosk(page);
  state.body = '{ "schema_version": 1, ';
  await page.clock.fastForward(REFRESH);
  await page.keyboard.press('Control+Alt+M');
  const overlay = page.getByRole('dialog', { name: '维护信息' });
  await expect(overlay).toBeVisible();
  await advanceUntil(page, async () => expect(overlay.locator('.m-last-check')).toContainText('新数据有误，已忽略', { timeout: 500 }));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(SAMPLE.meta.title.zh);
});

test('a new app version on the server reloads the kiosk at an idle moment', async ({ page }) => {
  let deployed = null;
  await page.route('**/build.json', async (route) => {
    const response = await route.fetch();
    const build = await response.json();
    if (deployed) build.wasm = deployed;
    await route.fulfill({ response, json: build });
  });
  await startKiosk(page);
  await page.evaluate(() => { window.__sameDocument = true; });
  deployed = 'showcase-0000000000000000_bg.wasm';
  await page.clock.fastForward(REFRESH);
  await page.waitForFunction(() => !window.__sameDocument, null, { timeout: 10_000 });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(SAMPLE.meta.title.zh);
});

test('outside kiosk mode none of this happens', async ({ page }) => {
  const kioskFiles = [];
  page.on('request', (r) => { if (/\/(kiosk-[0-9a-f]+\.css|split_kiosk-[0-9a-f]+\.wasm)$/.test(r.url())) kioskFiles.push(r.url()); });
  await page.clock.install();
  await page.goto('./gallery?kind=artwork');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.clock.fastForward(IDLE + COUNTDOWN + ATTRACT_AFTER + 10_000);
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page).toHaveURL(/kind=artwork/);
  expect(await page.evaluate(() => getComputedStyle(document.body).cursor)).not.toBe('none');
  // Neither the kiosk's code nor its stylesheet is downloaded for a visitor.
  expect(kioskFiles).toEqual([]);
});

test('on the kiosk the gallery is filtered with tiles, one tap each, in place of the selects', async ({ page }) => {
  await startKiosk(page, './gallery?kiosk');
  const filters = page.getByRole('search');
  await expect(filters.getByRole('button', { name: '全部类别' })).toBeVisible();
  await expect(filters.locator('select')).toHaveCount(0);
  const kinds = filters.getByRole('group', { name: '类别' });
  await expect(kinds.getByRole('button', { name: '全部类别' })).toHaveAttribute('aria-pressed', 'true');
  const artworks = SAMPLE.items.filter((i) => i.kind === 'artwork');
  await kinds.getByRole('button', { name: '艺术作品' }).tap();
  await expect(page).toHaveURL(/kind=artwork/);
  await expect(kinds.getByRole('button', { name: '艺术作品' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('.gallery-grid .card-title')).toHaveCount(artworks.length);
  // A unit's tile: what it gave.
  const donor = SAMPLE.units.find((u) => SAMPLE.items.some((i) => i.donors.includes(u.id)));
  const donors = filters.getByRole('group', { name: '赠送单位' });
  await donors.getByRole('button', { name: donor.short_name?.zh ?? donor.name.zh, exact: true }).tap();
  await expect(page).toHaveURL(new RegExp(`donor=${donor.id}`));
  const given = artworks.filter((i) => i.donors.includes(donor.id));
  await expect(page.locator('.gallery-grid .card-title')).toHaveCount(given.length);
  // Every tile is a target a finger finds.
  const small = await filters.locator('.tile').evaluateAll((tiles) => tiles.filter((t) => t.getBoundingClientRect().height < 48).length);
  expect(small).toBe(0);
  await kinds.getByRole('button', { name: '全部类别' }).tap();
  await expect(page).not.toHaveURL(/kind=/);
  await expectNoAxeViolations(page);
});

test.describe('opening hours', () => {
  test.use({ timezoneId: 'Asia/Shanghai' });

  test('outside opening hours the kiosk sleeps once at rest, wakes on a touch, and opens on time', async ({ page }) => {
    const bundle = structuredClone(SAMPLE);
    bundle.kiosk.hours = { open: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], from: '09:00', to: '17:00' }] };
    await serveBundle(page, { body: JSON.stringify(bundle) });
    // 20:00 in the kiosk's time zone, after closing.
    await page.clock.install({ time: new Date('2026-12-02T20:00:00+08:00') });
    await page.goto('./?kiosk');
    await expect(page.getByRole('navigation', { name: /信息亭导航|Kiosk navigation/ })).toBeVisible();
    const sleep = page.getByRole('dialog', { name: /休息中/ });
    // Not while someone may still be using it: the idle time runs out first.
    await page.clock.fastForward(IDLE - 2_000);
    await expect(sleep).toHaveCount(0);
    await page.clock.fastForward(3_000);
    await expect(sleep).toBeVisible();
    await expect(sleep.locator('.sleep-clock')).toHaveText('20:01');
    await expect(sleep).toContainText(SAMPLE.meta.title.zh);
    await expect(sleep).toContainText(SAMPLE.meta.title.en);
    await expectNoAxeViolations(page);
    // No attract loop while asleep; the text moves on each minute.
    const place = await sleep.locator('.sleep-panel').getAttribute('style');
    await page.clock.fastForward(ATTRACT_AFTER);
    await expect(page.getByRole('dialog', { name: '展览精选' })).toHaveCount(0);
    await expect(sleep.locator('.sleep-clock')).toHaveText('20:03');
    expect(await sleep.locator('.sleep-panel').getAttribute('style')).not.toBe(place);

    // A touch wakes it for a visit; left alone, it sleeps again.
    await page.touchscreen.tap(640, 400);
    await expect(sleep).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 1, name: SAMPLE.meta.title.zh })).toBeVisible();
    await page.clock.fastForward(IDLE + 1_000);
    await expect(sleep).toBeVisible();

    // Opening time the next morning wakes it by itself.
    await page.clock.fastForward('13:00:00');
    await expect(sleep).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 1, name: SAMPLE.meta.title.zh })).toBeVisible();
  });
});

test('the on-screen keyboard types into the search box: "hc" finds 红船 by its pinyin', async ({ page }) => {
  const pinyin = [];
  page.on('request', (r) => { if (/split_pinyin-[0-9a-f]+\.wasm$/.test(r.url())) pinyin.push(r.url()); });
  await startKiosk(page, './gallery?kiosk');
  const box = page.getByRole('searchbox', { name: '搜索' });
  await expect(box).toHaveAttribute('inputmode', 'none');
  const keyboard = page.getByRole('group', { name: '屏幕键盘' });
  await expect(keyboard).toHaveCount(0);
  expect(pinyin, 'the pinyin data waits for a search').toEqual([]);

  await box.tap();
  await expect(keyboard).toBeVisible();
  await expect.poll(() => pinyin.length).toBe(1);
  // The tiles make way for the results while the keyboard is up.
  await expect(page.locator('.filters .tiles').first()).toBeHidden();
  for (const key of ['h', 'c']) await keyboard.getByRole('button', { name: key, exact: true }).tap();
  await expect(box).toHaveValue('hc');
  await expect(box).toBeFocused();
  const redShip = SAMPLE.items.find((i) => i.id === 'red-ship');
  await expect(page.locator('.gallery-grid .card-title', { hasText: redShip.title.zh })).toBeVisible();
  // Written to the address once typing pauses.
  await page.clock.fastForward(400);
  await expect(page).toHaveURL(/q=hc/);

  // Whole pinyin, a space and English; backspace and clear.
  await keyboard.getByRole('button', { name: '清空' }).tap();
  await expect(box).toHaveValue('');
  for (const key of 'hongchuan') await keyboard.getByRole('button', { name: key, exact: true }).tap();
  await expect(page.locator('.gallery-grid .card-title')).toContainText([redShip.title.zh]);
  await keyboard.getByRole('button', { name: '空格' }).tap();
  for (const key of 'zz') await keyboard.getByRole('button', { name: key[0], exact: true }).tap();
  await expect(box).toHaveValue('hongchuan zz');
  await expect(page.locator('.gallery-grid .card-title')).toHaveCount(0);
  await keyboard.getByRole('button', { name: '删除前一个字母' }).tap();
  await keyboard.getByRole('button', { name: '删除前一个字母' }).tap();
  await expect(box).toHaveValue('hongchuan ');
  await expect(page.locator('.gallery-grid .card-title', { hasText: redShip.title.zh })).toBeVisible();

  // Big keys, in the visitor's language, and nothing wider than the screen.
  const small = await keyboard.getByRole('button').evaluateAll((keys) => keys.filter((k) => {
    const r = k.getBoundingClientRect();
    return r.height < 48 || r.width < 48;
  }).length);
  expect(small).toBe(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Switch to English' }).tap();
  const english = page.getByRole('group', { name: 'On-screen keyboard' });
  await expect(english.getByRole('button', { name: 'Space' })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search' }).tap();
  await expect(english.getByRole('button', { name: 'Close keyboard' })).toBeVisible();
  await english.getByRole('button', { name: 'Close keyboard' }).tap();
  await expect(english).toHaveCount(0);
  await expect(page.getByRole('searchbox', { name: 'Search' })).not.toBeFocused();
  await expect(page.locator('.filters .tiles').first()).toBeVisible();
});

test.describe('usage counts', () => {
  /** The kiosk's local date, as the counts have it. */
  const today = (page) => page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });

  test('pages, items, sessions and searches that found nothing: in the overlay, kept across a reload, as CSV', async ({ page }) => {
    await startKiosk(page);
    const date = await today(page);
    // A visit: the gallery, an item, a search that finds nothing; 30 s from the first touch to the last.
    await page.getByRole('link', { name: '赠礼展厅', exact: true }).first().tap();
    await expect(page).toHaveURL(/\/gallery/);
    const box = page.getByRole('searchbox', { name: '搜索' });
    await box.tap();
    const keyboard = page.getByRole('group', { name: '屏幕键盘' });
    for (const key of 'qqq') await keyboard.getByRole('button', { name: key, exact: true }).tap();
    await page.clock.fastForward(400);
    await expect(page).toHaveURL(/q=qqq/);
    await keyboard.getByRole('button', { name: '清空' }).tap();
    await page.clock.fastForward(400);
    await expect(page).not.toHaveURL(/q=/);
    await page.clock.fastForward(30_000 - 800);
    const redShip = SAMPLE.items.find((i) => i.id === 'red-ship');
    await page.getByRole('link', { name: redShip.title.zh }).tap();
    await expect(page).toHaveURL(/\/gallery\/red-ship/);
    // Nobody touches it again: countdown, home, the session ends.
    await page.clock.fastForward(IDLE + COUNTDOWN + 1_000);
    await expect(page).toHaveURL(/\/$/);

    const open = async () => {
      await page.keyboard.press('Control+Alt+M');
      const panel = page.getByRole('dialog', { name: '维护信息' });
      await expect(panel).toBeVisible();
      return panel;
    };
    let panel = await open();
    const usage = panel.getByRole('region', { name: '本机使用统计' });
    const row = usage.getByRole('row', { name: new RegExp(date) });
    // Day, sessions, average, longest, page views, item views, searches, found nothing.
    // (The maintainer's own keys and touches are not a visitor's session.)
    // (The fake clock also runs on in real time between the steps: a second or two more.)
    await expect(row.getByRole('cell')).toHaveText(['1', /^3[0-3] s$/, /^3[0-3] s$/, '2', '1', '1', '1']);
    await expect(usage.locator('.usage-items')).toContainText(`${redShip.title.zh} · 1`);
    await expect(usage.locator('.usage-empty')).toContainText('“qqq” · 1');
    await expectNoAxeViolations(page);

    // Kept across a reload (and an app update: the same storage).
    await page.reload();
    await expect(page.getByRole('navigation', { name: /信息亭导航|Kiosk navigation/ })).toBeVisible();
    panel = await open();
    await expect(panel.getByRole('row', { name: new RegExp(date) }).getByRole('cell').first()).toHaveText('1');

    // The CSV, as a download (the kiosk's guard lets it through).
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByRole('button', { name: '下载 CSV' }).tap(),
    ]);
    expect(download.suggestedFilename()).toBe(`kiosk-usage-${date}.csv`);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv.split('\n')[0]).toBe('date,measure,key,count');
    expect(csv).toMatch(new RegExp(`\\n${date},session_seconds,,3[0-3]\\n`));
    for (const line of [`${date},sessions,,1`, `${date},item_views,red-ship,1`,
      `${date},page_views,/gallery,1`, `${date},searches,,1`, `${date},empty_searches,qqq,1`]) {
      expect(csv).toContain(`${line}\n`);
    }
    await expect(page.getByRole('dialog', { name: '此链接通往展览之外' })).toHaveCount(0);

    // Cleared with two presses.
    const clear = panel.getByRole('button', { name: '清除统计' });
    await clear.tap();
    await expect(panel.getByRole('button', { name: '再按一次以清除' })).toBeVisible();
    await panel.getByRole('button', { name: '再按一次以清除' }).tap();
    await expect(panel.locator('.usage-none')).toHaveText('尚无统计。');
    expect(await page.evaluate(() => localStorage.getItem('showcase.usage'))).not.toContain(date);
  });

  test('the counts stay bounded however long the kiosk runs', async ({ page }) => {
    // Ninety days of counts already kept, a hundred and fifty items a day: what is read back is cut
    // to the last 60 days and 100 keys a day.
    const rows = ['date,measure,key,count'];
    for (let d = 0; d < 90; d += 1) {
      const day = new Date(Date.UTC(2026, 0, 1 + d)).toISOString().slice(0, 10);
      rows.push(`${day},sessions,,3`);
      for (let i = 0; i < 150; i += 1) rows.push(`${day},item_views,item-${i},1`);
    }
    await page.addInitScript((csv) => { if (!sessionStorage.getItem('seeded')) { localStorage.setItem('showcase.usage', csv); sessionStorage.setItem('seeded', '1'); } }, rows.join('\n'));
    await startKiosk(page);
    await page.touchscreen.tap(640, 300);
    await page.getByRole('link', { name: '赠礼展厅', exact: true }).first().tap();
    await expect(page).toHaveURL(/\/gallery/);
    const kept = await page.evaluate(() => localStorage.getItem('showcase.usage'));
    const days = new Set(kept.split('\n').slice(1).filter(Boolean).map((l) => l.split(',')[0]));
    expect(days.size).toBeLessThanOrEqual(60);
    expect(kept.length).toBeLessThan(60 * 110 * 40);
    expect(kept).toContain('(other)');
  });
});

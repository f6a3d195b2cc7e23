// The gallery as visitors use it: filtering and searching (kept in the address), item pages, and the
// lightbox by keyboard, touch and the Back button.
import { test, expect, expectNoAxeViolations, replaceBundle, SAMPLE, switchLanguage } from './fixtures.mjs';

const english = async (page) => {
  await switchLanguage(page);
};

test('filters and search narrow the grid, live in the address and survive a reload', async ({ page }) => {
  await page.goto('./gallery');
  await english(page);
  const grid = page.locator('.gallery-grid > li');
  await expect(grid).toHaveCount(SAMPLE.items.length);
  await expect(page.getByRole('status').filter({ hasText: 'items' })).toHaveText(`${SAMPLE.items.length} items`);

  await page.getByLabel('Kind').selectOption('artwork');
  await expect(grid).toHaveCount(3);
  await page.getByLabel('Given by').selectOption('southeast-elevator');
  await expect(grid).toHaveCount(2);
  await page.getByRole('searchbox', { name: 'Search' }).fill('red ship');
  await expect(grid).toHaveCount(1);
  await expect(grid.first()).toContainText('"Red Ship" artwork');
  await expect(page).toHaveURL(/kind=artwork/);
  await expect(page).toHaveURL(/donor=southeast-elevator/);
  await expect(page).toHaveURL(/q=red(\+|%20)ship/);

  await page.reload();
  await expect(grid).toHaveCount(1);
  await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue('red ship');
  await expect(page.getByLabel('Kind')).toHaveValue('artwork');

  // Chinese matches substrings, whatever the interface language.
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(grid).toHaveCount(SAMPLE.items.length);
  await page.getByRole('searchbox', { name: 'Search' }).fill('首日');
  await expect(grid).toHaveCount(1);
  await expect(grid.first()).toContainText('China Aerospace first-day cover');

  await page.getByRole('searchbox', { name: 'Search' }).fill('no such thing at all');
  await expect(grid).toHaveCount(0);
  await expect(page.getByText('No items match.')).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).first().click();
  await expect(grid).toHaveCount(SAMPLE.items.length);
  await expect(page).toHaveURL(/\/gallery$/);
});

test('typing updates the grid at once; the address follows when typing pauses or the visitor moves on', async ({ page }) => {
  // Count the history writes: browsers limit them (Safari throws after 100 in 30 s).
  await page.addInitScript(() => {
    window.__writes = 0;
    for (const name of ['replaceState', 'pushState']) {
      const original = history[name].bind(history);
      history[name] = (...args) => { window.__writes += 1; return original(...args); };
    }
  });
  await page.clock.install();
  await page.goto('./gallery');
  await english(page);
  const grid = page.locator('.gallery-grid > li');
  const box = page.getByRole('searchbox', { name: 'Search' });
  await expect(grid).toHaveCount(SAMPLE.items.length);
  // From here the page's timers run only when the test says so.
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1_000);
  const writesBefore = await page.evaluate(() => window.__writes);

  await box.pressSequentially('red ship');
  await expect(grid).toHaveCount(1);
  await expect(grid.first()).toContainText('"Red Ship" artwork');
  expect(new URL(page.url()).searchParams.get('q')).toBeNull();
  await page.clock.runFor(400);
  await expect(page).toHaveURL(/q=red(\+|%20)ship/);
  // Eight keystrokes, one write.
  expect(await page.evaluate(() => window.__writes)).toBe(writesBefore + 1);

  // Leaving the box writes at once.
  await box.fill('首日');
  await expect(grid).toHaveCount(1);
  await page.keyboard.press('Tab');
  await expect(page).toHaveURL(/q=%E9%A6%96%E6%97%A5/);

  // So does pressing a card straight after typing: the lightbox's entry has the search in it.
  await box.fill('meeting');
  await expect(grid).toHaveCount(1);
  await page.locator('.card-image').first().click();
  await expect(page.getByRole('dialog', { name: 'Image viewer' })).toBeVisible();
  await expect(page).toHaveURL(/q=meeting/);
  await expect(page).toHaveURL(/view=meeting-site/);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(page).toHaveURL(/\/gallery\?q=meeting$/);
  await page.reload();
  await expect(box).toHaveValue('meeting');
  await expect(grid).toHaveCount(1);
});

test('sorting by title orders the cards in the visitor language', async ({ page }) => {
  await page.goto('./gallery?kind=artwork&sort=title');
  await english(page);
  const titles = page.locator('.gallery-grid .card-title');
  await expect(titles).toHaveText([/Celebrating/, /Meeting Site/, /Red Ship/]);
});

test('sorting by title in Chinese follows pinyin (the browser\'s collation), not code points', async ({ page }) => {
  // By code point 会 (U+4F1A) comes before 红 (U+7EA2), and 中 before 共; by pinyin hóng before huì,
  // and zhōng last. Numbers first.
  await page.goto('./gallery?sort=title');
  const titles = page.locator('.gallery-grid .card-title');
  await expect(titles).toHaveText([
    '100本爱心图书', /共建单位/, '湖东社区未成年人社会实践基地挂牌', '湖东社区赠送的书籍', /庆建党百年/,
    '艺术品《红船》', '艺术品《会址》', '中国航天首日封',
  ]);
  // The same order the browser's own collator gives these titles.
  const shown = await titles.allTextContents();
  const key = (t) => t.replace(/^[^\p{L}\p{N}]+/u, '').toLowerCase();
  const collated = await page.evaluate((keys) => [...keys].sort(new Intl.Collator('zh-CN', { numeric: true }).compare), shown.map(key));
  expect(shown.map(key)).toEqual(collated);
});

test('an item page deep link works on reload and shows its details and neighbours', async ({ page }) => {
  await page.goto('./gallery/books-of-love');
  await english(page);
  await expect(page.getByRole('heading', { level: 1, name: '100 "books of love"' })).toBeVisible();
  await expect(page.locator('.item-details')).toContainText('100 books');
  await expect(page.locator('.item-details')).toContainText('Mr. Yang Zizhong');
  await expect(page.locator('.item-details')).toContainText('Zhutian Primary School');
  await expect(page).toHaveTitle(/100 "books of love"/);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: '100 "books of love"' })).toBeVisible();

  await page.getByRole('link', { name: /Next item/ }).click();
  await expect(page).toHaveURL(/\/gallery\/bronze-plaque$/);
  await expect(page.locator('.item-details')).toContainText('Co-construction unit');
  await page.getByRole('link', { name: /Previous item/ }).click();
  await expect(page).toHaveURL(/\/gallery\/books-of-love$/);

  // A donor link opens the gallery filtered to that unit.
  await page.locator('.item-details').getByRole('link', { name: 'Southeast Elevator' }).click();
  await expect(page).toHaveURL(/\/gallery\?donor=southeast-elevator$/);
  await expect(page.locator('.gallery-grid > li')).toHaveCount(5);
});

test('keyboard only: open the lightbox, move, zoom, close, and focus returns to the opener', async ({ page }) => {
  await page.goto('./gallery');
  await english(page);
  const opener = page.getByRole('button', { name: /^View larger: "Red Ship" artwork/ });
  await opener.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Image viewer' });
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('.lightbox-counter')).toHaveText(`2 of ${SAMPLE.items.length}`);
  await expect(page).toHaveURL(/view=red-ship/);

  await page.keyboard.press('ArrowRight');
  await expect(dialog.locator('.lightbox-counter')).toHaveText(`3 of ${SAMPLE.items.length}`);
  await expect(dialog.locator('.lightbox-caption')).toContainText('"Meeting Site" artwork');
  await page.keyboard.press('+');
  await expect(dialog.locator('.lightbox-zoom')).toHaveText('Zoom 150%');
  // The picture itself is drawn at that size.
  await expect(dialog.locator('.lightbox-image')).toHaveCSS('transform', 'matrix(1.5, 0, 0, 1.5, 0, 0)');
  await page.keyboard.press('-');
  await expect(dialog.locator('.lightbox-zoom')).toHaveText('Zoom 100%');
  await expect(dialog.locator('.lightbox-image')).toHaveCSS('transform', 'matrix(1, 0, 0, 1, 0, 0)');

  // Focus stays inside the dialog, forwards and backwards, however far one tabs.
  for (const key of [...Array(20).fill('Tab'), ...Array(20).fill('Shift+Tab')]) {
    await page.keyboard.press(key);
    expect(await page.evaluate(() => !!document.activeElement?.closest('dialog'))).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
  await expect(page).not.toHaveURL(/view=/);
});

test('the browser Back button closes the lightbox', async ({ page }) => {
  await page.goto('./gallery');
  await page.locator('.card-image').first().click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await page.goBack();
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/\/gallery$/);
  await expect(page.locator('.card-image').first()).toBeFocused();
});

test('the lightbox follows the address when the item changes with it: a link, and a jump back through history', async ({ page }) => {
  const dialog = page.getByRole('dialog');
  const link = async (href) => {
    // An in-page link, as the router takes it (a click on an anchor of the site).
    await page.evaluate((target) => {
      const a = Object.assign(document.createElement('a'), { href: target, textContent: 'go', id: 'test-link' });
      document.querySelector('main').append(a);
    }, href);
    await page.locator('#test-link').click();
  };
  await page.goto('./gallery/books-of-love');
  await expect(page.locator('.item-details')).toBeVisible();
  // Another item, with its lightbox open in the same address.
  await link('gallery/bronze-plaque?view=0');
  await expect(page).toHaveURL(/\/gallery\/bronze-plaque\?view=0$/);
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // books-of-love → bronze-plaque → its lightbox → two entries back: books-of-love, lightbox closed.
  await page.goto('./gallery/books-of-love');
  await expect(page.locator('.item-details')).toBeVisible();
  await page.locator('.item-neighbours a[rel="next"]').click();
  await expect(page).toHaveURL(/\/gallery\/bronze-plaque$/);
  await page.locator('.item-image').first().click();
  await expect(page).toHaveURL(/\/gallery\/bronze-plaque\?view=/);
  await expect(dialog).toBeVisible();
  await page.evaluate(() => history.go(-2));
  await expect(page).toHaveURL(/\/gallery\/books-of-love$/);
  const books = SAMPLE.items.find((item) => item.id === 'books-of-love');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(books.title.zh);
  await expect(dialog).toBeHidden();
  await page.waitForTimeout(300);
  await expect(dialog).toBeHidden();
});

test('the lightbox opens from the item page and has no accessibility violations', async ({ page }) => {
  await page.goto('./gallery/student-paintings');
  await english(page);
  await expectNoAxeViolations(page);
  await page.locator('.item-image').nth(1).click();
  const dialog = page.getByRole('dialog', { name: 'Image viewer' });
  await expect(dialog.locator('.lightbox-counter')).toHaveText('2 of 2');
  await expect(dialog.getByRole('button', { name: 'Full screen' })).toBeVisible();
  await expectNoAxeViolations(page);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
});

test('the grid has no accessibility violations', async ({ page }) => {
  await page.goto('./gallery');
  await expect(page.locator('.gallery-grid > li')).toHaveCount(SAMPLE.items.length);
  await expectNoAxeViolations(page);
});

test.describe('on a touch screen', () => {
  test.use({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });

  test('on a phone the filters stand two to a row, and the thumbnails of a lightbox start at the left', async ({ page }) => {
    await page.goto('./gallery');
    await expect(page.locator('.gallery-grid > li')).toHaveCount(SAMPLE.items.length);
    const box = (id) => page.locator(`#${id}`).boundingBox();
    const [kind, donor, recipient, sort] = await Promise.all(['gallery-kind', 'gallery-donor', 'gallery-recipient', 'gallery-sort'].map(box));
    // Kind and giver side by side, then receiver and order: the panel is two rows of selects shorter.
    expect(Math.round(donor.y)).toBe(Math.round(kind.y));
    expect(donor.x).toBeGreaterThan(kind.x + kind.width);
    expect(Math.round(sort.y)).toBe(Math.round(recipient.y));
    expect(recipient.y).toBeGreaterThan(kind.y + kind.height);
    await page.goto('./gallery?view=red-ship');
    const thumbs = page.getByRole('dialog').locator('.lightbox-thumbs');
    await expect(thumbs).toBeVisible();
    expect(await thumbs.evaluate((e) => getComputedStyle(e).justifyContent)).toBe('flex-start');
  });

  test('a swipe moves to the next image and a double tap zooms', async ({ page }) => {
    await page.goto('./gallery?view=red-ship');
    const dialog = page.getByRole('dialog');
    await expect(dialog.locator('.lightbox-counter')).toHaveText(/^第 2 张/);
    const box = await dialog.locator('.lightbox-stage').boundingBox();
    const y = box.y + box.height / 2;
    const cdp = await page.context().newCDPSession(page);
    const touch = (type, x) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y }] });
    await touch('touchStart', box.x + box.width * 0.8);
    for (const f of [0.7, 0.5, 0.3]) await touch('touchMove', box.x + box.width * f);
    await touch('touchEnd');
    await expect(dialog.locator('.lightbox-counter')).toHaveText(/^第 3 张/);

    const tap = async () => { await touch('touchStart', box.x + box.width / 2); await touch('touchEnd'); };
    await tap();
    await tap();
    await expect(dialog.locator('.lightbox-zoom')).toHaveText('缩放 250%');
    await expect(dialog.locator('.lightbox-counter')).toHaveText(/^第 3 张/);
  });
});

test('a missing image shows a placeholder with its alt text at the same size', async ({ page }) => {
  await page.route('**/media/red-ship.svg', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto('./gallery');
  await english(page);
  const card = page.locator('.card').filter({ hasText: '"Red Ship" artwork' });
  const placeholder = card.getByRole('img', { name: SAMPLE.items[1].media[0].alt.en });
  await expect(placeholder).toBeVisible();
  await expect(placeholder).toContainText('Image unavailable');
  const other = await page.locator('.card .bundle-image').first().boundingBox();
  const missing = await card.locator('.bundle-image').boundingBox();
  expect(Math.round(missing.height)).toBe(Math.round(other.height));
});

test('a large gallery shows a page at a time, and a new search starts again at one page', async ({ page }) => {
  const big = structuredClone(SAMPLE);
  big.items = Array.from({ length: 30 }, (_, i) => ({ ...structuredClone(SAMPLE.items[i % SAMPLE.items.length]), id: `copy-${i}` }));
  big.timeline.forEach((a) => { a.items = []; });
  big.map.routes.forEach((r) => { r.items = []; });
  await replaceBundle(page, big);
  await page.goto('./gallery');
  await switchLanguage(page);
  const cards = page.locator('.gallery-grid > li');
  await expect(cards).toHaveCount(12);
  // The first screen's images load at once (no `loading` attribute, the first before the others); the
  // rest when scrolled near.
  const loading = await cards.locator('img').evaluateAll((imgs) => imgs.map((i) => `${i.loading}/${i.fetchPriority}`));
  expect(loading).toEqual([
    'auto/high', ...Array(7).fill('auto/auto'), ...Array(4).fill('lazy/auto'),
  ]);
  await page.getByRole('button', { name: 'Show more (18 more)' }).click();
  await expect(cards).toHaveCount(24);
  await page.getByRole('button', { name: 'Show more (6 more)' }).click();
  await expect(cards).toHaveCount(30);
  await expect(page.getByRole('button', { name: /Show more/ })).toHaveCount(0);
  // A different selection starts again at one page.
  await page.getByLabel('Given by').selectOption('southeast-elevator');
  await expect(cards).toHaveCount(12);
  await expect(page.getByRole('button', { name: 'Show more (7 more)' })).toBeVisible();
});

test('a visit to the gallery downloads its first picture from the page the build wrote, before the gallery\'s code is in', async ({ page }) => {
  // The gallery's own code is held back: the first card's picture is asked for all the same.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(/\/split_gallery-[0-9a-f]+\.wasm$/, async (route) => { await held; await route.continue(); });
  const first = SAMPLE.items[0].media[0].src; // the oldest item, first in the default order
  const asked = page.waitForRequest((r) => r.url().endsWith(`/${first}`), { timeout: 10_000 });
  await page.goto('./gallery', { prerendered: 'may-stay' });
  try {
    await asked;
  } finally {
    release();
  }
  await expect(page.locator('.gallery-grid > li')).toHaveCount(SAMPLE.items.length);
  const image = page.locator('.gallery-grid > li').first().locator('img');
  await expect.poll(() => image.evaluate((img) => img.complete && img.naturalWidth > 0)).toBe(true);
  const src = await image.evaluate((img) => img.currentSrc);
  expect(src.endsWith(`/${first}`)).toBe(true);
  // One download, asked for by the page the build wrote as it was parsed (no preload of its own: the
  // app's drawing of the card takes the same picture).
  expect(await page.evaluate((src) => ({
    preloads: [...document.querySelectorAll('link[rel="preload"][as="image"]')].map((l) => l.href),
    downloads: performance.getEntriesByName(src).length,
  }), src)).toEqual({ preloads: [], downloads: 1 });
});

test('a filtered gallery, or another page, preloads no picture', async ({ page }) => {
  for (const path of ['./gallery?kind=artwork', './', './map']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.waitForLoadState('networkidle');
    expect(await page.locator('link[rel="preload"][as="image"]').count(), path).toBe(0);
  }
});

test('visitors with a keyboard search Chinese by pinyin too: its data comes only when they search', async ({ page }) => {
  const pinyin = [];
  page.on('request', (r) => { if (/split_pinyin-[0-9a-f]+\.wasm$/.test(r.url())) pinyin.push(r.url()); });
  await page.goto('./gallery');
  const grid = page.locator('.gallery-grid > li');
  await expect(grid).toHaveCount(SAMPLE.items.length);
  // Every other chunk is prefetched once the page is up; not the pinyin's.
  await page.waitForLoadState('networkidle');
  expect(pinyin).toEqual([]);
  const box = page.getByRole('searchbox', { name: '搜索' });
  await box.pressSequentially('hongchuan');
  await expect(grid.filter({ hasText: '艺术品《红船》' })).toHaveCount(1);
  expect(pinyin).toHaveLength(1);
  // By initials, mixed with English words; no on-screen keyboard off the kiosk.
  await box.fill('hc artwork');
  await expect(grid.filter({ hasText: '艺术品《红船》' })).toHaveCount(1);
  await box.fill('zhutian');
  await expect(grid.filter({ hasText: SAMPLE.items.find((i) => i.id === 'books-of-love').title.zh })).toHaveCount(1);
  await expect(page.locator('.osk')).toHaveCount(0);
  await expect(box).not.toHaveAttribute('inputmode', /./);

  // A shared link with a pinyin search finds it on arrival.
  await page.goto('./gallery?q=shourifeng');
  await expect(grid).toHaveCount(1);
  await expect(grid.first()).toContainText(SAMPLE.items.find((i) => i.id === 'aerospace-cover').title.zh);
});

test('when the pinyin data cannot come, search goes on without it, and the next search asks again', async ({ page }) => {
  let blocked = true;
  let asked = 0;
  await page.route(/\/split_pinyin-[0-9a-f]+\.wasm$/, (route) => {
    asked += 1;
    return blocked ? route.abort('internetdisconnected') : route.continue();
  });
  const redShip = SAMPLE.items.find((i) => i.id === 'red-ship').title;
  await page.goto('./gallery');
  const grid = page.locator('.gallery-grid > li');
  await expect(grid).toHaveCount(SAMPLE.items.length);
  const box = page.getByRole('searchbox', { name: '搜索' });
  await box.fill('hongchuan');
  // Its four attempts (0.5 + 1 + 2 s apart) fail: the search finds nothing by pinyin, Chinese and
  // English still work, and the page goes on.
  await expect.poll(() => asked, { timeout: 15_000 }).toBe(4);
  await expect(grid).toHaveCount(0);
  await box.fill(redShip.zh);
  await expect(grid.filter({ hasText: redShip.zh })).toHaveCount(1);
  await box.fill('red ship');
  await expect(grid.filter({ hasText: redShip.zh })).toHaveCount(1);
  // The network is back: the next time the box is used, pinyin comes.
  blocked = false;
  await box.blur();
  await box.focus();
  await box.fill('hongchuan');
  await expect(grid.filter({ hasText: redShip.zh })).toHaveCount(1);
});

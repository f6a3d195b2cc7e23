// The site built for another event (tests/fixtures/other-event, `make build` into dist-other/): the app,
// index.html, the interface texts and the stylesheet carry nothing of the sample event, and what the
// second event's bundle says is what shows, head included. Run by the `other-event` project of
// playwright.config.mjs against dist-other/.
import { test, expect, holdBack, expectNoAxeViolations, switchLanguage } from './fixtures.mjs';
import { readFileSync } from 'node:fs';

const OTHER = JSON.parse(readFileSync(new URL('../fixtures/other-event/data/bundle.json', import.meta.url), 'utf8'));
const SAMPLE = JSON.parse(readFileSync(new URL('../../public/data/bundle.json', import.meta.url), 'utf8'));

/** What only the sample event would put on a page: its names, places, date and titles. */
const SAMPLE_WORDS = (() => {
  const words = new Set([
    'Wujiang', '吴江', 'Suzhou', '苏州', 'Jiangling', '江陵', 'Hudong', '湖东', 'Southeast Elevator', '东南电梯',
    'Guizhou', '贵州', 'Tongren', '铜仁', 'Bijiang', '碧江', 'Zhutian', 'Yang Zizhong', 'Red Ship', '红船',
    'Meeting Site', '会址', 'Aerospace', '航天', '2021', '6月8日', '8 June', 'centenary', '建党百年',
    'books of love', '爱心图书', 'Co-construction', '共建',
  ]);
  const add = (text) => {
    for (const value of [text?.zh, text?.en]) if (value && value.length >= 4) words.add(value);
  };
  add(SAMPLE.meta.title);
  add(SAMPLE.meta.site_name);
  add(SAMPLE.meta.description);
  for (const u of SAMPLE.units) { add(u.name); add(u.short_name); }
  for (const p of SAMPLE.people) add(p.name);
  for (const i of SAMPLE.items) add(i.title);
  add(SAMPLE.event.title);
  add(SAMPLE.event.place);
  return [...words];
})();

const en = (text) => text.en ?? text.zh;
const grouped = (n) => new Intl.NumberFormat('en').format(n);

const PAGES = [
  './', './gallery', './story', './books', './map', './no-such-page',
  ...['artwork', 'first_day_cover', 'book_donation', 'plaque', 'other'].map((kind) => `./gallery/${OTHER.items.find((i) => i.kind === kind).id}`),
  ...OTHER.units.map((u) => `./units/${u.id}`),
];

/** The sample's words found in `text`: Latin words and numbers whole (a hash may hold "2021"). */
const sampleWordsIn = (text) => SAMPLE_WORDS.filter((word) => {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(/^[\x00-\x7f]+$/.test(word) ? `(?<![A-Za-z0-9])${escaped}(?![A-Za-z0-9])` : escaped, 'i').test(text);
});

test('the first HTML is the second event\'s: language, title, description, name and mark', async ({ request }) => {
  const html = await (await request.get('./')).text();
  expect(sampleWordsIn(html)).toEqual([]);
  expect(html).toContain('<html lang="en">');
  // The home page's title is the event's and the site's; the shell's (the app around every page), the site's.
  expect(html).toMatch(new RegExp(`<title>[^<]+ · ${OTHER.meta.site_name.en}</title>`));
  const shell = await (await request.get('./shell.html')).text();
  expect(sampleWordsIn(shell)).toEqual([]);
  expect(shell).toContain(`<title>${OTHER.meta.site_name.en}</title>`);
  expect(html).toContain(`<meta name="description" content="${OTHER.meta.description.en}">`);
  expect(html).toContain(`<meta name="application-name" lang="zh-CN" content="${OTHER.meta.site_name.zh}" data-short="${OTHER.meta.short_name.zh}">`);
  expect(html).toContain(`<meta name="site-mark" content="${OTHER.meta.mark}">`);
  expect(html).toContain('<meta name="default-language" content="en">');
  // The interface's own files too: the stylesheet, the glue, and the app's code (its interface texts
  // are compiled into the wasm), main module and every chunk.
  const chunks = html.match(/<meta name="page-chunks" content="([^"]*)">/)[1].split(/\s+/).filter(Boolean);
  const files = [...html.matchAll(/(?:href|src)="\/?([^"]+\.(?:css|js|wasm))"/g)].map((m) => m[1]);
  const all = [...new Set([...files, ...chunks])];
  expect(all.some((f) => f.endsWith('_bg.wasm')), all.join(' ')).toBe(true);
  expect(all.filter((f) => f.endsWith('.wasm')).length).toBeGreaterThan(3);
  for (const file of all) {
    const body = Buffer.from(await (await request.get(file)).body()).toString('utf8');
    expect(sampleWordsIn(body), file).toEqual([]);
  }
});

test('with a public address, each page names its languages\' pages in full, and its canonical one', async ({ request }) => {
  const base = OTHER.meta.base_url;
  const item = OTHER.items[0].id;
  for (const [path, own] of [[`./gallery/${item}`, `gallery/${item}`], [`./zh/gallery/${item}`, `zh/gallery/${item}`]]) {
    const html = await (await request.get(path)).text();
    const alternates = [...html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">/g)].map((m) => `${m[1]} ${m[2]}`);
    // The bundle's first language (English) at the site's addresses, and the default for others.
    expect(alternates, path).toEqual([`en ${base}gallery/${item}`, `x-default ${base}gallery/${item}`, `zh-CN ${base}zh/gallery/${item}`]);
    expect(html, path).toContain(`<link rel="canonical" href="${base}${own}">`);
  }
});

for (const lang of ['en', 'zh']) {
  test(`no page shows anything of the sample event, head included (${lang})`, async ({ page }) => {
    await page.addInitScript((l) => localStorage.setItem('showcase.lang', l), lang);
    for (const path of PAGES) {
      await page.goto(path);
      await expect(page.locator('main h1').first()).toBeVisible();
      if (path === './map') await expect.poll(() => page.locator('.leaflet-outlines-pane path').count()).toBeGreaterThan(30);
      const html = await page.evaluate(() => document.documentElement.outerHTML);
      expect(sampleWordsIn(html), `${lang} ${path}`).toEqual([]);
      // The header is the second event's, in the visitor's language.
      await expect(page.locator('.brand-mark')).toHaveText(OTHER.meta.mark);
      await expect(page.locator('.brand-title-long')).toHaveText(OTHER.meta.site_name[lang]);
    }
  });
}

test('the home page introduces each section with the bundle\'s words, or general ones', async ({ page }) => {
  await page.goto('./');
  const explore = page.locator('.explore');
  await expect(explore.getByRole('link', { name: /Gallery/ })).toContainText(OTHER.meta.introductions.gallery.en);
  await expect(explore.getByRole('link', { name: /Book donations/ })).toContainText(OTHER.meta.introductions.books.en);
  // The bundle gives none for the map and the story: a sentence true of any event.
  await expect(explore.getByRole('link', { name: /Map/ })).toContainText('Where the units are, and the routes between them');
  await expect(page).toHaveTitle(`${OTHER.meta.title.en} · ${OTHER.meta.site_name.en}`);
  // The app keeps the description the bundle's, in the visitor's language.
  await switchLanguage(page);
  await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', OTHER.meta.description.zh);
  await switchLanguage(page);
  await page.goto('./books');
  await expect(page).toHaveTitle(`Book donations · ${OTHER.meta.site_name.en}`);
});

test('a phone shows the short name in the header', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('./');
  await expect(page.locator('.brand-title-short')).toBeVisible();
  await expect(page.locator('.brand-title-short')).toHaveText(OTHER.meta.short_name.en);
  await expect(page.locator('.brand-title-long')).toBeHidden();
});

test('/books lists each carrier once, with what they carried, and groups the digits of every number', async ({ page }) => {
  const donations = OTHER.items.filter((i) => i.books);
  const total = donations.reduce((sum, i) => sum + (i.books.count ?? 0), 0);
  const carriers = [...new Set(donations.map((i) => i.books.via).filter(Boolean))];
  await page.goto('./books');
  await expect(page.locator('.total-books')).toHaveText(`${grouped(total)} books`);
  await expect(page.locator('.total-count')).toHaveText(grouped(total));
  await expect(page.locator('.ledger tbody tr')).toHaveCount(donations.length);
  await expect(page.locator('.ledger tbody td.num').first()).toHaveText(grouped(donations[0].books.count));
  const sections = page.locator('section.carrier');
  await expect(sections).toHaveCount(carriers.length);
  for (const [n, id] of carriers.entries()) {
    const person = OTHER.people.find((p) => p.id === id);
    const carried = donations.filter((i) => i.books.via === id);
    const section = sections.nth(n);
    await expect(section.getByRole('heading', { level: 2 })).toHaveText(`Via ${en(person.name)}`);
    await expect(section.locator('.carried li')).toHaveCount(carried.length);
    const counted = carried.reduce((sum, i) => sum + (i.books.count ?? 0), 0);
    await expect(section.locator('.carried-total')).toContainText(`${grouped(counted)} books`);
  }
  // Chinese groups the same way.
  await switchLanguage(page);
  await expect(page.locator('.total-books')).toHaveText(`${grouped(total)} 本图书`);
});

test('/map draws the site\'s outlines, the bundle\'s routes and no ring between partners; credits as plain text', async ({ page }) => {
  await page.goto('./map');
  const map = page.locator('.map');
  // The bundle names no basemap: the site's own outlines.
  await expect.poll(() => map.locator('.leaflet-outlines-pane path').count()).toBeGreaterThan(30);
  await expect(map.locator('.route-line')).toHaveCount(OTHER.map.routes.length);
  // Nothing else is drawn over the outlines: the routes are all the lines there are.
  await expect(map.locator('.leaflet-overlay-pane path')).toHaveCount(OTHER.map.routes.length);
  const attribution = map.locator('.leaflet-control-attribution');
  await expect(attribution).toHaveText(/^Leaflet \| Outlines: Apache ECharts$/);
  await expect(attribution.locator('svg, img, a')).toHaveCount(0);
});

test('images keep their box while they load, and nothing moves when they come, on every page with images', async ({ page }) => {
  await page.addInitScript(() => {
    window.__shift = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  for (const path of ['./gallery', ...PAGES.filter((p) => p.startsWith('./gallery/'))]) {
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    const release = await holdBack(page, '**/media/**');
    // Not until `load`: that waits for the pictures of the pre-rendered page, which are held.
    await page.goto(path, { waitUntil: 'domcontentloaded' });
    const images = page.locator('main .bundle-image img');
    await expect(images.first()).toBeVisible();
    const boxes = await images.evaluateAll((imgs) => imgs.slice(0, 6).map((img) => ({
      complete: img.complete && img.naturalWidth > 0,
      width: img.getBoundingClientRect().width,
      height: img.getBoundingClientRect().height,
      attrs: Number(img.getAttribute('width')) / Number(img.getAttribute('height')),
    })));
    for (const box of boxes) {
      expect(box.complete, `${path}: an image came although held back`).toBe(false);
      expect(box.height, `${path}: ${JSON.stringify(box)}`).toBeGreaterThan(0);
    }
    if (path !== './gallery') {
      // On an item page the box has the image's own proportions (the gallery's cards are all 4:3).
      for (const box of boxes) expect(Math.abs(box.width / box.height - box.attrs), `${path}: ${JSON.stringify(box)}`).toBeLessThan(0.02);
    }
    // Now the images come: the boxes they land in were theirs already.
    release();
    await expect.poll(() => images.evaluateAll((imgs) => imgs.slice(0, 6).every((i) => i.complete && i.naturalWidth > 0))).toBe(true);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 200))));
    expect(await page.evaluate(() => window.__shift), path).toBe(0);
  }
});

test('the header and pages of another event have no accessibility violations, on a phone too', async ({ page }) => {
  for (const size of [{ width: 1366, height: 768 }, { width: 390, height: 844 }]) {
    await page.setViewportSize(size);
    for (const path of ['./', './books', './map']) {
      await page.goto(path);
      await expect(page.locator('main h1').first()).toBeVisible();
      await expectNoAxeViolations(page);
    }
  }
});

test('an item without an image keeps its card\'s shape in the gallery, with a placeholder', async ({ page }) => {
  const bare = OTHER.items.find((i) => i.media.length === 0);
  await page.goto(`./gallery?q=${encodeURIComponent(en(bare.title))}`);
  const card = page.locator('.gallery-grid > li').filter({ has: page.getByRole('heading', { name: en(bare.title), exact: true }) });
  await expect(card).toHaveCount(1);
  const placeholder = card.locator('.image-missing');
  await expect(placeholder).toHaveText('Image unavailable');
  const box = await placeholder.boundingBox();
  expect(Math.abs(box.width / box.height - 4 / 3)).toBeLessThan(0.02);
});

test('on a kiosk\'s portrait, landscape and tablet screens every page fits its width, with targets a finger finds', async ({ browser }) => {
  test.setTimeout(120_000);
  const item = OTHER.items.find((i) => i.kind === 'artwork').id;
  const paths = ['./', './gallery', `./gallery/${item}`, './map', './story', './books', `./units/${OTHER.units[0].id}`];
  for (const [width, height] of [[1080, 1920], [1920, 1080], [1280, 800]]) {
    const context = await browser.newContext({ viewport: { width, height }, hasTouch: true, serviceWorkers: 'block' });
    const page = await context.newPage();
    for (const path of paths) {
      await page.goto(`${path}${path.includes('?') ? '&' : '?'}kiosk`);
      await expect(page.locator('main h1').first()).toBeVisible();
      await expect(page.locator('html.kiosk')).toHaveCount(1);
      const fit = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        width: document.documentElement.clientWidth,
        small: [...document.querySelectorAll('a[href], button, select, input, [role=button]')]
          .filter((el) => el.checkVisibility() && !el.closest('.leaflet-control-attribution, .skip-link, dialog:not([open])'))
          .map((el) => [el, el.getBoundingClientRect()])
          .filter(([, r]) => r.width > 0 && r.height < 48)
          .map(([el]) => el.outerHTML.slice(0, 80)),
      }));
      expect(fit.scroll, `${path} at ${width}×${height} is wider than its screen`).toBeLessThanOrEqual(fit.width);
      expect(fit.small, `targets under 48 px on ${path} at ${width}×${height}`).toEqual([]);
    }
    await context.close();
  }
});

test('on a portrait kiosk the second event is searched by pinyin with the on-screen keys, which fit the screen', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1080, height: 1920 }, hasTouch: true, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto('./gallery?kiosk');
  const box = page.getByRole('searchbox', { name: /搜索|Search/ });
  await box.tap();
  const keyboard = page.getByRole('group', { name: /屏幕键盘|On-screen keyboard/ });
  await expect(keyboard).toBeVisible();
  // 风筝画 ("kite picture"): fengzhenghua, fzh by its initials.
  const kites = OTHER.items.filter((i) => i.title.zh.includes('风筝画'));
  for (const key of 'fzh') await keyboard.getByRole('button', { name: key, exact: true }).tap();
  await expect(page.locator('.result-count')).toContainText(grouped(kites.length));
  const titles = await page.locator('.gallery-grid .card-title').allTextContents();
  expect(titles.length).toBeGreaterThan(0);
  expect(titles.every((t) => t.includes('风筝画') || t.includes('Kite'))).toBe(true);
  const fit = await page.evaluate(() => {
    const keys = [...document.querySelectorAll('.osk button')].map((k) => k.getBoundingClientRect());
    return {
      scroll: document.documentElement.scrollWidth,
      width: document.documentElement.clientWidth,
      inside: keys.every((r) => r.left >= 0 && r.right <= document.documentElement.clientWidth && r.bottom <= window.innerHeight),
      small: keys.filter((r) => r.width < 48 || r.height < 48).length,
    };
  });
  expect(fit.scroll).toBeLessThanOrEqual(fit.width);
  expect(fit.inside).toBe(true);
  expect(fit.small).toBe(0);
  await context.close();
});

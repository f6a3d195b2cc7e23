// The site deployed under a sub-path (`trunk build --public-url /showcase/`, served under /showcase/ and
// nowhere else): links, deep links, the bundle, the service worker's scope and the kiosk's reset all stay
// under the sub-path.
import { test, expect, SAMPLE, replaceBundle } from './fixtures.mjs';

const item = SAMPLE.items[1];

async function linksOutsideSubpath(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('a[href]')]
      .map((a) => new URL(a.href))
      .filter((u) => u.origin === location.origin && !u.pathname.startsWith('/showcase/'))
      .map((u) => u.pathname + u.search),
  );
}

test('pages, links and deep links stay under /showcase/', async ({ page }) => {
  const bundleRequests = [];
  page.on('request', (r) => { if (r.url().includes('bundle.json')) bundleRequests.push(new URL(r.url()).pathname); });
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1, name: SAMPLE.meta.title.zh })).toBeVisible();
  expect(bundleRequests).toEqual(['/showcase/data/bundle.json']);
  expect(await linksOutsideSubpath(page)).toEqual([]);

  const nav = page.getByRole('navigation', { name: '主导航' });
  for (const [name, path] of [['赠礼展厅', '/showcase/gallery'], ['地图', '/showcase/map'], ['活动经过', '/showcase/story'], ['图书捐赠', '/showcase/books']]) {
    await nav.getByRole('link', { name }).click();
    await expect(page).toHaveURL(new RegExp(`${path}$`));
    await expect(page.locator('main h1')).toBeVisible();
    expect(await linksOutsideSubpath(page), `links on ${path}`).toEqual([]);
  }

  // An item, its unit link into the filtered gallery, the lightbox and Back.
  await page.goto(`./gallery/${item.id}`);
  await expect(page.getByRole('heading', { level: 1, name: item.title.zh })).toBeVisible();
  expect(await linksOutsideSubpath(page)).toEqual([]);
  await page.locator('.item-details a').first().click();
  await expect(page).toHaveURL(new RegExp(`/showcase/gallery\\?donor=${item.donors[0]}$`));
  await page.getByRole('button', { name: new RegExp(item.title.zh) }).first().click();
  await expect(page).toHaveURL(/\/showcase\/gallery\?.*view=/);
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`/showcase/gallery\\?donor=${item.donors[0]}$`));
});

test('a deep link under /showcase/ preloads its page\'s code from the sub-path, and the loader takes it', async ({ page }) => {
  await page.goto(`./gallery/${item.id}`);
  await expect(page.getByRole('heading', { level: 1, name: item.title.zh })).toBeVisible();
  const { preloaded, fetched } = await page.evaluate(() => ({
    preloaded: [...document.querySelectorAll('link[rel="preload"][as="fetch"]')].map((l) => new URL(l.href).pathname)
      .filter((p) => /\/(split|chunk)_\w+-[0-9a-f]+\.wasm$/.test(p)),
    fetched: performance.getEntriesByType('resource').filter((e) => e.initiatorType === 'fetch' && /\.wasm$/.test(e.name))
      .map((e) => new URL(e.name).pathname),
  }));
  expect(preloaded.some((p) => /^\/showcase\/split_item-/.test(p))).toBe(true);
  expect(preloaded.every((p) => p.startsWith('/showcase/'))).toBe(true);
  expect(fetched.filter((p) => preloaded.includes(p))).toEqual([]);
});

test.describe('with the service worker', () => {
  test.use({ serviceWorkers: 'allow' });

  test('the worker is scoped to the sub-path and the site reloads offline there', async ({ page, context }) => {
    await page.goto(`./gallery/${item.id}`);
    await expect(page.getByRole('heading', { level: 1, name: item.title.zh })).toBeVisible();
    // expect.poll, not page.waitForFunction: that takes an async predicate's promise as a truthy answer.
    await expect.poll(() => page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      const shell = (await caches.keys()).find((k) => k.startsWith('showcase-shell-'));
      const cached = shell ? (await (await caches.open(shell)).keys()).map((r) => r.url) : [];
      return !!navigator.serviceWorker.controller && !!registration?.scope.endsWith('/showcase/')
        && cached.some((url) => url.endsWith('/showcase/index.html'));
    }), { timeout: 20_000 }).toBe(true);
    await context.setOffline(true);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: item.title.zh })).toBeVisible();
  });
});

test('the kiosk resets to the sub-path home page', async ({ page }) => {
  await page.clock.install();
  await page.goto(`./gallery?kind=artwork&kiosk`);
  await expect(page.locator('main h1')).toBeVisible();
  await page.clock.fastForward(60_000);
  await expect(page.getByRole('alertdialog')).toBeVisible();
  await page.clock.fastForward(10_000);
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/showcase\/$/);
  await expect(page.getByRole('heading', { level: 1, name: SAMPLE.meta.title.zh })).toBeVisible();
});

test('in the kiosk, a file of the sub-path site becomes a QR code at the site\'s public address', async ({ page }) => {
  const bundle = structuredClone(SAMPLE);
  bundle.meta.base_url = 'https://showcase.example.org/wujiang/';
  await replaceBundle(page, bundle);
  await page.goto('./?kiosk');
  await expect(page.getByRole('navigation', { name: '信息亭导航' })).toBeVisible();
  // A file under the sub-path (relative, as a maintainer writes a source), and one of the same origin
  // outside it, which is not the site's and keeps its own address.
  await page.evaluate(() => {
    for (const [id, href] of [['site-file', 'docs/report.pdf?p=2'], ['other-file', '/elsewhere/report.pdf']]) {
      document.querySelector('main').append(Object.assign(document.createElement('a'), { id, href, textContent: id }));
    }
  });
  const dialog = page.getByRole('dialog', { name: '此链接通往展览之外' });
  await page.locator('#site-file').click();
  await expect(dialog.getByRole('img', { name: '二维码：https://showcase.example.org/wujiang/docs/report.pdf?p=2' })).toBeVisible();
  await dialog.getByRole('button', { name: '关闭' }).click();
  await page.locator('#other-file').click();
  await expect(dialog.getByRole('img', { name: /^二维码：http:\/\/127\.0\.0\.1:\d+\/elsewhere\/report\.pdf$/ })).toBeVisible();
  await expect(page).toHaveURL(/\/showcase\/\?kiosk$/);
});

test.describe('the pages the build wrote, under /showcase/', () => {
  test.use({ javaScriptEnabled: false });

  test('read without JavaScript, in both languages, their links and pictures under /showcase/', async ({ page }) => {
    for (const path of ['./', './gallery', `./gallery/${SAMPLE.items[0].id}`, './en/gallery', './map']) {
      const response = await page.goto(path, { prerendered: 'may-stay' });
      expect(response.status(), path).toBe(200);
      await expect(page.locator('#prerendered main h1'), path).toBeVisible();
      const hrefs = await page.locator('#prerendered a[href]').evaluateAll((links) => links.map((a) => new URL(a.href).pathname));
      expect(hrefs.length, path).toBeGreaterThan(0);
      for (const href of hrefs) expect(href, path).toMatch(/^\/showcase\//);
      const sources = await page.locator('#prerendered img').evaluateAll((images) => images.map((i) => new URL(i.currentSrc || i.src).pathname));
      for (const src of sources) expect(src, path).toMatch(/^\/showcase\//);
    }
    const missing = await page.goto('./no-such-page', { prerendered: 'may-stay' });
    expect(missing.status()).toBe(404);
    await expect(page.locator('#prerendered main h1')).toBeVisible();
  });
});

test('the app takes the pre-rendered page’s place under /showcase/', async ({ page }) => {
  await page.goto(`./gallery/${SAMPLE.items[0].id}`);
  await expect(page.locator('#prerendered')).toHaveCount(0);
  await expect(page.locator('main h1')).toHaveText(SAMPLE.items[0].title.zh);
  expect(new URL(page.url()).pathname).toBe(`/showcase/gallery/${SAMPLE.items[0].id}`);
});

test('the editor under /showcase/edit/ opens the sub-path site’s own bundle', async ({ page }) => {
  await page.goto('./edit/');
  await page.getByRole('button', { name: /Open this site's content/ }).click();
  await expect(page.locator('[id="field:meta.title.zh"]')).toHaveValue(SAMPLE.meta.title.zh);
});

test.describe('with the editor’s service worker', () => {
  test.use({ serviceWorkers: 'allow' });

  test('the editor’s preview under /showcase/edit/preview/ is the sub-path site with the draft', async ({ page, context }) => {
    await page.goto('./edit/');
    await page.getByRole('button', { name: /Open this site's content/ }).click();
    await page.locator(`[id="field:meta.title.zh"]`).fill('子路径里的预览');
    await expect(page.getByRole('status').filter({ hasText: /Draft kept/ })).toBeVisible();
    const [preview] = await Promise.all([context.waitForEvent('page'), page.getByRole('link', { name: /Preview the site/ }).click()]);
    await expect(preview).toHaveURL(/\/showcase\/edit\/preview\/$/);
    await expect(preview.locator('html')).toHaveAttribute('data-preview', '');
    await expect(preview.getByRole('main')).toContainText('子路径里的预览');
    // Its links stay in the preview.
    const outside = await preview.evaluate(() =>
      [...document.querySelectorAll('a[href]')]
        .map((a) => new URL(a.href))
        .filter((u) => u.origin === location.origin && !u.pathname.startsWith('/showcase/edit/preview/'))
        .map((u) => u.pathname),
    );
    expect(outside).toEqual([]);
  });
});

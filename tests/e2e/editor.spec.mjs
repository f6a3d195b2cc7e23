// The maintainers' editor (issue 25), at the site's edit/: opens the site's own bundle, draws its forms
// from the bundle's schema, checks the draft with the site's own rules as it is typed (each problem at
// its field and in one list that goes to it), keeps the draft in the browser across a reload, refuses
// to save while there are errors, and saves a bundle that `bundle check` accepts. A broken bundle
// opened in it shows where it breaks and is repaired there.
import { test, expect, SAMPLE, expectNoAxeViolations } from './fixtures.mjs';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serve } from './server.mjs';

const ROOT = resolve(new URL('../..', import.meta.url).pathname);

/** A minimal big-endian EXIF block (as crates/cli/tests/media_pipeline.rs writes it): Orientation = 6
 *  (stored sideways: rotate 90° clockwise to view) and a GPS position, latitude 31° 9' N. */
function exifBlock() {
  const tiff = [...Buffer.from('MM\x00\x2a\x00\x00\x00\x08', 'latin1')];
  const u16 = (n) => [(n >> 8) & 255, n & 255];
  const u32 = (n) => [(n >>> 24) & 255, (n >> 16) & 255, (n >> 8) & 255, n & 255];
  const entry = (tag, kind, count, value) => tiff.push(...u16(tag), ...u16(kind), ...u32(count), ...value);
  const gpsIfd = 8 + 2 + 2 * 12 + 4;
  const gpsData = gpsIfd + 2 + 2 * 12 + 4;
  tiff.push(...u16(2));
  entry(0x0112, 3, 1, [0, 6, 0, 0]);
  entry(0x8825, 4, 1, u32(gpsIfd));
  tiff.push(...u32(0), ...u16(2));
  entry(0x0001, 2, 2, [78, 0, 0, 0]);
  entry(0x0002, 5, 3, u32(gpsData));
  tiff.push(...u32(0));
  for (const [n, d] of [[31, 1], [9, 1], [0, 1]]) tiff.push(...u32(n), ...u32(d));
  return Buffer.from([0xff, 0xe1, ...u16(2 + 6 + tiff.length), ...Buffer.from('Exif\0\0', 'latin1'), ...tiff]);
}

/** A 1300×1000 JPEG from the browser's own encoder, stored sideways with the EXIF block after its header. */
async function phonePhoto(page) {
  const data = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 1300;
    canvas.height = 1000;
    const context = canvas.getContext('2d');
    context.fillStyle = 'rgb(180, 60, 40)';
    context.fillRect(0, 0, 1300, 1000);
    // A mark in the stored image's top-left corner: upright (turned 90° clockwise) it is at the top right.
    context.fillStyle = 'rgb(255, 255, 255)';
    context.fillRect(0, 0, 200, 200);
    return canvas.toDataURL('image/jpeg', 0.95).split(',')[1];
  });
  const jpeg = Buffer.from(data, 'base64');
  const afterApp0 = jpeg[2] === 0xff && jpeg[3] === 0xe0 ? 4 + jpeg.readUInt16BE(4) : 2;
  return Buffer.concat([jpeg.subarray(0, afterApp0), exifBlock(), jpeg.subarray(afterApp0)]);
}

/** The markers of a JPEG's header segments, up to the image data. */
function jpegMarkers(jpeg) {
  const markers = [];
  for (let at = 2; at + 4 <= jpeg.length && jpeg[at] === 0xff;) {
    markers.push(jpeg[at + 1]);
    if (jpeg[at + 1] === 0xda) break;
    at += 2 + jpeg.readUInt16BE(at + 2);
  }
  return markers;
}

/** The files of a stored (uncompressed) .zip, as the editor writes it: name → bytes. */
function unzip(zip) {
  const files = new Map();
  for (let at = 0; zip.readUInt32LE(at) === 0x04034b50;) {
    const [size, nameLength, extra] = [zip.readUInt32LE(at + 18), zip.readUInt16LE(at + 26), zip.readUInt16LE(at + 28)];
    const name = zip.subarray(at + 30, at + 30 + nameLength).toString('utf8');
    const start = at + 30 + nameLength + extra;
    files.set(name, zip.subarray(start, start + size));
    at = start + size;
  }
  return files;
}

/** The element with the id `id` (the editor's ids are paths: `field:items[2].title.zh`). */
const byId = (page, id) => page.locator(`[id="${id}"]`);

async function openTheSite(page) {
  await page.goto('./edit/');
  await page.getByRole('button', { name: /Open this site's content/ }).click();
  await expect(page.getByRole('navigation', { name: /Sections/ })).toBeVisible();
}

test.beforeEach(async ({ page }) => {
  // Each test starts without a kept draft (the origin private file system is per browser context).
  await page.goto('./edit/');
  await page.evaluate(async () => {
    const root = await navigator.storage.getDirectory();
    for await (const name of root.keys()) await root.removeEntry(name, { recursive: true });
  });
});

test('the site’s bundle opens in forms drawn from its schema, labelled in both languages', async ({ page }) => {
  await openTheSite(page);
  // The site section first: its title in Chinese and English side by side.
  await expect(byId(page, 'field:meta.title.zh')).toHaveValue(SAMPLE.meta.title.zh);
  await expect(byId(page, 'field:meta.title.en')).toHaveValue(SAMPLE.meta.title.en);
  await page.getByRole('button', { name: /展品 Items/ }).click();
  const entries = page.getByRole('region', { name: /Entries/ }).getByRole('listitem');
  await expect(entries).toHaveCount(SAMPLE.items.length);
  await page.getByRole('button', { name: new RegExp(SAMPLE.items[0].title.zh) }).click();
  await expect(page.getByRole('group', { name: '标题 Title' }).first()).toBeVisible();
  // References are chosen from lists of names, never typed as ids.
  const donors = byId(page, `field:items[0].donors`);
  const firstDonor = SAMPLE.units.find((u) => u.id === SAMPLE.items[0].donors[0]);
  await expect(donors.getByRole('listitem').first()).toContainText(firstDonor.name.zh);
  await expectNoAxeViolations(page);
});

test('a new item with a photo: its problems at its fields until it is complete, then saved as a .zip that opens again and that the checker and the site take', async ({ page, browser }) => {
  // The CLI may be compiled for the comparison: minutes on a cold machine.
  test.setTimeout(600_000);
  await openTheSite(page);
  await page.getByRole('button', { name: /展品 Items/ }).click();
  await page.getByRole('region', { name: /Entries/ }).getByRole('button', { name: /添加 · Add/ }).click();
  const n = SAMPLE.items.length;
  const at = (field) => byId(page, `field:items[${n}].${field}`);
  // Empty: errors, listed and at the fields, and saving to the site is refused.
  const save = page.getByRole('button', { name: /Save as a .zip/ });
  await expect(save).toBeDisabled();
  const problems = page.getByRole('complementary', { name: /Problems/ });
  await expect(problems.getByRole('button', { name: new RegExp(`items\\[${n}\\]`) }).first()).toBeVisible();
  // Choosing a problem in the list goes to its field.
  await problems.getByRole('button', { name: new RegExp(`items\\[${n}\\]\\.title`) }).first().click();
  await expect(page.locator(':focus')).toHaveAttribute('id', new RegExp(`items\\[${n}\\]\\.title`));

  await at('title.zh').fill('新的赠礼');
  await at('title.en').fill('A New Gift');
  // The id follows the English title, and the list of entries names the new one.
  await expect(at('id')).toHaveValue('a-new-gift');
  await expect(page.getByRole('region', { name: /Entries/ }).getByRole('button', { name: '新的赠礼 · A New Gift' })).toBeVisible();
  await at('description.zh').fill('一件新的赠礼。');
  await at('description.en').fill('A new gift.');
  await at('date').fill('2021-06-08');
  await byId(page, `field:items[${n}].donors:add`).selectOption(SAMPLE.units[0].id);
  await byId(page, `field:items[${n}].recipients:add`).selectOption(SAMPLE.units[1].id);
  await expect(problems.locator('section.error').getByRole('button', { name: new RegExp(`items\\[${n}\\]`) })).toHaveCount(0);
  await expect(save).toBeEnabled();

  // A phone photo: stored sideways with its orientation tag, and a GPS position in its EXIF.
  const photo = await phonePhoto(page);
  expect(jpegMarkers(photo)).toContain(0xe1);
  await byId(page, `field:items[${n}].media:photo`).setInputFiles({ name: 'IMG_0001.JPG', mimeType: 'image/jpeg', buffer: photo });
  await expect(page.getByRole('status').filter({ hasText: /Photo added/ })).toBeVisible({ timeout: 30_000 });
  // Its alt text is still to write, in both languages: saving waits for it.
  await expect(problems.getByRole('button', { name: new RegExp(`items\\[${n}\\]\\.media\\[0\\]\\.alt`) }).first()).toBeVisible();
  await expect(save).toBeDisabled();
  await at('media[0].alt.zh').fill('一幅红色的画');
  await at('media[0].alt.en').fill('A red painting');
  await expect(save).toBeEnabled();
  // The summary of changes names the new item.
  await expect(page.getByRole('region', { name: /Summary of changes/ })).toContainText('a-new-gift');

  const [download] = await Promise.all([page.waitForEvent('download'), save.click()]);
  const files = unzip(readFileSync(await download.path()));
  const saved = files.get('data/bundle.json').toString('utf8');
  expect(JSON.parse(files.get('data/bundle.previous.json').toString('utf8'))).toEqual(SAMPLE);
  const bundle = JSON.parse(saved);
  const item = bundle.items.at(-1);
  expect(item).toMatchObject({ id: 'a-new-gift', title: { zh: '新的赠礼', en: 'A New Gift' }, date: '2021-06-08', donors: [SAMPLE.units[0].id] });
  // Everything else as it was opened.
  expect(bundle.items.slice(0, n)).toEqual(SAMPLE.items);
  // Upright (1000 × 1300), at the site's widths, never upscaled, JPEG and WebP, without EXIF.
  const sizes = [[480, 624], [960, 1248], [1000, 1300]];
  expect(item.media[0]).toMatchObject({ src: 'media/a-new-gift-1-1000.jpg', width: 1000, height: 1300, alt: { zh: '一幅红色的画', en: 'A red painting' } });
  expect(item.media[0].variants).toEqual(sizes.map(([width, height]) => ({ src: `media/a-new-gift-1-${width}.webp`, width, height })));
  expect(item.media[0].placeholder).toMatch(/^#[0-9a-f]{6}$/);
  const photos = [...files.keys()].filter((f) => f.startsWith('media/')).sort();
  expect(photos).toEqual(sizes.flatMap(([w]) => [`media/a-new-gift-1-${w}.jpg`, `media/a-new-gift-1-${w}.webp`]).sort());
  for (const name of photos) {
    const bytes = files.get(name);
    expect(bytes.includes('Exif') || bytes.includes('EXIF') || bytes.includes('XMP '), name).toBe(false);
    if (name.endsWith('.jpg')) expect(jpegMarkers(bytes), name).not.toContain(0xe1);
    const seen = await page.evaluate(async ([data, type]) => {
      const blob = new Blob([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], { type });
      const image = await createImageBitmap(blob);
      const canvas = new OffscreenCanvas(image.width, image.height);
      const context = canvas.getContext('2d');
      context.drawImage(image, 0, 0);
      const pixel = (x, y) => [...context.getImageData(x, y, 1, 1).data.slice(0, 3)];
      return { width: image.width, height: image.height, topRight: pixel(image.width - 5, 5), topLeft: pixel(5, 5) };
    }, [bytes.toString('base64'), name.endsWith('.jpg') ? 'image/jpeg' : 'image/webp']);
    const width = Number(name.match(/-(\d+)\.\w+$/)[1]);
    expect([seen.width, seen.height], name).toEqual(sizes.find(([w]) => w === width));
    // The white mark of the stored image's top-left corner is at the top right once upright.
    expect(Math.min(...seen.topRight), name).toBeGreaterThan(200);
    expect(seen.topLeft[2], name).toBeLessThan(120);
  }

  // The .zip opens in the editor again, in a browser that has nothing kept, its photos with it.
  await page.evaluate(async () => {
    const root = await navigator.storage.getDirectory();
    for await (const name of root.keys()) await root.removeEntry(name, { recursive: true });
  });
  await page.reload();
  await page.getByLabel(/Open a bundle.json or .zip file/).setInputFiles(await download.path());
  await page.getByRole('button', { name: /展品 Items/ }).click();
  await page.getByRole('region', { name: /Entries/ }).getByRole('button', { name: '新的赠礼 · A New Gift' }).click();
  const thumbnail = page.locator('.thumbnail img[alt="一幅红色的画"]');
  await expect.poll(() => thumbnail.evaluate((i) => i.complete && i.naturalWidth > 0), { timeout: 10_000 }).toBe(true);
  expect(await thumbnail.getAttribute('src')).toMatch(/^blob:/);

  // `bundle check` accepts the site with it unpacked over it.
  const site = mkdtempSync(join(tmpdir(), 'edited-'));
  cpSync(join(ROOT, 'dist'), site, { recursive: true });
  for (const [name, bytes] of files) writeFileSync(join(site, name), bytes);
  const checked = spawnSync('sh', ['scripts/host-cargo.sh', 'run', '-q', '-p', 'bundle-cli', '--no-default-features', '--', 'check', join(site, 'data', 'bundle.json')], { cwd: ROOT, encoding: 'utf8' });
  expect(checked.status, checked.stdout + checked.stderr).toBe(0);
  expect(checked.stdout).toMatch(/0 errors/);

  // The maintainers' CLI makes the same renditions of the same photo.
  const originals = mkdtempSync(join(tmpdir(), 'originals-'));
  writeFileSync(join(originals, 'IMG_0001.JPG'), photo);
  const cli = spawnSync('sh', ['scripts/host-cargo.sh', 'run', '-q', '-p', 'bundle-cli', '--', 'media', originals, '--item', 'a-new-gift', '--bundle', join(site, 'data', 'bundle.json')], { cwd: ROOT, encoding: 'utf8' });
  expect(cli.status, cli.stdout + cli.stderr).toBe(0);
  const byCli = JSON.parse(readFileSync(join(site, 'data', 'bundle.json'), 'utf8')).items.at(-1).media[0];
  const shape = (m) => ({ src: m.src, width: m.width, height: m.height, variants: m.variants });
  expect(shape(byCli)).toEqual(shape(item.media[0]));
  writeFileSync(join(site, 'data', 'bundle.json'), saved);

  // And the site shows the item with its photo.
  const server = await serve({ root: site, port: 4190 });
  const visitor = await browser.newPage();
  try {
    await visitor.goto('http://127.0.0.1:4190/gallery/a-new-gift');
    await expect(visitor.locator('main h1')).toHaveText('新的赠礼');
    const shown = visitor.locator('main img[alt="一幅红色的画"]').first();
    await expect.poll(() => shown.evaluate((i) => i.complete && i.naturalWidth > 0)).toBe(true);
  } finally {
    await visitor.close();
    server.close();
  }
});

test('the draft survives a reload, and undo and redo step through the changes', async ({ page }) => {
  await openTheSite(page);
  const title = byId(page, 'field:meta.title.en');
  await title.fill('A changed title');
  await expect(page.getByRole('status').filter({ hasText: /Draft kept/ })).toBeVisible();
  await page.reload();
  await expect(byId(page, 'field:meta.title.en')).toHaveValue('A changed title');
  await page.getByRole('button', { name: /Undo/ }).isDisabled();
  // A change after the reload can be undone and redone.
  await byId(page, 'field:meta.title.en').fill('Another title');
  await page.getByRole('button', { name: /撤销 · Undo/ }).click();
  await expect(byId(page, 'field:meta.title.en')).toHaveValue('A changed title');
  await page.getByRole('button', { name: /重做 · Redo/ }).click();
  await expect(byId(page, 'field:meta.title.en')).toHaveValue('Another title');
});

test('a broken bundle shows where it breaks and is repaired in the editor', async ({ page }) => {
  await page.goto('./edit/');
  const good = JSON.stringify(SAMPLE, null, 2);
  // A comma missing after the first item's id.
  const broken = good.replace(`"id": "${SAMPLE.items[0].id}",`, `"id": "${SAMPLE.items[0].id}"`);
  const line = broken.slice(0, broken.indexOf(`"id": "${SAMPLE.items[0].id}"`)).split('\n').length + 1;
  await page.getByLabel(/Open a bundle.json or .zip file/).setInputFiles({ name: 'bundle.json', mimeType: 'application/json', buffer: Buffer.from(broken) });
  await expect(page.getByRole('alert')).toContainText(`line ${line}`);
  await page.locator('#broken-text').fill(good.replace(SAMPLE.meta.title.en, 'Repaired'));
  await page.getByRole('button', { name: /Apply the correction/ }).click();
  await expect(byId(page, 'field:meta.title.en')).toHaveValue('Repaired');
  // A bundle that is JSON but breaks the rules: its problems at their fields.
  const unknownDonor = structuredClone(SAMPLE);
  unknownDonor.items[0].donors = ['no-such-unit'];
  await page.getByRole('button', { name: /Open this site's content …/ }).click();
  await page.getByLabel(/Open a bundle.json or .zip file/).setInputFiles({ name: 'bundle.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(unknownDonor)) });
  const problems = page.getByRole('complementary', { name: /Problems/ });
  const problem = problems.getByRole('button', { name: /items\[0\]\.donors/ }).first();
  await expect(problem).toContainText('no-such-unit');
  await expect(page.getByRole('button', { name: /Save bundle.json/ })).toBeDisabled();
  await problem.click();
  await expect(byId(page, 'field:items[0].donors')).toBeVisible();
  await byId(page, 'field:items[0].donors').getByRole('button', { name: /Remove no-such-unit/ }).click();
  await byId(page, 'field:items[0].donors:add').selectOption(SAMPLE.units[0].id);
  await expect(page.getByRole('button', { name: /Save bundle.json/ })).toBeEnabled();
});

test('a kiosk’s tab is refused the editor', async ({ page }) => {
  await page.goto('./edit/?kiosk');
  await expect(page.getByRole('alert')).toContainText('not available on a kiosk');
  await expect(page.getByRole('button', { name: /Open this site's content/ })).toHaveCount(0);
  // Nor does a tab the site turned into a kiosk get it from a typed address.
  await page.goto('./?kiosk');
  await page.goto('./edit/');
  await expect(page.getByRole('alert')).toContainText('not available on a kiosk');
});

test('no visitor page links to the editor', async ({ page, request }) => {
  for (const path of ['./', './gallery', './story', './books', './map', `./gallery/${SAMPLE.items[0].id}`]) {
    const html = await (await request.get(path)).text();
    expect(html, path).not.toMatch(/href="[^"]*edit\//);
  }
});

test('saved into the site’s folder, the bundle it replaced kept; a bundle changed on disk since it was opened is not overwritten', async ({ page }) => {
  // The folder picker is the browser's own dialog, which a test cannot click through: it answers with a
  // folder of the origin's private file system, the same kind of handle a picked folder is.
  await page.addInitScript(() => {
    window.showDirectoryPicker = async () => (await navigator.storage.getDirectory()).getDirectoryHandle('site', { create: true });
  });
  await page.goto('./edit/');
  const original = JSON.stringify(SAMPLE, null, 2);
  const disk = {
    write: (path, text) => page.evaluate(async ([path, text]) => {
      let folder = await (await navigator.storage.getDirectory()).getDirectoryHandle('site', { create: true });
      const parts = path.split('/');
      for (const part of parts.slice(0, -1)) folder = await folder.getDirectoryHandle(part, { create: true });
      const writer = await (await folder.getFileHandle(parts.at(-1), { create: true })).createWritable();
      await writer.write(text);
      await writer.close();
    }, [path, text]),
    read: (path) => page.evaluate(async (path) => {
      let folder = await (await navigator.storage.getDirectory()).getDirectoryHandle('site');
      const parts = path.split('/');
      for (const part of parts.slice(0, -1)) folder = await folder.getDirectoryHandle(part);
      return (await (await folder.getFileHandle(parts.at(-1))).getFile()).text();
    }, path),
  };
  await disk.write('data/bundle.json', original);
  await page.getByRole('button', { name: /Open the site's folder/ }).click();
  await byId(page, 'field:meta.title.en').fill('Saved in place');
  const save = page.getByRole('button', { name: /Save into the site's folder/ });
  await save.click();
  await expect(page.getByRole('status').filter({ hasText: /Saved into the site's folder/ })).toBeVisible();
  expect(JSON.parse(await disk.read('data/bundle.json')).meta.title.en).toBe('Saved in place');
  expect(await disk.read('data/bundle.previous.json')).toBe(original);
  await expect(page.getByRole('region', { name: /Summary of changes/ })).toContainText('Nothing changed');

  // Someone else changes the bundle on disk; this draft's next save does not overwrite it.
  const theirs = structuredClone(SAMPLE);
  theirs.meta.title.en = 'Their title';
  await disk.write('data/bundle.json', JSON.stringify(theirs, null, 2));
  await byId(page, 'field:meta.title.en').fill('Mine again');
  await save.click();
  await expect(page.getByRole('status').filter({ hasText: /changed by someone else/ })).toBeVisible();
  expect(JSON.parse(await disk.read('data/bundle.json')).meta.title.en).toBe('Their title');
});

test('entries are reordered by dragging and by their buttons, each an undoable step', async ({ page }) => {
  await openTheSite(page);
  await page.getByRole('button', { name: /展品 Items/ }).click();
  const entries = page.getByRole('region', { name: /Entries/ });
  const names = () => entries.locator('.entry-name').allInnerTexts();
  const before = await names();
  // Dragging the first entry onto the third puts it there.
  await entries.locator('li').nth(0).dragTo(entries.locator('li').nth(2));
  await expect.poll(names).toEqual([before[1], before[2], before[0], ...before.slice(3)]);
  // The keyboard's way: the buttons of the second entry move it down, then up.
  await entries.locator('li').nth(1).getByRole('button', { name: /Move down/ }).click();
  await expect.poll(names).toEqual([before[1], before[0], before[2], ...before.slice(3)]);
  await page.getByRole('button', { name: /撤销 · Undo/ }).click();
  await page.getByRole('button', { name: /撤销 · Undo/ }).click();
  await expect.poll(names).toEqual(before);
  // The order is the bundle's: the summary of changes names nothing changed once undone.
  await expect(page.getByRole('region', { name: /Summary of changes/ })).toContainText('Nothing changed');
});

test('an item’s pictures are reordered by dragging, inside its form', async ({ page }) => {
  await openTheSite(page);
  await page.getByRole('button', { name: /展品 Items/ }).click();
  const item = SAMPLE.items.findIndex((i) => (i.media ?? []).length >= 2);
  await page.getByRole('region', { name: /Entries/ }).locator('.entry-name').nth(item).click();
  const media = byId(page, `field:items[${item}].media`);
  const sources = SAMPLE.items[item].media.map((m) => m.src);
  await expect(byId(page, `field:items[${item}].media[0].src`)).toHaveValue(sources[0]);
  // The events a drag of the second picture onto the first gives (Playwright's mouse drag starts at the
  // middle of the entry, which is its form's fields: they take a drag for their text).
  await media.evaluate((list) => {
    const entries = list.querySelectorAll(':scope > ol > li');
    const data = new DataTransfer();
    entries[1].dispatchEvent(new DragEvent('dragstart', { bubbles: true, dataTransfer: data }));
    entries[0].dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: data }));
    entries[0].dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: data }));
  });
  await expect(byId(page, `field:items[${item}].media[0].src`)).toHaveValue(sources[1]);
  await expect(byId(page, `field:items[${item}].media[1].src`)).toHaveValue(sources[0]);
  // The list of entries is as it was: the drag was the pictures'.
  await expect(page.getByRole('region', { name: /Entries/ }).locator('.entry-name').nth(item)).toContainText(SAMPLE.items[item].title.zh);
});

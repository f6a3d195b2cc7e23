// The maintainers' editor (issue 25), at the site's edit/: opens the site's own bundle, draws its forms
// from the bundle's schema, checks the draft with the site's own rules as it is typed (each problem at
// its field and in one list that goes to it), keeps the draft in the browser across a reload, refuses
// to save while there are errors, and saves a bundle that `bundle check` accepts. A broken bundle
// opened in it shows where it breaks and is repaired there.
import { test, expect, SAMPLE, expectNoAxeViolations } from './fixtures.mjs';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
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
  // A reference is chosen from a list and added by its button (arrow keys in the list add nothing).
  const choose = async (field, id) => {
    await byId(page, `field:items[${n}].${field}:add`).selectOption(id);
    await byId(page, `field:items[${n}].${field}`).getByRole('button', { name: /^添加 · Add$/ }).click();
  };
  await byId(page, `field:items[${n}].donors:add`).focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  // The list's choice moved (and told it changed), and nothing was added.
  await expect(byId(page, `field:items[${n}].donors:add`)).toHaveValue(SAMPLE.units[1].id);
  await expect(byId(page, `field:items[${n}].donors`).locator('.chosen li')).toHaveCount(0);
  await choose('donors', SAMPLE.units[0].id);
  await choose('recipients', SAMPLE.units[1].id);
  await expect(byId(page, `field:items[${n}].donors`).locator('.chosen li')).toHaveCount(1);
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
  // The summary of changes names the new item and its photo.
  const summary = page.getByRole('region', { name: /Summary of changes/ });
  await expect(summary).toContainText('a-new-gift');
  await expect(summary.getByRole('listitem').filter({ hasText: /Photos added/ })).toContainText(/media\/a-new-gift-[0-9a-f]{16}-\d+\.jpg/);

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
  // Named by the item and the first 8 bytes of the SHA-256 of the file as picked.
  const stem = `a-new-gift-${createHash('sha256').update(photo).digest('hex').slice(0, 16)}`;
  expect(item.media[0]).toMatchObject({ src: `media/${stem}-1000.jpg`, width: 1000, height: 1300, alt: { zh: '一幅红色的画', en: 'A red painting' } });
  expect(item.media[0].variants).toEqual(sizes.map(([width, height]) => ({ src: `media/${stem}-${width}.webp`, width, height })));
  expect(item.media[0].placeholder).toMatch(/^#[0-9a-f]{6}$/);
  const photos = [...files.keys()].filter((f) => f.startsWith('media/')).sort();
  expect(photos).toEqual(sizes.flatMap(([w]) => [`media/${stem}-${w}.jpg`, `media/${stem}-${w}.webp`]).sort());
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
  // The same sizes, JPEG and WebP (the CLI names them by number, the editor by the file's digest).
  const shape = (m) => ({
    jpeg: m.src.endsWith('.jpg'), width: m.width, height: m.height,
    variants: m.variants.map((v) => ({ webp: v.src.endsWith('.webp'), width: v.width, height: v.height })),
  });
  expect(byCli.src).toBe('media/a-new-gift-1-1000.jpg');
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

test('photos dropped on an item, several at once, each under a name no other picture has, even one an undo could bring back', async ({ page }) => {
  await openTheSite(page);
  await page.getByRole('button', { name: /展品 Items/ }).click();
  await page.getByRole('region', { name: /Entries/ }).locator('.entry-name').first().click();
  const item = SAMPLE.items[0];
  const had = item.media.length;
  const src = (k) => byId(page, `field:items[0].media[${k}].src`);
  const field = byId(page, 'field:items[0].media:photo').locator('xpath=..');
  /** Drops on the photo field files made in the page: PNGs of the given colours, and a text file. */
  const drop = (colours, withText = false) => field.evaluate(async (target, { colours, withText }) => {
    const data = new DataTransfer();
    for (const [i, colour] of colours.entries()) {
      const canvas = document.createElement('canvas');
      canvas.width = 640;
      canvas.height = 480;
      const context = canvas.getContext('2d');
      context.fillStyle = colour;
      context.fillRect(0, 0, 640, 480);
      const blob = await new Promise((ok) => canvas.toBlob(ok, 'image/png'));
      data.items.add(new File([blob], `photo-${i}.png`, { type: 'image/png' }));
    }
    if (withText) data.items.add(new File(['not a photo'], 'notes.txt', { type: 'text/plain' }));
    target.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: data }));
    target.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: data }));
  }, { colours, withText });
  const added = page.getByRole('status').filter({ hasText: /Photo added/ });

  // Each named by its record and the digest of its file: never another photo's name.
  const named = new RegExp(`^media/${item.id}-[0-9a-f]{16}-640\\.jpg$`);
  // Two photos and a text file: the photos are added, in order, the text file left out.
  await drop(['rgb(200, 30, 30)', 'rgb(30, 30, 200)'], true);
  await expect(added).toBeVisible({ timeout: 30_000 });
  await expect(src(had)).toHaveValue(named);
  await expect(src(had + 1)).toHaveValue(named);
  await expect(src(had + 2)).toHaveCount(0);
  const [redName, blueName] = [await src(had).inputValue(), await src(had + 1).inputValue()];
  expect(redName).not.toBe(blueName);

  // The first removed (undo could bring it back), then another added: it takes no other's name.
  const entry = byId(page, 'field:items[0].media').locator(':scope > ol > li').nth(had);
  await entry.locator(':scope > .entry-buttons').getByRole('button', { name: /Remove/ }).click();
  await expect(src(had)).toHaveValue(blueName);
  await drop(['rgb(30, 160, 30)']);
  await expect(src(had + 1)).toHaveValue(named, { timeout: 30_000 });
  expect([redName, blueName]).not.toContain(await src(had + 1).inputValue());
  // Undone twice, the removed one is back with its own pixels (red), not the green one's.
  await page.getByRole('button', { name: /Undo/ }).click();
  await page.getByRole('button', { name: /Undo/ }).click();
  await expect(src(had)).toHaveValue(redName);
  const red = await page.evaluate(async (name) => {
    const media = await (await navigator.storage.getDirectory()).getDirectoryHandle('media');
    const bitmap = await createImageBitmap(await (await media.getFileHandle(name)).getFile());
    const canvas = new OffscreenCanvas(1, 1);
    canvas.getContext('2d').drawImage(bitmap, 0, 0);
    return [...canvas.getContext('2d').getImageData(0, 0, 1, 1).data.slice(0, 3)];
  }, redName.replace('media/', ''));
  expect(red[0]).toBeGreaterThan(150);
  expect(red[1]).toBeLessThan(80);

  // A file that is no photo, alone, is said to be none.
  await field.evaluate((target) => {
    const data = new DataTransfer();
    data.items.add(new File(['x'], 'notes.txt', { type: 'text/plain' }));
    target.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: data }));
  });
  await expect(field.getByRole('status')).toContainText('not a JPEG, PNG or WebP photo');
  await expectNoAxeViolations(page);
});

test('a photo made ready while another entry is open is added to its own, and what it said is there on return', async ({ page }) => {
  // The browser's decoder held until the test lets it go: the other entry is open while the photo waits.
  await page.addInitScript(() => {
    const decode = window.createImageBitmap;
    window.gate = new Promise((open) => { window.openGate = open; });
    window.createImageBitmap = async function (...args) {
      await window.gate;
      return decode.apply(this, args);
    };
  });
  await openTheSite(page);
  await page.getByRole('button', { name: /展品 Items/ }).click();
  const entries = page.getByRole('region', { name: /Entries/ }).locator('.entry-name');
  await entries.nth(0).click();
  const had = SAMPLE.items[0].media.length;
  const field = byId(page, 'field:items[0].media:photo').locator('xpath=..');
  await byId(page, 'field:items[0].media:photo').setInputFiles({ name: 'IMG_0003.JPG', mimeType: 'image/jpeg', buffer: await phonePhoto(page) });
  await expect(field.getByRole('status')).toContainText('Preparing the photo');
  await entries.nth(1).click();
  await expect(byId(page, 'field:items[1].id')).toHaveValue(SAMPLE.items[1].id);
  await page.evaluate(() => window.openGate());
  // Its field is not on the screen: said aloud instead.
  await expect(page.locator('#announce')).toContainText('Photo added', { timeout: 30_000 });
  await expect(byId(page, `field:items[1].media[${SAMPLE.items[1].media?.length ?? 0}].src`)).toHaveCount(0);
  await entries.nth(0).click();
  await expect(byId(page, `field:items[0].media[${had}].src`)).toHaveValue(new RegExp(`^media/${SAMPLE.items[0].id}-`));
  await expect(field.getByRole('status')).toContainText('Photo added');
  await expect(byId(page, 'field:items[0].media:photo')).not.toHaveAttribute('aria-busy', 'true');
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

test('opening other content asks before it discards a draft’s unsaved changes, and the draft is one button away', async ({ page }) => {
  await openTheSite(page);
  await byId(page, 'field:meta.title.en').fill('Not saved anywhere');
  await page.getByRole('button', { name: /Open this site's content/ }).click();
  // Declined: nothing is opened, and the draft is still there.
  const asked = [];
  page.once('dialog', (dialog) => { asked.push(dialog.message()); dialog.dismiss(); });
  await page.getByRole('button', { name: /Open this site's content/ }).click();
  await expect.poll(() => asked.length).toBe(1);
  expect(asked[0]).toContain('changes not saved to the site');
  await page.getByRole('button', { name: /Back to the draft/ }).click();
  await expect(byId(page, 'field:meta.title.en')).toHaveValue('Not saved anywhere');
  // Accepted: the site's content replaces it.
  await page.getByRole('button', { name: /Open this site's content/ }).click();
  page.once('dialog', (dialog) => dialog.accept());
  await page.getByRole('button', { name: /Open this site's content/ }).click();
  await expect(byId(page, 'field:meta.title.en')).toHaveValue(SAMPLE.meta.title.en);
  // With nothing unsaved, nothing is asked.
  await page.getByRole('button', { name: /Open this site's content/ }).click();
  page.once('dialog', (dialog) => { asked.push(dialog.message()); dialog.dismiss(); });
  await page.getByRole('button', { name: /Open this site's content/ }).click();
  await expect(byId(page, 'field:meta.title.en')).toHaveValue(SAMPLE.meta.title.en);
  expect(asked).toHaveLength(1);
  // A new order of the entries alone is a change too: asked.
  page.removeAllListeners('dialog');
  await page.getByRole('button', { name: /展品 Items/ }).click();
  await page.getByRole('region', { name: /Entries/ }).locator('li').nth(0).getByRole('button', { name: /Move down/ }).click();
  await page.getByRole('button', { name: /Open this site's content/ }).click();
  page.once('dialog', (dialog) => { asked.push(dialog.message()); dialog.dismiss(); });
  await page.getByRole('button', { name: /Open this site's content/ }).click();
  await expect.poll(() => asked.length).toBe(2);
});

test('a draft the browser cannot keep is said to be not kept, until it is kept again', async ({ page }) => {
  // As in Safari before 26, whose file handles have no writer; then as a browser that has one again.
  await page.addInitScript(() => {
    window.writer = FileSystemFileHandle.prototype.createWritable;
  });
  await openTheSite(page);
  await page.evaluate(() => { delete FileSystemFileHandle.prototype.createWritable; });
  await byId(page, 'field:meta.title.en').fill('Typed where nothing is kept');
  const alert = page.getByRole('alert').filter({ hasText: /NOT kept in this browser/ });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('cannot write files');
  await expect(page.getByRole('status').filter({ hasText: /Draft kept/ })).toHaveCount(0);
  await page.evaluate(() => { FileSystemFileHandle.prototype.createWritable = window.writer; });
  await byId(page, 'field:meta.title.en').fill('Typed where it is kept');
  await expect(alert).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: /Draft kept/ })).toBeVisible();
  await page.reload();
  await expect(byId(page, 'field:meta.title.en')).toHaveValue('Typed where it is kept');
});

test('a new record’s id follows its name, and what refers to it follows too, until the id is typed by hand', async ({ page }) => {
  await openTheSite(page);
  const sections = page.getByRole('navigation', { name: /Sections/ });
  const entries = page.getByRole('region', { name: /Entries/ });
  const k = SAMPLE.units.length;
  await sections.getByRole('button', { name: /Units/ }).click();
  await entries.getByRole('button', { name: /添加 · Add/ }).click();
  await byId(page, `field:units[${k}].name.en`).fill('New Partner');
  await expect(byId(page, `field:units[${k}].id`)).toHaveValue('new-partner');
  // Chosen as the first item's donor.
  await sections.getByRole('button', { name: /Items/ }).click();
  await entries.locator('.entry-name').first().click();
  await byId(page, 'field:items[0].donors:add').selectOption('new-partner');
  await byId(page, 'field:items[0].donors').getByRole('button', { name: /^添加 · Add$/ }).click();
  // Renamed: its id follows, and so does the donor that named it (no reference left dangling).
  await sections.getByRole('button', { name: /Units/ }).click();
  await entries.locator('.entry-name').nth(k).click();
  await byId(page, `field:units[${k}].name.en`).fill('New Partner School');
  await expect(byId(page, `field:units[${k}].id`)).toHaveValue('new-partner-school');
  await sections.getByRole('button', { name: /Items/ }).click();
  await entries.locator('.entry-name').first().click();
  await expect(byId(page, 'field:items[0].donors').getByRole('button', { name: /Remove new-partner-school/ })).toBeVisible();
  const problems = page.getByRole('complementary', { name: /Problems/ });
  await expect(problems.getByRole('button', { name: /unknown-reference|there is no/ })).toHaveCount(0);
  // An id typed by hand is the maintainer's: the name no longer changes it.
  await sections.getByRole('button', { name: /Units/ }).click();
  await entries.locator('.entry-name').nth(k).click();
  await byId(page, `field:units[${k}].id`).fill('np-school');
  await byId(page, `field:units[${k}].name.en`).fill('Newer Partner School');
  await expect(byId(page, `field:units[${k}].id`)).toHaveValue('np-school');
});

test('a review note is shown at its text and cleared there, the keyboard going on to the text', async ({ page }) => {
  expect(SAMPLE.event.theme.review).toBeTruthy();
  await openTheSite(page);
  await page.getByRole('navigation', { name: /Sections/ }).getByRole('button', { name: /Event/ }).click();
  const theme = byId(page, 'field:event.theme');
  await expect(theme.locator('.review')).toContainText(SAMPLE.event.theme.review);
  const notes = page.getByRole('complementary', { name: /Problems/ }).locator('section.note');
  const before = await notes.getByRole('button').count();
  await theme.getByRole('button', { name: /Reviewed: clear/ }).click();
  await expect(theme.locator('.review')).toHaveCount(0);
  await expect(byId(page, 'field:event.theme.zh')).toBeFocused();
  await expect(page.locator('#announce')).toContainText('Review note cleared');
  await expect(notes.getByRole('button')).toHaveCount(before - 1);
  await page.getByRole('button', { name: /撤销 · Undo/ }).click();
  await expect(theme.locator('.review')).toContainText(SAMPLE.event.theme.review);
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
  // Said in both languages: the rule in Chinese, the checker's message in English.
  await expect(problem.locator('[lang="zh-CN"]')).toHaveText(/引用了不存在的条目/);
  await expect(problem.locator('[lang="en"]')).toContainText('there is no');
  await expect(page.getByRole('button', { name: /Save bundle.json/ })).toBeDisabled();
  await problem.click();
  // The problem goes to the reference that is wrong, and is said beside it.
  const wrong = byId(page, 'field:items[0].donors').getByRole('button', { name: /Remove no-such-unit/ });
  await expect(wrong).toBeFocused();
  // In sight, not under the sticky bar.
  const bar = await page.locator('header.bar').boundingBox();
  expect((await wrong.boundingBox()).y).toBeGreaterThanOrEqual(bar.y + bar.height);
  await expect(wrong.locator('xpath=..').locator('.field-problems')).toContainText('there is no');
  await wrong.click();
  await byId(page, 'field:items[0].donors:add').selectOption(SAMPLE.units[0].id);
  await byId(page, 'field:items[0].donors').getByRole('button', { name: /^添加 · Add$/ }).click();
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

test('where the site makes every visitor a kiosk, the editor is refused unless the tab left kiosk mode', async ({ page }) => {
  const bundle = structuredClone(SAMPLE);
  bundle.kiosk = { ...(bundle.kiosk ?? {}), enabled: true };
  await page.route('**/data/bundle.json', (route) => route.fulfill({ json: bundle }));
  await page.goto('./edit/');
  await expect(page.getByRole('alert')).toContainText('not available on a kiosk');
  await expect(page.getByRole('button', { name: /Open this site's content/ })).toHaveCount(0);
  // A maintainer's tab says it is none (as the site's own `?kiosk=0`), and is remembered for the tab.
  await page.goto('./edit/?kiosk=0');
  await expect(page.getByRole('button', { name: /Open this site's content/ })).toBeVisible();
  await page.goto('./edit/');
  await expect(page.getByRole('button', { name: /Open this site's content/ })).toBeVisible();
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

  // Closed and opened again once what was saved is kept with the draft: it goes on from the saved
  // bundle, and its next save is not taken for someone else's change.
  await expect.poll(() => page.evaluate(async () => {
    const file = await (await (await navigator.storage.getDirectory()).getFileHandle('opened.json')).getFile();
    return JSON.parse(await file.text()).meta.title.en;
  })).toBe('Saved in place');
  await page.reload();
  await expect(byId(page, 'field:meta.title.en')).toHaveValue('Saved in place');
  await expect(page.getByRole('region', { name: /Summary of changes/ })).toContainText('Nothing changed');
  await byId(page, 'field:meta.title.en').fill('Saved again');
  await save.click();
  await expect(page.getByRole('status').filter({ hasText: /Saved into the site's folder/ })).toBeVisible();
  expect(JSON.parse(await disk.read('data/bundle.json')).meta.title.en).toBe('Saved again');
  expect(JSON.parse(await disk.read('data/bundle.previous.json')).meta.title.en).toBe('Saved in place');

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
  // Tall enough for the first three entries at once: Playwright's drag scrolls to its target after
  // pressing, and an entry far from the screen is laid out only once it is near (content-visibility),
  // so the drag would start from whatever is then under the pointer (a person's drag scrolls itself).
  await page.setViewportSize({ width: 1280, height: 1200 });
  await openTheSite(page);
  await page.getByRole('button', { name: /展品 Items/ }).click();
  const entries = page.getByRole('region', { name: /Entries/ });
  // Their text, not their rendered text: the entries off the screen are not rendered.
  const names = () => entries.locator('.entry-name').allTextContents();
  const before = await names();
  // Dragging the first entry onto the third puts it there.
  await entries.locator('li').nth(0).dragTo(entries.locator('li').nth(2));
  await expect.poll(names).toEqual([before[1], before[2], before[0], ...before.slice(3)]);
  // The keyboard's way: the buttons of the second entry move it down, then up.
  await entries.locator('li').nth(1).getByRole('button', { name: /Move down/ }).click();
  await expect.poll(names).toEqual([before[1], before[0], before[2], ...before.slice(3)]);
  // A new order is a change the summary tells, though no record changed.
  const summary = page.getByRole('region', { name: /Summary of changes/ });
  await expect(summary).toContainText('In a new order');
  await expect(summary).not.toContainText('Changed:');
  await page.getByRole('button', { name: /撤销 · Undo/ }).click();
  await page.getByRole('button', { name: /撤销 · Undo/ }).click();
  await expect.poll(names).toEqual(before);
  // The order is the bundle's: the summary of changes names nothing changed once undone.
  await expect(page.getByRole('region', { name: /Summary of changes/ })).toContainText('Nothing changed');

  // From the keyboard: the first entry, open in the form, moved down twice with Enter; the keyboard
  // stays with it, the form still shows it, and each move is said.
  await entries.locator('.entry-name').nth(0).click();
  await expect(byId(page, 'field:items[0].id')).toHaveValue(SAMPLE.items[0].id);
  await entries.locator('li').nth(0).getByRole('button', { name: /Move down/ }).focus();
  await page.keyboard.press('Enter');
  await expect(entries.locator('li').nth(1).getByRole('button', { name: /Move down/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(entries.locator('li').nth(2).getByRole('button', { name: /Move down/ })).toBeFocused();
  await expect.poll(names).toEqual([before[1], before[2], before[0], ...before.slice(3)]);
  await expect(byId(page, 'field:items[2].id')).toHaveValue(SAMPLE.items[0].id);
  await expect(entries.locator('.entry-name').nth(2)).toHaveAttribute('aria-current', 'true');
  await expect(page.locator('#announce')).toHaveText(`已移到第 3 项（共 ${before.length} 项） · Moved to 3 of ${before.length}`);
  // Undo and redo carry the form with its record too.
  await page.getByRole('button', { name: /撤销 · Undo/ }).click();
  await expect(byId(page, 'field:items[1].id')).toHaveValue(SAMPLE.items[0].id);
  await expect(entries.locator('.entry-name').nth(1)).toHaveAttribute('aria-current', 'true');
  await page.getByRole('button', { name: /重做 · Redo/ }).click();
  await expect(byId(page, 'field:items[2].id')).toHaveValue(SAMPLE.items[0].id);
  await entries.locator('li').nth(2).getByRole('button', { name: /Move down/ }).focus();
  // Removed: the form closes (no other record's form in its place), the keyboard goes to the entry now
  // in its place.
  await page.keyboard.press('Tab');
  await expect(entries.locator('li').nth(2).getByRole('button', { name: /Remove/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect.poll(names).toEqual([before[1], before[2], ...before.slice(3)]);
  await expect(byId(page, 'field:items[2].id')).toHaveCount(0);
  await expect(entries.locator('li').nth(2).getByRole('button', { name: /Move down/ })).toBeFocused();
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
  // Each picture is drawn beside its own fields (its alt text written beside the right one).
  const shown = media.locator(':scope > ol > li > .thumbnail img');
  await expect(shown.nth(0)).toHaveAttribute('src', `../${sources[1]}`);
  await expect(shown.nth(1)).toHaveAttribute('src', `../${sources[0]}`);
  await expect(shown.nth(0)).toHaveAttribute('alt', SAMPLE.items[item].media[1].alt.zh);
  // The list of entries is as it was: the drag was the pictures'.
  await expect(page.getByRole('region', { name: /Entries/ }).locator('.entry-name').nth(item)).toContainText(SAMPLE.items[item].title.zh);
});

test('a unit’s position is chosen by clicking its map, moved by the arrow keys, and undone', async ({ page }) => {
  await openTheSite(page);
  await page.getByRole('navigation', { name: /Sections/ }).getByRole('button', { name: /Units/ }).click();
  const unit = SAMPLE.units[0];
  await page.getByRole('button', { name: new RegExp(unit.name.zh) }).first().click();
  const lat = byId(page, 'field:units[0].location.lat');
  const lon = byId(page, 'field:units[0].location.lon');
  await expect(lat).toHaveValue(String(unit.location.lat));
  const map = page.getByRole('application', { name: /Choose the position on the map/ });
  // The site's outlines are drawn under the position.
  await expect(map.locator('.outlines path').first()).toBeAttached();
  // A click a quarter of the map's width right of its centre (the position): 4° wide at first, so
  // 1° of the drawing east, 1 / cos 35° of longitude; the latitude stays.
  const box = await map.boundingBox();
  await map.click({ position: { x: box.width * 0.75, y: box.height / 2 } });
  // Within a pixel and a half of it: a mouse event's position is in whole pixels.
  const pixel = 4 / box.width / 0.819;
  await expect.poll(async () => Math.abs(Number(await lon.inputValue()) - unit.location.lon - 1 / 0.819)).toBeLessThan(1.5 * pixel);
  const clicked = Number(await lat.inputValue());
  expect(Math.abs(clicked - unit.location.lat)).toBeLessThan(1.5 * (3 / box.height));
  // The arrow keys move it by a hundredth of the map's width.
  await map.focus();
  await map.press('ArrowUp');
  await expect.poll(async () => Number(await lat.inputValue()) - clicked).toBeCloseTo(0.04, 4);
  // The undo knows it as any other edit: the click and the nudge a moment later one step, as
  // keystrokes in a field are.
  await page.getByRole('button', { name: /Undo/ }).click();
  await expect(page.getByRole('button', { name: /Undo/ })).toBeDisabled();
  await expect(lat).toHaveValue(String(unit.location.lat));
  await expect(lon).toHaveValue(String(unit.location.lon));
  await expectNoAxeViolations(page);
});

test('where the browser cannot write a folder, a picked site folder opens with its photos', async ({ page }) => {
  // Firefox and Safari have no showDirectoryPicker: the folder comes from a file input instead.
  await page.addInitScript(() => {
    delete window.showDirectoryPicker;
    delete Window.prototype.showDirectoryPicker;
  });
  const site = mkdtempSync(join(tmpdir(), 'editor-folder-'));
  cpSync(join(ROOT, 'dist', 'data'), join(site, 'data'), { recursive: true });
  cpSync(join(ROOT, 'dist', 'media'), join(site, 'media'), { recursive: true });
  const bundle = structuredClone(SAMPLE);
  bundle.meta.title.zh = '文件夹里的标题';
  writeFileSync(join(site, 'data', 'bundle.json'), JSON.stringify(bundle));
  await page.goto('./edit/');
  // A photo left from another draft is not this one's: it is forgotten when the folder opens.
  await page.evaluate(async () => {
    const media = await (await navigator.storage.getDirectory()).getDirectoryHandle('media', { create: true });
    const writer = await (await media.getFileHandle('left-over-1-480.jpg', { create: true })).createWritable();
    await writer.write('not this draft’s');
    await writer.close();
  });
  // A file input (which the accessibility tree also calls a button), not the picker's button.
  await expect(page.locator('button', { hasText: /Open the site's folder/ })).toHaveCount(0);
  await expect(page.locator('input[type=file][webkitdirectory]')).toHaveCount(1);
  await page.getByLabel(/Open the site's folder/).setInputFiles(site);
  await expect(byId(page, 'field:meta.title.zh')).toHaveValue('文件夹里的标题');
  // Its photos are kept with the draft, as a .zip's are.
  const kept = await page.evaluate(async () => {
    const media = await (await navigator.storage.getDirectory()).getDirectoryHandle('media');
    const names = [];
    for await (const name of media.keys()) names.push(name);
    return names;
  });
  const first = SAMPLE.items[0].media[0].src.replace('media/', '');
  expect(kept).toContain(first);
  await expect.poll(() => page.evaluate(async () => {
    const media = await (await navigator.storage.getDirectory()).getDirectoryHandle('media');
    const names = [];
    for await (const name of media.keys()) names.push(name);
    return names.includes('left-over-1-480.jpg');
  })).toBe(false);
});

test('where the browser gives no folder handle, a dropped site folder opens from its entries, photos too', async ({ page }) => {
  // Firefox and Safari hand a dropped folder over as entries of the File and Directory Entries API
  // (webkitGetAsEntry), not as a handle. Chromium here has both, so the handle is taken away and the
  // entries are the API's shape over real files: a reader that answers in batches, then an empty one.
  await page.addInitScript(() => {
    delete window.showDirectoryPicker;
    delete Window.prototype.showDirectoryPicker;
    delete DataTransferItem.prototype.getAsFileSystemHandle;
  });
  const bundle = structuredClone(SAMPLE);
  bundle.meta.title.zh = '拖进来的文件夹';
  const photo = SAMPLE.items[0].media[0].src;
  const files = {
    'data/bundle.json': Buffer.from(JSON.stringify(bundle)).toString('base64'),
    [photo]: readFileSync(join(ROOT, 'dist', photo)).toString('base64'),
    'index.html': Buffer.from('<!doctype html>').toString('base64'),
  };
  await page.goto('./edit/');
  // The ways to open are drawn once the kept draft has been looked for.
  await expect(page.locator('section.open')).toBeVisible();
  await page.evaluate((files) => {
    const later = (f) => setTimeout(f, 10);
    const fileEntry = (path, bytes) => ({
      isFile: true, isDirectory: false, name: path.split('/').pop(), fullPath: `/${path}`,
      file: (ok) => later(() => ok(new File([Uint8Array.from(atob(bytes), (c) => c.charCodeAt(0))], path.split('/').pop()))),
    });
    const folderEntry = (path, children) => ({
      isFile: false, isDirectory: true, name: path.split('/').pop(), fullPath: `/${path}`,
      createReader: () => {
        const left = [...children];
        return { readEntries: (ok) => later(() => ok(left.splice(0, 2))) };
      },
    });
    // site/ with data/, media/ and a file beside them, as the folder tree of a built site.
    const tree = (prefix, names) => {
      const here = new Map();
      for (const name of names) {
        const [head, ...rest] = name.split('/');
        if (!here.has(head)) here.set(head, []);
        if (rest.length) here.get(head).push(rest.join('/'));
      }
      return [...here].map(([head, rest]) => rest.length
        ? folderEntry(`${prefix}/${head}`, tree(`${prefix}/${head}`, rest))
        : fileEntry(`${prefix}/${head}`, files[`${prefix}/${head}`.replace(/^site\//, '')]));
    };
    const site = folderEntry('site', tree('site', Object.keys(files)));
    const data = new DataTransfer();
    data.items.add(new File([], 'site'));
    DataTransferItem.prototype.webkitGetAsEntry = () => site;
    const target = document.querySelector('section.open');
    target.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: data }));
  }, files);
  await expect(byId(page, 'field:meta.title.zh')).toHaveValue('拖进来的文件夹');
  const kept = await page.evaluate(async () => {
    const media = await (await navigator.storage.getDirectory()).getDirectoryHandle('media');
    const names = [];
    for await (const name of media.keys()) names.push(name);
    return names;
  });
  expect(kept).toEqual([photo.replace('media/', '')]);
});

test.describe('with the editor’s service worker', () => {
  test.use({ serviceWorkers: 'allow' });

  test('the draft is previewed as the site, its pages and the kiosk, and nothing of it reaches the published site', async ({ page, context }) => {
    test.setTimeout(120_000);
    await openTheSite(page);
    await page.getByRole('button', { name: /展品 Items/ }).click();
    const item = SAMPLE.items[0];
    await page.getByRole('button', { name: new RegExp(item.title.zh) }).first().click();
    await byId(page, 'field:items[0].title.zh').fill('预览里的新标题');
    // A photo added to the draft is in the preview too (kept in the browser, not on the site).
    const k = item.media.length;
    await byId(page, 'field:items[0].media:photo').setInputFiles({ name: 'IMG_0002.JPG', mimeType: 'image/jpeg', buffer: await phonePhoto(page) });
    await expect(page.getByRole('status').filter({ hasText: /Photo added/ })).toBeVisible({ timeout: 30_000 });
    await byId(page, `field:items[0].media[${k}].alt.zh`).fill('预览中的照片');
    await byId(page, `field:items[0].media[${k}].alt.en`).fill('A photo seen in preview');
    await expect(page.getByRole('status').filter({ hasText: /Draft kept/ })).toBeVisible();

    const [preview] = await Promise.all([context.waitForEvent('page'), page.getByRole('link', { name: /Preview the site/ }).click()]);
    await expect(preview).toHaveURL(/\/edit\/preview\/$/);
    await expect(preview.locator('html')).toHaveAttribute('data-preview', '');
    await preview.goto('./edit/preview/gallery');
    await expect(preview.getByRole('main')).toContainText('预览里的新标题');
    await preview.goto(`./edit/preview/gallery/${item.id}`);
    await expect(preview.getByRole('heading', { level: 1 })).toContainText('预览里的新标题');
    const photo = preview.locator('img[alt="预览中的照片"]');
    await photo.scrollIntoViewIfNeeded();
    await expect.poll(() => photo.evaluate((img) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    // A preview keeps nothing: the draft is not anyone's last good bundle.
    expect(await preview.evaluate(() => localStorage.getItem('showcase.bundle.last-good'))).toBeNull();
    // It follows the draft: an edit made now is there once kept, with no reload by hand.
    await byId(page, 'field:items[0].title.zh').fill('预览跟着草稿');
    await expect(preview.getByRole('heading', { level: 1 })).toContainText('预览跟着草稿', { timeout: 15_000 });

    const [kiosk] = await Promise.all([context.waitForEvent('page'), page.getByRole('link', { name: /Preview the kiosk/ }).click()]);
    await expect(kiosk.getByRole('navigation', { name: /信息亭导航|Kiosk navigation/ })).toBeVisible();
    await kiosk.goto(`./edit/preview/gallery/${item.id}?kiosk=1`);
    await expect(kiosk.getByRole('heading', { level: 1 })).toContainText('预览跟着草稿');

    // The published site is as it was.
    const site = await context.newPage();
    await site.goto(`./gallery/${item.id}`);
    await expect(site.getByRole('heading', { level: 1 })).toContainText(item.title.zh);
    await expect(site.getByRole('heading', { level: 1 })).not.toContainText('预览跟着草稿');
  });

  test('offline, the editor opens again with its draft', async ({ page, context }) => {
    await openTheSite(page);
    await byId(page, 'field:meta.title.en').fill('Edited with no network');
    await expect(page.getByRole('status').filter({ hasText: /Draft kept/ })).toBeVisible();
    // The worker active, its files kept (install waits for them): the next navigation is its own,
    // whether or not this page, loaded while it was installing, was claimed.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    await context.setOffline(true);
    await page.reload();
    await expect(byId(page, 'field:meta.title.en')).toHaveValue('Edited with no network');
    await context.setOffline(false);
  });
});

// Browser benchmark of the maintainers' editor (not a test: it reports, it does not judge), on synthetic
// bundles (crates/bundle/examples/synth.rs; 1,000 and 5,000 items by default) served as the site's own,
// in headless Chromium, unthrottled:
//  - open: from the click on "Open this site's content" to the forms drawn and the first check listed
//    (fetch, JSON, the sections, the check);
//  - keystroke: from a key typed into an item's English title (CDP Input.insertText, as a keyboard) to
//    the page updated and laid out (the draft changed, the list of entries and the form drawn again),
//    p50 / p95 over 40 keystrokes 50 ms apart (a fast typist), the check deferred meanwhile;
//  - check: the check the draft gets once typing pauses (150 ms): serialising the draft, the site's own
//    parse and validation, the problems listed; the editor's own measure, median of 10 pauses;
//  - memory after a forced GC: JS heap (CDP Runtime.getHeapUsage) and the wasm linear memory;
//  - size: the editor's files, raw and gzip -9 (not in the visitors' budget).
// Usage: node scripts/bench-editor.mjs [--dist dist] [--sizes 1000,5000]   (after `make build`)
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import { serve } from '../tests/e2e/server.mjs';

const { values: opts } = parseArgs({ options: { dist: { type: 'string', default: 'dist' }, sizes: { type: 'string', default: '1000,5000' } } });
const SIZES = opts.sizes.split(',').map(Number).filter(Boolean);
const PORT = 4196;
const percentile = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))];

const server = await serve({ root: opts.dist, port: PORT });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
const rows = [];
try {
  for (const n of SIZES) {
    const bundle = execFileSync('cargo', ['run', '-q', '-p', 'bundle', '--example', 'synth', '--', String(n)], {
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, CARGO_TARGET_DIR: 'target/bench' },
    }).toString();
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    await context.route('**/data/bundle.json', (route) => route.fulfill({ contentType: 'application/json', body: bundle }));
    await context.addInitScript(() => {
      addEventListener('TrunkApplicationStarted', (e) => { window.__wasmMemory = e.detail?.wasm?.memory; });
    });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await page.goto(`http://127.0.0.1:${PORT}/edit/`);
    await page.evaluate(async () => {
      const root = await navigator.storage.getDirectory();
      for await (const name of root.keys()) await root.removeEntry(name, { recursive: true });
    });
    await page.reload();
    const open = page.getByRole('button', { name: /Open this site's content/ });
    await open.waitFor();
    const t0 = await page.evaluate(() => performance.now());
    await open.click();
    await page.locator('[id="field:meta.title.zh"]').waitFor();
    await page.waitForFunction(() => /\d+ ms/.test(document.querySelector('.timing')?.textContent ?? ''));
    const opened = (await page.evaluate(() => performance.now())) - t0;

    await page.getByRole('button', { name: /展品 Items/ }).click();
    await page.locator('.entries .entry-name').first().click();
    const title = page.locator('[id="field:items[0].title.en"]');
    await title.click();
    await page.keyboard.press('End');
    // Each key typed through CDP (as a keyboard does), timed in the page from before it to the next frame
    // after it, with the page laid out: what a typist waits for.
    const keystrokes = [];
    for (let k = 0; k < 40; k += 1) {
      await page.evaluate(() => { window.__t0 = performance.now(); });
      await cdp.send('Input.insertText', { text: 'x' });
      keystrokes.push(await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => {
        void document.body.offsetHeight;
        resolve(performance.now() - window.__t0);
      }))));
      await page.waitForTimeout(50);
    }
    const checks = [];
    for (let k = 0; k < 10; k += 1) {
      const before = await page.locator('.timing').textContent();
      await cdp.send('Input.insertText', { text: 'y' });
      await page.waitForFunction((b) => document.querySelector('.timing')?.textContent !== b, before, { timeout: 30_000 }).catch(() => {});
      checks.push(Number((await page.locator('.timing').textContent()).match(/(\d+) ms/)?.[1] ?? NaN));
      await page.waitForTimeout(300);
    }
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const wasm = await page.evaluate(() => window.__wasmMemory?.buffer.byteLength ?? 0);
    rows.push({ n, mb: bundle.length / 1e6, opened, p50: percentile(keystrokes, 50), p95: percentile(keystrokes, 95), check: percentile(checks, 50), heap: heap.usedSize / 1e6, wasm: wasm / 1e6 });
    await context.close();
    console.error(`measured ${n} items`);
  }
} finally {
  await browser.close();
  server.close();
}
console.log('| items | bundle | open (click → forms and first check) | keystroke → page updated, p50 | p95 | check after a pause (median of 10) | JS heap | wasm memory |');
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(`| ${r.n} | ${r.mb.toFixed(1)} MB | ${Math.round(r.opened)} ms | ${r.p50.toFixed(1)} ms | ${r.p95.toFixed(1)} ms | ${r.check} ms | ${r.heap.toFixed(0)} MB | ${r.wasm.toFixed(0)} MB |`);
}
const files = readdirSync(join(opts.dist, 'edit')).filter((f) => /\.(js|wasm|css|html)$/.test(f));
const size = (f) => readFileSync(join(opts.dist, 'edit', f));
const raw = files.reduce((s, f) => s + size(f).length, 0) / 1000;
const gz = files.reduce((s, f) => s + gzipSync(size(f), { level: 9 }).length, 0) / 1000;
console.log(`\nThe editor's files (${files.length}: ${files.join(', ')}): ${raw.toFixed(1)} KB raw, ${gz.toFixed(1)} KB gzip -9.`);

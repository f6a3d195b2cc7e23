// Browser benchmark of the gallery (not a test: it reports, it does not judge). For synthetic bundles of
// 1,000, 5,000 and 20,000 items (crates/bundle/examples/synth.rs) it measures in headless Chromium:
//  - first render: navigation start to the first card of /gallery in the DOM (fetch + parse + validate
//    + index + render), median of 3 loads;
//  - pinyin spellings: the pinyin chunk's work on the whole index, once, after the search box's focus;
//  - keystroke to updated grid: from an `input` event in the search box to the grid updated and laid
//    out (all reactive work, DOM changes and a forced layout), p50 and p95 over 190 keystrokes (scripts/keystrokes.mjs),
//    with the pinyin spellings in;
//  - first sort by title: choosing "by title" in the sort box to the grid updated and laid out, the first
//    time on a fresh page (the title order is made then, by the browser's collator), in English
//    (/en/gallery) and in Chinese (/gallery), median of 3 pages each.
// Usage: [BENCH_DIST=dist] node scripts/bench-gallery.mjs [sizes…]   (make bench builds dist/ and the generator first)
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { serve } from '../tests/e2e/server.mjs';
import { QUERIES, percentile, timeKeystrokes } from './keystrokes.mjs';

const sizes = process.argv.slice(2).map(Number).filter(Boolean);
const SIZES = sizes.length ? sizes : [1000, 5000, 20000];
const PORT = 4198;
// Ten rounds of the queries: with 190 keystrokes the p95 is the 181st, not the 3rd-largest of 60.
const KEYSTROKES = QUERIES.length * 10;

const fmt = (x) => x.toFixed(1);

// In the page: from a select's new value to the grid updated and laid out, as scripts/keystrokes.mjs
// times a keystroke; the first card must have changed.
const timeChange = async ({ select, value }) => {
  const before = document.querySelector('.gallery-grid > li')?.textContent;
  const t0 = performance.now();
  const box = document.querySelector(select);
  box.value = value;
  box.dispatchEvent(new Event('change', { bubbles: true }));
  await new Promise((resolve) => setTimeout(resolve, 0));
  void document.body.offsetHeight;
  const t1 = performance.now();
  const first = document.querySelector('.gallery-grid > li')?.textContent;
  if (first === before) throw new Error('the grid did not change');
  // As for a keystroke: had the update not been finished, the grid would change a moment later.
  await new Promise((resolve) => setTimeout(resolve, 30));
  if (document.querySelector('.gallery-grid > li')?.textContent !== first) throw new Error('the grid changed after the measured window');
  return t1 - t0;
};

const server = await serve({ root: process.env.BENCH_DIST ?? 'dist', port: PORT });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const rows = [];
try {
  for (const n of SIZES) {
    const bundle = execFileSync('cargo', ['run', '-q', '-p', 'bundle', '--example', 'synth', '--', String(n)], {
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, CARGO_TARGET_DIR: 'target/bench' },
    }).toString();
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-GB', serviceWorkers: 'block' });
    await context.route('**/data/bundle.json', (route) => route.fulfill({ contentType: 'application/json', body: bundle }));
    await context.addInitScript(() => {
      new MutationObserver((_, observer) => {
        // The app's own cards (the synthetic bundle's), not the page the build wrote from the sample:
        // that one has gone when the app's drawing takes its place.
        if (document.querySelector('.gallery-grid > li') && !document.getElementById('prerendered')) {
          window.__firstCard = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    const firstRenders = [];
    let page;
    for (let run = 0; run < 3; run += 1) {
      page = await context.newPage();
      await page.goto(`http://127.0.0.1:${PORT}/gallery`);
      await page.waitForFunction(() => window.__firstCard, null, { timeout: 120_000 });
      firstRenders.push(await page.evaluate(() => window.__firstCard));
      if (run < 2) await page.close();
    }
    // Each language has its own address (/en/… for English; the synthetic bundle's default language is
    // Chinese, at the site's own): a fresh page of each, three times.
    const sorts = { en: [], zh: [] };
    for (let run = 0; run < 3; run += 1) {
      for (const [lang, path, html] of [['en', '/en/gallery', 'en'], ['zh', '/gallery', 'zh-CN']]) {
        const fresh = await context.newPage();
        await fresh.goto(`http://127.0.0.1:${PORT}${path}`);
        await fresh.waitForFunction(() => window.__firstCard, null, { timeout: 120_000 });
        await fresh.evaluate(() => new Promise((resolve) => setTimeout(resolve, 500)));
        const shown = await fresh.evaluate(() => document.documentElement.lang);
        if (shown !== html) throw new Error(`${path} opened in ${shown}, not ${html}`);
        sorts[lang].push(await fresh.evaluate(timeChange, { select: '#gallery-sort', value: 'title' }));
        await fresh.close();
      }
    }
    // The pinyin spellings: their chunk is asked for when the search box gets focus, and spells the
    // whole index once it is in (one long task); the keystrokes below search with them.
    await page.focus('#gallery-search');
    const pinyin = await (await page.waitForFunction(() => performance.getEntriesByName('search:pinyin')[0]?.duration,
      null, { timeout: 120_000 })).jsonValue();
    const times = await timeKeystrokes(page, KEYSTROKES);
    const heapMb = (await page.evaluate(() => performance.memory?.usedJSHeapSize ?? 0)) / 1024 / 1024;
    if (process.env.BENCH_VERBOSE) console.error(JSON.stringify(times.map((t) => Math.round(t))));
    rows.push({ n, bytes: bundle.length, first: percentile(firstRenders, 50), p50: percentile(times, 50), p95: percentile(times, 95), heapMb,
      sortEn: percentile(sorts.en, 50), sortZh: percentile(sorts.zh, 50), pinyin });
    await context.close();
    console.error(`measured ${n} items`);
  }
} finally {
  await browser.close();
  server.close();
}
console.log('| items | bundle | first render (median of 3) | pinyin spellings, once | keystroke → grid p50 | p95 | JS heap after | first sort by title, en | zh |');
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(`| ${r.n} | ${(r.bytes / 1024 / 1024).toFixed(1)} MB | ${fmt(r.first)} ms | ${fmt(r.pinyin)} ms | ${fmt(r.p50)} ms | ${fmt(r.p95)} ms | ${r.heapMb.toFixed(0)} MB | ${fmt(r.sortEn)} ms | ${fmt(r.sortZh)} ms |`);
}

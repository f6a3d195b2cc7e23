// First-visit benchmark of whole builds side by side (not a test: it reports, it does not judge): for
// each page, the largest contentful paint and the total blocking time of a cold load, as a phone on a
// slow network sees them, for two or more dist directories in one run. Made to compare the release
// build (route chunks) with the same site as one wasm module (`make build-nosplit`), but any builds will do.
//  - Headless Debian Chromium (playwright-core), viewport 412×823, CDP CPU throttling 4×, a fresh context
//    per load (empty cache), service workers blocked; with --service-worker they are allowed, so the
//    app's worker registers and installs during the visit, its requests on the same slow link.
//  - The network: bench/server.mjs's slow link, as `bench-load.mjs --network server`: every response
//    waits 150 ms, and all bodies share one 1.6 Mbit/s link (Lighthouse's mobile Slow 4G); gzip on.
//  - FCP: the `first-contentful-paint` paint entry; LCP: the last `largest-contentful-paint` entry; TBT: the sum over long tasks that start in the
//    first 6 s of their time beyond 50 ms (PerformanceObserver, buffered). Each load is watched for 6.5 s;
//    "served": the bytes that went out on the slow link in that time (bodies, page and service worker).
//  - Builds and pages interleaved run by run; the median of --runs (5) per build and page, with the range.
//  - --static: one more build, "static", a copy of the first with every script taken out of its pages
//    (`<script>`, module and script preloads, the wasm's preload): the pre-rendered pages as a static
//    site would serve them, the floor for the first paints. Each build's FCP and LCP are also given as a
//    ratio to it.
// Usage: node scripts/bench-first-load.mjs --dist dist,dist-nosplit [--pages /,/gallery,/map] [--runs 5]
//        [--service-worker] [--static]
import { chromium } from 'playwright-core';
import { parseArgs } from 'node:util';
import { serveBench } from '../bench/server.mjs';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A copy of the build `dist` whose pages have no scripts (and no compressed copies of the old pages). */
function scriptless(dist) {
  const copy = join(mkdtempSync(join(tmpdir(), 'bench-static-')), 'static');
  cpSync(dist, copy, { recursive: true });
  for (const entry of readdirSync(copy, { recursive: true })) {
    const file = join(copy, entry);
    if (/\.html\.(gz|br)$/.test(entry)) rmSync(file);
    if (!entry.endsWith('.html')) continue;
    const html = readFileSync(file, 'utf8')
      .replace(/<script\b[\s\S]*?<\/script>/g, '')
      .replace(/<link\b[^>]*\brel="?(modulepreload|preload)"?[^>]*>/g, (link) => (/\bas="?image/.test(link) || /\bas="?style/.test(link) ? link : ''));
    writeFileSync(file, html);
  }
  process.on('exit', () => rmSync(copy, { recursive: true, force: true }));
  return copy;
}
const label = (dist) => (dist.includes('bench-static-') ? 'static' : dist);

const { values: opts } = parseArgs({
  options: {
    dist: { type: 'string', default: 'dist,dist-nosplit' },
    pages: { type: 'string', default: '/,/gallery,/map' },
    runs: { type: 'string', default: '5' },
    port: { type: 'string', default: '4300' },
    'service-worker': { type: 'boolean', default: false },
    static: { type: 'boolean', default: false },
  },
});
const DISTS = opts.dist.split(',');
if (opts.static) DISTS.push(scriptless(DISTS[0]));
const PAGES = opts.pages.split(',');
const RUNS = Math.max(1, Number(opts.runs));
const PORT = Number(opts.port);
const LINK = { latencyMs: 150, bytesPerSecond: (1.6 * 1024 * 1024) / 8 };

const servers = await Promise.all(DISTS.map((root, i) => serveBench({ root, port: PORT + i, link: LINK })));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});

const results = new Map(); // "dist page" -> [[lcp, tbt], ...]
try {
  for (let run = 0; run < RUNS; run++) {
    for (const path of PAGES) {
      for (const [i, dist] of DISTS.entries()) {
        const context = await browser.newContext({ viewport: { width: 412, height: 823 }, serviceWorkers: opts['service-worker'] ? 'allow' : 'block' });
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
        await page.addInitScript(() => {
          window.__fcp = 0;
          window.__lcp = 0;
          window.__tbt = 0;
          new PerformanceObserver((list) => {
            for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') window.__fcp = e.startTime;
          }).observe({ type: 'paint', buffered: true });
          new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__lcp = e.startTime; })
            .observe({ type: 'largest-contentful-paint', buffered: true });
          new PerformanceObserver((list) => {
            for (const e of list.getEntries()) if (e.startTime < 6000) window.__tbt += Math.max(0, e.duration - 50);
          }).observe({ type: 'longtask', buffered: true });
        });
        const servedBefore = servers[i].stats.delivered;
        await page.goto(`http://127.0.0.1:${PORT + i}${path}`);
        await page.waitForTimeout(6500);
        const measured = [...await page.evaluate(() => [window.__fcp, window.__lcp, window.__tbt]), (servers[i].stats.delivered - servedBefore) / 1024];
        if (process.env.BENCH_VERBOSE) console.error(label(dist), path, measured.map(Math.round));
        const key = `${dist} ${path}`;
        results.set(key, [...(results.get(key) ?? []), measured]);
        await context.close();
      }
    }
  }
} finally {
  await browser.close();
  for (const s of servers) s.close();
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const range = (xs) => `${Math.round(Math.min(...xs))}–${Math.round(Math.max(...xs))}`;
const out = [
  `Cold loads, 4× CPU, 150 ms + 1.6 Mbit/s shared link, ${opts['service-worker'] ? 'service worker allowed' : 'no service worker'}; median of ${RUNS} (range).`,
  '',
  `| page | build | FCP | LCP | TBT | served in 6.5 s |${opts.static ? ' FCP, LCP ÷ static |' : ''}`,
  `|---|---|---:|---:|---:|---:|${opts.static ? '---:|' : ''}`,
];
const floor = opts.static ? DISTS.at(-1) : null;
for (const path of PAGES) {
  for (const dist of DISTS) {
    const rs = results.get(`${dist} ${path}`);
    const [fcp, lcp, tbt, kb] = [0, 1, 2, 3].map((n) => rs.map((r) => r[n]));
    let ratio = '';
    if (floor) {
      const base = results.get(`${floor} ${path}`);
      const of = (xs, n) => (median(xs) / median(base.map((r) => r[n]))).toFixed(2);
      ratio = ` ${of(fcp, 0)}×, ${of(lcp, 1)}× |`;
    }
    out.push(`| \`${path}\` | \`${label(dist)}\` | ${Math.round(median(fcp))} ms (${range(fcp)}) | ${Math.round(median(lcp))} ms (${range(lcp)}) | ${Math.round(median(tbt))} ms (${range(tbt)}) | ${Math.round(median(kb))} KB |${ratio}`);
  }
}
console.log(out.join('\n'));

// First-visit benchmark of whole builds side by side (not a test: it reports, it does not judge): for
// each page, the largest contentful paint and the total blocking time of a cold load, as a phone on a
// slow network sees them, for two or more dist directories in one run. Made to compare the release
// build (route chunks) with the same site as one wasm module (`make build-nosplit`), but any builds will do.
//  - Headless Debian Chromium (playwright-core), viewport 412×823, CDP CPU throttling 4×, a fresh context
//    per load (empty cache), service workers blocked; with --service-worker they are allowed, so the
//    app's worker registers and installs during the visit, its requests on the same slow link.
//  - The network: bench/server.mjs's slow link, as `bench-load.mjs --network server`: every response
//    waits 150 ms, and all bodies share one 1.6 Mbit/s link (Lighthouse's mobile Slow 4G); gzip on.
//  - LCP: the last `largest-contentful-paint` entry; TBT: the sum over long tasks that start in the
//    first 6 s of their time beyond 50 ms (PerformanceObserver, buffered). Each load is watched for 6.5 s;
//    "served": the bytes that went out on the slow link in that time (bodies, page and service worker).
//  - Builds and pages interleaved run by run; the median of --runs (5) per build and page, with the range.
// Usage: node scripts/bench-first-load.mjs --dist dist,dist-nosplit [--pages /,/gallery,/map] [--runs 5] [--service-worker]
import { chromium } from 'playwright-core';
import { parseArgs } from 'node:util';
import { serveBench } from '../bench/server.mjs';

const { values: opts } = parseArgs({
  options: {
    dist: { type: 'string', default: 'dist,dist-nosplit' },
    pages: { type: 'string', default: '/,/gallery,/map' },
    runs: { type: 'string', default: '5' },
    port: { type: 'string', default: '4300' },
    'service-worker': { type: 'boolean', default: false },
  },
});
const DISTS = opts.dist.split(',');
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
          window.__lcp = 0;
          window.__tbt = 0;
          new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__lcp = e.startTime; })
            .observe({ type: 'largest-contentful-paint', buffered: true });
          new PerformanceObserver((list) => {
            for (const e of list.getEntries()) if (e.startTime < 6000) window.__tbt += Math.max(0, e.duration - 50);
          }).observe({ type: 'longtask', buffered: true });
        });
        const servedBefore = servers[i].stats.delivered;
        await page.goto(`http://127.0.0.1:${PORT + i}${path}`);
        await page.waitForTimeout(6500);
        const measured = [...await page.evaluate(() => [window.__lcp, window.__tbt]), (servers[i].stats.delivered - servedBefore) / 1024];
        if (process.env.BENCH_VERBOSE) console.error(dist, path, measured.map(Math.round));
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
  '| page | build | LCP | TBT | served in 6.5 s |',
  '|---|---|---:|---:|---:|',
];
for (const path of PAGES) {
  for (const dist of DISTS) {
    const rs = results.get(`${dist} ${path}`);
    const lcp = rs.map((r) => r[0]);
    const tbt = rs.map((r) => r[1]);
    const kb = rs.map((r) => r[2]);
    out.push(`| \`${path}\` | \`${dist}\` | ${Math.round(median(lcp))} ms (${range(lcp)}) | ${Math.round(median(tbt))} ms (${range(tbt)}) | ${Math.round(median(kb))} KB |`);
  }
}
console.log(out.join('\n'));

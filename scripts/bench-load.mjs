// Browser benchmark of loading (not a test: it reports, it does not judge). It compares the app's
// /gallery with the plain HTML + JS fixture of bench/plain/ (same bundle, same cards, same search; no
// framework, no wasm), both served by bench/server.mjs from one dist directory, in one run, so the
// figures come with their ratio app / plain. Headless Debian Chromium through playwright-core.
//
// 1. Cold load, a phone on a slow network: viewport 412×823, CDP Emulation.setCPUThrottlingRate 4 (the
//    main thread; wasm compilation runs on other threads), Lighthouse's mobile "Slow 4G" figures (150 ms
//    latency, 1.6 Mbit/s down, 750 kbit/s up, Lighthouse's 1 kbit = 1,024 bit), a fresh browser context
//    per run, so an empty HTTP cache and no service worker (the cache is empty rather than disabled: with
//    CDP Network.setCacheDisabled nothing the page fetches is stored, and a service worker installing
//    during the load could not reuse it as it can on a real first visit), app and plain runs
//    interleaved after one unmeasured warm-up load of each. The sample bundle (dist/data/bundle.json).
//    How the network is slowed, --network:
//     - `server` (the default): bench/server.mjs delays every response by the latency and sends all
//       bodies through one shared 1.6 Mbit/s link (uploads, a few hundred bytes of requests, not slowed). It slows everything, the app's service worker too:
//       the worker installs at once and fetches the shell, the bundle and the basemap again beside the
//       page (`cache: 'reload'`), and then serves the page's later requests.
//     - `cdp`: CDP Network.emulateNetworkConditions on the page. Chromium applies it to the page's own
//       requests only: the service worker's run at full speed (seen: the wasm in 47 ms through the
//       worker, 2.2 s for the page), so this flatters the app.
//    Measured, from navigation start (performance.now()):
//     - first card: the first `.gallery-grid > li` in the DOM (a MutationObserver);
//     - search ready: a query ("书") is typed (CDP Input.insertText, into the search box the page focused)
//       as soon as the driver hears of the first card, and this is when the result count shows its
//       result: the gallery is usable;
//     - bundle parse (+ validate): the page's own performance.measure — the app's
//       `bundle:parse+validate` (src/state/load.rs; "n/a" in a build without it), the fixture's `bundle:parse`
//       (JSON.parse only);
//     - bytes: the page's until search ready (Resource Timing transferSize: headers + gzip body), and
//       everything the server sent, page and service worker, once it has been idle for a second (gzip
//       bodies; the app also fetches the basemap, and its worker the shell again); requests likewise.
//    Median of --runs (3) runs each.
// 2. Scale, unthrottled as scripts/bench-gallery.mjs: synthetic bundles of 1,000 / 5,000 / 20,000 items
//    (crates/bundle/examples/synth.rs, served in place of data/bundle.json), for the app and the fixture:
//    bundle parse (+ validate), first render (median of 3 loads), keystroke → grid p50 / p95 over 60
//    keystrokes (bench-gallery's method: set the value, dispatch `input`, wait a macrotask, force layout),
//    and memory after a forced GC: JS heap (CDP Runtime.getHeapUsage) and the wasm linear memory.
//    Service workers are blocked in these runs, so app and plain both load from the HTTP cache.
//
// Usage: node scripts/bench-load.mjs [--dist DIR] [--runs N] [--sizes 1000,5000,20000] [--only cold|scale]
//        [--network server|cdp]
// (`make bench-load` builds dist/ first). BENCH_VERBOSE=1 prints every run to stderr.
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { serveBench } from '../bench/server.mjs';
import { timeKeystrokes } from './keystrokes.mjs';

const { values: opts } = parseArgs({
  options: {
    dist: { type: 'string', default: 'dist' },
    runs: { type: 'string', default: '3' },
    sizes: { type: 'string', default: '1000,5000,20000' },
    only: { type: 'string' },
    port: { type: 'string', default: '4199' },
    network: { type: 'string', default: 'server' },
  },
});
const VIA_SERVER = opts.network !== 'cdp';
const RUNS = Math.max(1, Number(opts.runs));
const SIZES = opts.sizes.split(',').map(Number).filter(Boolean);
const PORT = Number(opts.port);
const ORIGIN = `http://127.0.0.1:${PORT}`;
// The cold loads' server: slowed itself (--network server) or plain (cdp), on the next port.
const COLD_ORIGIN = `http://127.0.0.1:${PORT + 1}`;
const PAGES = [
  { name: 'app', path: '/gallery', parseMeasure: 'bundle:parse+validate' },
  { name: 'plain', path: '/plain/', parseMeasure: 'bundle:parse' },
];
// Lighthouse's mobile Slow 4G (its `throttling.mobileSlow4G`): RTT 150 ms, 1.6 × 1,024 kbit/s down,
// 750 kbit/s up. CDP wants bytes per second.
const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };
const SERVER_LINK = { latencyMs: SLOW_4G.latency, bytesPerSecond: SLOW_4G.downloadThroughput };
const CPU_SLOWDOWN = 4;
const READY_QUERY = '书';
// The keystrokes of scripts/bench-gallery.mjs.
const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

const median = (xs) => percentile(xs, 50);
function percentile(xs, p) {
  const sorted = xs.filter((x) => x != null).sort((a, b) => a - b);
  if (!sorted.length) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
const ms = (x) => (x == null ? 'n/a' : `${x.toFixed(x < 100 ? 1 : 0)} ms`);
const kb = (x) => (x == null ? 'n/a' : `${(x / 1000).toFixed(1)} KB`);
const mb = (x) => (x == null ? 'n/a' : `${(x / 1024 / 1024).toFixed(1)} MB`);
const ratio = (a, b) => (a == null || b == null || b === 0 ? 'n/a' : `${(a / b).toFixed(1)}×`);
const verbose = (...args) => process.env.BENCH_VERBOSE && console.error(...args);

// Runs in every page before its own scripts: notes the first card, the wasm memory, and when the result
// count changes after the first `input` event.
function instrument() {
  new MutationObserver((_, observer) => {
    const count = document.querySelector('.result-count')?.textContent;
    if (!window.__firstCard && document.querySelector('.gallery-grid > li')) {
      window.__firstCard = performance.now();
      window.__countBefore = count;
      // The cold-load run types as soon as it hears of the first card (a CDP binding, no polling).
      document.querySelector('#gallery-search')?.focus();
      window.__benchFirstCard?.('');
    }
    if (window.__input && !window.__ready && count && count !== window.__countBefore) {
      window.__ready = performance.now();
      observer.disconnect(); // nothing more to watch: the keystroke timings run without it
    }
  }).observe(document, { childList: true, subtree: true, characterData: true });
  addEventListener('input', () => { window.__input ??= performance.now(); }, true);
  addEventListener('TrunkApplicationStarted', (e) => { window.__wasmMemory = e.detail?.wasm?.memory; });
  addEventListener('securitypolicyviolation', (e) => { (window.__csp ??= []).push(`${e.violatedDirective} ${e.blockedURI}`); });
}

async function parseMeasure(page, name) {
  return page.evaluate((n) => performance.getEntriesByName(n).at(-1)?.duration ?? null, name);
}

async function coldRun(browser, target) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, locale: 'en-GB' });
  try {
    return await coldRunIn(context, target);
  } finally {
    await context.close();
  }
}

async function coldRunIn(context, target) {
  await context.addInitScript(instrument);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  if (!VIA_SERVER) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  }
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  // The page calls this binding at its first card, and the query is typed at once (Playwright's own
  // focus/type would first inject its helper script into the throttled page: hundreds of ms).
  await cdp.send('Runtime.enable');
  await cdp.send('Runtime.addBinding', { name: '__benchFirstCard' });
  const typed = new Promise((resolve) => {
    cdp.on('Runtime.bindingCalled', (event) => {
      if (event.name === '__benchFirstCard') resolve(cdp.send('Input.insertText', { text: READY_QUERY }));
    });
  });
  await coldServer.idle(200);
  const served = { ...coldServer.stats };
  await page.goto(COLD_ORIGIN + target.path, { waitUntil: 'commit' });
  let timer;
  await Promise.race([typed, new Promise((_, fail) => { timer = setTimeout(() => fail(new Error('no first card in 120 s')), 120_000); })]);
  clearTimeout(timer);
  await page.waitForFunction(() => window.__ready, null, { timeout: 60_000, polling: 100 });
  await coldServer.idle(1000);
  const r = await page.evaluate(() => {
    const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
    const sum = (list) => list.reduce((s, e) => s + (e.transferSize || 0), 0);
    return {
      firstCard: window.__firstCard,
      ready: window.__ready,
      inputToCount: window.__ready - window.__input,
      bytesReady: sum(entries.filter((e) => e.responseEnd <= window.__ready)),
      csp: window.__csp ?? [],
    };
  });
  if (r.csp.length) console.error(`${target.name}: Content-Security-Policy violations: ${r.csp.join('; ')}`);
  delete r.csp;
  r.bytesAll = coldServer.stats.bytes - served.bytes;
  r.requests = coldServer.stats.requests - served.requests;
  r.parse = await parseMeasure(page, target.parseMeasure);
  return r;
}

async function coldLoad(browser) {
  const results = Object.fromEntries(PAGES.map((p) => [p.name, []]));
  const failures = [];
  // One unmeasured load of each first: fills the server's gzip cache and warms Chromium up.
  for (let run = -1; run < RUNS; run += 1) {
    for (const target of PAGES) {
      try {
        const r = await coldRun(browser, target);
        verbose(`cold ${target.name} run ${run + 1}: ${JSON.stringify(r)}`);
        if (run >= 0) results[target.name].push(r);
      } catch (error) {
        console.error(`cold ${target.name} run ${run + 1}: ${error.message}`);
        failures.push(`${target.name}: ${error.message.split('\n')[0]}`);
      }
    }
  }
  const med = (name, key) => median(results[name].map((r) => r[key]));
  const rows = [
    ['first card', 'firstCard', ms],
    ['search ready (query typed at first card → count updated)', 'ready', ms],
    ['input → count updated', 'inputToCount', ms],
    ['bundle parse (app: + validate)', 'parse', ms],
    ['transferred until search ready', 'bytesReady', kb],
    ['served in all, page + service worker (server idle 1 s)', 'bytesAll', kb],
    ['requests served in all', 'requests', (x) => String(x)],
  ];
  const lines = [
    `Cold load of /gallery vs the plain fixture, median of ${RUNS} runs each: 4× CPU slowdown, Slow 4G (150 ms, 1.6 Mbit/s down, 750 kbit/s up; `
      + `${VIA_SERVER ? 'slowed by the server, service worker included' : 'CDP on the page only'}), empty cache, 412×823, sample bundle.`,
    '',
    '| measure | app | plain | app / plain |',
    '|---|---:|---:|---:|',
  ];
  for (const [label, key, format] of rows) {
    const a = med('app', key);
    const p = med('plain', key);
    lines.push(`| ${label} | ${format(a)} | ${format(p)} | ${ratio(a, p)} |`);
  }
  if (failures.length) lines.push('', `Failed runs (not in the medians): ${failures.join('; ')}`);
  return lines.join('\n');
}

function synthBundle(n) {
  return execFileSync('cargo', ['run', '-q', '-p', 'bundle', '--example', 'synth', '--', String(n)], {
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, CARGO_TARGET_DIR: 'target/bench' },
  }).toString();
}

async function scaleRun(browser, target, bundle, n) {
  // No service worker here: the app's would serve the second and third loads from its caches, which the
  // plain page has no equivalent of; both read the shell from the HTTP cache instead.
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-GB', serviceWorkers: 'block' });
  try {
    return await scaleRunIn(context, target, bundle, n);
  } finally {
    await context.close();
  }
}

async function scaleRunIn(context, target, bundle, n) {
  await context.route('**/data/bundle.json', (route) => route.fulfill({ contentType: 'application/json', body: bundle }));
  await context.addInitScript(instrument);
  const firstRenders = [];
  const parses = [];
  let page;
  for (let run = 0; run < 3; run += 1) {
    page = await context.newPage();
    await page.goto(ORIGIN + target.path);
    await page.waitForFunction(() => window.__firstCard, null, { timeout: 120_000 });
    firstRenders.push(await page.evaluate(() => window.__firstCard));
    const count = await page.locator('.result-count').textContent();
    if (!count.includes(String(n))) throw new Error(`${target.name} shows "${count}", not the ${n} synthetic items`);
    parses.push(await parseMeasure(page, target.parseMeasure));
    if (run < 2) await page.close();
  }
  const times = await timeKeystrokes(page, 60);
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const wasmBytes = await page.evaluate(() => window.__wasmMemory?.buffer.byteLength ?? 0);
  return {
    parse: median(parses),
    first: median(firstRenders),
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    heap: heap.usedSize,
    wasm: wasmBytes,
  };
}

async function scale(browser) {
  const lines = [
    'Scale, unthrottled, 1366×768: first render median of 3 loads, keystroke → grid over 60 keystrokes, memory after a forced GC.',
    '',
    '| items | bundle | page | bundle parse (app: + validate) | first render | keystroke p50 | keystroke p95 | JS heap | wasm memory |',
    '|---:|---:|---|---:|---:|---:|---:|---:|---:|',
  ];
  const ratios = ['', '| items | first render app / plain | keystroke p95 app / plain | memory (JS + wasm) app / plain |', '|---:|---:|---:|---:|'];
  for (const n of SIZES) {
    const bundle = synthBundle(n);
    const r = {};
    const size = mb(Buffer.byteLength(bundle));
    for (const target of PAGES) {
      try {
        r[target.name] = await scaleRun(browser, target, bundle, n);
      } catch (error) {
        // A benchmark reports: a page that failed gets its row with the reason, the rest still runs.
        console.error(`scale ${n} ${target.name}: ${error.message}`);
        lines.push(`| ${n} | ${size} | ${target.name} | failed: ${error.message.split('\n')[0]} | | | | | |`);
        continue;
      }
      verbose(`scale ${n} ${target.name}: ${JSON.stringify(r[target.name])}`);
      const x = r[target.name];
      lines.push(`| ${n} | ${size} | ${target.name} | ${ms(x.parse)} | ${ms(x.first)} | ${ms(x.p50)} | ${ms(x.p95)} | ${mb(x.heap)} | ${x.wasm ? mb(x.wasm) : '–'} |`);
    }
    const { app, plain } = r;
    if (app && plain) {
      ratios.push(`| ${n} | ${ratio(app.first, plain.first)} | ${ratio(app.p95, plain.p95)} | ${ratio(app.heap + app.wasm, plain.heap + plain.wasm)} |`);
    }
    console.error(`measured ${n} items`);
  }
  return [...lines, ...ratios].join('\n');
}

const server = await serveBench({ root: opts.dist, port: PORT });
const coldServer = await serveBench({ root: opts.dist, port: PORT + 1, link: VIA_SERVER ? SERVER_LINK : null });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: LAUNCH_ARGS });
const out = [];
try {
  if (opts.only !== 'scale') {
    out.push(await coldLoad(browser));
    console.error('measured the cold loads');
  }
  if (opts.only !== 'cold') out.push(await scale(browser));
} finally {
  await browser.close();
  server.close();
  coldServer.close();
}
console.log(out.join('\n\n'));

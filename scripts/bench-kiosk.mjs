// Kiosk endurance benchmark (not a test: it reports). A kiosk runs all day; this runs its whole cycle
// 1,000 times, accelerated, and reports how the memory grew.
// One cycle: a touch on the home page → idle → "touch to continue" countdown → reset to the home page →
// attract loop through every slide → a touch back. The bundle's kiosk timings are set to 1 second each
// and Playwright's fake clock jumps a second at a time, so a cycle takes milliseconds, not minutes.
// Memory: the JS heap (CDP Runtime.getHeapUsage after HeapProfiler.collectGarbage) and the wasm linear
// memory, after 50 warm-up cycles and after the 1,000 measured ones. The same taps and clock jumps are
// also run on a page without kiosk mode (the control), since the harness (Playwright's clock, touch
// emulation) and the browser's own performance-timeline buffers grow the heap too; and the objects that
// grew in the kiosk run are listed from two heap snapshots, by kind.
// Usage: node scripts/bench-kiosk.mjs [cycles] [dist dir]   (make bench-kiosk builds dist/ first)
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { serve } from '../tests/e2e/server.mjs';

const CYCLES = Number(process.argv[2] ?? 1000);
const DIST = process.argv[3] ?? 'dist';
const WARMUP = 50;
const PORT = Number(process.env.BENCH_PORT ?? 4189);

const bundle = JSON.parse(readFileSync(`${DIST}/data/bundle.json`, 'utf8'));
bundle.kiosk = { ...bundle.kiosk, idle_seconds: 1, countdown_seconds: 1, attract_after_seconds: 1, slide_seconds: 1, refresh_seconds: 3600 };
const slides = bundle.items.filter((i) => i.featured && i.media.length).length;

const server = await serve({ root: DIST, port: PORT });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
async function run(kiosk) {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, hasTouch: true, serviceWorkers: 'block' });
  await context.route('**/data/bundle.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(bundle) }));
  await context.addInitScript(() => {
    addEventListener('TrunkApplicationStarted', (e) => { window.__wasmMemory = e.detail.wasm.memory; });
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await page.clock.install();
  await page.goto(`http://127.0.0.1:${PORT}/${kiosk ? '?kiosk' : ''}`);
  await page.getByRole('heading', { level: 1 }).waitFor();

  const attract = page.locator('.attract:not([hidden])');
  const cycle = async () => {
    await page.touchscreen.tap(20, 1060); // the kiosk bar's empty left end: activity, no navigation
    await page.clock.fastForward(1_000); // idle → countdown (or straight to rest on the home page)
    await page.clock.fastForward(1_000); // countdown → home
    await page.clock.fastForward(1_000); // → attract
    if (kiosk) await attract.waitFor();
    for (let s = 1; s < slides; s += 1) await page.clock.fastForward(1_000);
    await page.touchscreen.tap(960, 540);
    if (kiosk) await attract.waitFor({ state: 'detached' });
  };
  const memory = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const wasm = await page.evaluate(() => window.__wasmMemory?.buffer.byteLength ?? 0);
    const nodes = await page.evaluate(() => document.getElementsByTagName('*').length);
    return { heap: usedSize, wasm, nodes };
  };
  const snapshot = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const chunks = [];
    const onChunk = (e) => chunks.push(e.chunk);
    cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
    const snap = JSON.parse(chunks.join(''));
    const fields = snap.snapshot.meta.node_fields;
    const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f));
    const types = snap.snapshot.meta.node_types[0];
    const byKind = new Map();
    for (let i = 0; i < snap.nodes.length; i += fields.length) {
      const type = types[snap.nodes[i + typeAt]];
      const kind = type.includes('string') ? type : `${type} ${snap.strings[snap.nodes[i + nameAt]].slice(0, 50)}`;
      const [n, size] = byKind.get(kind) ?? [0, 0];
      byKind.set(kind, [n + 1, size + snap.nodes[i + sizeAt]]);
    }
    return byKind;
  };

  for (let i = 0; i < WARMUP; i += 1) await cycle();
  const before = await memory();
  const snapBefore = kiosk ? await snapshot() : null;
  const started = Date.now();
  for (let i = 0; i < CYCLES; i += 1) await cycle();
  const seconds = (Date.now() - started) / 1000;
  const after = await memory();
  const grew = kiosk
    ? [...(await snapshot())]
      .map(([kind, [n, size]]) => [kind, n - (snapBefore.get(kind)?.[0] ?? 0), size - (snapBefore.get(kind)?.[1] ?? 0)])
      .filter(([, , size]) => size > 4096)
      .sort((a, b) => b[2] - a[2])
      .slice(0, 12)
    : [];
  await context.close();
  return { before, after, seconds, grew };
}

try {
  const mb = (x) => (x / 1048576).toFixed(2);
  const pct = (r) => `${(((r.after.heap - r.before.heap) / r.before.heap) * 100).toFixed(1)}%`;
  const control = await run(false);
  const kiosk = await run(true);
  console.log(`${CYCLES} cycles (${slides} slides each) after ${WARMUP} warm-up cycles; kiosk run ${kiosk.seconds.toFixed(0)} s\n`);
  console.log('| run | JS heap after warm-up | after the cycles | growth | wasm memory growth | DOM elements after |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const [name, r] of [['kiosk', kiosk], ['control (no kiosk, same taps and clock)', control]]) {
    console.log(`| ${name} | ${mb(r.before.heap)} MB | ${mb(r.after.heap)} MB | ${pct(r)} | ${mb(r.after.wasm - r.before.wasm)} MB | ${r.after.nodes} (${r.after.nodes - r.before.nodes >= 0 ? '+' : ''}${r.after.nodes - r.before.nodes}) |`);
  }
  console.log('\nWhat grew in the kiosk run (heap snapshots, > 4 KB):\n');
  console.log('| kind | objects | bytes |');
  console.log('|---|---:|---:|');
  for (const [kind, n, size] of kiosk.grew) console.log(`| ${kind} | ${n} | ${size} |`);
} finally {
  await browser.close();
  server.close();
}

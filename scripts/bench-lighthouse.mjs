// Lighthouse scores of the built site (not a test: it reports, it does not judge). Lighthouse 13 (npm,
// node API) drives Debian's Chromium, launched by chrome-launcher, against `/`, `/gallery` and `/map`
// of a dist directory served by bench/server.mjs (gzip on, as in production; 127.0.0.1 only: nothing
// leaves the machine, and Chromium's background networking is off).
//  - Categories: performance, accessibility, best practices, SEO.
//  - Presets: Lighthouse's default "mobile" (Moto G Power screen, simulated Slow 4G: 150 ms RTT,
//    1.6 Mbit/s, 4× CPU) and "desktop" (simulated 40 ms RTT, 10 Mbit/s, no CPU slowdown). Throttling is
//    Lighthouse's default "simulate": the page loads at full speed and Lantern computes the metrics.
//  - --runs (3) runs per page and preset; the run with the median performance score is reported
//    (accessibility, best practices and SEO do not vary between runs).
//  - For every category below 100, its failing audits (Lighthouse's own rule: score below 0.9, or
//    errored), with id, title and Lighthouse's figure; then failing audits that weigh nothing in any
//    score (e.g. source maps), for completeness.
// Lighthouse 13 declares Node >= 22.19; on Debian's Node 20 three of its insights call iterator helpers
// (`map.values().flatMap(…)`) that Node 20 lacks, so this script adds those helpers first when missing.
// Usage: node scripts/bench-lighthouse.mjs [--dist DIR] [--runs N] [--preset mobile|desktop|both]
//        [--pages /,/gallery,/map] [--save DIR]   (`make bench-lighthouse` builds dist/ first; --save
//        writes each reported run's full Lighthouse result as JSON into DIR)
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { serveBench } from '../bench/server.mjs';

const { values: opts } = parseArgs({
  options: {
    dist: { type: 'string', default: 'dist' },
    runs: { type: 'string', default: '3' },
    preset: { type: 'string', default: 'both' },
    pages: { type: 'string', default: '/,/gallery,/map' },
    port: { type: 'string', default: '4197' },
    save: { type: 'string' },
  },
});
const RUNS = Math.max(1, Number(opts.runs));
const PAGES = opts.pages.split(',');
const PRESETS = opts.preset === 'both' ? ['mobile', 'desktop'] : [opts.preset];
const PORT = Number(opts.port);
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

// Iterator helpers (ES2025) for Node < 22, on the prototype every built-in iterator shares.
const IteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()));
if (typeof IteratorPrototype.flatMap !== 'function') {
  const helpers = {
    *map(f) { let i = 0; for (const x of this) yield f(x, i++); },
    *filter(f) { let i = 0; for (const x of this) if (f(x, i++)) yield x; },
    *flatMap(f) { let i = 0; for (const x of this) yield* f(x, i++); },
    *take(n) { if (n <= 0) return; for (const x of this) { yield x; if (--n <= 0) return; } },
    *drop(n) { for (const x of this) { if (n > 0) { n -= 1; continue; } yield x; } },
    reduce(f, ...init) {
      let i = 0;
      let acc;
      let started = init.length > 0;
      if (started) [acc] = init;
      for (const x of this) {
        if (started) acc = f(acc, x, i);
        else { acc = x; started = true; }
        i += 1;
      }
      if (!started) throw new TypeError('Reduce of empty iterator with no initial value');
      return acc;
    },
    toArray() { return [...this]; },
    forEach(f) { let i = 0; for (const x of this) f(x, i++); },
    some(f) { let i = 0; for (const x of this) if (f(x, i++)) return true; return false; },
    every(f) { let i = 0; for (const x of this) if (!f(x, i++)) return false; return true; },
    find(f) { let i = 0; for (const x of this) if (f(x, i++)) return x; return undefined; },
  };
  for (const [name, fn] of Object.entries(helpers)) {
    if (typeof IteratorPrototype[name] !== 'function') {
      Object.defineProperty(IteratorPrototype, name, { value: fn, writable: true, configurable: true });
    }
  }
}

const { default: lighthouse } = await import('lighthouse');
const { default: desktopConfig } = await import('lighthouse/core/config/desktop-config.js');
const chromeLauncher = await import('chrome-launcher');

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length / 2) - 1];
const score = (s) => (s == null ? 'n/a' : String(Math.round(s * 100)));
const failing = (a) => a.scoreDisplayMode === 'error'
  || (['numeric', 'binary', 'metricSavings'].includes(a.scoreDisplayMode) && a.score !== null && a.score < 0.9);
const short = (url) => String(url).replace(/^https?:\/\/127\.0\.0\.1:\d+\//, '/');
// What an audit found, briefly: the URLs of its table, the unmet points of its checklist, the longest
// request chain.
function findings(a) {
  const d = a.details ?? {};
  const found = [];
  for (const item of d.items ?? []) {
    if (item.url || item.scriptUrl) {
      const extra = [
        item.wastedBytes && `${(item.wastedBytes / 1024).toFixed(0)} KiB`,
        item.wastedMs && `${Math.round(item.wastedMs)} ms`,
        ...(item.subItems?.items ?? []).map((s) => s.error).filter(Boolean),
      ].filter(Boolean);
      found.push(`${short(item.url ?? item.scriptUrl)}${extra.length ? ` (${extra.join(', ')})` : ''}`);
    }
    if (item.type === 'checklist') {
      found.push(...Object.values(item.items).filter((c) => !c.value).map((c) => `not met: ${c.label}`));
    }
    if (item.type === 'node' && item.selector) found.push(`element \`${item.selector}\``);
    const chains = item.value?.type === 'network-tree' && item.value.chains;
    if (chains) {
      const path = [];
      for (let level = chains; level && Object.keys(level).length;) {
        const next = Object.values(level).find((c) => c.isLongest) ?? Object.values(level)[0];
        path.push(short(next.url));
        level = next.children;
      }
      found.push(`longest chain ${path.join(' → ')} (${item.value.longestChain?.duration ?? '?'} ms)`);
    }
  }
  return found.slice(0, 4);
}
const describe = (a) => {
  if (a.scoreDisplayMode === 'error') return `error: ${a.errorMessage}`;
  return [a.displayValue, `score ${a.score}`, ...findings(a)].filter(Boolean).join('; ');
};

const server = await serveBench({ root: opts.dist, port: PORT });
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  chromeFlags: CHROME_FLAGS,
});
const results = [];
const failed = [];
const offOrigin = new Set();
try {
  for (const preset of PRESETS) {
    for (const path of PAGES) {
      const runs = [];
      for (let run = 0; run < RUNS; run += 1) {
        const url = `http://127.0.0.1:${PORT}${path}`;
        let result;
        try {
          result = await lighthouse(url, {
            port: chrome.port,
            output: 'json',
            logLevel: 'error',
            onlyCategories: CATEGORIES,
          }, preset === 'desktop' ? desktopConfig : undefined);
        } catch (error) {
          // A benchmark reports: a run that failed is said, and the others still count.
          console.error(`${preset} ${path} run ${run + 1}: Lighthouse failed: ${error.message}`);
          failed.push(`${preset} ${path}: ${error.message.split('\n')[0]}`);
          continue;
        }
        const lhr = result.lhr;
        // Every request the page made, from Lighthouse's own DevTools log: none should leave the origin.
        for (const event of result.artifacts?.DevtoolsLog ?? []) {
          const requested = event.method === 'Network.requestWillBeSent' && event.params.request.url;
          if (requested && !/^(data|blob|chrome|about):/.test(requested) && !requested.startsWith(`http://127.0.0.1:${PORT}/`)) {
            offOrigin.add(requested);
          }
        }
        if (lhr.runtimeError) console.error(`${preset} ${path}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
        for (const w of lhr.runWarnings) console.error(`${preset} ${path}: warning: ${w}`);
        runs.push(lhr);
        console.error(`${preset} ${path} run ${run + 1}: performance ${score(lhr.categories.performance?.score)}`);
      }
      if (!runs.length) continue;
      const perf = runs.map((l) => l.categories.performance?.score ?? 0);
      const lhr = runs.find((l) => (l.categories.performance?.score ?? 0) === median(perf));
      results.push({ preset, path, lhr, perfScores: perf });
      if (opts.save) {
        mkdirSync(opts.save, { recursive: true });
        const file = join(opts.save, `${preset}-${path.replace(/\W+/g, '') || 'home'}.json`);
        writeFileSync(file, JSON.stringify(lhr, null, 1));
        console.error(`saved ${file}`);
      }
    }
  }
} finally {
  await chrome.kill();
  server.close();
}

const first = results[0]?.lhr;
const out = [
  `Lighthouse ${first?.lighthouseVersion}, ${first?.environment?.hostUserAgent?.match(/Chrome\/[\d.]+/)?.[0] ?? 'Chromium'} headless, `
    + `simulated throttling, median of ${RUNS} run(s) by performance score; benchmarkIndex ${Math.round(first?.environment?.benchmarkIndex ?? 0)}.`,
  '',
  '| preset | page | performance (runs) | accessibility | best practices | SEO | FCP | LCP | TBT | CLS | SI |',
  '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
];
for (const { preset, path, lhr, perfScores } of results) {
  const c = lhr.categories;
  const m = (id) => lhr.audits[id]?.displayValue ?? 'n/a';
  out.push(`| ${preset} | \`${path}\` | **${score(c.performance?.score)}** (${perfScores.map(score).join(', ')}) | ${score(c.accessibility?.score)} `
    + `| ${score(c['best-practices']?.score)} | ${score(c.seo?.score)} | ${m('first-contentful-paint')} | ${m('largest-contentful-paint')} `
    + `| ${m('total-blocking-time')} | ${m('cumulative-layout-shift')} | ${m('speed-index')} |`);
}
out.push('', 'Failing audits (score below 0.9 or errored) of every category below 100, in the reported run:', '');
for (const { preset, path, lhr } of results) {
  for (const id of CATEGORIES) {
    const category = lhr.categories[id];
    if (!category || category.score === 1) continue;
    const audits = category.auditRefs.map((ref) => ({ ref, audit: lhr.audits[ref.id] })).filter(({ audit }) => audit && failing(audit));
    out.push(`- ${preset} \`${path}\` ${category.title} ${score(category.score)}:`);
    for (const { ref, audit } of audits) {
      out.push(`  - \`${ref.id}\`${ref.weight ? ` (weight ${ref.weight})` : ''}: ${audit.title} — ${describe(audit)}`);
    }
    if (!audits.length) out.push('  - (no single audit fails; the score is the weighted sum of the metrics above)');
  }
}
// Failing audits that count toward no score (weight 0 or in no category), once per preset and page.
out.push('', 'Failing audits that weigh nothing in the scores:', '');
for (const { preset, path, lhr } of results) {
  const weighted = new Set(Object.values(lhr.categories).flatMap((c) => c.auditRefs.filter((r) => r.weight > 0).map((r) => r.id)));
  const reported = new Set(Object.values(lhr.categories).filter((c) => c.score !== 1).flatMap((c) => c.auditRefs.map((r) => r.id)));
  const rest = Object.entries(lhr.audits).filter(([id, a]) => !weighted.has(id) && !reported.has(id) && failing(a));
  if (rest.length) out.push(`- ${preset} \`${path}\`: ${rest.map(([id, a]) => `\`${id}\` ${a.title} — ${describe(a)}`).join('; ')}`);
}
// Where the main thread's time went, and what the LCP waited for (mobile, the reported run).
out.push('', 'Diagnostics of the reported runs (long tasks over 50 ms; LCP element and its subparts):', '');
for (const { preset, path, lhr } of results) {
  const tasks = (lhr.audits['long-tasks']?.details?.items ?? []).slice(0, 4)
    .map((t) => `${Math.round(t.duration)} ms at ${Math.round(t.startTime)} ms (${short(t.url)})`);
  const lcp = lhr.audits['lcp-breakdown-insight']?.details?.items ?? [];
  const parts = (lcp.find((i) => i.type === 'table')?.items ?? []).map((i) => `${i.label.toLowerCase()} ${Math.round(i.duration)} ms`);
  const element = lcp.find((i) => i.type === 'node')?.selector;
  out.push(`- ${preset} \`${path}\`: long tasks: ${tasks.join(', ') || 'none'}. LCP \`${element ?? '?'}\`: ${parts.join(', ') || 'n/a'}.`);
}
if (failed.length) out.push('', `Failed runs: ${failed.join('; ')}`);
out.push('', offOrigin.size ? `Requests off the served origin: ${[...offOrigin].join(', ')}` : 'Requests off the served origin: none.');
console.log(out.join('\n'));

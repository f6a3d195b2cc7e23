// The framework's floor (not a test: it reports): the smallest Leptos apps that do what the showcase's
// main module must do before any page (bench/floor: a counter; with a fetch; with the router), built as
// the app's release is (scripts/release-env.sh's std, `erase_components`, wasm-bindgen, the glue steps
// of scripts/wasm-glue.mjs, wasm-opt -Oz), against the app's own main module and glue from DIST.
// It tells how much of the app shell is Leptos itself, whatever the app does.
// Usage: node scripts/bench-floor.mjs [--dist dist]   (`make bench-floor` sets up the environment)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { WASM_FEATURES, finishGlue } from './wasm-glue.mjs';

const { values: opts } = parseArgs({ options: { dist: { type: 'string', default: 'dist' } } });
const ROOT = resolve(new URL('..', import.meta.url).pathname);
const MANIFEST = join(ROOT, 'bench', 'floor', 'Cargo.toml');
const TARGET = join(ROOT, 'target', 'floor');
const WASM_OPT = join(ROOT, 'node_modules', '.bin', 'wasm-opt');
const VARIANTS = [
  { label: 'Leptos: a counter (signals, views, events)', features: [] },
  { label: '+ gloo-net: fetch a text (an async resource, Suspense)', features: ['fetch'] },
  { label: '+ leptos_router: two flat routes (FlatRoutes, as the app), links', features: ['flat', 'fetch'] },
  { label: 'the same with nested routes (Routes)', features: ['router', 'fetch'] },
];
const FLOOR = 2; // the row that does what the app's main module must: routes, links, a fetch

const run = (cmd, args, env = {}) => execFileSync(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, ...env } });
const gzip = (b) => gzipSync(b, { level: 9 }).length;
const brotli = (b, text) => brotliCompressSync(b, { params: {
  [constants.BROTLI_PARAM_QUALITY]: 11,
  [constants.BROTLI_PARAM_MODE]: text ? constants.BROTLI_MODE_TEXT : constants.BROTLI_MODE_GENERIC,
} }).length;
const kb = (n) => `${(n / 1000).toFixed(1)} KB`;

async function build({ features }) {
  run('cargo', ['build', '--release', '--target', 'wasm32-unknown-unknown', '--manifest-path', MANIFEST,
    '--no-default-features', ...(features.length ? ['--features', features.join(',')] : [])], { CARGO_TARGET_DIR: TARGET });
  const work = mkdtempSync(join(tmpdir(), 'bench-floor-'));
  try {
    run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', work, '--out-name', 'floor',
      join(TARGET, 'wasm32-unknown-unknown', 'release', 'floor.wasm')]);
    const { wasm, glue } = await finishGlue(readFileSync(join(work, 'floor_bg.wasm')),
      readFileSync(join(work, 'floor.js'), 'utf8'), './floor_bg.js');
    writeFileSync(join(work, 'in.wasm'), wasm);
    run(WASM_OPT, ['-Oz', ...WASM_FEATURES, join(work, 'in.wasm'), '-o', join(work, 'out.wasm')]);
    return { wasm: readFileSync(join(work, 'out.wasm')), glue: Buffer.from(glue) };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const row = (label, { wasm, glue }) => {
  const total = gzip(wasm) + gzip(glue);
  return { label, total, line: `| ${label} | ${kb(wasm.length)} | ${kb(gzip(wasm))} | ${kb(gzip(glue))} | **${kb(total)}** | ${kb(brotli(wasm, false) + brotli(glue, true))} |` };
};

// The app's release is built with scripts/release-env.sh's std; the floor must be too, or it is not
// comparable (RELEASE_STD=0 for both, on purpose, skips this check).
if (process.env.RELEASE_STD !== '0' && !process.env.CARGO_UNSTABLE_BUILD_STD) {
  throw new Error('bench-floor: run it as the release is built (`make bench-floor`, or source scripts/env.sh and scripts/release-env.sh first)');
}
const rows = [];
for (const v of VARIANTS) rows.push(row(v.label, await build(v)));
const files = readdirSync(opts.dist);
const appWasm = files.find((n) => /^showcase-[0-9a-f]+_bg\.wasm$/.test(n));
const appGlue = files.find((n) => /^showcase-[0-9a-f]+\.js$/.test(n));
if (!appWasm || !appGlue) throw new Error(`${opts.dist}: no built main module (make build)`);
const app = row(`the showcase's main module (${opts.dist})`, {
  wasm: readFileSync(join(opts.dist, appWasm)), glue: readFileSync(join(opts.dist, appGlue)),
});

console.log('| build | wasm raw | wasm gzip | glue gzip | wasm + glue, gzip | wasm + glue, brotli |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const r of [...rows, app]) console.log(r.line);
const floor = rows[FLOOR].total;
console.log(`\nThe floor (flat routes, links and a fetch) is ${kb(floor)} gzip: ${(100 * floor / 150_000).toFixed(0)}% of the ` +
  `150 KB shell budget before any of the app's own code; the router's share of it is ${kb(floor - rows[1].total)}. ` +
  `The app's main module and glue are ${kb(app.total)}.`);

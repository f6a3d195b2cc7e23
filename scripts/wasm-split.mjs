// Trunk post-build hook (the first one): splits the release wasm into the main module and one chunk per
// lazily loaded route, as cargo-leptos does, since trunk 0.21 has no such step.
//
// The app marks its split points with leptos's `wasm_split` (feature `split`, src/app.rs). Trunk builds
// and optimises one module; this hook starts again from cargo's output instead:
//  1. wasm-split-cli (wasm_split_cli_support, vendored in tools/wasm-split-cli and installed by
//     scripts/setup.sh) cuts cargo's wasm, linked with `--emit-relocs` (build.rs), into the main module,
//     the chunks and `__wasm_split.js`, the chunks' loader; small shared chunks are merged;
//  2. wasm-bindgen (the version trunk uses) makes the main module's JS glue, keeping the function table
//     and memory exports the chunks link against (`--keep-lld-exports`);
//     then the main module's unused exported classes are dropped and its imports get short names, in
//     the wasm and the glue alike, and the glue is minified (scripts/wasm-glue.mjs);
//  3. wasm-opt -Oz on every module, as trunk does;
//  4. every file is named with a hash of all of them, and the chunk loader fetches each chunk with its
//     subresource-integrity hash;
//  5. index.html: trunk's JS and wasm names are replaced, their integrity hashes updated, and the chunk
//     loader is preloaded with its own integrity hash (a module import cannot carry one);
//     `<meta name="on-demand-chunks">` lists the files that only the split points named by `--not-precached`
//     use (the kiosk's, the diagnostics and details of a refused bundle, the pinyin): the service worker
//     does not pre-cache them for every visitor (scripts/build-manifest.mjs), but keeps them once used,
//     and a kiosk asks for them ahead of time;
//     `<meta name="page-chunks">` lists the files of every split point but those named by
//     `--not-prefetched` (the kiosk's, the diagnostics, the pinyin): the app prefetches them once its first page is
//     up (src/idle.rs), so that moving between pages needs no network; and the inline preloader gets
//     each split point's files and the route table's paths with their chunks (a visit that starts on
//     another page than the home page downloads that page's chunk alongside the main module); a
//     chunk of the route table that the wasm has no split point for fails the build.
// Trunk's own JS and wasm are removed. The hooks after this one (csp-hashes, build-manifest) see the
// final files: the service worker pre-caches the chunks with the rest, so every route works offline.
// Without split points in the wasm (built without the feature) it leaves trunk's output alone.
// WASM_SPLIT_KEEP_NAMES=1 keeps function names in every module (for CPU profiles; with
// CARGO_PROFILE_RELEASE_STRIP=none so that cargo's output has them).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readSplitLoader } from './split-loader.mjs';
import { WASM_FEATURES, finishGlue, minifyGlue } from './wasm-glue.mjs';

const { values: opts, positionals } = parseArgs({
  options: { 'not-prefetched': { type: 'string', default: '' }, 'not-precached': { type: 'string', default: '' } },
  allowPositionals: true,
});
const staging = process.env.TRUNK_STAGING_DIR ?? positionals[0];
if (!staging) throw new Error('usage: wasm-split.mjs [--not-prefetched a,b] <dist dir> (or as a trunk hook)');
const notPrefetched = new Set(opts['not-prefetched'].split(',').filter(Boolean));
const notPrecached = new Set(opts['not-precached'].split(',').filter(Boolean));
const source = process.env.TRUNK_SOURCE_DIR ?? process.cwd();
const profile = process.env.TRUNK_PROFILE ?? 'release';
const targetDir = resolve(source, process.env.CARGO_TARGET_DIR ?? 'target');
const input = join(targetDir, 'wasm32-unknown-unknown', profile, 'showcase.wasm');
const WASM_OPT = join(source, 'node_modules', '.bin', 'wasm-opt');

// Shared chunks with fewer bytes of code than this (cargo's output, before wasm-opt) are merged with
// another shared chunk (tools/wasm-split-cli/README.md): a page then waits for 2-8 files instead of up
// to 22, most of those a few hundred bytes. Measured in BENCHMARKS.md ("sixth session"); raised from 8000
// to 12000 when the pinyin, details and usage code made ten split points (issue 26, "fourteenth
// session": a gallery visit waited for 7 files, now 4).
// WASM_SPLIT_MIN_CHUNK overrides it, for benchmarks (0: one chunk per set of split points, as upstream).
const MIN_CHUNK_SIZE = process.env.WASM_SPLIT_MIN_CHUNK ?? '12000';
if (!/^\d+$/.test(MIN_CHUNK_SIZE)) throw new Error(`WASM_SPLIT_MIN_CHUNK must be a number of bytes, not "${MIN_CHUNK_SIZE}"`);
// The pages whose code is a chunk, with their paths, from the route table (crates/route/src/lib.rs),
// printed by its example for the machine's own target (without the release's wasm settings).
const routeTable = () => {
  const env = { ...process.env };
  for (const name of ['RUSTC_BOOTSTRAP', 'CARGO_UNSTABLE_BUILD_STD', 'CARGO_UNSTABLE_PANIC_IMMEDIATE_ABORT',
    'CARGO_UNSTABLE_BUILD_STD_FEATURES', 'CARGO_PROFILE_RELEASE_PANIC', 'CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS']) delete env[name];
  const out = execFileSync('cargo', ['run', '-q', '--offline', '-p', 'route', '--example', 'table'], { cwd: source, env, encoding: 'utf8' });
  return JSON.parse(out);
};
const run = (cmd, args) => execFileSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'] });
const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

const indexPath = join(staging, 'index.html');
let html = readFileSync(indexPath, 'utf8');
const trunkJs = html.match(/import init, \* as bindings from '[^']*\/(showcase-[0-9a-f]+\.js)'/)?.[1];
const trunkWasm = html.match(/module_or_path: '[^']*\/(showcase-[0-9a-f]+_bg\.wasm)'/)?.[1];
if (!trunkJs || !trunkWasm) throw new Error(`${indexPath}: trunk's wasm loader not found`);

const wasmIn = readFileSync(input);
const imports = WebAssembly.Module.imports(new WebAssembly.Module(wasmIn));
const splitPoints = imports.filter((i) => i.name.startsWith('__wasm_split_load_'));
if (splitPoints.length === 0) {
  console.log(`wasm-split: ${input} has no split points (built without the "split" feature); left as built`);
  process.exit(0);
}

const work = mkdtempSync(join(tmpdir(), 'wasm-split-'));
try {
  run('wasm-split-cli', [input, work, '--out-name', 'showcase', '--min-chunk-size', MIN_CHUNK_SIZE]);
  const bg = join(work, 'bg');
  const names = process.env.WASM_SPLIT_KEEP_NAMES === '1';
  run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--keep-lld-exports', ...(names ? ['--keep-debug'] : []), '--out-dir', bg,
    '--out-name', 'showcase', join(work, 'showcase.wasm')]);

  // The main module's unused stream classes go, its imports get short names and its glue is minified
  // (scripts/wasm-glue.mjs); before the files' names are hashed: a name must change with what its file
  // holds (a cached file under the old name would fail its new integrity hash).
  const bgWasm = join(bg, 'showcase_bg.wasm');
  const finished = await finishGlue(readFileSync(bgWasm), readFileSync(join(bg, 'showcase.js'), 'utf8'), './showcase_bg.js');
  let glue = finished.glue;
  writeFileSync(bgWasm, finished.wasm);

  const chunkNames = readdirSync(work).filter((f) => f.endsWith('.wasm') && f !== 'showcase.wasm').sort();
  const optimise = (from) => {
    const to = `${from}.opt`;
    run(WASM_OPT, ['-Oz', ...(names ? ['-g'] : []), ...WASM_FEATURES, from, '-o', to]);
    return readFileSync(to);
  };
  const mainWasm = optimise(bgWasm);
  const chunks = chunkNames.map((name) => ({ name, bytes: optimise(join(work, name)) }));
  let loader = readFileSync(join(work, '__wasm_split.js'), 'utf8');

  // One name hash for the whole set: the files refer to each other, so each one's own hash would go round.
  const id = createHash('sha256');
  for (const bytes of [mainWasm, ...chunks.map((c) => c.bytes), glue, loader]) id.update(bytes);
  const hash = id.digest('hex').slice(0, 16);
  const jsName = `showcase-${hash}.js`;
  const wasmName = `showcase-${hash}_bg.wasm`;
  const loaderName = `wasm-split-${hash}.js`;
  const chunkFile = (name) => `${basename(name, '.wasm')}-${hash}.wasm`;

  const replaceOnce = (text, from, to, what) => {
    const count = text.split(from).length - 1;
    if (count !== 1) throw new Error(`wasm-split: expected one ${JSON.stringify(from)} in ${what}, found ${count}`);
    return text.replace(from, to);
  };
  // One `import * as importN from "./__wasm_split.js"` per split point; the import object's keys stay.
  // The glue is minified: no spaces around `from`, and either quote.
  const loaderImport = /\bfrom\s*(["'])\.\/__wasm_split\.js\1/g;
  if (!loaderImport.test(glue)) throw new Error('wasm-split: the glue does not import the loader');
  glue = glue.replace(loaderImport, `from "./${loaderName}"`);
  const wasmLiteral = /(["'])showcase_bg\.wasm\1/g;
  const literals = glue.match(wasmLiteral)?.length ?? 0;
  if (literals !== 1) throw new Error(`wasm-split: expected one "showcase_bg.wasm" in the glue, found ${literals}`);
  glue = glue.replace(wasmLiteral, `"${wasmName}"`);
  loader = replaceOnce(loader, '"./showcase.js"', `"./${jsName}"`, 'the chunk loader');
  for (const { name, bytes } of chunks) {
    loader = replaceOnce(loader, `fetch(new URL("./${name}", import.meta.url))`,
      `fetch(new URL("./${chunkFile(name)}", import.meta.url), { integrity: "${sri(bytes)}" })`, 'the chunk loader');
  }

  // Which split points use which files (the loader says what each split point waits for).
  const users = new Map();
  const { points } = readSplitLoader(loader);
  for (const { name, files } of points) {
    for (const file of files) users.set(file, [...(users.get(file) ?? []), name]);
  }
  if (users.size !== chunks.length) throw new Error(`wasm-split: found ${users.size} of ${chunks.length} chunks in the loader`);
  for (const name of [...notPrefetched, ...notPrecached]) {
    if (!splitPoints.some((p) => p.name === `__wasm_split_load_${name}`)) throw new Error(`wasm-split: no split point "${name}"`);
  }
  const prefetched = [...users].filter(([, u]) => u.some((name) => !notPrefetched.has(name))).map(([file]) => file);
  const onDemand = [...users].filter(([, u]) => u.every((name) => notPrecached.has(name))).map(([file]) => file);
  // Read above; minified for the browser (an ES module: the names it exports and imports stay).
  loader = await minifyGlue(loader);

  writeFileSync(join(staging, wasmName), mainWasm);
  writeFileSync(join(staging, jsName), glue);
  writeFileSync(join(staging, loaderName), loader);
  for (const { name, bytes } of chunks) writeFileSync(join(staging, chunkFile(name)), bytes);
  rmSync(join(staging, trunkJs));
  rmSync(join(staging, trunkWasm));

  // index.html: new names, their integrity, and the chunk loader preloaded next to the glue.
  html = html.split(trunkJs).join(jsName).split(trunkWasm).join(wasmName);
  const withIntegrity = (name, bytes) => {
    const link = new RegExp(`(<link [^>]*href="[^"]*/${name.replace(/\./g, '\\.')}"[^>]*integrity=")[^"]*(")`);
    if (!link.test(html)) throw new Error(`${indexPath}: no preload link with integrity for ${name}`);
    html = html.replace(link, `$1${bytes}$2`);
  };
  withIntegrity(jsName, sri(glue));
  withIntegrity(wasmName, sri(mainWasm));
  const glueLink = html.match(/<link rel="modulepreload" href="([^"]*)\/showcase-[0-9a-f]+\.js"[^>]*>/);
  if (!glueLink) throw new Error(`${indexPath}: no modulepreload link for the glue`);
  html = html.replace(glueLink[0], `${glueLink[0]}<link rel="modulepreload" href="${glueLink[1]}/${loaderName}" ` +
    `crossorigin="anonymous" integrity="${sri(loader)}">`);
  const meta = `<meta name="page-chunks" content="${prefetched.join(' ')}">`;
  html = replaceOnce(html, '<meta name="page-chunks" content="">', meta, 'index.html');
  html = replaceOnce(html, '<meta name="on-demand-chunks" content="">',
    `<meta name="on-demand-chunks" content="${onDemand.join(' ')}">`, 'index.html');
  // Each split point's files (hashed names), for index.html's preloader.
  const splitFiles = Object.fromEntries(points.map(({ name, files }) => [name, files]));
  html = replaceOnce(html, '/* split-files */ {}', JSON.stringify(splitFiles), 'index.html');
  // Which path's page is in which chunk: the route table's (crates/route), for the same preloader.
  const routes = routeTable();
  for (const { path, chunk } of routes) {
    if (!splitFiles[chunk]) throw new Error(`wasm-split: the route table puts ${path} in chunk "${chunk}", which the wasm has no split point for`);
  }
  html = replaceOnce(html, '/* routes */ []', JSON.stringify(routes), 'index.html');
  writeFileSync(indexPath, html);

  const kb = (bytes) => `${(bytes.length / 1000).toFixed(1)} KB`;
  console.log(`wasm-split: main ${kb(mainWasm)}, ${chunks.map((c) => `${c.name} ${kb(c.bytes)}`).join(', ')}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

// Size of the app shell (not a test: it reports, it does not judge): what a first visit to any page
// downloads before the app can show anything, read from a built dist directory.
//  - The shell is everything dist/index.html references: the page itself, stylesheets, scripts,
//    modulepreload/preload links, the wasm and JS named by trunk's inline loader, and the icon. Found by
//    parsing index.html, so a new or renamed asset is counted without touching this script.
//  - Each file raw, gzip -9 (node:zlib level 9) and brotli (quality 11, text mode for text files).
//  - The total against issue 8's budget of 150 KB gzip for the shell (HTML, JS, wasm, CSS), excluding
//    the basemap, the bundle and images (so the icon is listed but not counted), with Leaflet listed
//    on its own lines: it is in the shell today (loaded by index.html on every page).
//  - The service worker (sw.js, registered by the app, so not in index.html) counts as shell JS; what its
//    install asks for again (index.html and the data) is said on its own line.
//  - For reference, outside the budget: the bundle and the basemap(s) under data/ and basemap/.
//  - The route chunks (scripts/wasm-split.mjs), read from index.html's preloader (each page's files):
//    for each split point (a page, the kiosk chrome), its own module plus the shared chunks it waits for.
//    Only the page a visitor arrives on waits for its chunks; the others are fetched once it is idle.
// KB are 1,000 bytes. Usage: node scripts/bench-size.mjs [--dist DIR] [--check]   (`make bench-size`
// builds first). With --check it also exits 1 when the shell is over the budget: `make test` runs it on
// the build it tests (sizes are deterministic for a build, unlike times), so a change that takes the
// shell past 150 KB fails CI with the table that says where the bytes went.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, extname } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { readSplitFiles, readSplitLoader } from './split-loader.mjs';

const { values: opts } = parseArgs({ options: { dist: { type: 'string', default: 'dist' }, check: { type: 'boolean', default: false } } });
const DIST = opts.dist;
const BUDGET_GZIP = 150_000;
const TEXT = new Set(['.html', '.js', '.mjs', '.css', '.json', '.geojson', '.svg']);

// The build writes every page as HTML (src/app.rs write_pages): index.html is then the home page, and
// shell.html the shell around the pages, what every page has. The shell is what is budgeted; each page's
// own content (its markup, drawn from the bundle) is data, like the bundle, and listed apart below.
const SHELL_PAGE = existsSync(join(DIST, 'shell.html')) ? 'shell.html' : 'index.html';
const html = readFileSync(join(DIST, SHELL_PAGE), 'utf8');

// Local paths referenced by index.html, in document order: href/src attributes of link and script
// elements, and string literals ending in .js/.wasm inside inline scripts (trunk's loader).
function references(text) {
  const found = [];
  for (const tag of text.match(/<(link|script)\b[^>]*>/gi) ?? []) {
    const attr = (name) => tag.match(new RegExp(`\\b${name}\\s*=\\s*["']([^"']+)["']`, 'i'))?.[1];
    const url = attr('href') ?? attr('src');
    if (!url) continue;
    found.push({ url, rel: (attr('rel') ?? (tag.startsWith('<script') ? 'script' : '')).toLowerCase() });
  }
  for (const [, body] of text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)) {
    for (const [, url] of body.matchAll(/["']([^"']+\.(?:js|wasm))["']/g)) found.push({ url, rel: 'loader' });
  }
  const seen = new Set();
  return found
    .filter(({ url }) => !/^(https?:|data:|\/\/)/i.test(url))
    .map((r) => ({ ...r, path: r.url.replace(/^\.?\//, '').split(/[?#]/)[0] }))
    .filter(({ path }) => !seen.has(path) && seen.add(path));
}

function kind({ path, rel }) {
  const ext = extname(path);
  const leaflet = /(^|\/)leaflet[-.]/i.test(path);
  if (rel.includes('icon')) return { label: 'icon (an image: not in the budget)', budget: false };
  // index.html preloads the bundle; it is listed below with the data, outside the budget.
  if (path.startsWith('data/')) return { label: 'data (preloaded)', budget: false, data: true };
  if (ext === '.wasm') return { label: 'wasm', budget: true };
  if (ext === '.css') return { label: leaflet ? 'Leaflet CSS' : 'CSS (app)', budget: true, leaflet };
  if (/(^|\/)wasm-split-[0-9a-f]+\.js$/.test(path)) return { label: 'chunk loader (wasm-split)', budget: true, loader: true };
  if (ext === '.js' || ext === '.mjs') return { label: leaflet ? 'Leaflet JS' : 'JS loader (wasm-bindgen)', budget: true, leaflet };
  return { label: `other (${ext || 'no extension'})`, budget: true };
}

function sizes(path) {
  const body = readFileSync(join(DIST, path));
  const text = TEXT.has(extname(path));
  return {
    raw: body.length,
    gzip: gzipSync(body, { level: 9 }).length,
    brotli: brotliCompressSync(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_MODE]: text ? constants.BROTLI_MODE_TEXT : constants.BROTLI_MODE_GENERIC,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    }).length,
  };
}

const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
const rows = [{ path: SHELL_PAGE, label: SHELL_PAGE, budget: true, ...sizes(SHELL_PAGE) }];
// What --check refuses to judge: a total that may be missing a file.
const incomplete = [];
for (const ref of references(html)) {
  if (!existsSync(join(DIST, ref.path))) {
    console.error(`index.html references ${ref.url}, which is not in ${DIST}`);
    incomplete.push(`${ref.url} is referenced but missing`);
    continue;
  }
  const what = kind(ref);
  if (!what.data) rows.push({ path: ref.path, ...what, ...sizes(ref.path) });
}
// The service worker is not in index.html but the app registers it on the first visit: JS of the shell.
if (existsSync(join(DIST, 'sw.js')) && !rows.some((r) => r.path === 'sw.js')) {
  rows.push({ path: 'sw.js', label: 'service worker (registered by the app)', budget: true, ...sizes('sw.js') });
}
// index.html's inline preloader names every route chunk (it downloads one page's chunk on a deep link to
// that page): they are reported with the route chunks below, not as shell.
const loaderRow = rows.find((r) => r.loader);
// Read from index.html (the loader is minified since the tenth session); older builds' loader otherwise.
const split = loaderRow && (readSplitFiles(html)
  ?? readSplitLoader(readFileSync(join(DIST, loaderRow.path), 'utf8')));
const splitDir = loaderRow?.path.includes('/') ? loaderRow.path.replace(/\/[^/]*$/, '/') : '';
if (split) {
  const routeChunks = new Set([...split.points.flatMap((p) => p.files), ...split.shared]);
  for (let i = rows.length - 1; i >= 0; i -= 1) {
    if (routeChunks.has(rows[i].path.slice(splitDir.length))) rows.splice(i, 1);
  }
}
const sum = (list, key) => list.reduce((s, r) => s + r[key], 0);
const shell = rows.filter((r) => r.budget);
const noLeaflet = shell.filter((r) => !r.leaflet);

const out = [
  `App shell of \`${DIST}\` (everything index.html references), gzip -9 and brotli -q 11; budget 150 KB gzip (KB = 1,000 bytes).`,
  '',
  '| file | what | raw | gzip -9 | brotli 11 |',
  '|---|---|---:|---:|---:|',
  ...rows.map((r) => `| \`${r.path}\` | ${r.label} | ${kb(r.raw)} | ${kb(r.gzip)} | ${kb(r.brotli)} |`),
  `| **app shell total** | HTML, JS, wasm, CSS (Leaflet included) | **${kb(sum(shell, 'raw'))}** | **${kb(sum(shell, 'gzip'))}** | **${kb(sum(shell, 'brotli'))}** |`,
  `| shell without Leaflet | if Leaflet were loaded only by /map | ${kb(sum(noLeaflet, 'raw'))} | ${kb(sum(noLeaflet, 'gzip'))} | ${kb(sum(noLeaflet, 'brotli'))} |`,
  `| budget | | | 150.0 KB | |`,
];
const gz = sum(shell, 'gzip');
out.push('', gz <= BUDGET_GZIP
  ? `Within the budget: ${kb(gz)} gzip of 150 KB (${kb(BUDGET_GZIP - gz)} to spare).`
  : `Over the budget: ${kb(gz)} gzip is ${(gz / BUDGET_GZIP).toFixed(2)}× the 150 KB (${kb(gz - BUDGET_GZIP)} over); without Leaflet ${kb(sum(noLeaflet, 'gzip'))}.`);

// The worker's install (public/sw.js) takes trunk's hashed files from the HTTP cache (they were just
// downloaded, immutable) and asks the server again only for index.html and the data (revalidated: a 304
// when unchanged, on a server with ETags). What it adds at most, if nothing were revalidated:
if (existsSync(join(DIST, 'build.json'))) {
  const build = JSON.parse(readFileSync(join(DIST, 'build.json'), 'utf8'));
  const files = ['index.html', ...(build.data ?? [])].filter((f) => existsSync(join(DIST, f)));
  const again = files.map((f) => sizes(f));
  out.push('', `On a first visit the service worker's install asks again for ${files.length} files (index.html and `
    + `build.json's data; hashed files come from the HTTP cache): at most ${kb(sum(again, 'gzip'))} gzip, `
    + `a few hundred bytes of 304s when the server has ETags.`);
  // The code only some visits run (the kiosk's, the pinyin's, a refused bundle's): not pre-cached.
  const lazy = (build.lazy ?? []).filter((f) => existsSync(join(DIST, f))).map((f) => sizes(f));
  if (lazy.length) {
    out.push('', `Not pre-cached for every visitor (build.json's lazy: kept once used, fetched ahead of time by a kiosk): `
      + `${lazy.length} files, ${kb(sum(lazy, 'gzip'))} gzip.`);
  }
}

// Outside the budget, for reference: the bundle and the basemaps.
const extra = [];
// (The bundle is preloaded by index.html, so it downloads beside the wasm; it is data all the same.)
for (const dir of ['data', 'basemap']) {
  if (!existsSync(join(DIST, dir))) continue;
  for (const name of readdirSync(DIST + '/' + dir).sort()) {
    // The bundle and the basemaps; not the schema, which only editors read.
    if (name === 'bundle.json' || name.endsWith('.geojson')) extra.push({ path: `${dir}/${name}`, ...sizes(`${dir}/${name}`) });
  }
}
// Leaflet, which the app loads itself (named in <meta name="leaflet-js|css">) when a map is shown or the
// first page is idle: after the first load, so outside the first-load shell.
for (const [, file] of html.matchAll(/<meta name="leaflet-(?:js|css)" content="([^"]+)"/g)) {
  if (existsSync(join(DIST, file))) extra.push({ path: `${file} (Leaflet, loaded after the first page)`, ...sizes(file) });
}
// The pre-rendered pages: what each adds to the shell's HTML (its head and its content).
if (SHELL_PAGE === 'shell.html') {
  const pages = [];
  const walk = (dir) => {
    for (const entry of readdirSync(join(DIST, dir), { withFileTypes: true })) {
      const path = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory() && !['data', 'media', 'basemap'].includes(path)) walk(path);
      else if (path.endsWith('.html') && path !== 'shell.html') pages.push({ path, ...sizes(path) });
    }
  };
  walk('');
  const own = sizes(SHELL_PAGE).gzip;
  const largest = pages.reduce((a, b) => (b.gzip > a.gzip ? b : a));
  const home = pages.find((p) => p.path === 'index.html');
  out.push('', `Pre-rendered pages (outside the budget: their content is the bundle's): ${pages.length} files; `
    + `the home page ${kb(home.gzip)} gzip (${kb(home.gzip - own)} more than the shell's HTML), the largest `
    + `\`${largest.path}\` ${kb(largest.gzip)} gzip.`);
}
if (extra.length) {
  out.push('', 'Not in the budget (fetched by the app after it starts):', '', '| file | raw | gzip -9 | brotli 11 |', '|---|---:|---:|---:|');
  for (const r of extra) out.push(`| \`${r.path}\` | ${kb(r.raw)} | ${kb(r.gzip)} | ${kb(r.brotli)} |`);
}
// The route chunks, as the chunk loader lists them (scripts/split-loader.mjs).
if (split) {
  const { points, shared } = split;
  const total = (files) => files.map((f) => sizes(splitDir + f)).reduce((t, s) => ({ raw: t.raw + s.raw, gzip: t.gzip + s.gzip, brotli: t.brotli + s.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  out.push('', `Route chunks, not in the shell (${points.length} split points, ${shared.length} shared chunks; each gzip-compressed on its own):`, '',
    '| split point | files | raw | gzip -9 | brotli 11 |', '|---|---:|---:|---:|---:|');
  for (const p of points.sort((a, b) => a.name.localeCompare(b.name))) {
    const t = total(p.files);
    out.push(`| ${p.name} | ${p.files.length} | ${kb(t.raw)} | ${kb(t.gzip)} | ${kb(t.brotli)} |`);
  }
  const all = total([...points.map((p) => p.files[0]), ...shared]);
  out.push(`| all chunks | ${points.length + shared.length} | ${kb(all.raw)} | ${kb(all.gzip)} | ${kb(all.brotli)} |`);
}
console.log(out.join('\n'));
if (opts.check && !shell.some((r) => r.path.endsWith('.wasm'))) incomplete.push('no main wasm was found in index.html');
if (opts.check && incomplete.length) {
  console.error(`bench-size --check: cannot judge the shell of ${DIST}: ${incomplete.join('; ')}.`);
  process.exit(1);
}
if (opts.check && gz > BUDGET_GZIP) {
  console.error(`bench-size --check: the app shell is ${kb(gz)} gzip, over the ${kb(BUDGET_GZIP)} budget.`);
  process.exit(1);
}

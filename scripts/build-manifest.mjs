// Trunk post-build hook (after csp-hashes.mjs): writes the build manifest and gives it to the service
// worker.
//  - build.json: { version, wasm, shell, data } — the kiosk fetches it to notice a new app version;
//  - sw.js: its `BUILD` constant replaced by the same object, so each deploy installs a new worker that
//    pre-caches exactly this build's files.
// shell = index.html and trunk's files (hashed names, plus the favicon), but the code only some visits run
// (lazy); data = the bundle and the basemap.
// Media are not pre-cached for every visitor (photos can be large): kiosks ask for them (see sw.js).
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) throw new Error('usage: build-manifest.mjs <dist dir> (or run as a trunk hook)');

const walk = (d) =>
  readdirSync(d).flatMap((name) => {
    const path = join(d, name);
    return statSync(path).isDirectory() ? walk(path) : [relative(dir, path).split('\\').join('/')];
  });
const files = walk(dir).sort();

// Code that only some visits run (the kiosk's, a refused bundle's diagnostics, the pinyin), as
// scripts/wasm-split.mjs lists it in index.html: not pre-cached for every visitor, kept once used, and
// fetched ahead of time by a kiosk (sw.js, "warm-media").
const onDemandMeta = readFileSync(join(dir, 'index.html'), 'utf8').match(/<meta name="on-demand-chunks" content="([^"]*)">/);
const lazy = (onDemandMeta?.[1] ?? '').split(' ').filter(Boolean);
const shell = files.filter((f) => !lazy.includes(f) && (f === 'index.html' || (!f.includes('/') && /-[0-9a-f]{8,}(_bg)?\.\w+$/.test(f))));
for (const f of lazy) if (!files.includes(f)) throw new Error(`${dir}: on-demand file ${f} is not in the build`);
const data = files.filter((f) => f === 'data/bundle.json' || f.startsWith('basemap/'));
const wasm = files.find((f) => f.endsWith('_bg.wasm'));
if (!wasm) throw new Error(`${dir}: no wasm file`);
if (!files.includes('sw.js')) throw new Error(`${dir}: sw.js was not copied (index.html's copy-file link)`);

const hash = createHash('sha256');
for (const f of shell) hash.update(f).update(readFileSync(join(dir, f)));
const version = hash.digest('hex').slice(0, 16);
const build = { version, wasm, shell, lazy, data };

writeFileSync(join(dir, 'build.json'), `${JSON.stringify(build, null, 2)}\n`);
const swPath = join(dir, 'sw.js');
const sw = readFileSync(swPath, 'utf8');
const marker = '/*__BUILD__*/ null';
if (!sw.includes(marker)) throw new Error(`${swPath}: no ${marker} to replace`);
writeFileSync(swPath, sw.replace(marker, JSON.stringify(build)));
console.log(`build-manifest: version ${version}, ${shell.length} shell and ${data.length} data files`);

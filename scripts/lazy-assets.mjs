// Trunk post-build hook: files that index.html does not load itself, which the app adds when they are
// needed, from a `<meta name="NAME" content="SOURCE">` placeholder each:
//  - Leaflet's script and stylesheet (`leaflet-js`, `leaflet-css`): loaded when the map is first needed
//    (or prefetched at idle once the first page is shown), src/components/leaflet.rs;
//  - the kiosk's stylesheet (`kiosk-css`, style/kiosk.css): loaded only in kiosk mode, with the kiosk's
//    code, src/kiosk/chrome.rs. Ours, so without comments first (scripts/minify.mjs's `minifyCss`).
// Each is copied into the site under a content-hashed name (`leaflet-<16 hex>.js`, `kiosk-<16 hex>.css`,
// cached forever like trunk's own files, and pre-cached by the service worker), and its placeholder
// gets the address (relative to <base href>, so --public-url works) and the subresource-integrity hash,
// which the app reads. Fails the build when a placeholder is missing.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minifyCss } from './minify.mjs';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) throw new Error('usage: lazy-assets.mjs <dist dir> (or run as a trunk hook)');
const source = process.env.TRUNK_SOURCE_DIR ?? process.cwd();
const file = join(dir, 'index.html');
let html = readFileSync(file, 'utf8');

for (const [meta, prefix, ext, own] of [
  ['leaflet-js', 'leaflet', 'js', false],
  ['leaflet-css', 'leaflet', 'css', false],
  ['kiosk-css', 'kiosk', 'css', true],
]) {
  const placeholder = new RegExp(`<meta name="${meta}" content="([^"]+)"[^>]*>`);
  const found = html.match(placeholder);
  if (!found) throw new Error(`${file}: no <meta name="${meta}" content="…"> placeholder`);
  let body = readFileSync(join(source, found[1]));
  if (own) body = Buffer.from(minifyCss(body.toString('utf8')));
  const name = `${prefix}-${createHash('sha256').update(body).digest('hex').slice(0, 16)}.${ext}`;
  const integrity = `sha384-${createHash('sha384').update(body).digest('base64')}`;
  writeFileSync(join(dir, name), body);
  html = html.replace(placeholder, `<meta name="${meta}" content="${name}" data-integrity="${integrity}">`);
  console.log(`lazy-assets: ${found[1]} -> ${name}`);
}
writeFileSync(file, html);

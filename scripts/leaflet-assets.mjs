// Trunk post-build hook: Leaflet is loaded only when the map is first needed (or at idle after the first
// page is shown), not by index.html. This copies Leaflet's script and stylesheet into the site under
// content-hashed names (`leaflet-<16 hex>.js/.css`, cached forever like trunk's own files) and fills
// index.html's two `<meta name="leaflet-js|leaflet-css">` placeholders with their address (relative to
// <base href>, so --public-url works) and their subresource-integrity hash, which the app reads
// (src/components/leaflet.rs). Fails the build when a placeholder is missing.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) throw new Error('usage: leaflet-assets.mjs <dist dir> (or run as a trunk hook)');
const source = process.env.TRUNK_SOURCE_DIR ?? process.cwd();
const file = join(dir, 'index.html');
let html = readFileSync(file, 'utf8');

for (const kind of ['js', 'css']) {
  const placeholder = new RegExp(`<meta name="leaflet-${kind}" content="([^"]+)"[^>]*>`);
  const found = html.match(placeholder);
  if (!found) throw new Error(`${file}: no <meta name="leaflet-${kind}" content="…"> placeholder`);
  const body = readFileSync(join(source, found[1]));
  const name = `leaflet-${createHash('sha256').update(body).digest('hex').slice(0, 16)}.${kind}`;
  const integrity = `sha384-${createHash('sha384').update(body).digest('base64')}`;
  writeFileSync(join(dir, name), body);
  html = html.replace(placeholder, `<meta name="leaflet-${kind}" content="${name}" data-integrity="${integrity}">`);
  console.log(`leaflet-assets: ${found[1]} -> ${name}`);
}
writeFileSync(file, html);

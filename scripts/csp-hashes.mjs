// Trunk post-build hook: allows exactly the inline scripts trunk wrote into index.html (its wasm loader)
// by adding their SHA-256 hashes to the Content-Security-Policy's script-src, so no 'unsafe-inline' is
// needed. Fails the build when the policy meta tag is missing, so a strict policy cannot silently vanish.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) throw new Error('usage: csp-hashes.mjs <dist dir> (or run as a trunk hook)');
const file = join(dir, 'index.html');
let html = readFileSync(file, 'utf8');

const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
  ([, body]) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`,
);
const policy = /(<meta http-equiv="Content-Security-Policy" content="[^"]*script-src 'self')([^;"]*)/;
if (!policy.test(html)) throw new Error(`${file}: no Content-Security-Policy with script-src 'self'`);
html = html.replace(policy, (_, head, rest) => {
  const kept = rest.split(/\s+/).filter((s) => s && !s.startsWith("'sha256-"));
  return [head, ...kept, ...hashes].join(' ');
});
writeFileSync(file, html);
console.log(`csp-hashes: ${hashes.length} inline script(s) allowed by hash in ${file}`);

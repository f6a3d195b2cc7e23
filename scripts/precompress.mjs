// Trunk post-build hook (the last one, once every file is final): writes FILE.gz (gzip -9) and FILE.br
// (brotli, quality 11) beside each text and wasm file of the build, for servers that send a file's
// pre-compressed sibling when the browser accepts it (nginx `gzip_static` / `brotli_static`, Caddy's
// `precompressed`; docs/maintainers.md). A server compressing on the fly uses its own level instead:
// nginx's default gzip level is 1, which leaves the main wasm module about a fifth larger than gzip -9,
// and brotli 11 is smaller again. The figures in BENCHMARKS.md (bench-size) are these levels.
// Images other than SVG are already compressed and get no siblings; nor does a file that would not
// shrink. The siblings are not in the service worker's list (build-manifest.mjs ran before).
// Usage: node scripts/precompress.mjs <dist dir> (or as a trunk hook).
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) throw new Error('usage: precompress.mjs <dist dir> (or run as a trunk hook)');

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.json', '.geojson', '.svg', '.txt', '.xml']);

const walk = (d) =>
  readdirSync(d).flatMap((name) => {
    const path = join(d, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });

let files = 0;
let before = 0;
let after = 0;
for (const path of walk(dir)) {
  if (!COMPRESSIBLE.has(extname(path))) continue;
  const bytes = readFileSync(path);
  const gz = gzipSync(bytes, { level: 9 });
  const br = brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      [constants.BROTLI_PARAM_MODE]: extname(path) === '.wasm' ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT,
    },
  });
  if (gz.length < bytes.length) writeFileSync(`${path}.gz`, gz);
  if (br.length < bytes.length) writeFileSync(`${path}.br`, br);
  files += 1;
  before += bytes.length;
  after += Math.min(br.length, bytes.length);
}
console.log(`precompress: ${files} files, ${(before / 1000).toFixed(0)} KB → ${(after / 1000).toFixed(0)} KB as brotli`);

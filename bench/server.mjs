// The benchmarks' static server: the built site as tests/e2e/server.mjs serves it (real files with their
// types, the pages the build wrote (`/gallery` is gallery.html), its 404.html as a 404 for other
// extension-less paths (index.html for a build without pages), no-cache on HTML, the bundle and sw.js,
// immutable hashed assets, an ETag with 304 for a matching If-None-Match), plus two things a benchmark
// needs:
//  - compression, as the documented production server does (docs/maintainers.md: nginx `gzip_static on`,
//    then `gzip on` for wasm, JS, CSS, JSON, SVG): a file's pre-compressed `.gz` sibling (gzip -9,
//    written by scripts/precompress.mjs) where there is one, else zlib level 6, compressed once per file
//    and kept in memory. With `brotli: true` (or BENCH_BROTLI=1), the `.br` sibling (brotli 11) first, as
//    nginx with ngx_brotli's `brotli_static on` would send it: Chromium 156 asks for brotli over plain
//    HTTP from 127.0.0.1 too. Off with `compress: false`.
//  - the plain HTML + JS fixture of bench/plain/ at /plain/, with the site's data/ and media/ under it
//    (/plain/data/bundle.json is dist/data/bundle.json), so the fixture reads the same files;
//  - optionally a slow link, `link: { latencyMs, bytesPerSecond }`: every response waits `latencyMs`
//    before its headers, and all response bodies share one link of `bytesPerSecond`, sent in 4 KiB
//    chunks taken in turn from every response in flight. Unlike Chromium's DevTools throttling, which
//    applies to one page's requests, this also slows a service worker's (scripts/bench-load.mjs).
// Usage: `import { serveBench } from '../bench/server.mjs'`, or `node bench/server.mjs [dist] [port]`.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { TYPES } from '../tests/e2e/server.mjs';

const PLAIN_DIR = join(dirname(fileURLToPath(import.meta.url)), 'plain');

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.wasm', '.css', '.json', '.geojson', '.svg']);

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

// One shared link: bodies leave in 4 KiB chunks, round robin over the responses in flight, at the rate.
// `stats.delivered` counts the bytes that went out on it (a response cut off counts what it got).
function slowLink(bytesPerSecond, stats) {
  const CHUNK = 4096;
  const queue = [];
  let pumping = false;
  async function pump() {
    pumping = true;
    let next = performance.now();
    while (queue.length) {
      const stream = queue.shift();
      const chunk = stream.body.subarray(stream.offset, stream.offset + CHUNK);
      stream.offset += chunk.length;
      if (!stream.res.destroyed) {
        stream.res.write(chunk);
        stats.delivered += chunk.length;
      }
      if (stream.offset < stream.body.length && !stream.res.destroyed) queue.push(stream);
      else {
        stream.res.end();
        stream.done();
      }
      next = Math.max(next, performance.now() - 50) + (chunk.length / bytesPerSecond) * 1000;
      await sleep(next - performance.now());
    }
    pumping = false;
  }
  return (res, body) => new Promise((done) => {
    queue.push({ res, body, offset: 0, done });
    if (!pumping) pump();
  });
}

async function isFile(path) {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

export function serveBench({ root = 'dist', port = 4199, host = '127.0.0.1', compress = true, link = null, brotli = process.env.BENCH_BROTLI === '1' } = {}) {
  const base = resolve(root);
  const gzipped = new Map(); // file → { mtimeMs, body }
  // What was served (bodies, headers not counted), for the benchmarks' byte counts and idleness: `bytes`
  // counts each body in full when its response starts; `delivered`, with a slow link, what went out.
  const stats = { requests: 0, bytes: 0, delivered: 0, inflight: 0, lastDone: performance.now() };
  const send = link && slowLink(link.bytesPerSecond, stats);
  const server = createServer(async (req, res) => {
    stats.requests += 1;
    stats.inflight += 1;
    res.on('close', () => {
      stats.inflight -= 1;
      stats.lastDone = performance.now();
    });
    try {
      if (link) await sleep(link.latencyMs);
      let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      let dir = base;
      if (path === '/plain') {
        res.writeHead(301, { location: '/plain/' }).end();
        return;
      }
      if (path.startsWith('/plain/')) {
        const rest = path.slice('/plain'.length);
        const own = rest === '/' ? '/index.html' : rest;
        if (await isFile(join(PLAIN_DIR, normalize(own)))) {
          dir = PLAIN_DIR;
          path = own;
        } else {
          path = rest; // data/ and media/ of the site
        }
      }
      const file = normalize(join(dir, path));
      if (!file.startsWith(dir)) {
        res.writeHead(403).end();
        return;
      }
      let target = file;
      let status = 200;
      if (!(await isFile(target))) {
        if (extname(path) || dir === PLAIN_DIR) {
          res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
          return;
        }
        // The pages the build wrote (docs/maintainers.md's `try_files $uri $uri.html $uri/index.html`),
        // then its page that is not found, as a 404; a build without pages: the single-page fallback.
        target = null;
        for (const page of [`${file}.html`, join(file, 'index.html')]) if (!target && (await isFile(page))) target = page;
        if (!target && (await isFile(join(base, '404.html')))) {
          target = join(base, '404.html');
          status = 404;
        }
        target ??= join(base, 'index.html');
      }
      const ext = extname(target);
      const fresh = ext === '.html' || ext === '.json' || target.endsWith('sw.js') || dir === PLAIN_DIR;
      let body = await readFile(target);
      const headers = {
        'content-type': TYPES[ext] ?? 'application/octet-stream',
        'cache-control': fresh ? 'no-cache' : 'public, max-age=31536000, immutable',
        etag: `"${createHash('sha1').update(body).digest('base64url')}"`,
      };
      if (req.headers['if-none-match'] === headers.etag) {
        res.writeHead(304, headers).end();
        return;
      }
      const accepts = (coding) => new RegExp(`\\b${coding}\\b`).test(req.headers['accept-encoding'] ?? '');
      if (compress && COMPRESSIBLE.has(ext)) {
        headers.vary = 'accept-encoding';
        const sibling = [brotli && accepts('br') && ['br', `${target}.br`], accepts('gzip') && ['gzip', `${target}.gz`]]
          .find((s) => s && existsSync(s[1]));
        if (sibling) {
          body = await readFile(sibling[1]);
          headers['content-encoding'] = sibling[0];
        } else if (accepts('gzip')) {
          const { mtimeMs } = await stat(target);
          let cached = gzipped.get(target);
          if (!cached || cached.mtimeMs !== mtimeMs) {
            cached = { mtimeMs, body: gzipSync(body, { level: 6 }) };
            gzipped.set(target, cached);
          }
          body = cached.body;
          headers['content-encoding'] = 'gzip';
        }
      }
      headers['content-length'] = body.length;
      if (req.method !== 'HEAD') stats.bytes += body.length;
      res.writeHead(status, headers);
      if (req.method === 'HEAD') res.end();
      else if (send) await send(res, body);
      else res.end(body);
    } catch (error) {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
    }
  });
  server.stats = stats;
  // Resolves once no response has been in flight for `quietMs` (or after `maxMs`).
  server.idle = (quietMs = 1000, maxMs = 60_000) => new Promise((resolve) => {
    const start = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      if ((stats.inflight === 0 && now - stats.lastDone >= quietMs) || now - start > maxMs) {
        clearInterval(timer);
        resolve();
      }
    }, 50);
  });
  return new Promise((ok) => server.listen(port, host, () => ok(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = process.argv[2] ?? 'dist';
  const port = Number(process.argv[3] ?? process.env.PORT ?? 4199);
  await serveBench({ root, port });
  console.log(`serving ${root} at http://127.0.0.1:${port}/ and the plain fixture at http://127.0.0.1:${port}/plain/`);
}

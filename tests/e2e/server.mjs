// A small static server for the built site (dist/), as a production host would serve it: real files
// with their types, a page's file for its address (/gallery: gallery.html) and 404.html for any other
// (the app draws the address's page in its place), no-cache on the pages and the bundle, an ETag on
// every file with 304 for a matching If-None-Match (the kiosk's refresh relies on it, as on nginx or any
// CDN), and the headers the build's _headers file gives each path, on every
// response (scripts/headers.mjs: the page's Content-Security-Policy, nosniff, and `sandbox` on media/ and
// data/), as Netlify or Cloudflare Pages send them; _headers itself (and its nginx form) is not served.
// Used by `make serve`, the end-to-end tests, the benchmarks and the screenshot script (`make dev` uses trunk's).
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { headersFor, parseHeaders } from '../../scripts/headers.mjs';

/** The files of a build that tell the host what to send, and are not part of the site. */
const HOST_FILES = ['_headers', '_headers.nginx'];

export const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
};

export function serve({ root = 'dist', port = 4173, host = '127.0.0.1', prefix = '/' } = {}) {
  const base = resolve(root);
  // Read once, as a host reads it on deploy. A folder without one (a benchmark's fixture) gets none.
  const rulesFile = join(base, '_headers');
  const rules = existsSync(rulesFile) ? parseHeaders(readFileSync(rulesFile, 'utf8')) : [];
  const server = createServer(async (req, res) => {
    const full = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    // Every response, errors and redirects included, carries the headers of its path (the decoded one,
    // which names the file). Several values of one header are sent as several lines.
    const writeHead = res.writeHead.bind(res);
    res.writeHead = (status, headers = {}) => {
      const extra = {};
      for (const [name, value] of headersFor(rules, full)) {
        const key = name.toLowerCase();
        extra[key] = key in extra ? [extra[key], value].flat() : value;
      }
      return writeHead(status, { ...headers, ...extra });
    };
    // A site built with `--public-url /showcase/` lives under that prefix; nothing else exists.
    if (`${full}/` === prefix) {
      res.writeHead(301, { location: prefix }).end();
      return;
    }
    if (!full.startsWith(prefix)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const path = `/${full.slice(prefix.length)}`;
    if (HOST_FILES.includes(path.slice(1))) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const file = normalize(join(base, path));
    if (!file.startsWith(base)) {
      res.writeHead(403).end();
      return;
    }
    // A page's address is its file without `.html` (nginx's `try_files $uri $uri.html $uri/index.html`,
    // the "pretty URLs" of static hosts): /gallery is gallery.html, / and /en are index.html's.
    const isFile = async (f) => (await stat(f).catch(() => null))?.isFile() ?? false;
    let target = file;
    let status = 200;
    if (!(await isFile(target))) {
      // Missing files stay 404s; any other address gets the page that is not found, 404.html (as a
      // host sends its 404 page), or, in a build without pages, index.html: the app draws the page.
      if (extname(path)) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      const page = [`${file}.html`, join(file, 'index.html')];
      if (!path.endsWith('/') && (await isFile(page[0]))) target = page[0];
      else if (await isFile(page[1])) target = page[1];
      else if (await isFile(join(base, '404.html'))) [target, status] = [join(base, '404.html'), 404];
      else target = join(base, 'index.html');
    }
    const body = await readFile(target);
    const type = TYPES[extname(target)] ?? 'application/octet-stream';
    const fresh = target.endsWith('.html') || target.endsWith('.json') || target.endsWith('sw.js');
    const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
    const headers = {
      'content-type': type,
      'cache-control': fresh ? 'no-cache' : 'public, max-age=31536000, immutable',
      etag,
    };
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers).end();
      return;
    }
    res.writeHead(status, headers);
    res.end(body);
  });
  return new Promise((ok) => server.listen(port, host, () => ok(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.env.PORT ?? 4173);
  await serve({ root: process.argv[2] ?? 'dist', port, prefix: process.env.PREFIX ?? '/' });
  console.log(`serving ${process.argv[2] ?? 'dist'} at http://127.0.0.1:${port}/`);
}

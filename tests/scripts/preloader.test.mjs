// index.html's inline preloader (a visit that starts on a page downloads that page's chunk alongside
// the main module) against the route table it is given at build time: each page's path, a trailing
// slash, an id, and the paths that are no page's. Run by `make test-native` with `node --test`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import vm from 'node:vm';

const root = new URL('../../', import.meta.url).pathname;
const html = readFileSync(new URL('../../index.html', import.meta.url), 'utf8');
const script = html.match(/<script>\s*(\(\(\) => \{\s*const files = \/\* split-files \*\/[\s\S]*?\}\)\(\);)\s*<\/script>/)?.[1];

/** The route table, as the build prints it (scripts/wasm-split.mjs). */
const routes = JSON.parse(execFileSync('cargo', ['run', '-q', '--offline', '-p', 'route', '--example', 'table'], { cwd: root, encoding: 'utf8' }));

/** The files the preloader asks for on a visit to `path` under `base`, each chunk's file named after it. */
function preloaded(path, base = '/') {
  const files = Object.fromEntries([...new Set(routes.map((r) => r.chunk))].map((chunk) => [chunk, [`${chunk}.wasm`]]));
  const code = script
    .replace('/* split-files */ {}', JSON.stringify(files))
    .replace('/* routes */ []', JSON.stringify(routes));
  const asked = [];
  const document = {
    baseURI: `https://example.org${base}`,
    head: { append: (link) => asked.push(link.href) },
    createElement: () => ({}),
    querySelector: () => ({ content: 'leaflet', dataset: {} }),
  };
  vm.runInNewContext(code, { document, location: { pathname: path }, URL });
  return asked;
}

test('the preloader is in index.html, with the places the build fills in', () => {
  assert.ok(script, 'the inline preloader was not found');
  assert.ok(routes.length > 0);
});

test('a visit to each page of the table asks for its chunk, with an id and a trailing slash too', () => {
  for (const { path, chunk } of routes) {
    const page = path.replace(':id', 'some-id');
    for (const visit of [page, `${page}/`]) {
      const asked = preloaded(visit);
      assert.ok(asked.includes(`${chunk}.wasm`), `${visit}: ${asked.join(', ')}`);
      assert.deepEqual(asked.filter((f) => f.endsWith('.wasm')), [`${chunk}.wasm`], visit);
    }
    assert.ok(preloaded(`/showcase${page}`, '/showcase/').includes(`${chunk}.wasm`), `under a sub-path: ${page}`);
  }
});

test('paths of no chunked page ask for nothing', () => {
  for (const path of ['/', '/galleryx', '/gallery/a/b', '/units', '/units/', '//', '/map/x', '/index.html']) {
    assert.deepEqual(preloaded(path).filter((f) => f.endsWith('.wasm')), [], path);
  }
  // Outside the base: nothing either.
  assert.deepEqual(preloaded('/gallery', '/showcase/'), []);
});

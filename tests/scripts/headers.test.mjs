// Unit tests of scripts/headers.mjs (the headers a host sends with the build: _headers and its nginx
// form, from index.html's policy) and of tests/e2e/server.mjs sending them, run by `make test-native`
// with `node --test`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { headerRules, headersFor, mergePolicies, pagePolicy, parseHeaders, renderHeaders, renderNginx } from '../../scripts/headers.mjs';
import { serve } from '../e2e/server.mjs';

const script = new URL('../../scripts/headers.mjs', import.meta.url).pathname;
const POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-4Jx1lB+Zg0kKQ3k/4vPyLxLwq3A3D0wz9n2p4J8pVbA=' 'sha256-Zm9v'; style-src 'self'; object-src 'none'";

/** index.html as trunk and the hooks before this one leave it (minified: no comments). */
const page = (base, policy = POLICY) =>
  `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${policy}"><base href="${base}"><script>(()=>{})()</script></head><body></body></html>`;

/** A build folder with that index.html, a media file and the bundle. */
function build(base) {
  const dir = mkdtempSync(join(tmpdir(), 'headers-'));
  writeFileSync(join(dir, 'index.html'), page(base));
  mkdirSync(join(dir, 'media'));
  mkdirSync(join(dir, 'data'));
  writeFileSync(join(dir, 'media', 'a.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(dir, 'data', 'bundle.json'), '{}');
  return dir;
}

test("the policy is index.html's, exactly, and the site's path its <base href>", () => {
  assert.deepEqual(pagePolicy(page('/')), { policy: POLICY, base: '/' });
  assert.deepEqual(pagePolicy(page('/showcase/')), { policy: POLICY, base: '/showcase/' });
  assert.equal(pagePolicy(page('/showcase')).base, '/showcase/');
  assert.equal(pagePolicy(page('https://cdn.example.org/showcase/')).base, '/showcase/');
  assert.equal(pagePolicy(page('/', "default-src 'self'; script-src &#39;self&#39;")).policy, "default-src 'self'; script-src 'self'");
  assert.throws(() => pagePolicy('<html><head><base href="/"></head></html>'), /no <meta http-equiv="Content-Security-Policy">/);
  assert.throws(() => pagePolicy(page('/', "default-src 'self'")), /no script-src/);
  assert.throws(() => pagePolicy(page('/').replace(/<base[^>]*>/, '')), /no <base href>/);
});

test('every path gets the policy and nosniff; media/ and data/ also a sandbox policy; paths carry the prefix', () => {
  const rules = headerRules({ policy: POLICY, base: '/showcase/' });
  assert.deepEqual(rules, [
    { path: '/showcase/*', headers: [['Content-Security-Policy', POLICY], ['X-Content-Type-Options', 'nosniff']] },
    { path: '/showcase/media/*', headers: [['Content-Security-Policy', 'sandbox']] },
    { path: '/showcase/data/*', headers: [['Content-Security-Policy', 'sandbox']] },
  ]);
  const both = [['Content-Security-Policy', POLICY], ['X-Content-Type-Options', 'nosniff']];
  assert.deepEqual(headersFor(rules, '/showcase/'), both);
  assert.deepEqual(headersFor(rules, '/showcase/gallery/red-ship'), both);
  assert.deepEqual(headersFor(rules, '/showcase/media/red-ship.svg'), [...both, ['Content-Security-Policy', 'sandbox']]);
  assert.deepEqual(headersFor(rules, '/showcase/data/bundle.json'), [...both, ['Content-Security-Policy', 'sandbox']]);
  // Not a folder of its own: the pattern is the path, not a prefix of a name.
  assert.deepEqual(headersFor(rules, '/showcase/media-kit.pdf'), both);
  assert.deepEqual(headersFor(rules, '/other/'), []);
  assert.deepEqual(headersFor(headerRules({ policy: POLICY, base: '/' }), '/media/x.svg').length, 3);
});

test('_headers reads back as written, in the format Netlify and Cloudflare Pages read', () => {
  const rules = headerRules({ policy: POLICY, base: '/' });
  const text = renderHeaders(rules);
  assert.match(text, new RegExp(`^/\\*\\n  Content-Security-Policy: ${POLICY.replace(/[+/*]/g, '\\$&')}\\n  X-Content-Type-Options: nosniff\\n/media/\\*\\n  Content-Security-Policy: sandbox\\n/data/\\*\\n  Content-Security-Policy: sandbox\\n$`, 'm'));
  assert.deepEqual(parseHeaders(text), rules);
  assert.throws(() => parseHeaders('  X-Orphan: 1\n'), /line 1/);
});

test('the nginx form holds the headers of every response, quoted for nginx', () => {
  const text = renderNginx({ policy: POLICY });
  const directives = text.split('\n').filter((l) => l && !l.startsWith('#'));
  assert.deepEqual(directives, [
    `add_header Content-Security-Policy "${POLICY}" always;`,
    'add_header X-Content-Type-Options "nosniff" always;',
  ]);
  assert.throws(() => renderNginx({ policy: "script-src 'self' $x" }), /nginx string/);
});

test('the hook writes both files into the build, for the root and for a sub-path', () => {
  for (const base of ['/', '/showcase/']) {
    const dir = build(base);
    try {
      execFileSync('node', [script], { env: { ...process.env, TRUNK_STAGING_DIR: dir }, stdio: 'pipe' });
      const rules = parseHeaders(readFileSync(join(dir, '_headers'), 'utf8'));
      assert.deepEqual(rules.map((r) => r.path), [`${base}*`, `${base}media/*`, `${base}data/*`]);
      assert.deepEqual(rules[0].headers[0], ['Content-Security-Policy', POLICY]);
      assert.match(readFileSync(join(dir, '_headers.nginx'), 'utf8'), /add_header Content-Security-Policy "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-4Jx1/);
    } finally {
      rmSync(dir, { recursive: true });
    }
  }
  // No policy, no headers: the build stops.
  const dir = build('/');
  try {
    writeFileSync(join(dir, 'index.html'), '<html><head><base href="/"></head></html>');
    assert.throws(() => execFileSync('node', [script, dir], { stdio: 'pipe' }), /no <meta http-equiv/);
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('the e2e server sends exactly the headers of _headers on every response, and not _headers itself', async () => {
  const dir = build('/showcase/');
  execFileSync('node', [script, dir], { stdio: 'pipe' });
  const server = await serve({ root: dir, port: 0, prefix: '/showcase/' });
  const at = `http://127.0.0.1:${server.address().port}`;
  try {
    const get = async (path, headers = {}) => {
      const res = await fetch(`${at}${path}`, { headers, redirect: 'manual' });
      return { status: res.status, csp: res.headers.get('content-security-policy'), nosniff: res.headers.get('x-content-type-options'), etag: res.headers.get('etag') };
    };
    const index = await get('/showcase/');
    assert.deepEqual([index.status, index.csp, index.nosniff], [200, POLICY, 'nosniff']);
    // fetch() joins the two policies' lines with ", ", as a browser reads them: two policies.
    assert.equal((await get('/showcase/media/a.svg')).csp, `${POLICY}, sandbox`);
    assert.equal((await get('/showcase/me%64ia/a.svg')).csp, `${POLICY}, sandbox`);
    assert.equal((await get('/showcase/data/bundle.json')).csp, `${POLICY}, sandbox`);
    assert.equal((await get('/showcase/gallery')).csp, POLICY);
    const missing = await get('/showcase/media/none.svg');
    assert.deepEqual([missing.status, missing.csp, missing.nosniff], [404, `${POLICY}, sandbox`, 'nosniff']);
    const notModified = await get('/showcase/media/a.svg', { 'if-none-match': (await get('/showcase/media/a.svg')).etag });
    assert.deepEqual([notModified.status, notModified.csp], [304, `${POLICY}, sandbox`]);
    for (const file of ['_headers', '_headers.nginx']) assert.equal((await get(`/showcase/${file}`)).status, 404);
  } finally {
    server.close();
    rmSync(dir, { recursive: true });
  }
});

test('the editor’s loader and photo previews are allowed by the one policy a host sends', () => {
  const site = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-a'; img-src 'self' https: data:; object-src 'none'";
  const editor = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-b'; img-src 'self' blob: data:; connect-src 'self'";
  assert.equal(
    mergePolicies(site, editor),
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-a' 'sha256-b'; img-src 'self' https: data: blob:; object-src 'none'",
  );
});

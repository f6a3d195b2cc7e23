// The headers the build's _headers file gives each path (scripts/headers.mjs), as the test server sends
// them (a host is told to send the same, docs/maintainers.md): index.html's own Content-Security-Policy
// on every response, `sandbox` as a second policy on media/ and data/, and nosniff. With them, an SVG
// with a script, opened by itself on the site's origin (from a link, a new tab, a typed address), runs
// nothing; and the page, its bundle and its images work as before.
import { test as plain, expect as plainExpect } from '@playwright/test';
import { rmSync, writeFileSync } from 'node:fs';
import { test, expect, SAMPLE } from './fixtures.mjs';
import { mergePolicies } from '../../scripts/headers.mjs';

const PORT = Number(process.env.E2E_PORT ?? 4173);
const SUBPATH = `http://127.0.0.1:${PORT + 1}/showcase/`;

/** index.html's policy, from its <meta>, as the page itself enforces it. */
function metaPolicy(html) {
  const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/);
  expect(meta, 'index.html has a policy').not.toBeNull();
  return meta[1].replaceAll('&#39;', "'").replaceAll('&quot;', '"').replaceAll('&amp;', '&');
}

/** The values of header `name` in a response, one per policy, in order. */
function values(response, name) {
  return response.headersArray().filter((h) => h.name.toLowerCase() === name).map((h) => h.value);
}

for (const [site, base] of [['the root build', null], ['the sub-path build', SUBPATH]]) {
  test(`every response of ${site} carries the page's policy, nosniff, and sandbox on media and data`, async ({ request, baseURL }) => {
    const at = (path) => new URL(path, base ?? baseURL).href;
    const index = await request.get(at('./'));
    expect(index.status()).toBe(200);
    const own = metaPolicy(await index.text());
    expect(own).toMatch(/script-src 'self' 'wasm-unsafe-eval'( 'sha256-[A-Za-z0-9+/=]+'){2}/);
    // One policy for every path: the page's, allowing the editor's loader and photo previews too
    // (edit/, which keeps its own stricter policy in its page as well).
    const editor = metaPolicy(await (await request.get(at('./edit/'))).text());
    const policy = mergePolicies(own, editor);
    expect(policy).not.toBe(own);
    expect(policy.match(/'sha256-[^']+'/g).length).toBe(own.match(/'sha256-[^']+'/g).length + 1);
    const cases = [
      ['./edit/', [policy]],
      ['./', [policy]],
      ['./gallery/red-ship', [policy]], // the single-page fallback: index.html again
      ['./sw.js', [policy]],
      ['./build.json', [policy]],
      [`./${SAMPLE.items[1].media[0].src}`, [policy, 'sandbox']],
      ['./data/bundle.json', [policy, 'sandbox']],
      ['./media/no-such-file.svg', [policy, 'sandbox']], // errors too
    ];
    for (const [path, policies] of cases) {
      const response = await request.get(at(path));
      expect(values(response, 'content-security-policy'), path).toEqual(policies);
      expect(values(response, 'x-content-type-options'), path).toEqual(['nosniff']);
    }
    // What tells the host what to send is not itself part of the site.
    for (const path of ['./_headers', './_headers.nginx']) {
      expect((await request.get(at(path))).status(), path).toBe(404);
    }
  });
}

// Its script, its root element's onload and an HTML image's onerror in a foreignObject would each ask
// the server for PROBE; the test watches for those requests.
const PROBE = '__svg-probe';
const SCRIPTED = `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" onload="fetch('/${PROBE}?onload')">
  <script>fetch('/${PROBE}?script'); document.documentElement.setAttribute('data-ran', 'script');</script>
  <foreignObject width="200" height="100">
    <img xmlns="http://www.w3.org/1999/xhtml" src="/${PROBE}-missing.png" onerror="fetch('/${PROBE}?onerror')"/>
  </foreignObject>
  <text x="10" y="50">inert</text>
</svg>
`;

/** The probe requests made while `page` opens `url` (and for a moment after it has loaded). */
async function probesOpening(page, url) {
  const probes = [];
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.pathname === `/${PROBE}`) probes.push(u.search.slice(1));
  });
  await page.goto(url);
  await page.waitForTimeout(500);
  return probes.sort();
}

plain('a scripted SVG opened by itself on the site runs none of its script', async ({ page, baseURL }) => {
  const name = `e2e-scripted-${process.pid}-${Date.now()}.svg`;
  const file = new URL(`../../dist/media/${name}`, import.meta.url);
  // The control: the same file sent without the site's headers (as a host without them would)
  // runs all three, so the fixture does what it claims.
  await page.route(`**/control/${name}`, (route) =>
    route.fulfill({ status: 200, contentType: 'image/svg+xml', body: SCRIPTED }),
  );
  plainExpect(await probesOpening(page, new URL(`control/${name}`, baseURL).href)).toEqual(['onerror', 'onload', 'script']);

  writeFileSync(file, SCRIPTED);
  try {
    const response = await page.request.get(new URL(`media/${name}`, baseURL).href);
    plainExpect(values(response, 'content-security-policy').at(-1)).toBe('sandbox');
    const fresh = await page.context().newPage();
    plainExpect(await probesOpening(fresh, new URL(`media/${name}`, baseURL).href)).toEqual([]);
    // The file was shown (its text), as an inert drawing.
    await plainExpect(fresh.locator('text')).toHaveText('inert');
    plainExpect(await fresh.locator('svg').getAttribute('data-ran')).toBeNull();
  } finally {
    rmSync(file, { force: true });
  }
});

test('under those headers the bundle still loads and its SVG images still show', async ({ page }) => {
  await page.goto('./gallery');
  const images = page.locator('main img');
  await expect(images.first()).toBeVisible();
  // Some image has loaded, and every one that finished loaded (none was refused by the headers).
  await expect
    .poll(() => images.evaluateAll((all) => {
      const done = all.filter((img) => img.complete);
      return done.length > 0 && done.every((img) => img.naturalWidth > 0);
    }))
    .toBe(true);
  await expect(page.locator('.image-missing')).toHaveCount(0);
  expect(await images.first().getAttribute('src')).toMatch(/\.svg$/);
});

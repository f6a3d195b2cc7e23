// Trunk post-build hook (after build-manifest.mjs, when index.html is final): writes the response headers
// a host must send with this build, from the Content-Security-Policy of index.html's <meta> (with the
// inline scripts' hashes csp-hashes.mjs put there), so that the policy also covers every other file of
// the site. A <meta> policy governs index.html alone: an SVG, HTML or XML file opened by itself (from a
// link, a new tab, a typed address) is a page of the site's own origin with no policy at all, where its
// script would run as the site. Sent as a header, the same policy stops that on every response; media/
// and data/ also get `Content-Security-Policy: sandbox` (a second policy, enforced together with the
// first: a file opened there has no origin and runs no script; an image or JSON used by the page is
// unaffected, a policy on a response governs only a document made from it), and everything gets
// `X-Content-Type-Options: nosniff` (no file is taken for another type than the one it is sent as).
//
//  - _headers: the format Netlify and Cloudflare Pages read, and tests/e2e/server.mjs too. Its paths
//    carry the site's path, from <base href> (trunk's --public-url): `/showcase/*` for a site built for
//    /showcase/, so the file is right as it is for a host that serves the build there.
//  - _headers.nginx: the two headers every response gets, as nginx `add_header` lines, to `include` in
//    each `location` (docs/maintainers.md): the hashes change with every build, so nginx reads them
//    from the build it serves (and must be reloaded after a deploy).
// Neither file is part of the site: hosts that read _headers do not serve it; the nginx recipe refuses
// both.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The folders of files that are data for the page, never pages: sent with `sandbox`. */
export const SANDBOXED = ['media/', 'data/'];

const ENTITIES = { '&amp;': '&', '&quot;': '"', '&#39;': "'", '&apos;': "'", '&lt;': '<', '&gt;': '>' };

/** index.html's policy (its <meta http-equiv="Content-Security-Policy">) and the site's path (<base href>). */
export function pagePolicy(html) {
  const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/i);
  if (!meta) throw new Error('index.html has no <meta http-equiv="Content-Security-Policy">');
  const policy = meta[1].replace(/&(amp|quot|#39|apos|lt|gt);/g, (e) => ENTITIES[e]).trim();
  if (!/\bscript-src\b/.test(policy)) throw new Error(`index.html's policy has no script-src: ${policy}`);
  const base = html.match(/<base href="([^"]*)"/i);
  if (!base) throw new Error('index.html has no <base href> (trunk writes it from --public-url)');
  const path = new URL(base[1], 'http://host/').pathname;
  return { policy, base: path.endsWith('/') ? path : `${path}/` };
}

/** `policy` with the script hashes and image sources of `other` added (each directive's sources, once). */
export function mergePolicies(policy, other) {
  const directives = (p) => new Map(p.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...v]) => [name, v]));
  const merged = directives(policy);
  for (const [name, sources] of directives(other)) {
    if (!['script-src', 'img-src'].includes(name) || !merged.has(name)) continue;
    const own = merged.get(name);
    for (const source of sources) if (!own.includes(source)) own.push(source);
  }
  return [...merged].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

/** The rules of _headers: which paths get which headers (a path matching several gets all of them). */
export function headerRules({ policy, base }) {
  return [
    { path: `${base}*`, headers: [['Content-Security-Policy', policy], ['X-Content-Type-Options', 'nosniff']] },
    ...SANDBOXED.map((folder) => ({ path: `${base}${folder}*`, headers: [['Content-Security-Policy', 'sandbox']] })),
  ];
}

/** `rules` in the _headers format: a path at the start of a line, its headers indented below it. */
export function renderHeaders(rules) {
  const lines = [
    '# Written by scripts/headers.mjs from index.html\'s Content-Security-Policy: send these headers with every',
    '# response (Netlify and Cloudflare Pages read this file; docs/maintainers.md has nginx\'s and other servers\'',
    '# rules). A path matching several rules gets the headers of each: media/ and data/ two policies.',
  ];
  for (const { path, headers } of rules) {
    lines.push(path, ...headers.map(([name, value]) => `  ${name}: ${value}`));
  }
  return `${lines.join('\n')}\n`;
}

/** Reads the _headers format back: the rules, in order. Throws on a line it does not understand. */
export function parseHeaders(text) {
  const rules = [];
  for (const [n, line] of text.split('\n').entries()) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ path: line.trim(), headers: [] });
      continue;
    }
    const header = line.trim().match(/^([A-Za-z0-9-]+):\s*(.*)$/);
    if (!header || !rules.length) throw new Error(`_headers line ${n + 1}: ${JSON.stringify(line)}`);
    rules.at(-1).headers.push([header[1], header[2]]);
  }
  return rules;
}

/** The headers `rules` give the (decoded) request path `path`, in order: `*` matches anything. */
export function headersFor(rules, path) {
  const out = [];
  for (const rule of rules) {
    const pattern = new RegExp(`^${rule.path.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
    if (pattern.test(path)) out.push(...rule.headers);
  }
  return out;
}

/** The headers of every response as nginx directives (`always`: on errors too). */
export function renderNginx({ policy }) {
  if (/["$\\]/.test(policy)) throw new Error(`the policy cannot be written as an nginx string: ${policy}`);
  return [
    '# Written by scripts/headers.mjs from index.html\'s Content-Security-Policy (its hashes change with every',
    '# build): include it in every location of the site, and reload nginx after each deploy. media/ and data/',
    '# add `add_header Content-Security-Policy "sandbox" always;` (docs/maintainers.md).',
    `add_header Content-Security-Policy "${policy}" always;`,
    'add_header X-Content-Type-Options "nosniff" always;',
    '',
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
  if (!dir) throw new Error('usage: headers.mjs <dist dir> (or run as a trunk hook)');
  const page = pagePolicy(readFileSync(join(dir, 'index.html'), 'utf8'));
  // The maintainers' editor (edit/, built after the site by `make build-editor`, which runs this again):
  // a host sends one policy for every path, so it also allows the editor's own loader and its photo
  // previews; the editor's page keeps its stricter <meta> policy as well.
  const editor = join(dir, 'edit', 'index.html');
  if (existsSync(editor)) page.policy = mergePolicies(page.policy, pagePolicy(readFileSync(editor, 'utf8')).policy);
  const rules = headerRules(page);
  writeFileSync(join(dir, '_headers'), renderHeaders(rules));
  writeFileSync(join(dir, '_headers.nginx'), renderNginx(page));
  console.log(`headers: _headers and _headers.nginx for ${page.base} (${rules.length} rules) in ${dir}`);
}

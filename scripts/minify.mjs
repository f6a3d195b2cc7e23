// Trunk post-build hook: the text files of the app shell without what only their authors read.
//   node scripts/minify.mjs pages  <dist>   after lazy-assets, before csp-hashes (which hashes the
//                                           inline scripts as they are then) and build-manifest;
//   node scripts/minify.mjs worker <dist>   after build-manifest (which writes sw.js's file list).
// - the app's stylesheets: comments, indentation and blank lines dropped (nothing else: a space in CSS
//   can be meaningful, `a :hover` is not `a:hover`), and their integrity hashes in index.html renewed;
// - index.html: comments and indentation dropped, also in its inline preloader (whose code is left as
//   it is: scripts/bench-size.mjs reads its list of each page's chunk files);
// - sw.js: minified by terser.
// Measured in BENCHMARKS.md ("tenth session"). Every step checks what it found, and stops the build
// when the page is not as expected.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';

/** `css` without comments, indentation and blank lines. Strings (and so `url("…/*…")`) are kept whole. */
export function minifyCss(css) {
  let out = '';
  for (let i = 0; i < css.length; i++) {
    const c = css[i];
    if (c === '"' || c === "'") {
      const start = i;
      for (i++; i < css.length && css[i] !== c; i++) {
        if (css[i] === '\\') i++;
        if (css[i] === '\n') throw new Error(`minify: a string with a line break in the stylesheet at ${start}`);
      }
      if (i >= css.length) throw new Error(`minify: an unclosed string in the stylesheet at ${start}`);
      out += css.slice(start, i + 1);
    } else if (c === '/' && css[i + 1] === '*') {
      const end = css.indexOf('*/', i + 2);
      if (end < 0) throw new Error(`minify: an unclosed comment in the stylesheet at ${i}`);
      i = end + 1;
    } else {
      out += c;
    }
  }
  return out.split('\n').map((line) => line.trim()).filter((line) => line !== '').join('\n') + '\n';
}

/** `html` without comments and indentation, also in its classic inline scripts (their `//` lines).
 *  `<pre>` and `<textarea>` are refused (their whitespace is their content). */
export function minifyHtml(html) {
  if (/<(pre|textarea)\b/i.test(html)) throw new Error('minify: index.html has <pre> or <textarea>');
  const parts = html.split(/(<script\b[^>]*>[\s\S]*?<\/script>)/);
  const out = [];
  for (const part of parts) {
    const script = part.match(/^(<script\b([^>]*)>)([\s\S]*?)(<\/script>)$/);
    if (!script) {
      if (part.includes('<script')) throw new Error('minify: an unclosed <script> in index.html');
      out.push(part.replace(/<!--[\s\S]*?-->/g, '').split('\n').map((l) => l.trim()).filter((l) => l !== '').join('\n'));
      continue;
    }
    const [, open, attributes, body, close] = script;
    // Only classic inline scripts: trunk's module loader and scripts with a source are left as they are.
    if (/\bsrc=|type="module"/.test(attributes) || body.trim() === '') {
      out.push(part);
      continue;
    }
    // Lines are trimmed: nothing may span lines where whitespace is content (a block comment could
    // hide a line that looks like code; a template string, text).
    if (body.includes('/*') || body.split('\n').some((l) => (l.match(/`/g) ?? []).length % 2 === 1)) {
      throw new Error('minify: an inline script with a block comment or a template string across lines');
    }
    const lines = body.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('//'));
    if (lines.some((l) => l.includes('//') && !/["']https?:\/\//.test(l))) {
      throw new Error('minify: an inline script with a comment after code');
    }
    out.push(`${open}${lines.join('\n')}${close}`);
  }
  return `${out.join('\n')}\n`;
}

const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

async function pages(dir) {
  const indexPath = join(dir, 'index.html');
  let html = readFileSync(indexPath, 'utf8');
  const sheets = [...html.matchAll(/<link rel="stylesheet" href="([^"]*\/)?(main-[0-9a-f]+\.css)" integrity="([^"]+)"/g)];
  if (sheets.length !== 1) throw new Error(`${indexPath}: expected the app's one stylesheet link, found ${sheets.length}`);
  for (const [link, , name, integrity] of sheets) {
    const path = join(dir, name);
    const before = readFileSync(path);
    if (sri(before) !== integrity) throw new Error(`${path}: its integrity in index.html does not match the file`);
    const css = minifyCss(before.toString('utf8'));
    writeFileSync(path, css);
    html = html.replace(link, link.replace(integrity, sri(Buffer.from(css))));
  }
  writeFileSync(indexPath, minifyHtml(html));
}

async function worker(dir) {
  const path = join(dir, 'sw.js');
  const { code } = await minify(readFileSync(path, 'utf8'), { compress: true, mangle: true, format: { comments: false } });
  if (!code) throw new Error(`${path}: terser returned nothing`);
  writeFileSync(path, `${code}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [stage, argDir] = process.argv.slice(2);
  const dir = process.env.TRUNK_STAGING_DIR ?? argDir;
  if (!dir || !['pages', 'worker'].includes(stage)) throw new Error('usage: minify.mjs pages|worker <dist dir>');
  await (stage === 'pages' ? pages(dir) : worker(dir));
}

// Trunk post-build hook, the first of the chain: the event's content into the built site.
//  1. With SHOWCASE_CONTENT=<folder> (a folder shaped like public/: data/bundle.json, media/, and
//     optionally basemap/), that folder's data/, media/ and basemap/ replace the ones trunk copied from
//     public/. The app is the same for every event; only this folder differs. The pre-build check
//     (Trunk.toml) checks the same folder's bundle.
//  2. The page's head from the bundle, so that the first HTML (what a crawler, a link preview or a
//     visitor waiting for the wasm sees) is the event's and not a placeholder: the document language,
//     <title> (the site's name), <meta name="description">, the site's name and short name in both
//     languages (<meta name="application-name" lang=… data-short=…>, which the header shows until
//     the bundle is read) and its mark (<meta name="site-mark">), and the bundle's default language
//     (<meta name="default-language">, the language the app starts in). The app reads the bundle's
//     own values once it has it (src/site.rs): a bundle swapped on the server without a rebuild still
//     shows right, after a moment.
//  3. The icon: public/favicon.svg is a plain one; with the bundle's mark, the mark on it, under a name
//     hashed from its content (a cached icon of another mark is not kept), with its integrity hash.
// Every text goes into the HTML escaped; nothing from the bundle becomes markup.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const LANGS = { zh: 'zh-CN', en: 'en' };

/// A bundle Text in `lang`, else in the other language (the app's fallback rule, docs/bundle.md).
export function textIn(text, lang) {
  if (!text) return '';
  const other = lang === 'zh' ? 'en' : 'zh';
  const exact = (l) => (typeof text[l] === 'string' && text[l].trim() !== '' ? text[l] : undefined);
  return exact(lang) ?? exact(other) ?? '';
}

export function escapeHtml(text) {
  return String(text)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/// What the head says of the site, from a parsed bundle (the defaults of crates/bundle's `Meta`).
export function headOf(bundle) {
  const lang = bundle.default_language ?? 'zh';
  if (!Object.hasOwn(LANGS, lang)) throw new Error(`data/bundle.json: default_language ${JSON.stringify(lang)}`);
  // serde also reads a struct written as an array of its fields; the head needs the named form.
  const meta = bundle.meta;
  if (typeof meta !== 'object' || meta === null || Array.isArray(meta)) {
    throw new Error('data/bundle.json: write "meta" as an object ({ "title": …, … }) for the page\'s head');
  }
  const siteName = meta.site_name ?? meta.title;
  const shortName = meta.short_name ?? siteName;
  const description = meta.description ?? meta.subtitle ?? bundle.event?.summary;
  return {
    lang,
    htmlLang: LANGS[lang],
    title: textIn(siteName, lang),
    description: textIn(description, lang),
    names: Object.keys(LANGS).map((l) => ({ lang: LANGS[l], name: textIn(siteName, l), short: textIn(shortName, l) })),
    mark: meta.mark,
    defaultLanguage: bundle.default_language,
  };
}

/// `index` with its head written from `head` (see headOf). Throws where index.html lacks a placeholder,
/// so that a changed index.html cannot silently ship the placeholder.
export function writeHead(index, head) {
  const replace = (text, pattern, by, what) => {
    if (!pattern.test(text)) throw new Error(`index.html: no ${what} to fill in`);
    return text.replace(pattern, () => by);
  };
  let out = replace(index, /<html lang="[^"]*">/, `<html lang="${head.htmlLang}">`, '<html lang>');
  out = replace(out, /<title>[^<]*<\/title>/, `<title>${escapeHtml(head.title)}</title>`, '<title>');
  out = replace(
    out,
    /<meta name="description" content="[^"]*">/,
    `<meta name="description" content="${escapeHtml(head.description)}">`,
    '<meta name="description">',
  );
  const metas = head.names.map(
    (n) => `<meta name="application-name" lang="${n.lang}" content="${escapeHtml(n.name)}" data-short="${escapeHtml(n.short)}">`,
  );
  if (head.mark) metas.push(`<meta name="site-mark" content="${escapeHtml(head.mark)}">`);
  if (head.defaultLanguage) metas.push(`<meta name="default-language" content="${head.defaultLanguage}">`);
  out = out.replace(/\s*<meta name="(application-name|site-mark|default-language)"[^>]*>/g, '');
  if (!out.includes('</head>')) throw new Error('index.html: no </head>');
  return out.replace('</head>', `${metas.map((m) => `  ${m}\n`).join('')}</head>`);
}

/// The icon with `mark` on it: public/favicon.svg's square, and the mark's characters, escaped.
export function iconWithMark(plain, mark) {
  const text = `<text x="32" y="44" font-size="${[...mark].length > 1 ? 24 : 34}" text-anchor="middle" fill="#fff" font-family="sans-serif">${escapeHtml(mark)}</text>`;
  if (!plain.includes('</svg>')) throw new Error('favicon.svg: no </svg>');
  return plain.replace('</svg>', `${text}</svg>`);
}

/// `index` with its icon replaced by one with `mark` on it, written into `dir`: made from `plain`
/// (public/favicon.svg; not the staged file, which a second run would have marked already).
export function writeIcon(index, dir, mark, plain = readFileSync(new URL('../public/favicon.svg', import.meta.url), 'utf8')) {
  const link = /<link rel="icon" href="([^"]*?)(favicon-[0-9a-f]+\.svg)"( integrity="[^"]*")?/;
  const found = index.match(link);
  if (!found) throw new Error('index.html: no <link rel="icon"> to the hashed favicon');
  const [, prefix, name] = found;
  const icon = iconWithMark(plain, mark);
  const digest = createHash('sha256').update(icon).digest('hex').slice(0, 16);
  const integrity = `sha384-${createHash('sha384').update(icon).digest('base64')}`;
  const named = `favicon-${digest}.svg`;
  rmSync(join(dir, name));
  writeFileSync(join(dir, named), icon);
  return index.replace(link, () => `<link rel="icon" href="${prefix}${named}"${found[3] ? ` integrity="${integrity}"` : ''}`);
}

/// Replaces the staging dir's content folders with those of `content`.
export function copyContent(content, dir) {
  const from = resolve(content);
  if (!existsSync(join(from, 'data', 'bundle.json'))) throw new Error(`SHOWCASE_CONTENT=${content}: no data/bundle.json in it`);
  // The sample's data and media go whatever the folder holds. The site's own outlines (basemap/) stay,
  // beside any of the folder's own.
  for (const folder of ['data', 'media']) rmSync(join(dir, folder), { recursive: true, force: true });
  for (const folder of ['data', 'media', 'basemap']) {
    if (existsSync(join(from, folder))) cpSync(join(from, folder), join(dir, folder), { recursive: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
  if (!dir) throw new Error('usage: site-content.mjs <dist dir> (or run as a trunk hook)');
  if (process.env.SHOWCASE_CONTENT) copyContent(process.env.SHOWCASE_CONTENT, dir);
  const bundle = JSON.parse(readFileSync(join(dir, 'data', 'bundle.json'), 'utf8'));
  const indexPath = join(dir, 'index.html');
  const head = headOf(bundle);
  let index = writeHead(readFileSync(indexPath, 'utf8'), head);
  if (head.mark) index = writeIcon(index, dir, head.mark);
  writeFileSync(indexPath, index);
  console.log(`site-content: ${process.env.SHOWCASE_CONTENT ?? 'public'}, head "${head.title}" (${head.lang})`);
}

// scripts/site-content.mjs: the page's head written from the bundle, escaped, with the app's defaults.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyContent, headOf, textIn, writeHead } from '../../scripts/site-content.mjs';

const INDEX = readFileSync(new URL('../../index.html', import.meta.url), 'utf8');
const bundle = (meta, extra = {}) => ({ meta: { title: { zh: '标题', en: 'Title' }, ...meta }, event: { summary: { zh: '概要', en: 'Summary' } }, ...extra });

test('a text falls back to the other language only when missing or blank', () => {
  assert.equal(textIn({ zh: '中', en: 'en' }, 'en'), 'en');
  assert.equal(textIn({ zh: '中', en: '  ' }, 'en'), '中');
  assert.equal(textIn(undefined, 'zh'), '');
});

test('the head says what the bundle says, in its default language, escaped', () => {
  const head = headOf(bundle({
    site_name: { zh: '纪念馆', en: 'The <Memorial> & "Friends"' },
    short_name: { en: 'Memorial' },
    mark: '纪',
    description: { en: 'About it' },
  }, { default_language: 'en' }));
  const html = writeHead(INDEX, head);
  assert.match(html, /<html lang="en">/);
  assert.match(html, /<title>The &lt;Memorial&gt; &amp; &quot;Friends&quot;<\/title>/);
  assert.match(html, /<meta name="description" content="About it">/);
  assert.match(html, /<meta name="application-name" lang="zh-CN" content="纪念馆" data-short="Memorial">/);
  assert.match(html, /<meta name="site-mark" content="纪">/);
  assert.match(html, /<meta name="default-language" content="en">/);
  assert.doesNotMatch(html, /<Memorial>/);
  // Written twice (a rebuild of the same staging dir), the metas are there once.
  const twice = writeHead(html, head);
  assert.equal(twice.match(/name="site-mark"/g).length, 1);
  assert.equal(twice.match(/name="application-name"/g).length, 2);
});

test('without the optional fields: the title names the site, the subtitle or summary describes it', () => {
  const head = headOf(bundle({}));
  assert.equal(head.lang, 'zh');
  assert.equal(head.title, '标题');
  assert.equal(head.description, '概要');
  assert.equal(headOf(bundle({ subtitle: { zh: '副标题' } })).description, '副标题');
  const html = writeHead(INDEX, head);
  assert.doesNotMatch(html, /site-mark|default-language/);
  assert.throws(() => headOf(bundle({}, { default_language: 'fr' })), /default_language/);
  assert.throws(() => headOf(bundle({}, { default_language: 'toString' })), /default_language/);
  assert.throws(() => headOf({ meta: [{ zh: '标题' }, '2024-05-01'] }), /"meta" as an object/);
});

test('an index.html without a placeholder is refused, not shipped half-filled', () => {
  assert.throws(() => writeHead(INDEX.replace(/<title>[^<]*<\/title>/, ''), headOf(bundle({}))), /<title>/);
});

test('a content folder replaces the data and media trunk copied', () => {
  const root = mkdtempSync(join(tmpdir(), 'content-'));
  const [content, dist] = [join(root, 'content'), join(root, 'dist')];
  for (const dir of [join(content, 'data'), join(content, 'media'), join(dist, 'data'), join(dist, 'media')]) mkdirSync(dir, { recursive: true });
  writeFileSync(join(content, 'data', 'bundle.json'), '{"new":1}');
  writeFileSync(join(content, 'media', 'new.svg'), '<svg/>');
  writeFileSync(join(dist, 'data', 'bundle.json'), '{"old":1}');
  writeFileSync(join(dist, 'media', 'old.svg'), '<svg/>');
  copyContent(content, dist);
  assert.equal(readFileSync(join(dist, 'data', 'bundle.json'), 'utf8'), '{"new":1}');
  assert.ok(existsSync(join(dist, 'media', 'new.svg')));
  assert.ok(!existsSync(join(dist, 'media', 'old.svg')), 'the sample media do not stay');
  // The site's own outlines stay beside the folder's.
  mkdirSync(join(dist, 'basemap'));
  writeFileSync(join(dist, 'basemap', 'site.geojson'), '{}');
  mkdirSync(join(content, 'basemap'));
  writeFileSync(join(content, 'basemap', 'own.geojson'), '{}');
  copyContent(content, dist);
  assert.ok(existsSync(join(dist, 'basemap', 'site.geojson')) && existsSync(join(dist, 'basemap', 'own.geojson')));
  assert.throws(() => copyContent(join(root, 'nothing'), dist), /no data\/bundle.json/);
});

test('the icon carries the bundle\'s mark, under a name and integrity hash of its own', async () => {
  const { writeIcon } = await import('../../scripts/site-content.mjs');
  const dir = mkdtempSync(join(tmpdir(), 'icon-'));
  const plain = readFileSync(new URL('../../public/favicon.svg', import.meta.url), 'utf8');
  assert.doesNotMatch(plain, /<text/, 'the icon the site ships has no mark of any event');
  writeFileSync(join(dir, 'favicon-0123456789abcdef.svg'), plain);
  const index = '<head><link rel="icon" href="/showcase/favicon-0123456789abcdef.svg" integrity="sha384-old"/></head>';
  const out = writeIcon(index, dir, '<书>');
  // Run again over its own output: one mark, not two.
  const again = writeIcon(out, dir, '<书>');
  const [, second] = again.match(/href="\/showcase\/(favicon-[0-9a-f]{16}\.svg)"/);
  assert.equal(readFileSync(join(dir, second), 'utf8').match(/<text/g).length, 1);
  const [, name] = out.match(/href="\/showcase\/(favicon-[0-9a-f]{16}\.svg)"/);
  assert.notEqual(name, 'favicon-0123456789abcdef.svg');
  assert.ok(!existsSync(join(dir, 'favicon-0123456789abcdef.svg')));
  const icon = readFileSync(join(dir, name), 'utf8');
  assert.match(icon, /&lt;书&gt;<\/text><\/svg>\s*$/);
  assert.doesNotMatch(out, /sha384-old/);
  assert.match(out, /integrity="sha384-[A-Za-z0-9+/=]+"/);
});

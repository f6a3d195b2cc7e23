// Benchmark fixture: the showcase's /gallery as plain JavaScript, to compare the Leptos app against (see
// scripts/bench-load.mjs). It does what the app's gallery does for a visitor who only searches:
//  - fetches data/bundle.json (relative, no-cache, as src/web/fetch.rs does) and JSON.parse-s it, timed as the
//    performance measure `bundle:parse` (the app's is `bundle:parse+validate`: it also checks the bundle,
//    which this page does not);
//  - builds the same lower-cased search text per item as crates/bundle/src/query.rs (titles,
//    descriptions, units, artists, the books' person and titles, people of the timeline, both languages);
//  - shows the result count and the first 12 cards in date order (image with width/height, kind badge,
//    title linking to the item, donors), 12 more per "show more";
//  - on each `input` of the search box, filters by every whitespace-separated term as a substring, updates
//    the count and the cards, and keeps the text in the address (?q=), as the app does.
// Strict CSP: this file is the only script; the DOM is built with createElement and textContent only.
'use strict';

const PAGE = 12; // cards at first and per "show more" (src/pages/gallery.rs)
const EAGER_CARDS = 8; // cards whose images load at once
const SIZES = '(min-width: 1200px) 25vw, (min-width: 700px) 33vw, 100vw';

const UI = {
  zh: {
    heading: '赠礼展厅', search: '搜索', hint: '标题、说明、人名、单位', donor: '赠送', view: '查看大图',
    sample: '示例图片', none: '没有符合条件的展品。',
    count: (n) => `${n} 件展品`, more: (n) => `显示更多（还有 ${n} 件）`,
    kinds: { artwork: '艺术作品', first_day_cover: '首日封', book_donation: '图书捐赠', plaque: '牌匾', other: '其他' },
  },
  en: {
    heading: 'Gallery', search: 'Search', hint: 'Titles, descriptions, people, units', donor: 'Given by',
    view: 'View larger', sample: 'Sample image', none: 'No items match.',
    count: (n) => (n === 1 ? '1 item' : `${n} items`), more: (n) => `Show more (${n} more)`,
    kinds: { artwork: 'Artwork', first_day_cover: 'First-day cover', book_donation: 'Book donation', plaque: 'Plaque', other: 'Other' },
  },
};

// A bundle text in `lang`, else the other language (docs/bundle.md's fallback rule).
const exact = (text, lang) => {
  const value = text && text[lang];
  return typeof value === 'string' && value.trim() ? value : null;
};
const pick = (text, lang) => exact(text, lang) ?? exact(text, lang === 'zh' ? 'en' : 'zh') ?? '';
const both = (text) => [exact(text, 'zh'), exact(text, 'en')].filter(Boolean);

function initialLang(bundle) {
  let saved = null;
  try { saved = localStorage.getItem('showcase.lang'); } catch { /* storage disabled */ }
  const fromTag = (tag) => (tag && tag.toLowerCase().startsWith('zh') ? 'zh' : tag && tag.toLowerCase().startsWith('en') ? 'en' : null);
  return fromTag(saved) ?? fromTag(bundle.default_language) ?? fromTag(navigator.language) ?? 'zh';
}

// The searchable text of every item, as SearchIndex::new builds it.
function buildIndex(bundle) {
  const units = new Map(bundle.units.map((u) => [u.id, u]));
  const people = new Map((bundle.people ?? []).map((p) => [p.id, p]));
  const timelinePeople = new Map();
  for (const activity of bundle.timeline ?? []) {
    for (const itemId of activity.items ?? []) {
      const list = timelinePeople.get(itemId) ?? [];
      list.push(...(activity.people ?? []));
      timelinePeople.set(itemId, list);
    }
  }
  return bundle.items.map((item) => {
    const parts = [...both(item.title), ...both(item.description)];
    for (const id of [...(item.donors ?? []), ...(item.recipients ?? [])]) {
      const unit = units.get(id);
      if (unit) parts.push(...both(unit.name), ...(unit.short_name ? both(unit.short_name) : []));
    }
    if (item.artwork?.artists) parts.push(...both(item.artwork.artists));
    if (item.books) {
      const via = item.books.via && people.get(item.books.via);
      if (via) parts.push(...both(via.name));
      for (const title of item.books.titles ?? []) parts.push(...both(title));
    }
    for (const id of timelinePeople.get(item.id) ?? []) {
      const person = people.get(id);
      if (person) parts.push(...both(person.name));
    }
    return parts.join('\n').toLowerCase();
  });
}

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function card(bundle, units, item, eager, lang) {
  const t = UI[lang];
  const title = pick(item.title, lang);
  const li = el('li', 'card');
  const media = item.media?.[0];
  if (media) {
    const button = el('button', 'card-image');
    button.type = 'button';
    button.setAttribute('aria-label', `${t.view}: ${title}${media.sample ? ` · ${t.sample}` : ''}`);
    const frame = el('span', media.sample ? 'bundle-image sample' : 'bundle-image');
    const img = document.createElement('img');
    img.src = media.src;
    if (media.variants?.length) {
      img.srcset = [...media.variants, media].map((v) => `${v.src} ${v.width}w`).join(', ');
      img.sizes = SIZES;
    }
    img.width = media.width;
    img.height = media.height;
    img.alt = pick(media.alt, lang);
    img.loading = eager ? 'eager' : 'lazy';
    img.decoding = 'async';
    if (media.placeholder) img.style.backgroundColor = media.placeholder; // CSSOM, allowed by the CSP
    frame.append(img);
    if (media.sample) frame.append(el('span', 'sample-badge', t.sample));
    button.append(frame);
    li.append(button);
  }
  const body = el('div', 'card-body');
  body.append(el('span', `badge badge-${item.kind}`, t.kinds[item.kind] ?? item.kind));
  const h2 = el('h2', 'card-title');
  const link = el('a', null, title);
  link.href = `/gallery/${encodeURIComponent(item.id)}`;
  h2.append(link);
  body.append(h2);
  const donors = (item.donors ?? []).map((id) => {
    const unit = units.get(id);
    return unit ? pick(unit.short_name ?? unit.name, lang) : id;
  });
  body.append(el('p', 'card-meta', `${t.donor}: ${donors.join(' · ')}`));
  li.append(body);
  return li;
}

async function main() {
  const response = await fetch('data/bundle.json', { cache: 'no-cache' });
  const text = await response.text();
  performance.mark('bundle:parse:start');
  const bundle = JSON.parse(text);
  performance.measure('bundle:parse', 'bundle:parse:start');

  const lang = initialLang(bundle);
  const t = UI[lang];
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.getElementById('gallery-heading').textContent = t.heading;
  document.getElementById('search-label').textContent = t.search;
  document.getElementById('no-results').textContent = t.none;
  const box = document.getElementById('gallery-search');
  box.placeholder = t.hint;

  const units = new Map(bundle.units.map((u) => [u.id, u]));
  const haystacks = buildIndex(bundle);
  // Date order, the bundle's order among equal dates (a stable sort), computed once.
  const byDate = bundle.items.map((_, i) => i).sort((a, b) => {
    const da = bundle.items[a].date ?? '';
    const db = bundle.items[b].date ?? '';
    return da < db ? -1 : da > db ? 1 : 0;
  });

  const count = document.getElementById('result-count');
  const grid = document.getElementById('gallery-grid');
  const empty = document.getElementById('empty-state');
  const more = document.getElementById('show-more');
  let results = byDate;
  let shown = 0;

  const render = (limit) => {
    const cards = results.slice(0, limit).map((i, position) => card(bundle, units, bundle.items[i], position < EAGER_CARDS, lang));
    grid.replaceChildren(...cards);
    shown = cards.length;
    count.textContent = t.count(results.length);
    empty.hidden = results.length > 0;
    const remaining = results.length - shown;
    more.hidden = remaining <= 0;
    if (remaining > 0) more.textContent = t.more(remaining);
  };

  const search = (query) => {
    const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
    results = terms.length ? byDate.filter((i) => terms.every((term) => haystacks[i].includes(term))) : byDate;
    render(PAGE);
    const url = new URL(location.href);
    if (query.trim()) url.searchParams.set('q', query);
    else url.searchParams.delete('q');
    history.replaceState(history.state, '', url);
  };

  box.value = new URL(location.href).searchParams.get('q') ?? '';
  box.addEventListener('input', () => search(box.value));
  document.getElementById('gallery-filters').addEventListener('submit', (event) => event.preventDefault());
  more.addEventListener('click', () => render(shown + PAGE));
  search(box.value);
}

main().catch((error) => {
  document.getElementById('result-count').textContent = `Error: ${error.message}`;
});

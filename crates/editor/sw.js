// The editor's service worker, scoped to edit/. Two jobs:
//  - the editor works offline: its files (the BUILD list scripts/build-manifest.mjs writes in, as for
//    the site's worker) are kept at install; the page network first, its hashed files cache first. The
//    draft itself is in the origin private file system, not here (src/storage.rs).
//  - the preview: edit/preview/… is the site as visitors would get it, drawn from the draft. Its pages
//    are the site's own index.html with the base moved to edit/preview/ (so the app asks here for
//    everything), the pre-rendered page hidden (it is of the published bundle) and the document marked
//    `data-preview` (the app then keeps nothing in local storage: a draft is no visitor's last good
//    bundle, a preview's clicks no kiosk's counts). data/bundle.json is the draft; media/ the draft's
//    new photos, else the site's; anything else the site's file of the same name.
// The editor tells it when a newer draft is kept; the open previews are then reloaded.
// Without BUILD (a bare trunk build) nothing is kept, and the preview still works.
const BUILD = /*__BUILD__*/ null;

const CACHE = `editor-${BUILD ? BUILD.version : 'dev'}`;
const SCOPE = new URL(self.registration.scope); // …/edit/
const PREVIEW = new URL('preview/', SCOPE);
const SITE = new URL('../', SCOPE);

const under = (url, root) => url.origin === root.origin && url.pathname.startsWith(root.pathname);

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      if (BUILD) {
        const cache = await caches.open(CACHE);
        const request = (path) => new Request(new URL(path, SCOPE), { cache: path === 'index.html' ? 'no-cache' : 'default' });
        await cache.addAll(BUILD.shell.map(request));
      }
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith('editor-') && name !== CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (under(url, PREVIEW)) {
    event.respondWith(preview(event, url));
  } else if (BUILD && under(url, SCOPE)) {
    const path = url.pathname.slice(SCOPE.pathname.length);
    if (request.mode === 'navigate') event.respondWith(networkFirst(request, new URL('index.html', SCOPE).href));
    else if (BUILD.shell.includes(path)) event.respondWith(cacheFirst(request));
  }
  // Anything else (the site's own files the pages ask for by their full address, the site's bundle
  // the editor opens) goes to the network as without a worker.
});

// The editor says when it has kept a newer draft: the open previews drawn from an older one are
// reloaded a second after the last such word (while the maintainer types, once they pause), so each
// shows the draft as it is. `served` is which word each preview page was drawn after (a worker that
// was stopped in between knows none, and reloads them all).
let newest = 0;
const served = new Map();
self.addEventListener('message', (event) => {
  if (event.data !== 'draft-kept') return;
  const mine = ++newest;
  event.waitUntil(
    (async () => {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      if (mine !== newest) return;
      const clients = await self.clients.matchAll({ type: 'window' });
      for (const id of served.keys()) if (!clients.some((c) => c.id === id)) served.delete(id);
      for (const client of clients) {
        if (!under(new URL(client.url), PREVIEW) || served.get(client.id) >= mine) continue;
        await client.navigate(client.url).catch(() => {});
      }
    })(),
  );
});

async function preview(event, url) {
  const request = event.request;
  const rest = url.pathname.slice(PREVIEW.pathname.length);
  if (request.mode === 'navigate') {
    if (event.resultingClientId) served.set(event.resultingClientId, newest);
    return page();
  }
  if (rest === 'data/bundle.json') {
    const draft = await kept('draft.json');
    if (!draft) return new Response('no draft is kept in this browser', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
    return new Response(draft, { headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' } });
  }
  if (rest.startsWith('media/')) {
    const photo = await kept(rest);
    if (photo) return new Response(photo, { headers: { 'content-type': photo.type || typeOf(rest), 'cache-control': 'no-store' } });
  }
  return fetch(new URL(rest + url.search, SITE), { cache: request.cache === 'only-if-cached' ? 'default' : request.cache });
}

/** The site's index.html, made the preview's page. */
async function page() {
  const response = await fetch(new URL('index.html', SITE), { cache: 'no-cache' });
  if (!response.ok) return response;
  const html = (await response.text())
    .replace(/<base href="[^"]*">/, `<base href="${PREVIEW.pathname}">`)
    .replace('<div id="prerendered"', '<div hidden id="prerendered"')
    .replace(/<html(?=[\s>])/, '<html data-preview');
  const headers = new Headers(response.headers);
  for (const name of ['content-length', 'content-encoding', 'etag', 'last-modified']) headers.delete(name);
  headers.set('cache-control', 'no-store');
  return new Response(html, { status: 200, headers });
}

/** A file the editor keeps in the origin private file system (`draft.json`, `media/<name>`), if any. */
async function kept(path) {
  try {
    let folder = await navigator.storage.getDirectory();
    const parts = path.split('/');
    for (const part of parts.slice(0, -1)) folder = await folder.getDirectoryHandle(decodeURIComponent(part));
    const handle = await folder.getFileHandle(decodeURIComponent(parts[parts.length - 1]));
    return await handle.getFile();
  } catch {
    return null;
  }
}

function typeOf(path) {
  if (path.endsWith('.webp')) return 'image/webp';
  if (path.endsWith('.png')) return 'image/png';
  return 'image/jpeg';
}

async function networkFirst(request, fallback) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.status === 200 && new URL(request.url).pathname === SCOPE.pathname) await cache.put(fallback, response.clone());
    return response;
  } catch (error) {
    const cached = await cache.match(fallback);
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request, { ignoreSearch: true });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

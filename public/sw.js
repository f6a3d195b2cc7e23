// The showcase's service worker: the site keeps working when the network drops (kiosks in the community
// centre are sometimes offline) and across reloads.
//  - the pages (navigations), the bundle and build.json: network first, the cached copy when offline
//    (index.html, pre-cached, for a page not visited yet);
//  - trunk's hashed files (they never change under one name), the basemap and media: cache first; the
//    code only some visits run (BUILD.lazy) is kept once fetched, not pre-cached.
// scripts/build-manifest.mjs (a trunk post-build hook) replaces BUILD below with this build's version and
// file list, so every deploy changes this file and the browser installs the new worker. Without it (trunk
// serve) the worker caches nothing and steps aside.
const BUILD = /*__BUILD__*/ null;

const VERSION = BUILD ? BUILD.version : 'dev';
const SHELL = `showcase-shell-${VERSION}`;
const DATA = 'showcase-data';
const MEDIA = 'showcase-media';
const SCOPE = new URL(self.registration.scope);
// How long a network-first request waits before the cached copy is used instead.
const NETWORK_WAIT_MS = 4000;

const inScope = (url) => url.origin === SCOPE.origin && url.pathname.startsWith(SCOPE.pathname);
const relative = (url) => url.pathname.slice(SCOPE.pathname.length);
const absolute = (path) => new URL(path, SCOPE).href;

self.addEventListener('install', (event) => {
  if (!BUILD) return;
  event.waitUntil(
    (async () => {
      // Hashed files never change under one name: the copies the page just downloaded (HTTP cache) do.
      // index.html and the data are asked from the server again.
      const fresh = (path) => path === 'index.html' || BUILD.data.includes(path);
      const request = (path) => new Request(absolute(path), { cache: fresh(path) ? 'no-cache' : 'default' });
      const shell = await caches.open(SHELL);
      await shell.addAll(BUILD.shell.map(request));
      const data = await caches.open(DATA);
      await data.addAll(BUILD.data.map(request));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith('showcase-shell-') && name !== SHELL) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (!BUILD || request.method !== 'GET') return;
  const url = new URL(request.url);
  if (!inScope(url)) return;
  const path = relative(url);
  if (request.mode === 'navigate') {
    // Each page (the build writes one per address) is kept under its own address once visited;
    // offline, an address not yet kept gets index.html, and the app draws the address's page there.
    const page = new URL(url.pathname, SCOPE).href;
    event.respondWith(networkFirst(request, SHELL, page, absolute('index.html')));
  } else if (path === 'data/bundle.json' || path === 'build.json') {
    event.respondWith(networkFirst(request, DATA, absolute(path)));
  } else if (BUILD.shell.includes(path) || BUILD.lazy.includes(path)) {
    event.respondWith(cacheFirst(request, SHELL));
  } else if (path.startsWith('media/') || path.startsWith('basemap/')) {
    event.respondWith(cacheFirst(request, path.startsWith('media/') ? MEDIA : DATA));
  }
});

// The kiosk asks for every image of the bundle ahead of time, so the gallery is complete offline; and
// with them for the code that only some visits run (its own, the pinyin search's, a refused bundle's
// diagnostics), which is not pre-cached for every visitor.
async function warmCode() {
  const cache = await caches.open(SHELL);
  for (const path of BUILD.lazy) {
    if (await cache.match(absolute(path))) continue;
    try {
      const response = await fetch(absolute(path));
      if (response.ok) await cache.put(absolute(path), response);
    } catch {
      // Offline now: the next warm-up or the first use will fetch it.
    }
  }
}

self.addEventListener('message', (event) => {
  const message = event.data;
  if (!message || message.type !== 'warm-media' || !Array.isArray(message.urls)) return;
  event.waitUntil(
    (async () => {
      await warmCode();
      const cache = await caches.open(MEDIA);
      for (const href of message.urls) {
        const url = new URL(href, SCOPE);
        if (!inScope(url) || (await cache.match(url.href))) continue;
        try {
          const response = await fetch(url.href);
          if (response.ok) await cache.put(url.href, response);
        } catch {
          // Offline now: the next warm-up or the first view will fetch it.
        }
      }
    })(),
  );
});

async function networkFirst(request, cacheName, key, fallback = key) {
  const cache = await caches.open(cacheName);
  const cached = (await cache.match(key, { ignoreSearch: true })) ?? (await cache.match(fallback, { ignoreSearch: true }));
  const network = fetch(request).then(async (response) => {
    // A 304 answers the page's own If-None-Match; it is not a copy to keep.
    if (response.status === 200) await cache.put(key, response.clone());
    return response;
  });
  if (!cached) return network;
  network.catch(() => {}); // answered from the cache below; the failure is expected offline
  const timeout = new Promise((resolve) => setTimeout(() => resolve(null), NETWORK_WAIT_MS));
  try {
    return (await Promise.race([network, timeout])) ?? cached;
  } catch {
    return cached;
  }
}

async function cacheFirst(request, cacheName) {
  const cache = await caches.open(cacheName);
  const cached = await cache.match(request, { ignoreSearch: true });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

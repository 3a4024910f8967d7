// Service worker: makes the served page work offline.
//
// On install it stores the page's own files in a versioned cache; requests for them are answered
// from that cache first. On activate, caches of other versions are deleted. Bump CACHE_VERSION
// whenever the set or the content of the files changes in a release.
//
// Development exception: on localhost / 127.0.0.1 (`make serve`) the network is tried first and
// the cache is only the offline fallback, so a rebuilt engine shows up on the next reload.
const CACHE_VERSION = 'v20';
const CACHE_PREFIX = 'corroborate-';
const CACHE_NAME = CACHE_PREFIX + CACHE_VERSION;

const ASSETS = [
  './',
  'index.html',
  'style.css',
  'theme.js',
  'app.js',
  'storage.js',
  'config.js',
  'render.js',
  'dom.js',
  'csv.js',
  'htmlinput.js',
  'limits.js',
  'views/model.js',
  'views/matrix.js',
  'views/reading.js',
  'views/diff.js',
  'engine.js',
  'core.js',
  'worker.js',
  'pkg/corroborate.js',
  'pkg/corroborate_bg.wasm',
  'pkg/examples.js',
  'manifest.webmanifest',
  'icon.svg',
];
const ASSET_URLS = new Set(ASSETS.map((a) => new URL(a, self.registration.scope).href));
const NETWORK_FIRST = ['localhost', '127.0.0.1', '[::1]'].includes(self.location.hostname);

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE_NAME);
      // `cache: 'no-cache'`: never fill the cache from a stale HTTP cache entry.
      await cache.addAll(ASSETS.map((a) => new Request(a, { cache: 'no-cache' })));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(
        names.filter((n) => n.startsWith(CACHE_PREFIX) && n !== CACHE_NAME).map((n) => caches.delete(n)),
      );
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return; // the page never asks; let the browser refuse
  url.search = '';
  url.hash = '';
  if (!ASSET_URLS.has(url.href)) return;
  event.respondWith(NETWORK_FIRST ? networkFirst(request, url.href) : cacheFirst(request, url.href));
});

async function cacheFirst(request, key) {
  const cache = await caches.open(CACHE_NAME);
  const hit = await cache.match(key);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok && response.type === 'basic') await cache.put(key, response.clone());
  return response;
}

async function networkFirst(request, key) {
  const cache = await caches.open(CACHE_NAME);
  try {
    const response = await fetch(request);
    if (response.ok && response.type === 'basic') await cache.put(key, response.clone());
    return response;
  } catch (e) {
    const hit = await cache.match(key);
    if (hit) return hit;
    throw e;
  }
}

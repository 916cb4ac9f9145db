// Waymark's service worker: keeps the tally page and its styles and scripts, so that an officer
// can reload the tally at a gate without a signal. Everything else goes to the network as usual.
const ASSETS = 'waymark-assets-v3';
const PAGES = 'waymark-pages';
const PRECACHE = [
  '/govuk/govuk-frontend.min.css',
  '/govuk/govuk-frontend.min.js',
  '/css/waymark.css',
  '/js/waymark.js',
  '/js/tally.js',
];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(ASSETS).then((cache) => cache.addAll(PRECACHE)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((key) => key !== ASSETS && key !== PAGES).map((key) => caches.delete(key))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (request.mode === 'navigate' && /^\/operations\/[^/]+\/tally$/.test(url.pathname)) {
    // The network first, so that the page is current; the last copy when there is no signal.
    event.respondWith(fetch(request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          caches.open(PAGES).then((cache) => cache.put(request, copy));
        }
        return response;
      })
      .catch(() => caches.match(request, { cacheName: PAGES }).then((cached) => cached || Response.error())));
    return;
  }
  if (PRECACHE.includes(url.pathname) || url.pathname.startsWith('/assets/')) {
    // The network first here too, so that a new release reaches phones; the kept copy offline.
    event.respondWith(fetch(request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          caches.open(ASSETS).then((cache) => cache.put(request, copy));
        }
        return response;
      })
      .catch(() => caches.match(request, { cacheName: ASSETS }).then((cached) => cached || Response.error())));
  }
});

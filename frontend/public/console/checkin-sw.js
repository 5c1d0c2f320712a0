/*
 * The check-in page's service worker (scope /console/checkin): keeps the page and its code
 * on the phone, so that the door keeps working when the connection drops. The page keeps
 * its own data (the date's list, the queue of check-ins) in the browser's storage; this
 * worker never touches the API, and nothing personal passes through it.
 *
 * The page's HTML: from the network first, else the copy kept here. Code and styles under
 * /assets/ (hashed names, never changed): from the copy kept here first.
 */
const CACHE = "zusammen-checkin-v1";
const PAGE = "/console/checkin";

async function keepPage() {
  const cache = await caches.open(CACHE);
  const response = await fetch(PAGE, { credentials: "same-origin", cache: "no-store" });
  if (!response.ok) return;
  const html = await response.clone().text();
  await cache.put(PAGE, response);
  const assets = [...new Set([...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((match) => match[1]))];
  await Promise.all(
    assets.map(async (url) => {
      const asset = await fetch(url);
      if (asset.ok) await cache.put(url, asset);
    }),
  );
}

self.addEventListener("install", (event) => {
  event.waitUntil(keepPage().then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith("zusammen-checkin-") && key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== location.origin) return;
  if (event.request.mode === "navigate" && url.pathname === PAGE) {
    event.respondWith(
      fetch(event.request)
        .then(async (response) => {
          if (response.ok) {
            const copy = response.clone();
            event.waitUntil(caches.open(CACHE).then((cache) => cache.put(PAGE, copy)));
          }
          return response;
        })
        .catch(async () => (await caches.match(PAGE)) ?? Response.error()),
    );
    return;
  }
  if (url.pathname.startsWith("/assets/")) {
    event.respondWith(
      caches.match(event.request).then(
        (kept) =>
          kept ??
          fetch(event.request).then(async (response) => {
            if (response.ok) {
              const copy = response.clone();
              event.waitUntil(caches.open(CACHE).then((cache) => cache.put(event.request, copy)));
            }
            return response;
          }),
      ),
    );
  }
});

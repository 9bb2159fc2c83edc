{% autoescape off %}// Bridgework's service worker (served by bridgework.core.pwa at /sw.js).
// Caches static files and an anonymous copy of Get help now — never a page with anyone's
// own data — so the crisis lines show even without a connection once the site was visited.
"use strict";
const CACHE = "bridgework-{{ version }}";
const SHELL = {{ shell }};
const STATIC_PREFIX = {{ static_prefix }};
const HELP_URL = {{ help_url }};

// Get help now as a logged-out visitor sees it (no cookies sent, none kept), for the
// country the person picked if the live page says so.
function cacheHelp(country) {
  const url = HELP_URL + (country ? "?country=" + encodeURIComponent(country) : "");
  return fetch(url, { credentials: "omit", cache: "no-store" }).then(function (response) {
    if (!response.ok) { return; }
    return caches.open(CACHE).then(function (cache) { return cache.put(HELP_URL, response); });
  });
}

self.addEventListener("install", function (event) {
  event.waitUntil(
    caches.open(CACHE)
      .then(function (cache) { return cache.addAll(SHELL); })
      .then(function () { return cacheHelp(""); })
      .then(function () { return self.skipWaiting(); })
  );
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys().then(function (keys) {
      return Promise.all(keys.filter(function (key) {
        return key.indexOf("bridgework-") === 0 && key !== CACHE;
      }).map(function (key) { return caches.delete(key); }));
    }).then(function () { return self.clients.claim(); })
  );
});

self.addEventListener("fetch", function (event) {
  const request = event.request;
  if (request.method !== "GET") { return; }
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) { return; }

  if (url.pathname.indexOf(STATIC_PREFIX) === 0) {
    // Static files: from the cache at once, refreshed in the background.
    event.respondWith(caches.open(CACHE).then(function (cache) {
      return cache.match(request).then(function (cached) {
        const fresh = fetch(request).then(function (response) {
          if (response.ok) { cache.put(request, response.clone()); }
          return response;
        });
        if (cached) { fresh.catch(function () {}); return cached; }
        return fresh;
      });
    }));
    return;
  }

  if (request.mode === "navigate") {
    // Pages always come from the network; they are never stored. When the network fails,
    // show the saved Get help now page instead of the browser's error.
    event.respondWith(
      fetch(request).then(function (response) {
        if (url.pathname === HELP_URL && response.ok) {
          // Refresh the saved copy, for the country this page shows.
          const copy = response.clone();
          event.waitUntil(copy.text().then(function (html) {
            const match = /<option value="([A-Z]{2})" selected>/.exec(html);
            return cacheHelp(match ? match[1] : (url.searchParams.get("country") || ""));
          }).catch(function () {}));
        }
        return response;
      }).catch(function () {
        return caches.open(CACHE).then(function (cache) { return cache.match(HELP_URL); })
          .then(function (cached) {
            return cached || new Response(
              "<!doctype html><title>Offline</title><h1>You are offline</h1>" +
              "<p>If you are in danger, call your local emergency number (112 or 911 in many places).</p>",
              { headers: { "Content-Type": "text/html; charset=utf-8" } });
          });
      })
    );
  }
});
{% endautoescape %}

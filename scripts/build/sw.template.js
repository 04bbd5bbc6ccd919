/* The guide's service worker: scripts/build/offline.py fills in the __NAMES__ and writes it to site/sw.js.
   Pages: network first (an online reader always gets the newest page), kept for
   offline use. Files: fingerprinted ones from the cache, the others from the cache
   while the copy is refreshed. Nothing is stored that the reader did not open or
   ask to save ("Save for reading offline", assets/offline.js). */
importScripts(__IMPORTS__);
(function () {
  "use strict";
  var wb = self.workbox;
  var scope = self.registration.scope;
  var LANGUAGES = __LANGUAGES__; // languages with their own folder (the source language is at the root)
  var PAGES = __PAGES__, ASSETS = __ASSETS__;
  var PAGE = /(\/|\.html)$/;
  var FINGERPRINTED = /(\.[0-9a-f]{8,}\.min\.(js|css)|\.pf_(index|fragment|filter|meta)|\/workbox-v[^/]+\/[^/]+)$/;
  var FILE = /\.(js|css|svg|png|jpe?g|gif|webp|ico|woff2?|pagefind)$/;

  function inScope(url) { return url.href.indexOf(scope) === 0; }
  function offlinePage(url) {
    var first = url.href.slice(scope.length).split("/")[0];
    return LANGUAGES.indexOf(first) >= 0 ? first + "/offline.html" : "offline.html";
  }

  wb.core.setCacheNameDetails({ prefix: "guide" });
  wb.core.skipWaiting();
  wb.core.clientsClaim();
  wb.precaching.precacheAndRoute(__PRECACHE__);
  wb.precaching.cleanupOutdatedCaches();

  var pages = new wb.strategies.NetworkFirst({ cacheName: PAGES });
  wb.routing.registerRoute(function (o) {
    return o.request.mode === "navigate" || (inScope(o.url) && PAGE.test(o.url.pathname));
  }, pages);
  // Pagefind asks for pagefind-entry.json?ts=…: one stored copy, always revalidated online.
  wb.routing.registerRoute(function (o) {
    return o.url.href.split("?")[0] === scope + "pagefind/pagefind-entry.json";
  }, new wb.strategies.NetworkFirst({
    cacheName: ASSETS,
    fetchOptions: { cache: "no-cache" },
    plugins: [{ cacheKeyWillBeUsed: function (p) { return Promise.resolve(p.request.url.split("?")[0]); } }]
  }));
  wb.routing.registerRoute(function (o) {
    return inScope(o.url) && FINGERPRINTED.test(o.url.pathname);
  }, new wb.strategies.CacheFirst({ cacheName: ASSETS }));
  wb.routing.registerRoute(function (o) {
    return inScope(o.url) && FILE.test(o.url.pathname);
  }, new wb.strategies.StaleWhileRevalidate({ cacheName: ASSETS }));

  // Not stored and no connection: the offline page in the reader's language.
  wb.routing.setCatchHandler(function (o) {
    if (o.request.mode !== "navigate") return Promise.resolve(Response.error());
    return wb.precaching.matchPrecache(offlinePage(o.url)).then(function (r) { return r || Response.error(); });
  });

  // The page that registered the worker loaded before it ran: keep it and its files too.
  function keep(url, event) {
    return pages.handle({ request: new Request(url), event: event }).then(function (response) {
      return response.text();
    }).then(function (html) {
      var files = (html.match(/(?:src|href)="[^"]+\.(?:js|css|svg)"/g) || []).map(function (a) {
        return new URL(a.replace(/^(?:src|href)="|"$/g, ""), url);
      }).filter(inScope);
      return caches.open(ASSETS).then(function (cache) {
        return Promise.all(files.map(function (file) {
          return cache.match(file.href).then(function (hit) { return hit || cache.add(file.href); });
        }));
      });
    }).catch(function () { /* offline or gone: nothing to keep */ });
  }
  self.addEventListener("activate", function (event) {
    event.waitUntil(self.clients.matchAll({ type: "window", includeUncontrolled: true }).then(function (list) {
      return Promise.all(list.map(function (client) { return new URL(client.url); })
        .filter(inScope).map(function (url) { return keep(url.href.split("#")[0], event); }));
    }));
  });
})();

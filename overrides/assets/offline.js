/* "Save for reading offline": downloads one language of the guide (its pages, the
 * files they use and its search index, listed in offline/<lang>.json by
 * scripts/build/offline.py) into the caches the service worker (sw.js) reads from.
 * Loaded by assets/site.js only when a reader presses the button, or on a later
 * visit when the language is saved, to fetch what changed in a new version.
 * Nothing here sends data anywhere. */
window.guideOffline = (function () {
  "use strict";

  var html = document.documentElement;
  var lang = html.lang;
  var busy = false;
  var latest = null; // the manifest shown to the reader before they confirm

  function manifestUrl(root) { return root + "offline/" + lang + ".json"; }

  function fetchManifest(root) {
    return fetch(manifestUrl(root), { cache: "no-cache" }).then(function (r) {
      if (!r.ok) throw new Error("manifest " + r.status);
      return r.json();
    });
  }

  function savedManifest(root, manifest) {
    return caches.open(manifest.caches.saved).then(function (c) { return c.match(manifestUrl(root)); })
      .then(function (r) { return r ? r.json() : null; });
  }

  function size(bytes) {
    var mb = Math.max(bytes / 1048576, 0.1);
    return new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(mb) + " MB";
  }

  function say(button, text) {
    if (!button) return;
    var out = button.parentNode.querySelector("[data-offline-status]");
    if (!out) {
      out = document.createElement("span");
      out.setAttribute("role", "status");
      out.setAttribute("data-offline-status", "");
      out.className = "offline-status";
      button.parentNode.insertBefore(out, button.nextSibling);
    }
    out.textContent = " " + text;
  }

  function hex(buffer) {
    return Array.prototype.map.call(new Uint8Array(buffer), function (b) {
      return ("0" + b.toString(16)).slice(-2);
    }).join("");
  }

  // A file whose bytes are not the ones the manifest names (a copy the worker fell back
  // to when the network failed, a host still half-way through a deploy) is fetched again,
  // and never stored: the saved manifest must describe what is really kept.
  function fetchChecked(url, sha, tries) {
    return fetch(url, { cache: "no-cache" }).then(function (r) {
      if (!r.ok) throw new Error(url + " " + r.status);
      if (!(window.crypto && crypto.subtle)) return r;
      return r.clone().arrayBuffer().then(function (body) {
        return crypto.subtle.digest("SHA-256", body);
      }).then(function (digest) {
        if (hex(digest).slice(0, sha.length) === sha) return r;
        throw new Error(url + ": not the published version");
      });
    }).catch(function (error) {
      if (tries > 1) return fetchChecked(url, sha, tries - 1);
      throw error;
    });
  }

  // Fetch what is new or changed since `previous` (all of it on a first save), store
  // it where sw.js looks, drop this language's pages that are gone, then record the
  // manifest: from then on the language counts as saved.
  function download(root, manifest, previous, progress) {
    var before = {};
    (previous ? previous.files : []).forEach(function (f) { before[f.url] = f.sha; });
    var todo = manifest.files.filter(function (f) { return before[f.url] !== f.sha; });
    var total = todo.reduce(function (n, f) { return n + f.download; }, 0) || 1;
    var done = 0;
    return Promise.all([caches.open(manifest.caches.pages), caches.open(manifest.caches.assets)])
      .then(function (stores) {
        var queue = todo.slice();
        function next() {
          var file = queue.shift();
          if (!file) return null;
          var url = new URL(file.url, root).href;
          return fetchChecked(url, file.sha, 2).then(function (r) {
            return stores[file.page ? 0 : 1].put(url, r);
          }).then(function () {
            done += file.download;
            progress(done / total);
            return next();
          });
        }
        return Promise.all([next(), next(), next(), next()]).then(function () {
          var now = {};
          manifest.files.forEach(function (f) { now[f.url] = true; });
          return Promise.all((previous ? previous.files : []).filter(function (f) {
            return f.page && !now[f.url];
          }).map(function (f) { return stores[0].delete(new URL(f.url, root).href); }));
        });
      })
      .then(function () { return caches.open(manifest.caches.saved); })
      .then(function (c) {
        return c.put(manifestUrl(root), new Response(JSON.stringify(manifest),
          { headers: { "Content-Type": "application/json" } }));
      })
      .then(function () {
        if (navigator.storage && navigator.storage.persist) navigator.storage.persist();
      });
  }

  function labels(text) {
    document.querySelectorAll("[data-offline-save]").forEach(function (b) { b.textContent = text; });
  }

  // First press: say how much will be downloaded. Second press: download it.
  function save(root, button) {
    if (busy) return;
    busy = true;
    var step = latest
      ? Promise.resolve(latest)
      : fetchManifest(root).then(function (manifest) {
        return savedManifest(root, manifest).then(function (previous) {
          if (!previous) {
            latest = manifest;
            say(button, manifest.strings.offline_confirm.replace("{size}", size(manifest.download)));
            labels(manifest.strings.offline_download.replace("{size}", size(manifest.download)));
            return null;
          }
          return refresh(root, manifest, previous, button);
        });
      }).then(function () { return null; });
    step.then(function (manifest) {
      if (!manifest) return null;
      var shown = -1;
      html.setAttribute("data-offline-state", "saving");
      return download(root, manifest, null, function (share) {
        var percent = Math.floor(share * 10) * 10;
        if (percent !== shown) {
          shown = percent;
          say(button, manifest.strings.offline_progress.replace("{percent}", percent));
        }
      }).then(function () {
        html.setAttribute("data-offline-state", "saved");
        say(button, manifest.strings.offline_saved);
        labels(manifest.strings.offline_save);
        latest = null;
      });
    }).catch(function () {
      html.setAttribute("data-offline-state", "failed");
      say(button, (latest && latest.strings.offline_failed) || "✕");
    }).then(function () { busy = false; });
  }

  function refresh(root, manifest, previous, button) {
    if (manifest.version === previous.version) {
      say(button, manifest.strings.offline_updated);
      return Promise.resolve();
    }
    html.setAttribute("data-offline-state", "updating");
    return download(root, manifest, previous, function () {}).then(function () {
      html.setAttribute("data-offline-state", "saved");
      say(button, manifest.strings.offline_updated);
    });
  }

  // A later visit online: bring the saved language up to the published version.
  function update(root) {
    if (busy) return;
    busy = true;
    fetchManifest(root).then(function (manifest) {
      return savedManifest(root, manifest).then(function (previous) {
        return previous ? refresh(root, manifest, previous, null) : null;
      });
    }).catch(function () {
      html.setAttribute("data-offline-state", "saved"); // the stored copy is still there
    }).then(function () { busy = false; });
  }

  return { save: save, update: update };
})();

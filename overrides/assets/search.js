/* Site search: Pagefind behind Material's search look.
 * Loaded on first use by the loader in partials/site-search.html.
 * Pagefind picks the index for the page's <html lang>, so results are always in
 * the reader's language. */
(function () {
  "use strict";

  var dialog = document.querySelector("[data-site-search]");
  var input = dialog.querySelector("[data-site-search-input]");
  var list = dialog.querySelector("[data-site-search-results]");
  var meta = dialog.querySelector("[data-site-search-meta]");
  var toggle = document.getElementById("__search");
  var form = dialog.querySelector("form");

  var config = JSON.parse(document.getElementById("__config").textContent);
  var root = new URL((config.base || ".") + "/", window.location.href);
  var pagefind = null;
  var latest = 0;

  function text(key, count) {
    return (dialog.dataset[key] || "").replace("#", String(count));
  }

  function getPagefind() {
    if (!pagefind) {
      meta.textContent = text("loading");
      pagefind = import(new URL("pagefind/pagefind.js", root).href).then(function (pf) {
        var options = { baseUrl: root.pathname, excerptLength: 24 };
        // Under the offline service worker (sw.js), a fixed tag lets the stored copy of
        // pagefind-entry.json answer offline; the worker revalidates it when online.
        if (navigator.serviceWorker && navigator.serviceWorker.controller) options.metaCacheTag = "sw";
        return pf.options(options).then(function () {
          pf.init();
          return pf;
        });
      });
    }
    return pagefind;
  }

  function resultItem(data) {
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    var section = (data.sub_results || []).find(function (s) {
      return s.url !== data.url && s.title && s.title !== data.meta.title;
    });
    var main = document.createElement("a");
    main.className = "md-search-result__link";
    main.href = data.url;
    main.innerHTML =
      '<article class="md-search-result__article md-typeset">' +
      '<div class="md-search-result__icon md-icon"></div><h1></h1></article>';
    main.querySelector("h1").textContent = data.meta.title || data.url;
    li.appendChild(main);
    var target = main;
    if (section) {
      // The matched section, linking to its anchor, with the excerpt under it.
      target = document.createElement("a");
      target.className = "md-search-result__link";
      target.href = section.url;
      target.innerHTML = '<article class="md-search-result__article md-typeset"><h2></h2></article>';
      target.querySelector("h2").textContent = section.title;
      li.appendChild(target);
    }
    var excerpt = document.createElement("p");
    // Pagefind's excerpts are escaped text with <mark> around the matched words.
    excerpt.innerHTML = (section || data).excerpt;
    target.querySelector("article").appendChild(excerpt);
    return li;
  }

  function show(results, query, total) {
    list.innerHTML = "";
    if (!query) {
      meta.textContent = text("placeholder");
      return;
    }
    var count = total;
    meta.textContent = count === 0 ? text("none") : count === 1 ? text("one", 1) : text("other", count);
    results.forEach(function (data) {
      list.appendChild(resultItem(data));
    });
  }

  function run() {
    var query = input.value.trim();
    var ticket = ++latest;
    if (!query) {
      show([], "", 0);
      return;
    }
    getPagefind()
      .then(function (pf) {
        return pf.debouncedSearch(query, {}, 120);
      })
      .then(function (search) {
        if (!search || ticket !== latest) return null;
        return Promise.all(search.results.slice(0, 10).map(function (r) { return r.data(); }))
          .then(function (results) { return { results: results, total: search.results.length }; });
      })
      .then(function (found) {
        if (found && ticket === latest) show(found.results, query, found.total);
      });
  }

  function links() {
    return Array.prototype.slice.call(list.querySelectorAll("a"));
  }

  function close() {
    toggle.checked = false;
    input.blur();
  }

  input.addEventListener("input", run);
  input.addEventListener("focus", function () {
    toggle.checked = true;
    getPagefind();
  });
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var first = links()[0];
    if (first) window.location.href = first.href;
  });
  form.addEventListener("reset", function () {
    setTimeout(function () { show([], "", 0); input.focus(); }, 0);
  });
  dialog.addEventListener("keydown", function (e) {
    var items = links();
    var index = items.indexOf(document.activeElement);
    if (e.key === "ArrowDown" && items.length) {
      e.preventDefault();
      items[Math.min(index + 1, items.length - 1)].focus();
    } else if (e.key === "ArrowUp" && items.length) {
      e.preventDefault();
      if (index <= 0) input.focus();
      else items[index - 1].focus();
    } else if (e.key === "Escape") {
      e.preventDefault();
      close();
    }
  });
  toggle.addEventListener("change", function () {
    if (toggle.checked) input.focus();
  });

  if (document.activeElement === input) {
    toggle.checked = true;
  }
  if (input.value) run();
  getPagefind();
})();

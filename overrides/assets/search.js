/* Site search: Pagefind behind Material's search look.
 * Loaded on first use by the loader in partials/site-search.html.
 * Pagefind picks the index for the page's <html lang>, so results are always in
 * the reader's language.
 *
 * Readers type questions ("ako si predĺžim prechodný pobyt"), declined forms and
 * everyday words, while Pagefind only returns pages that contain every word. So the
 * query is first understood with the language's settings (assets/search/<lang>.json,
 * from data/search.yml): stop words are dropped, common endings are cut (the rest is
 * searched as the start of a word), and each word is also searched on its own so that
 * pages matching most of the words still come up. Cost words ("koľko stojí") bring the
 * fees page and the #fees sections forward. When nothing matches, the most-read
 * guides and the free-help contacts are shown instead of a dead end.
 *
 * Each page's text comes in its own Pagefind fragment, the bulk of what a search
 * downloads. The settings file also lists every page of the language (id -> link,
 * title, keywords; written by the build), so the results are ordered and listed with
 * their links and titles as soon as the index answers; a result's fragment (for its
 * best section and the excerpt) is downloaded only when the result is on screen. */
(function () {
  "use strict";

  var PAGE_SIZE = 10;
  var DEBOUNCE_MS = 120;
  // Results whose fragment loads at once, without waiting to be seen: a phone's first
  // screen. The others load when scrolled near (see `observer`).
  var EAGER = 4;
  // Fragments wait until the reader has paused this long after a keystroke: the list of
  // a half-typed word is shown (it costs no download) but its excerpts are not fetched.
  var SETTLE_MS = 200;

  var dialog = document.querySelector("[data-site-search]");
  var input = dialog.querySelector("[data-site-search-input]");
  var list = dialog.querySelector("[data-site-search-results]");
  var meta = dialog.querySelector("[data-site-search-meta]");
  var toggle = document.getElementById("__search");
  var form = dialog.querySelector("form");

  var config = JSON.parse(document.getElementById("__config").textContent);
  var root = new URL((config.base || ".") + "/", window.location.href);
  var lang = (document.documentElement.getAttribute("lang") || "").split("-")[0];
  var pagefind = null;
  var ready = null; // Pagefind once loaded: see preload
  var settings = null;
  var latest = 0;
  var timer = 0;
  var fillTimer = 0;
  var typedAt = 0;
  var state = { ranked: [], shown: 0, anchors: [], terms: [] };

  // Matched words are highlighted, not coloured like links (Material styles <mark>
  // in results as links). Added here so that no page pays for it before searching.
  var style = document.createElement("style");
  style.textContent =
    ".site-search mark{background:#fff3a3;color:inherit;text-decoration:none;border-radius:2px}" +
    "[data-md-color-scheme=slate] .site-search mark{background:#6b5d00}" +
    ".site-search-more{display:block;margin:.6rem auto;padding:.4rem .9rem;font:inherit;cursor:pointer;" +
    "border:1px solid currentColor;border-radius:.2rem;background:none;color:var(--md-accent-fg-color,#526cfe)}" +
    ".site-search-more[hidden]{display:none}" +
    // A result waiting for its excerpt keeps the room of one, so that the list does not
    // jump and only the results really on screen count as seen.
    ".site-search [data-pending]{min-height:7rem}" +
    ".site-search-fallback{padding:.4rem 1rem 1rem;font-size:.75rem}" +
    ".site-search-fallback a{color:var(--md-typeset-a-color,#4051b5);text-decoration:underline}" +
    ".site-search-fallback h2{font-size:.8rem;margin:.8rem 0 .3rem}" +
    ".site-search-fallback ul{margin:0;padding-left:1rem}";
  document.head.appendChild(style);

  var more = document.createElement("button");
  more.type = "button";
  more.className = "site-search-more";
  more.hidden = true;
  var fallback = document.createElement("div");
  fallback.className = "site-search-fallback";
  fallback.setAttribute("data-site-search-fallback", "");
  fallback.hidden = true;
  list.parentNode.appendChild(more);
  list.parentNode.appendChild(fallback);

  function text(key, count) {
    return (dialog.dataset[key] || "").replace("#", String(count));
  }

  function ui(key) {
    return (settings && settings.ui && settings.ui[key]) || "";
  }

  function getSettings() {
    if (!settings) {
      settings = fetch(new URL("assets/search/" + lang + ".json", root).href)
        .then(function (r) { return r.ok ? r.json() : {}; })
        .catch(function () { return {}; })
        .then(function (s) { settings = s; return s; });
    }
    return Promise.resolve(settings);
  }

  function getPagefind() {
    if (!pagefind) {
      meta.textContent = text("loading");
      pagefind = Promise.all([import(new URL("pagefind/pagefind.js", root).href), getSettings()])
        .then(function (loaded) {
          var pf = loaded[0];
          // noWorker: Pagefind 1.5 would otherwise download a second copy of its code
          // (pagefind-worker.js, 12 KB) to search in a worker; one language's index of
          // a few hundred pages is searched in milliseconds on the page itself.
          var options = { baseUrl: root.pathname, excerptLength: 24, noWorker: true };
          if (loaded[1] && loaded[1].ranking) options.ranking = loaded[1].ranking;
          // Under the offline service worker (sw.js), a fixed tag lets the stored copy of
          // pagefind-entry.json answer offline; the worker revalidates it when online.
          if (navigator.serviceWorker && navigator.serviceWorker.controller) options.metaCacheTag = "sw";
          return pf.options(options).then(function () {
            pf.init();
            ready = pf;
            return pf;
          });
        });
    }
    return pagefind;
  }

  // ---- Understanding the query -------------------------------------------------

  function fold(word) {
    // Compare without diacritics: readers on foreign keyboards type "kolko" for "koľko".
    return word.normalize("NFD").replace(/[\u0300-\u036f]/g, "").normalize("NFC");
  }

  function inList(word, words) {
    var folded = fold(word);
    for (var i = 0; i < words.length; i++) {
      if (words[i] === word || fold(words[i]) === folded) return true;
    }
    return false;
  }

  function stem(word, s) {
    var folded = fold(word);
    var endings = s.endings || [];
    for (var i = 0; i < endings.length; i++) {
      var ending = fold(endings[i]);
      if (folded.length - ending.length >= (s.min_stem || 4) && folded.slice(-ending.length) === ending) {
        return word.slice(0, word.length - ending.length);
      }
    }
    return word;
  }

  function split(text) {
    return text.normalize("NFC").toLowerCase()
      .replace(/(\p{L})\.(?=\p{L})/gu, "$1") // s.r.o. -> sro
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean);
  }

  // A phrase reduced to its meaningful stems: "občianstvom" and "občianstvo" agree.
  function phrase(text, s) {
    var stop = s.stop_words || [];
    return split(text).filter(function (w) { return !inList(w, stop); })
      .map(function (w) { return fold(stem(w, s)); }).join(" ");
  }

  function analyse(query, s) {
    var words = split(query);
    var stop = s.stop_words || [];
    var intents = (s.intents || []).filter(function (intent) {
      return words.some(function (w) { return inList(w, intent.words || []); });
    });
    var meaningful = words.filter(function (w) { return !inList(w, stop); });
    if (!meaningful.length && !intents.length) meaningful = words;
    var terms = [];
    meaningful.forEach(function (w) {
      var t = stem(w, s);
      if (terms.indexOf(t) < 0) terms.push(t);
    });
    var anchors = [];
    intents.forEach(function (i) { anchors = anchors.concat(i.anchors || []); });
    // What the reader typed, to compare with the pages' keywords (see exactFirst).
    var phrases = [fold(words.join(" ")), phrase(words.join(" "), s)].filter(Boolean);
    return { terms: terms, intents: intents, anchors: anchors, phrases: phrases };
  }

  // ---- Searching and ranking -----------------------------------------------------

  function searchWord(pf, term, s) {
    // A word with no hit at all (a typo near its end) is retried with shorter beginnings.
    return pf.search(term).then(function (found) {
      if (found.results.length || term.length <= (s.min_stem || 4)) return { term: term, found: found };
      return searchWord(pf, term.slice(0, -1), s);
    });
  }

  function rank(pf, analysis, s) {
    var terms = analysis.terms;
    // Each word on its own (so that a typo can fall back to a shorter beginning) and all
    // the words together: pages with every word count once per word more.
    var all = terms.length > 1 ? pf.search(terms.join(" ")) : Promise.resolve(null);
    var single = Promise.all(terms.map(function (t) { return searchWord(pf, t, s); }));
    return Promise.all([all, single]).then(function (runs) {
      var used = runs[1].map(function (run) { return run.term; });
      // A word shortened for a typo: search all the words again with the shorter one.
      var again = terms.length > 1 && used.join(" ") !== terms.join(" ");
      return (again ? pf.search(used.join(" ")) : Promise.resolve(runs[0])).then(function (together) {
        return [together].concat(runs[1].map(function (run) { return run.found; }));
      });
    }).then(function (found) {
      var together = found[0];
      found = found.filter(Boolean);
      var pages = new Map();
      found.forEach(function (run) {
        var results = run.results;
        if (!results.length) return;
        var top = results[0].score || 1;
        results.forEach(function (r) {
          var entry = pages.get(r.id);
          // Each word counts up to 1 whatever its raw scores; having all the words counts
          // as much again as the words themselves.
          var share = (r.score / top) * (run === together ? terms.length : 1);
          if (!entry) {
            entry = { result: r, score: 0, best: -1 };
            pages.set(r.id, entry);
          }
          entry.score += share;
          // The all-words search (first run) has the locations of every word: prefer it.
          if (run === together) {
            entry.best = Infinity;
            entry.result = r;
          } else if (share > entry.best) {
            entry.best = share;
            entry.result = r;
          }
        });
      });
      var ranked = Array.from(pages.values());
      analysis.partial = Boolean(together && !together.results.length && ranked.length);
      var bonus = 2 * terms.length + 2;
      // Pages the reader's intent asks for (the fees page for "how much") go first: their
      // own result when the words found them (the build records their Pagefind ids),
      // otherwise a plain link with their description.
      analysis.intents.forEach(function (intent) {
        (intent.pages || []).forEach(function (p) {
          var entry = p.id && pages.get(p.id);
          if (entry) entry.score += bonus;
          else ranked.push({ score: bonus, synthetic: p, url: new URL(p.url, root).pathname });
        });
      });
      return ranked;
    });
  }

  function order(ranked) {
    return ranked.sort(function (a, b) { return b.score - a.score; });
  }

  // What a result needs before its fragment: link, title and keywords, from the list of
  // the language's pages in the settings file (an intent's plain link has its own).
  function pageInfo(entry, s) {
    if (entry.synthetic) return { url: entry.url, title: entry.synthetic.title, keywords: "" };
    var known = s.pages && s.pages[entry.result.id];
    if (!known) return null;
    return { url: new URL(known[0], root).pathname, title: known[1], keywords: known[2] || "" };
  }

  function fromData(data) {
    return { url: data.url.split("#")[0], title: (data.meta && data.meta.title) || data.url,
      keywords: (data.meta && data.meta.keywords) || "" };
  }

  // 24 words of the page from `from` (or around the first matched word), matches marked.
  function quote(data, from, terms) {
    var content = data.content || "";
    if (from === undefined) content = content.replace((data.meta && data.meta.keywords) || "\u0000", " ");
    var words = content.split(/\s+/).filter(Boolean);
    var folded = terms.map(function (t) { return fold(t.toLowerCase()); });
    function hit(word) {
      var w = fold(word.toLowerCase().replace(/[^\p{L}\p{N}]/gu, ""));
      return w && folded.some(function (t) { return w.indexOf(t) === 0; });
    }
    var start = from;
    if (start === undefined) {
      var first = words.findIndex(hit);
      start = first > 8 ? first - 8 : 0;
    }
    return words.slice(start, start + 24).map(function (w) {
      return hit(w) ? "<mark>" + escapeHtml(w) + "</mark>" : escapeHtml(w);
    }).join(" ");
  }

  function escapeHtml(value) {
    var div = document.createElement("div");
    div.textContent = value || "";
    return div.innerHTML;
  }

  function sectionScore(sub) {
    var locations = sub.weighted_locations || [];
    if (!sub.anchor) {
      // The top of the page holds the title, the hidden description and the keywords,
      // which match whenever the page does: only its own text counts for the section.
      locations = locations.filter(function (l) { return (l.weight || 1) <= 1; });
    }
    return locations.reduce(function (sum, l) { return sum + (l.balanced_score || l.weight || 1); }, 0);
  }

  function bestSection(data, anchors) {
    var best = null;
    var bestScore = 0;
    (data.sub_results || []).forEach(function (sub) {
      var score = sectionScore(sub);
      if (sub.anchor && anchors.indexOf(sub.anchor.id) >= 0) score = score * 3 + 1000;
      if (score > bestScore) {
        best = sub;
        bestScore = score;
      }
    });
    if (anchors.length && !(best && best.anchor && anchors.indexOf(best.anchor.id) >= 0)) {
      // The reader asked about cost: link the page's fees section even without a word hit there.
      var anchor = (data.anchors || []).find(function (a) { return anchors.indexOf(a.id) >= 0 && a.text; });
      if (anchor) {
        return { url: data.url.split("#")[0] + "#" + anchor.id, title: anchor.text, anchor: anchor,
          excerpt: quote(data, anchor.location, state.terms) };
      }
    }
    return best;
  }

  // ---- Showing results -----------------------------------------------------------

  // The result as soon as it is ranked: a link to the page with its title. Its first link
  // is always the page (Enter opens it); the section and excerpt come with `complete`.
  function resultItem(entry) {
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    var main = document.createElement("a");
    main.className = "md-search-result__link";
    main.href = entry.page.url;
    main.innerHTML =
      '<article class="md-search-result__article md-typeset">' +
      '<div class="md-search-result__icon md-icon"></div><h1></h1></article>';
    main.querySelector("h1").textContent = entry.page.title || entry.page.url;
    li.appendChild(main);
    if (entry.synthetic) {
      var excerpt = document.createElement("p");
      excerpt.textContent = entry.synthetic.description || "";
      main.querySelector("article").appendChild(excerpt);
    } else {
      li.setAttribute("data-pending", "");
    }
    return li;
  }

  // The page's data arrived: link the section that matched best, with the excerpt under it.
  function complete(li, data) {
    var main = li.firstChild;
    var title = main.querySelector("h1").textContent;
    var section = bestSection(data, state.anchors);
    var target = main;
    if (section && section.anchor && section.title && section.title !== title) {
      target = document.createElement("a");
      target.className = "md-search-result__link";
      target.href = section.url;
      target.innerHTML = '<article class="md-search-result__article md-typeset"><h2></h2></article>';
      target.querySelector("h2").textContent = section.title;
      li.appendChild(target);
    }
    var excerpt = document.createElement("p");
    // Pagefind's excerpts are escaped text with <mark> around the matched words. At the
    // top of a page they may quote the hidden keywords list: then quote the page instead.
    excerpt.innerHTML = section && section.anchor ? section.excerpt
      : data.meta && data.meta.keywords ? quote(data, undefined, state.terms)
      : (section && section.excerpt) || data.excerpt || "";
    target.querySelector("article").appendChild(excerpt);
    li.removeAttribute("data-pending");
    li.removeAttribute("aria-busy");
  }

  // Download a listed result's fragment (once) and complete it, unless the reader has
  // typed something else meanwhile.
  function fill(li) {
    var entry = li.siteSearchEntry;
    if (!entry || li.hasAttribute("aria-busy") || !li.hasAttribute("data-pending")) return null;
    if (observer) observer.unobserve(li);
    li.setAttribute("aria-busy", "true");
    var ticket = latest;
    return (entry.data ? Promise.resolve(entry.data) : entry.result.data()).then(function (data) {
      entry.data = data;
      if (ticket === latest && li.isConnected) complete(li, data);
    }, function () {
      // Offline, a page never stored: the link and title stay, without an excerpt.
      li.removeAttribute("data-pending");
      li.removeAttribute("aria-busy");
    });
  }

  // The first screen of results gets its excerpts once the reader pauses; the list says
  // it is busy until then (tests wait for that).
  function fillFirstScreen(items) {
    list.setAttribute("aria-busy", "true");
    var ticket = latest;
    fillTimer = setTimeout(function () {
      if (ticket !== latest) return;
      var eager = items.slice(0, EAGER).map(fill).filter(Boolean);
      Promise.all(eager).then(function () {
        if (ticket !== latest) return;
        list.removeAttribute("aria-busy");
        // Only now, with the first results at their real height, is it known which of
        // the others are on screen.
        items.slice(EAGER).forEach(function (li) {
          if (observer) observer.observe(li);
          else fill(li);
        });
      });
    }, Math.max(0, typedAt + SETTLE_MS - Date.now()));
  }

  var observer = "IntersectionObserver" in window ? new IntersectionObserver(function (seen) {
    seen.forEach(function (e) { if (e.isIntersecting) fill(e.target); });
  }, { rootMargin: "40px 0px" }) : null;

  function showFallback(s) {
    fallback.innerHTML = "";
    var popular = (s && s.popular) || [];
    var help = (s && s.help) || [];
    if (popular.length) {
      var h = document.createElement("h2");
      h.textContent = ui("popular");
      var ul = document.createElement("ul");
      popular.forEach(function (p) {
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = new URL(p.url, root).href;
        a.textContent = p.title;
        li.appendChild(a);
        ul.appendChild(li);
      });
      fallback.appendChild(h);
      fallback.appendChild(ul);
    }
    if (help.length) {
      var h2 = document.createElement("h2");
      h2.textContent = ui("help");
      var ul2 = document.createElement("ul");
      help.forEach(function (c) {
        var li = document.createElement("li");
        var name = c.url ? document.createElement("a") : document.createElement("strong");
        if (c.url) name.href = c.url;
        name.textContent = c.name;
        li.appendChild(name);
        if (c.phone) {
          li.appendChild(document.createTextNode(" "));
          var tel = document.createElement("a");
          tel.href = "tel:" + c.phone.replace(/[^\d+]/g, "");
          tel.textContent = c.phone;
          li.appendChild(tel);
        }
        var rest = [c.address, c.note].filter(Boolean).join("; ");
        if (rest) li.appendChild(document.createTextNode(" – " + rest));
        ul2.appendChild(li);
      });
      fallback.appendChild(h2);
      fallback.appendChild(ul2);
    }
    fallback.hidden = !fallback.childNodes.length;
  }

  function clear() {
    clearTimeout(fillTimer);
    list.removeAttribute("aria-busy");
    if (observer) observer.disconnect();
    list.innerHTML = "";
    more.hidden = true;
    fallback.hidden = true;
    fallback.innerHTML = "";
  }

  // An intent page (the fees page for "how much") is listed first on its own; when the
  // words found it too, its real result (with sections and highlights) takes its place.
  // Results whose page is unknown (see pageInfo) stay: their data tells later.
  function dedupe(ranked) {
    var out = [];
    var at = {};
    ranked.forEach(function (entry) {
      var url = entry.page && entry.page.url;
      if (!url) {
        out.push(entry);
      } else if (at[url] === undefined) {
        at[url] = out.length;
        out.push(entry);
      } else if (!entry.synthetic && out[at[url]].synthetic) {
        out[at[url]] = entry;
      }
    });
    return out;
  }

  // A page whose editors listed the reader's words as one of its keywords ("self employed",
  // "eseročka") answers the question best: among the first page of results, it goes first.
  function exactFirst(entries, phrases, s) {
    if (!phrases.length) return entries;
    var hits = [];
    var rest = [];
    entries.forEach(function (entry) {
      var keywords = [];
      ((entry.page && entry.page.keywords) || "").split(",").forEach(function (k) {
        keywords.push(fold(k.trim().toLowerCase()), phrase(k, s));
      });
      var hit = phrases.some(function (p) { return keywords.indexOf(p) >= 0; });
      (hit ? hits : rest).push(entry);
    });
    return hits.concat(rest);
  }

  // The final order, decided before any fragment is downloaded.
  function arrange(ranked, analysis, s) {
    ranked.forEach(function (entry) { entry.page = pageInfo(entry, s); });
    ranked = dedupe(ranked);
    if (analysis.anchors.length) return ranked;
    return exactFirst(ranked.slice(0, PAGE_SIZE), analysis.phrases, s).concat(ranked.slice(PAGE_SIZE));
  }

  function showPage(ticket) {
    var start = state.shown;
    var slice = state.ranked.slice(start, start + PAGE_SIZE);
    // Only when the settings file does not know a page (an old cached copy): its data
    // gives its link and title.
    var unknown = slice.filter(function (entry) { return !entry.page; });
    return Promise.all(unknown.map(function (entry) {
      return entry.result.data().then(function (data) {
        entry.data = data;
        entry.page = fromData(data);
      });
    })).then(function () {
      if (ticket !== latest) return;
      var items = [];
      slice.forEach(function (entry) {
        var li = resultItem(entry);
        li.siteSearchEntry = entry;
        list.appendChild(li);
        if (entry.data) complete(li, entry.data);
        else if (!entry.synthetic) items.push(li);
      });
      if (start === 0) fillFirstScreen(items);
      else items.forEach(function (li) { if (observer) observer.observe(li); else fill(li); });
      state.shown = start + slice.length;
      more.hidden = state.shown >= state.ranked.length;
      more.textContent = ui("more") || "…";
      return start;
    });
  }

  // The results of a query in their final order, before anything is shown; null when
  // `wanted` says, once Pagefind is ready, that the query has been replaced meanwhile.
  function find(query, wanted) {
    return Promise.all([getPagefind(), getSettings()]).then(function (loaded) {
      if (wanted && !wanted()) return null;
      var s = loaded[1] || {};
      var analysis = analyse(query, s);
      return rank(loaded[0], analysis, s).then(function (ranked) {
        return { ranked: arrange(order(ranked), analysis, s), analysis: analysis, settings: s };
      });
    });
  }

  // The addresses a query lists, in order, for the search tests' hundreds of queries
  // (tests/test_browser_search.py): the ranking the box uses, without typing and drawing.
  dialog.siteSearchPages = function (query) {
    return find(query).then(function (found) {
      return found.ranked.map(function (entry) { return entry.page && entry.page.url; });
    });
  };

  function run() {
    var query = input.value.trim();
    var ticket = ++latest;
    if (!query) {
      clear();
      meta.textContent = text("placeholder");
      return;
    }
    find(query, function () { return ticket === latest; })
      .then(function (found) {
        if (!found || ticket !== latest) return null;
        clear();
        state = { ranked: found.ranked, shown: 0, anchors: found.analysis.anchors,
          terms: found.analysis.terms };
        var count = found.ranked.length;
        meta.textContent = count === 0 ? text("none") : count === 1 ? text("one", 1) : text("other", count);
        // No page has every word: say so, so that the reader knows why the results differ.
        if (found.analysis.partial && ui("partial")) meta.textContent += " · " + ui("partial");
        if (!count) {
          showFallback(found.settings);
          return null;
        }
        return showPage(ticket);
      });
  }

  // While the reader types, the index chunks that hold the words typed so far are
  // downloaded and unpacked, so that the search after the last keystroke finds them ready.
  function preload() {
    if (!ready || !settings || typeof settings.then === "function") return;
    var value = input.value;
    var typing = /[\p{L}\p{N}]$/u.test(value) ? split(value).pop() : "";
    // A word still being typed that may become a stop or cost word ("koľk" of
    // "koľko") would fetch a chunk that the search will not use.
    var skip = "";
    if (typing) {
      var folded = fold(typing);
      var words = [].concat.apply(settings.stop_words || [],
        (settings.intents || []).map(function (i) { return i.words || []; }));
      if (words.some(function (w) { return w.length > typing.length && fold(w).indexOf(folded) === 0; })) {
        skip = stem(typing, settings);
      }
    }
    analyse(value.trim(), settings).terms.forEach(function (term) {
      // Shorter beginnings often span two chunks of which the whole word needs one.
      if (term.length >= 4 && term !== skip) ready.preload(term).catch(function () {});
    });
  }

  function schedule() {
    // Old results go at once, so what is listed always answers what is in the box.
    latest++;
    clear();
    clearTimeout(timer);
    timer = setTimeout(run, DEBOUNCE_MS);
    typedAt = Date.now();
    preload();
  }

  function links() {
    return Array.prototype.slice.call(dialog.querySelectorAll(
      "[data-site-search-results] a, .site-search-more:not([hidden]), [data-site-search-fallback] a"));
  }

  function close() {
    toggle.checked = false;
    input.blur();
  }

  more.addEventListener("click", function () {
    var before = list.querySelectorAll("li").length;
    showPage(latest).then(function () {
      var first = list.querySelectorAll("li")[before];
      var link = first && first.querySelector("a");
      if (link) link.focus();
    });
  });
  input.addEventListener("input", schedule);
  input.addEventListener("focus", function () {
    toggle.checked = true;
    getPagefind();
    getSettings();
  });
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var first = list.querySelector("a");
    if (first) window.location.href = first.href;
  });
  form.addEventListener("reset", function () {
    setTimeout(function () { clear(); meta.textContent = text("placeholder"); input.focus(); }, 0);
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
  getSettings();
})();

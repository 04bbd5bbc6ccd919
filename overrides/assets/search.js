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
 * guides and the free-help contacts are shown instead of a dead end. */
(function () {
  "use strict";

  var PAGE_SIZE = 10;
  var DEBOUNCE_MS = 120;

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
  var settings = null;
  var latest = 0;
  var timer = 0;
  var state = { ranked: [], shown: 0, anchors: [], phrases: [], terms: [], settings: {}, seen: {} };

  // Matched words are highlighted, not coloured like links (Material styles <mark>
  // in results as links). Added here so that no page pays for it before searching.
  var style = document.createElement("style");
  style.textContent =
    ".site-search mark{background:#fff3a3;color:inherit;text-decoration:none;border-radius:2px}" +
    "[data-md-color-scheme=slate] .site-search mark{background:#6b5d00}" +
    ".site-search-more{display:block;margin:.6rem auto;padding:.4rem .9rem;font:inherit;cursor:pointer;" +
    "border:1px solid currentColor;border-radius:.2rem;background:none;color:var(--md-accent-fg-color,#526cfe)}" +
    ".site-search-more[hidden]{display:none}" +
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
          var options = { baseUrl: root.pathname, excerptLength: 24 };
          if (loaded[1] && loaded[1].ranking) options.ranking = loaded[1].ranking;
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

  function load(entry) {
    if (entry.synthetic) {
      var p = entry.synthetic;
      return Promise.resolve({ url: entry.url, meta: { title: p.title }, excerpt: escapeHtml(p.description),
        sub_results: [], anchors: [] });
    }
    return entry.result.data();
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

  function resultItem(data, anchors) {
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    var section = bestSection(data, anchors);
    var main = document.createElement("a");
    main.className = "md-search-result__link";
    main.href = data.url.split("#")[0];
    main.innerHTML =
      '<article class="md-search-result__article md-typeset">' +
      '<div class="md-search-result__icon md-icon"></div><h1></h1></article>';
    main.querySelector("h1").textContent = data.meta.title || data.url;
    li.appendChild(main);
    var target = main;
    if (section && section.anchor && section.title && section.title !== data.meta.title) {
      // The section that matched best, linking to its anchor, with the excerpt under it.
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
    return li;
  }

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
    list.innerHTML = "";
    more.hidden = true;
    fallback.hidden = true;
    fallback.innerHTML = "";
  }

  // An intent page (the fees page for "how much") is listed first on its own; when the
  // words found it too, its real result (with sections and highlights) takes its place.
  function dedupe(datas, slice) {
    var out = [];
    datas.forEach(function (data, i) {
      var url = data.url.split("#")[0];
      if (state.seen[url] !== undefined) {
        if (slice[i].synthetic) return;
        var at = out.indexOf(state.seen[url]);
        if (at >= 0 && state.seen[url].synthetic) out[at] = data;
        state.seen[url] = data;
        return;
      }
      if (slice[i].synthetic) data.synthetic = true;
      state.seen[url] = data;
      out.push(data);
    });
    return out;
  }

  // A page whose editors listed the reader's words as one of its keywords ("self employed",
  // "eseročka") answers the question best: among the results being shown, it goes first.
  function exactFirst(datas, phrases) {
    if (!phrases.length) return datas;
    var hits = [];
    var rest = [];
    datas.forEach(function (data) {
      var keywords = [];
      ((data.meta && data.meta.keywords) || "").split(",").forEach(function (k) {
        keywords.push(fold(k.trim().toLowerCase()), phrase(k, state.settings));
      });
      var hit = phrases.some(function (p) { return keywords.indexOf(p) >= 0; });
      (hit ? hits : rest).push(data);
    });
    return hits.concat(rest);
  }

  function showPage(ticket) {
    var start = state.shown;
    var slice = state.ranked.slice(start, start + PAGE_SIZE);
    return Promise.all(slice.map(load)).then(function (datas) {
      if (ticket !== latest) return;
      datas = dedupe(datas, slice);
      if (start === 0 && !state.anchors.length) datas = exactFirst(datas, state.phrases);
      datas.forEach(function (data) { list.appendChild(resultItem(data, state.anchors)); });
      state.shown = start + slice.length;
      more.hidden = state.shown >= state.ranked.length;
      more.textContent = ui("more") || "…";
      return start;
    });
  }

  function run() {
    var query = input.value.trim();
    var ticket = ++latest;
    if (!query) {
      clear();
      meta.textContent = text("placeholder");
      return;
    }
    Promise.all([getPagefind(), getSettings()])
      .then(function (loaded) {
        if (ticket !== latest) return null;
        var s = loaded[1] || {};
        var analysis = analyse(query, s);
        return rank(loaded[0], analysis, s).then(function (ranked) {
          return { ranked: order(ranked), analysis: analysis, settings: s };
        });
      })
      .then(function (found) {
        if (!found || ticket !== latest) return null;
        clear();
        state = { ranked: found.ranked, shown: 0, anchors: found.analysis.anchors,
          phrases: found.analysis.phrases, terms: found.analysis.terms, settings: found.settings,
          seen: {} };
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

  function schedule() {
    // Old results go at once, so what is listed always answers what is in the box.
    latest++;
    clear();
    clearTimeout(timer);
    timer = setTimeout(run, DEBOUNCE_MS);
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

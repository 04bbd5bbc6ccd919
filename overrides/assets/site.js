/* Reader features that need the browser; every page works without this file.
   Nothing here sends data anywhere. */
(function () {
  "use strict";

  function today() {
    var now = new Date();
    function pad(n) { return (n < 10 ? "0" : "") + n; }
    return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
  }

  // The review box turns into a warning once review_by has passed, even if
  // nobody has rebuilt the site since.
  function reviewExpiry() {
    document.querySelectorAll(".guide-review[data-review-by]").forEach(function (box) {
      if (box.getAttribute("data-review-by") < today()) {
        box.classList.add("guide-review--expired");
        var warning = box.querySelector(".guide-review__warning");
        if (warning) warning.hidden = false;
      }
    });
  }

  // Glossary terms: hover and focus work in CSS; this adds tap-to-toggle
  // (touch screens) and Escape to hide an explanation (WCAG 1.4.13).
  function glossary() {
    var terms = document.querySelectorAll(".gloss");
    if (!terms.length) return;
    function closeAll(except) {
      terms.forEach(function (t) {
        if (t !== except) {
          t.classList.remove("gloss--open");
          t.querySelector(".gloss__term").setAttribute("aria-expanded", "false");
        }
      });
    }
    terms.forEach(function (term) {
      var button = term.querySelector(".gloss__term");
      button.setAttribute("aria-expanded", "false");
      button.addEventListener("click", function (event) {
        event.stopPropagation();
        var open = !term.classList.contains("gloss--open");
        closeAll(term);
        term.classList.remove("gloss--closed");
        term.classList.toggle("gloss--open", open);
        button.setAttribute("aria-expanded", String(open));
      });
      term.addEventListener("mouseleave", function () { term.classList.remove("gloss--closed"); });
      button.addEventListener("blur", function () { term.classList.remove("gloss--closed"); });
    });
    document.addEventListener("click", function () { closeAll(null); });
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") return;
      terms.forEach(function (t) {
        if (t.matches(":hover, :focus-within, .gloss--open")) t.classList.add("gloss--closed");
      });
      closeAll(null);
    });
  }

  // First visit to the Slovak home page with a browser that prefers another of
  // the site's languages: suggest it once. Remembered in localStorage only.
  var SUGGESTION_KEY = "guide.language-suggestion";
  function languageSuggestion() {
    var box = document.querySelector("[data-lang-suggest]");
    if (!box) return;
    try {
      if (localStorage.getItem(SUGGESTION_KEY)) return;
    } catch (e) {
      return; // storage blocked: we could not remember a dismissal, so do not nag
    }
    var own = document.documentElement.lang;
    var wanted = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ""];
    var item = null;
    for (var i = 0; i < wanted.length && !item; i++) {
      var code = String(wanted[i]).toLowerCase().split("-")[0];
      if (code === own) return; // the reader already prefers this page's language
      item = box.querySelector('[data-lang="' + code + '"]');
    }
    if (!item) return;
    function remember(value) {
      try { localStorage.setItem(SUGGESTION_KEY, value); } catch (e) { /* ignore */ }
    }
    item.hidden = false;
    box.hidden = false;
    remember("shown");
    item.querySelector("a").addEventListener("click", function () { remember("switched"); });
    item.querySelector("button").addEventListener("click", function () {
      remember("dismissed");
      box.hidden = true;
    });
  }

  // Printed pages show where each link leads; relative links get their full address.
  function printAddresses() {
    document.querySelectorAll(".md-content a[href]").forEach(function (link) {
      var href = link.getAttribute("href");
      if (/^(#|mailto:|tel:|https?:)/.test(href) || link.classList.contains("headerlink")) return;
      link.setAttribute("data-print-href", link.href);
    });
  }

  // Material's header buttons are <label>s for its toggles (so they work without
  // JavaScript), which the keyboard cannot reach. Make them real buttons; they keep
  // the `for` attribute so that Material's styles still apply.
  function labelButtons() {
    document.querySelectorAll("label[data-button-label][for]").forEach(function (label) {
      var toggle = document.getElementById(label.getAttribute("for"));
      if (!toggle) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = label.className;
      button.setAttribute("for", label.getAttribute("for"));
      button.setAttribute("aria-label", label.getAttribute("data-button-label"));
      button.setAttribute("aria-expanded", String(toggle.checked));
      button.innerHTML = label.innerHTML;
      var focusTarget = label.getAttribute("data-button-focus");
      button.addEventListener("click", function () {
        toggle.checked = !toggle.checked;
        toggle.dispatchEvent(new Event("change", { bubbles: true }));
        var target = focusTarget && toggle.checked && document.querySelector(focusTarget);
        if (target) target.focus();
      });
      toggle.addEventListener("change", function () {
        button.setAttribute("aria-expanded", String(toggle.checked));
      });
      label.replaceWith(button);
    });
  }

  // A wide table scrolls sideways; keyboard users need to be able to focus it to scroll.
  function scrollableTables() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      if (wrap.scrollWidth > wrap.clientWidth + 1) {
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        var caption = wrap.querySelector("th");
        wrap.setAttribute("aria-label", caption ? caption.textContent.trim() : "table");
      } else {
        wrap.removeAttribute("tabindex");
        wrap.removeAttribute("role");
        wrap.removeAttribute("aria-label");
      }
    });
  }

  // Switching language keeps the section: ids are identical in every language.
  function languageKeepsSection() {
    document.querySelectorAll("a.md-select__link").forEach(function (link) {
      link.addEventListener("click", function () {
        if (location.hash && !document.querySelector(".not-found")) {
          link.href = link.href.split("#")[0] + location.hash;
        }
      });
    });
  }

  // On a phone, an open glossary explanation is a bar over the text: close it
  // once its term has scrolled out of view. "Back to top" hides at the end of
  // the text, where it would cover the last lines and "Report a problem".
  function phoneFloaters() {
    if (!("IntersectionObserver" in window)) return;
    var watch = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (!entry.isIntersecting && entry.target.classList.contains("gloss--open")) {
          entry.target.classList.remove("gloss--open");
          entry.target.querySelector(".gloss__term").setAttribute("aria-expanded", "false");
        }
      });
    });
    document.querySelectorAll(".gloss").forEach(function (term) { watch.observe(term); });
    var end = document.querySelector(".md-footer");
    var top = document.querySelector(".md-top");
    if (!end || !top) return;
    new IntersectionObserver(function (entries) {
      top.classList.toggle("md-top--end", entries[0].isIntersecting);
    }).observe(end);
  }


  // Offline reading (scripts/build/offline.py): sw.js keeps pages a reader opens; offline.js,
  // loaded when needed, saves or updates a whole language.
  function offline() {
    var sw = navigator.serviceWorker, html = document.documentElement, lib;
    var buttons = document.querySelectorAll("[data-offline-save]");
    if (!sw || !window.caches || !buttons.length) return;
    var root = new URL(JSON.parse(document.getElementById("__config").textContent).base + "/", location).href;
    function run(method, button) {
      lib = lib || new Promise(function (done) {
        var s = document.head.appendChild(document.createElement("script"));
        s.onload = done;
        s.src = root + "assets/offline.js";
      });
      lib.then(function () { window.guideOffline[method](root, button); });
    }
    buttons.forEach(function (b) {
      b.hidden = false;
      b.onclick = function () { run("save", b); };
    });
    addEventListener("load", function () { sw.register(root + "sw.js").catch(Boolean); });
    caches.has("guide-saved-" + html.lang).then(function (saved) {
      if (!saved) return;
      html.setAttribute("data-offline-state", "saved");
      if (navigator.onLine) run("update");
    });
  }

  function start() {
    labelButtons();
    reviewExpiry();
    glossary();
    languageSuggestion();
    printAddresses();
    languageKeepsSection();
    phoneFloaters();
    scrollableTables();
    offline();
    window.addEventListener("load", scrollableTables);
    window.addEventListener("resize", scrollableTables);
  }
  // The menu and search toggles open closed after "Back" (Material's autocomplete="off"
  // on them is invalid HTML and removed at build time by scripts/build/htmlfixes.py).
  window.addEventListener("pageshow", function () {
    ["__drawer", "__search"].forEach(function (id) {
      var toggle = document.getElementById(id);
      if (toggle) toggle.checked = false;
    });
  });
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

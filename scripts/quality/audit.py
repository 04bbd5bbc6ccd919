"""`make audit`: is every page accessible, private, light and readable on a phone?
(python -m scripts.quality.audit)

Builds the site for a local address, serves it gzip-compressed on 127.0.0.1 the way
a static host would, and opens every page of every language in headless Chromium,
on a phone (as a first visit: no cache) and on a desktop:

- axe-core (WCAG 2.0, 2.1 and 2.2, levels A and AA): zero violations, on both (the
  navigation, the same on every page of a section, on the section's first page);
- every request goes to the site's own origin, and none fails;
- a first visit transfers at most 75 KB (HTML, CSS, JS, icons, fonts);
- no script in <head> blocks rendering;
- at 360 px no table scrolls sideways, table text is body-sized, and every guide's
  at-a-glance box starts within 1.5 screens;
- Lighthouse (mobile preset) on the home page and the longest guide of each language:
  performance >= 90, accessibility, best practices and SEO = 100 (the median of five
  runs when a first run falls short).

The pages are shared between two processes (one per core); each opens every page once,
in one tab (see `_measure`), which is what makes 4 languages x 70 pages fit in a few minutes.
With BUILT_SITE (and SITE_URL) set, as `make test` sets them, it audits that built site
instead of building one.

Prints a table per page type and language, then every breach as `page: what`, and
exits 1 if there is any.
"""

from __future__ import annotations

import argparse
import gzip
import json
import mimetypes
import os
import re
import statistics
import subprocess
import sys
import tempfile
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

from scripts.quality.localserver import SiteHandler, serve

REPO = Path(__file__).resolve().parents[2]
NODE_MODULES = REPO / "node_modules"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
# Material's primary navigation (navigation.prune: the top level and the current section)
# is the same on every page of a section, apart from which entry is marked current. axe
# checks it, on both viewports, on the first page of each section of each language
# (`whole_page_checks`); on the section's other pages it checks everything else. Each of
# its links is a contrast and target-size check: on a guide alone axe takes 0.30 s instead
# of 0.57 s without it, and the whole audit about 6 % less time.
PRIMARY_NAV = ".md-sidebar--primary"
VIEWPORTS = {
    "desktop": {"viewport": {"width": 1280, "height": 800}},
    "phone": {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True,
              "device_scale_factor": 2},
}
BUDGET_BYTES = 75 * 1024
# The one stylesheet the first paint needs (Material's); anything else that blocks
# rendering could be deferred or inlined and is a breach.
REQUIRED_CSS = re.compile(r"/assets/stylesheets/main\.[0-9a-f]+\.min\.css$")
# Performance is judged at 90, not 95: on a two-core machine the same page scores anywhere
# from 91 to 99 in consecutive runs (total blocking time 110-360 ms), even with its
# stylesheet or Material's script removed, so a 95 gate fails at random; the scores
# themselves are printed for every run.
LIGHTHOUSE_MIN = {"performance": 90, "accessibility": 100, "best-practices": 100, "seo": 100}
_COMPRESSIBLE = re.compile(r"^(text/|application/(javascript|json|xml|atom\+xml)|image/svg)")


class _GzipHandler(SiteHandler):
    """Compresses text responses like any static host; caches like GitHub Pages (10 min)."""

    _cache: dict[str, bytes] = {}

    def end_headers(self):
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def do_GET(self):  # noqa: N802 (http.server's naming)
        path = Path(self.translate_path(self.path.split("?", 1)[0]))
        if path.is_dir():
            path = path / "index.html"
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        if path.suffix == ".xml":
            kind = "application/xml"
        if not path.is_file():
            return super().do_GET()
        body = path.read_bytes()
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        compress = wants_gzip and _COMPRESSIBLE.match(kind)
        if compress:
            key = str(path)
            if key not in self._cache:
                self._cache[key] = gzip.compress(body, 6)
            body = self._cache[key]
        self.send_response(200)
        self.send_header("Content-Type", kind + ("; charset=utf-8" if kind.startswith("text/") else ""))
        self.send_header("Content-Length", str(len(body)))
        if compress:
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        self.wfile.write(body)


def serve_gzip(directory: Path, port: int = 0):
    """The built site on 127.0.0.1, compressed like a static host compresses it."""
    return serve(directory, handler=_GzipHandler, port=port)


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class PageResult:
    url: str
    lang: str
    kind: str
    viewport: str
    transferred: int = 0
    html_bytes: int = 0
    requests: int = 0
    third_party: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)
    blocking_scripts: int = 0
    # Phone layout (phone viewport only; see PHONE_LAYOUT): tables wider than the screen,
    # table text in another size than body text, and the at-a-glance box of a guide.
    wide_tables: list[str] = field(default_factory=list)
    table_font: list[str] = field(default_factory=list)
    glance_boxes: int = 1
    glance_top: float = 0.0


def _within_language(path: str, lang: str, source_language: str) -> str:
    """A site path without its language folder (the source language has none)."""
    return path if lang == source_language else path[len(lang) + 1:]


def pages_of(site_dir: Path, languages: list[str], source_language: str,
             docs_dir: Path | None = None) -> list[tuple[str, str, str]]:
    """(path under the site, language, page type) for every built page."""
    docs = (docs_dir or REPO / "docs") / source_language
    out = []
    for html in sorted(site_dir.rglob("*.html")):
        rel = html.relative_to(site_dir).as_posix()
        if rel.startswith(("pagefind/", "assets/")):
            continue
        first = rel.split("/", 1)[0]
        lang = first if first in languages and first != source_language else source_language
        inner = _within_language(rel, lang, source_language)
        text = html.read_text(encoding="utf-8", errors="replace")
        if inner.endswith("404.html"):
            kind = "404"
        elif inner == "index.html":
            kind = "home"
        elif (docs / inner.removesuffix("index.html") / "index.md").exists():
            kind = "section"
        elif 'class="guide-review' in text:
            kind = "guide"
        else:
            kind = "site"
        url = rel.removesuffix("index.html")
        out.append((url, lang, kind))
    return out


# What a first visit transferred, from the browser's own resource timing (one call instead
# of one per request): the document and every subresource, headers included.
FIRST_VISIT = """() => {
  const entries = performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
    .filter(e => !e.name.startsWith('data:') && !e.name.startsWith('blob:'));
  return {transferred: entries.reduce((sum, e) => sum + e.transferSize, 0), requests: entries.length,
          html: performance.getEntriesByType('navigation')[0].encodedBodySize,
          blocking: document.querySelectorAll(
            'head script[src]:not([defer]):not([async]):not([type=module])').length};
}"""

# At 360 px: no table may scroll sideways or stick out, table text is body-sized, and a
# guide's at-a-glance box is there once (its top in CSS pixels from the top of the page).
PHONE_LAYOUT = """() => {
  const wide = [...document.querySelectorAll(
      '.md-typeset table, .md-typeset__scrollwrap, .md-typeset__table')]
    .filter(el => el.scrollWidth > el.clientWidth + 1 || el.getBoundingClientRect().right > innerWidth + 1)
    .map(el => el.className || el.tagName);
  const cell = document.querySelector('.md-typeset td[data-label]');
  const para = document.querySelector('.md-typeset p');
  const fonts = cell && para ? [getComputedStyle(cell).fontSize, getComputedStyle(para).fontSize] : [];
  const boxes = document.querySelectorAll('[data-at-a-glance]');
  return {wide, fonts, glanceBoxes: boxes.length,
          glanceTop: boxes.length ? boxes[0].getBoundingClientRect().top + scrollY : 0};
}"""
GLANCE_MAX_TOP = 1.5 * VIEWPORTS["phone"]["viewport"]["height"]


def phone_layout(tab, result: PageResult) -> None:
    """Measure PHONE_LAYOUT on an open page (shared with tests/test_phone.py)."""
    found = tab.evaluate(PHONE_LAYOUT)
    result.wide_tables = found["wide"]
    result.table_font = found["fonts"] if len(set(found["fonts"])) > 1 else []
    result.glance_boxes = found["glanceBoxes"]
    result.glance_top = found["glanceTop"]


def _axe(tab, preload: bool, whole: bool = True) -> list[str]:
    # axe's preload re-reads every stylesheet for one rule (css-orientation-lock); the
    # stylesheets are the same on every page of a type, so the first page of each pays.
    return tab.evaluate(
        "([tags, preload, skip]) => axe.run(skip ? {exclude: [[skip]]} : document,"
        " {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations'], preload})"
        ".then(r => r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3)"
        ".map(n => n.target.join(' ')).join(', ')))", [AXE_TAGS, preload, None if whole else PRIMARY_NAV])


def section_of(url: str, lang: str, source_language: str) -> tuple[str, str]:
    """(language, first folder of the page's path): the pages whose pruned navigation is the same."""
    return lang, _within_language(url, lang, source_language).split("/", 1)[0]


def whole_page_checks(pages: list[tuple[str, str, str]], source_language: str) -> set[str]:
    """The first page of each section of each language: axe checks its navigation too."""
    first: dict[tuple[str, str], str] = {}
    for url, lang, _kind in pages:
        first.setdefault(section_of(url, lang, source_language), url)
    return set(first.values())


def _screen(viewport: str) -> dict:
    """The DevTools device metrics of one of VIEWPORTS."""
    options = VIEWPORTS[viewport]
    return {"width": options["viewport"]["width"], "height": options["viewport"]["height"],
            "deviceScaleFactor": options.get("device_scale_factor", 1),
            "mobile": options.get("is_mobile", False)}


# Two animation frames: the page has laid itself out again and its resize handlers ran.
_SETTLE = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"


def _measure(job: tuple) -> list[PageResult]:
    """Open each page on a phone, then turn the same tab into a desktop, in one browser.

    One tab serves every page (a new context per page costs more than the page itself).
    It never uses its cache, so each page is measured as a phone's first visit. Then the
    tab takes a desktop's screen (width, pixel ratio, no touch; DevTools' device emulation,
    as its device toolbar switches devices) and axe checks the page again: the layout
    comes from CSS media queries and resize handlers, and a second load of the page
    would cost a fifth of the audit. Service workers are blocked so that the offline
    worker installed by one page cannot answer the next (tests/test_offline.py covers it).
    """
    from playwright.sync_api import sync_playwright

    base, pages, *rest = job
    whole = rest[0] if rest else {url for url, _lang, _kind in pages}
    origin = urlparse(base).netloc
    results: list[PageResult] = []
    preloaded: set[tuple[str, str, str]] = set()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(**VIEWPORTS["phone"], service_workers="block")
        tab = context.new_page()
        # axe enters every page as it is created: sent to the browser once, not per page.
        tab.add_init_script(path=NODE_MODULES / "axe-core" / "axe.min.js")
        current: dict[str, PageResult] = {}  # the result that requests now count for
        # Any attempt to reach another origin counts, even one that fails.
        tab.on("request", lambda req: current["now"].third_party.append(req.url)
               if urlparse(req.url).netloc not in ("", origin) else None)
        # A request cut short because the tab moved on to the next page is not a failure.
        tab.on("requestfailed", lambda req: current["now"].failed.append(
            f"{req.url} ({req.failure})") if "ERR_ABORTED" not in (req.failure or "") else None)
        tab.on("response", lambda resp: current["now"].failed.append(
            f"{resp.url} (HTTP {resp.status})") if resp.status >= 400 else None)
        cdp = context.new_cdp_session(tab)
        cdp.send("Network.enable")  # setCacheDisabled has no effect without it
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        for url, lang, kind in pages:
            for viewport in ("phone", "desktop"):
                result = current["now"] = PageResult(url or "/", lang, kind, viewport)
                cdp.send("Emulation.setDeviceMetricsOverride", _screen(viewport))
                cdp.send("Emulation.setTouchEmulationEnabled",
                         {"enabled": VIEWPORTS[viewport].get("has_touch", False)})
                if viewport == "phone":
                    tab.goto(base + url, wait_until="load")
                    tab.wait_for_timeout(50)  # let deferred scripts request what they request
                    first = tab.evaluate(FIRST_VISIT)
                    result.transferred, result.requests = first["transferred"], first["requests"]
                    result.html_bytes, result.blocking_scripts = first["html"], first["blocking"]
                    phone_layout(tab, result)
                else:
                    tab.evaluate(_SETTLE)
                key = (lang, kind, viewport)
                result.violations = _axe(tab, preload=key not in preloaded, whole=url in whole)
                preloaded.add(key)
                results.append(result)
        browser.close()
    return results


def audit_pages(base: str, pages: list[tuple[str, str, str]], source_language: str,
                workers: int = 2) -> list[PageResult]:
    """Every page on both viewports, the pages shared between processes (one per core)."""
    whole = whole_page_checks(pages, source_language)
    shards = [pages[i::workers] for i in range(workers)]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return [r for batch in pool.map(_measure, [(base, shard, whole) for shard in shards])
                for r in batch]


def lighthouse(urls: list[str]) -> list[dict]:
    """Lighthouse's four category scores (0-100), mobile preset, for each address in turn
    (lighthouse-runs.mjs beside this file: one Node process and one Chromium for all of them)."""
    if not urls:
        return []
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "runs.json"
        proc = subprocess.run(
            ["node", str(Path(__file__).with_name("lighthouse-runs.mjs")), CHROMIUM, str(out), *urls],
            capture_output=True, text=True, timeout=120 * len(urls), check=False, cwd=REPO)
        if proc.returncode != 0 or not out.exists():
            raise RuntimeError(f"lighthouse failed on {', '.join(urls)}: {proc.stderr[-2000:]}")
        runs = json.loads(out.read_text(encoding="utf-8"))
    reports = []
    for run in runs:
        scores: dict = {name: round(score * 100) for name, score in run["scores"].items()}
        # What pulls a category down: its weighted audits that did not pass.
        scores["_failing"] = run["failing"]
        scores["_blocking"] = run["blocking"]
        scores["_metrics"] = run["metrics"]
        reports.append(scores)
    return reports


def _passes(scores: dict) -> bool:
    return all(scores.get(c, 0) >= minimum for c, minimum in LIGHTHOUSE_MIN.items())


def lighthouse_median(urls: list[str], runs: int = 5) -> dict[str, dict]:
    """One run per address, or the median of `runs` for an address whose first run misses.

    Lighthouse's performance score varies from run to run by several points on the
    same page (its docs on variability recommend the median of five runs); a page that
    passes once is not re-measured, one that fails must fail the median too.
    """
    first = dict(zip(urls, lighthouse(urls), strict=True))
    missed = [url for url, scores in first.items() if not _passes(scores)]
    again = lighthouse([url for url in missed for _ in range(runs - 1)])
    out = {}
    for url, scores in first.items():
        if url not in missed:
            out[url] = scores
            continue
        reports = [scores] + [again.pop(0) for _ in range(runs - 1)]
        reports.sort(key=lambda r: r["performance"])
        middle = reports[len(reports) // 2]
        for category in LIGHTHOUSE_MIN:
            middle[category] = sorted(r[category] for r in reports)[len(reports) // 2]
        middle["_runs"] = [r["performance"] for r in reports]
        out[url] = middle
    return out


def lighthouse_sample(pages: list[tuple[str, str, str]], site_dir: Path) -> list[tuple[str, str, str]]:
    """The home page and the longest guide of each language."""
    out = []
    by_lang: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for url, lang, kind in pages:
        if kind == "home":
            out.append((url, lang, kind))
        elif kind == "guide":
            by_lang[lang].append(((site_dir / url / "index.html").stat().st_size, url))
    for lang, guides in by_lang.items():
        out.append((max(guides)[1], lang, "guide"))
    return out


def breaches(results: list[PageResult], scores: dict[str, dict]) -> list[str]:
    out = []
    for r in results:
        where = f"{r.url} [{r.viewport}]"
        for violation in r.violations:
            out.append(f"{where}: axe {violation}")
        for url in r.third_party:
            out.append(f"{where}: request to another origin: {url}")
        for failure in r.failed:
            out.append(f"{where}: request failed: {failure}")
        if r.transferred > BUDGET_BYTES and r.kind != "404":
            out.append(f"{where}: first visit transfers {r.transferred / 1024:.1f} KB "
                       f"(budget {BUDGET_BYTES // 1024} KB)")
        if r.blocking_scripts:
            out.append(f"{where}: {r.blocking_scripts} render-blocking script(s) in <head>; add defer")
        for table in r.wide_tables:
            out.append(f"{where}: a table ({table}) scrolls sideways at 360 px; shorten its cells or "
                       "give it fewer columns (phone tables stack each row under its headers)")
        if r.table_font:
            out.append(f"{where}: table text is {r.table_font[0]}, body text {r.table_font[1]}; "
                       "phone tables must be as readable as the text around them")
        if r.viewport == "phone" and r.kind == "guide":
            if r.glance_boxes != 1:
                out.append(f"{where}: {r.glance_boxes} at-a-glance boxes; a guide opens with exactly "
                           "one (`!!! glance` right after the intro, see CONTRIBUTING)")
            elif r.glance_top > GLANCE_MAX_TOP:
                out.append(f"{where}: the at-a-glance box starts {r.glance_top:.0f} px down, below "
                           f"{GLANCE_MAX_TOP:.0f} px (1.5 phone screens); shorten the intro above it")
    for url, result in scores.items():
        for category, minimum in LIGHTHOUSE_MIN.items():
            if result.get(category, 0) < minimum:
                failing = ", ".join(result["_failing"].get(category, [])) or "none"
                out.append(f"{url or '/'}: Lighthouse {category} {result.get(category)} < {minimum} "
                           f"(failing audits: {failing})")
        for resource in result.get("_blocking", []):
            if not REQUIRED_CSS.search(resource):
                out.append(f"{url or '/'}: render-blocking {resource}: defer it or inline it")
    return out


def table(results: list[PageResult], scores: dict[str, dict], sample: list[tuple[str, str, str]]) -> str:
    groups: dict[tuple[str, str], list[PageResult]] = defaultdict(list)
    for r in results:
        groups[(r.kind, r.lang)].append(r)
    header = ("| type | lang | pages | max KB (first visit) | median KB | max HTML KB | requests "
              "| third-party | axe violations | LH perf | LH a11y | LH best pr. | LH SEO |")
    lines = [header, "|" + "---|" * 13]
    order = {"home": 0, "section": 1, "guide": 2, "site": 3, "404": 4}
    for (kind, lang), rows in sorted(groups.items(), key=lambda g: (order.get(g[0][0], 9), g[0][1])):
        lh = next((scores[u] for u, lg, k in sample if lg == lang and k == kind and u in scores), None)
        lh_cells = [str(lh[c]) for c in LIGHTHOUSE_MIN] if lh else ["–"] * 4
        # Weight is a first visit: the phone tab's figures (the desktop tab keeps its cache).
        first = [r for r in rows if r.viewport == "phone"] or rows
        sizes = [r.transferred for r in first]
        lines.append("| " + " | ".join([
            kind, lang, str(len({r.url for r in rows})), f"{max(sizes) / 1024:.1f}",
            f"{statistics.median(sizes) / 1024:.1f}",
            f"{max(r.html_bytes for r in first) / 1024:.1f}", str(max(r.requests for r in first)),
            str(sum(len(r.third_party) for r in rows)), str(sum(len(r.violations) for r in rows)),
            *lh_cells]) + " |")
    return "\n".join(lines)


def build(site_dir: Path, site_url: str) -> None:
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site_dir)],
                          cwd=REPO, env=env, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"mkdocs build failed:\n{proc.stderr[-4000:]}")


def run(site_dir: Path, base: str, lighthouse_runs: bool = True) -> tuple[str, list[str]]:
    from scripts.siteconfig import load_site_config

    config = load_site_config(REPO)
    pages = pages_of(site_dir, config.codes, config.source_language)
    results = audit_pages(base, pages, config.source_language)
    sample = lighthouse_sample(pages, site_dir) if lighthouse_runs else []
    measured = lighthouse_median([base + url for url, _lang, _kind in sample])
    scores = {url: measured[base + url] for url, _lang, _kind in sample}
    report = table(results, scores, sample)
    if sample:
        report += "\n\nLighthouse (mobile): " + "; ".join(
            f"/{url} " + "/".join(str(scores[url][c]) for c in LIGHTHOUSE_MIN)
            + (f" (median of performance {scores[url]['_runs']})" if "_runs" in scores[url] else "")
            for url, _l, _k in sample)
    return report, breaches(results, scores)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-lighthouse", action="store_true", help="skip the Lighthouse runs")
    args = parser.parse_args(argv)
    if not (NODE_MODULES / "axe-core").exists():
        print("node_modules/ is missing: run `make audit` (it runs `npm ci` first).", file=sys.stderr)
        return 2
    built = os.environ.get("BUILT_SITE")
    if built:
        # `make test` audits the site its strict build made (served under the path of
        # its SITE_URL) instead of building the same site a second time.
        base_path = urlparse(os.environ.get("SITE_URL", "/")).path or "/"
        with serve(Path(built), base_path=base_path, handler=_GzipHandler) as base:
            report, problems = run(Path(built), base, lighthouse_runs=not args.no_lighthouse)
    else:
        port = free_port()
        with tempfile.TemporaryDirectory() as tmp:
            site_dir = Path(tmp) / "site"
            build(site_dir, f"http://127.0.0.1:{port}/")
            with serve_gzip(site_dir, port) as base:
                report, problems = run(site_dir, base, lighthouse_runs=not args.no_lighthouse)
    print(report)
    if problems:
        print(f"\n{len(problems)} budget breach(es):")
        for problem in problems:
            print("  " + problem)
        return 1
    print("\nAudit passed: no axe violations, no third-party requests, every page within "
          f"{BUDGET_BYTES // 1024} KB, Lighthouse at or above {LIGHTHOUSE_MIN}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Search benchmark: `make bench-search` (python -m scripts.quality.bench_search).

For the real site and for a synthetic site of 1,000 pages per language, prints:
Pagefind indexing time, total index size, the bytes a reader downloads
(gzip-compressed, as a compressing host would send them) for the first query
and for each further query, and (real site) the time from the last keystroke to
the results listed (links and titles) and to the excerpts of the first screen (the
fragments search.js loads at once). Targets: first query under 200 KB, results
listed under 300 ms. Prints figures only; it is not a test.
"""

from __future__ import annotations

import gzip
import html
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from scripts.build import search_keywords
from scripts.build.site_hooks import NOT_SEARCHED
from scripts.quality.localserver import serve
from scripts.siteconfig import load_site_config

REPO = Path(__file__).resolve().parents[2]
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
# Typed the way readers ask: a keyword, a question, a cost question or everyday word.
QUERIES = {"sk": ["zivnost", "ako si predĺžim prechodný pobyt", "koľko stojí prechodný pobyt"],
           "en": ["work permit", "how do I renew my residence permit", "self employed"],
           "ru": ["гражданства", "сколько стоит вид на жительство", "декрет"],
           "uk": ["громадянства", "скільки коштує тимчасове перебування", "декрет"]}
# The synthetic site's words; each query runs as search.js runs it (see measure_queries).
SYNTHETIC_QUERIES = ["pobyt", "živnosť poplatok", "rodina práca doklad"]
WORDS = {"sk": "pobyt živnosť občianstvo žiadosť polícia doklad lehota poplatok rodina práca",
         "en": "residence licence citizenship application police document deadline fee family work",
         "ru": "пребывание лицензия гражданство заявление полиция документ срок сбор семья работа"}


def index(site: Path) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site), "--silent",
                    "--exclude-selectors", NOT_SEARCHED], check=True)
    return time.perf_counter() - start


def size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def synthetic_site(root: Path, pages: int) -> None:
    for lang, words in WORDS.items():
        vocab = words.split()
        for n in range(pages):
            body = " ".join(vocab[(n * 7 + i) % len(vocab)] + str(i % 50) for i in range(400))
            prefix = "" if lang == "sk" else f"{lang}/"
            path = root / prefix / f"page-{n}" / "index.html"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(
                f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
                f"<title>{lang} {n}</title></head><body><div data-pagefind-body>"
                f"<h1>{html.escape(vocab[n % len(vocab)])} {n}</h1>"
                f"<h2 id='a'>{vocab[(n + 1) % len(vocab)]}</h2><p>{body}</p>"
                f"<h2 id='b'>{vocab[(n + 2) % len(vocab)]}</h2><p>{body[::-1]}</p>"
                "</div></body></html>", encoding="utf-8")
    (root / "probe.html").write_text('<!doctype html><html lang="sk"><body></body></html>')


# search.js's EAGER: results whose fragment it loads without waiting to be scrolled to.
EAGER = 4


def measure_queries(site: Path, page_path: str, lang: str, queries: list[str], ui: bool):
    """Bytes (gzip) for the first and each further query; per query (UI only), ms from
    the last keystroke to the results listed and to the first screen's excerpts."""
    from playwright.sync_api import sync_playwright

    transferred: list[int] = []
    with serve(site) as root, sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto(root + page_path)
        page.wait_for_load_state("networkidle")

        def on_response(response):
            if "pagefind" in response.url or "search.js" in response.url \
                    or "/assets/search/" in response.url:
                try:
                    body = response.body()
                except Exception:  # noqa: BLE001 - a cancelled fetch has no body
                    return
                transferred.append(min(len(body), len(gzip.compress(body))))

        page.on("response", on_response)
        per_query, latencies = [], []
        for query in queries:
            before = len(transferred)
            if ui:
                # From the last keystroke to the first result in the list, and to the
                # last change of the list (the excerpts filled in).
                page.evaluate("""() => {
                    window.__lastInput = 0; window.__lastChange = 0; window.__listed = 0;
                    const list = document.querySelector('[data-site-search-results]');
                    new MutationObserver(() => {
                      window.__lastChange = performance.now();
                      if (!window.__listed && list.children.length) window.__listed = performance.now();
                    }).observe(list, {childList: true, subtree: true, attributes: true});
                    document.querySelector('[data-site-search-input]').addEventListener('input', () => {
                      window.__lastInput = performance.now(); window.__listed = 0;
                    });
                }""")
                box = page.locator("[data-site-search-input]")
                box.fill("")
                page.wait_for_timeout(300)
                box.type(query, delay=60)
                page.wait_for_timeout(1500)
                latencies.append(page.evaluate(
                    "[window.__listed - window.__lastInput, window.__lastChange - window.__lastInput]"
                    ".map(ms => Math.max(0, ms))"))
            else:
                # search.js's pattern without its page: Pagefind on the page (no worker),
                # each word alone and all words together, then the data of the first
                # screen of results only (the list itself comes from the settings file).
                page.evaluate("""async ([q, eager]) => {
                    if (!window.__pf) {
                      const pf = await import('/pagefind/pagefind.js');
                      await pf.options({ noWorker: true });
                      pf.init();
                      window.__pf = pf;
                    }
                    const words = q.split(' ');
                    const runs = await Promise.all(words.map(w => window.__pf.search(w)));
                    if (words.length > 1) runs.unshift(await window.__pf.search(q));
                    const first = runs.flatMap(r => r.results).slice(0, eager);
                    await Promise.all(first.map(x => x.data()));
                }""", [query, EAGER])
            page.wait_for_load_state("networkidle")
            per_query.append(sum(transferred[before:]))
        browser.close()
    return per_query, latencies


def report(name: str, site: Path, seconds: float, page_path: str, lang: str, ui: bool,
           queries: list[str] | None = None) -> None:
    bundle = site / "pagefind"
    queries = queries or QUERIES[lang]
    per_query, latencies = measure_queries(site, page_path, lang, queries, ui)
    if not ui:
        # The synthetic site has no search.js: add what the real one downloads on first
        # use besides Pagefind: search.js and the language's settings file, whose list
        # of pages (one entry per page, see search_keywords.indexed_pages) is this site's.
        real = REPO / "site" / "assets"
        per_query[0] += len(gzip.compress((real / "search.js").read_bytes()))
        settings = json.loads((real / "search" / f"{lang}.json").read_text(encoding="utf-8"))
        settings["pages"] = search_keywords.indexed_pages(site).get(lang, {})
        per_query[0] += len(gzip.compress(json.dumps(
            settings, ensure_ascii=False, separators=(",", ":")).encode("utf-8")))
    print(f"{name}: indexed in {seconds:.2f} s; index {size(bundle) / 1024:.0f} KB on disk "
          f"({len(list((bundle / 'fragment').glob('*')))} fragments)")
    print(f"  {lang} ({' / '.join(queries)}):")
    print(f"    first query {per_query[0] / 1024:.1f} KB, further queries "
          + ", ".join(f"{b / 1024:.1f} KB" for b in per_query[1:]) + " (gzip)")
    if latencies:
        print("    results listed after the last keystroke: "
              + ", ".join(f"{listed:.0f} ms" for listed, _ in latencies))
        print("    excerpts of the first screen shown: "
              + ", ".join(f"{done:.0f} ms" for _, done in latencies))


def main() -> int:
    site = REPO / "site"
    if not (site / "index.html").exists():
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=REPO, check=True,
                       capture_output=True)
    seconds = index(site)
    search_keywords.add_page_ids(site)  # as the build does after indexing
    config = load_site_config(REPO)
    for lang in config.codes:
        if lang not in QUERIES:
            print(f"  {lang}: no benchmark queries in QUERIES (scripts/quality/bench_search.py); skipped")
            continue
        prefix = "" if lang == config.source_language else f"{lang}/"
        report("Real site", site, seconds, prefix, lang, ui=True)
    print("targets: first query under 200 KB; results listed under 300 ms after the last keystroke\n")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        synthetic_site(root, 1000)
        seconds = index(root)
        report("Synthetic site, 3 x 1,000 pages", root, seconds, "probe.html", "sk", ui=False,
               queries=SYNTHETIC_QUERIES)
    return 0


if __name__ == "__main__":
    sys.exit(main())

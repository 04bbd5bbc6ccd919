"""`make audit` finds what it promises to find (the full audit itself runs in `make test`)."""

from __future__ import annotations

import base64
import random
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from conftest import language_prefixes
from scripts.quality import audit

GOOD = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><title>Good</title></head>
<body><main><h1>Good page</h1><div data-at-a-glance><p>In short.</p></div>
<div class="md-typeset"><p>Plain text.</p><table><tr><th>fee</th></tr><tr><td>1</td></tr></table></div>
</main></body></html>"""

BAD = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><title>Bad</title>
<script src="../blocking.js"></script></head>
<body><main><h1>Bad page</h1><img src="../photo.png">
<img src="http://127.0.0.1:1/tracker.gif" alt="tracker"><img src="../gone.png" alt="gone">
<div class="md-typeset"><div class="md-typeset__scrollwrap" style="overflow-x:auto"><table>
<tr><th>a very long column heading that cannot wrap</th></tr>
<tr><td style="white-space:nowrap">Supercalifragilisticexpialidocious-and-then-some-more-text-here</td></tr>
</table></div></div></main>
<script src="../big.js" defer></script></body></html>"""


@pytest.fixture
def tiny_site(tmp_path: Path):
    (tmp_path / "good").mkdir()
    (tmp_path / "good/index.html").write_text(GOOD, encoding="utf-8")
    for name in ("bad", "bad-again"):  # the same files twice: the second visit is a first visit too
        (tmp_path / name).mkdir()
        (tmp_path / name / "index.html").write_text(BAD, encoding="utf-8")
    (tmp_path / "blocking.js").write_text("window.x = 1;", encoding="utf-8")
    (tmp_path / "photo.png").write_bytes(b"")
    # About 100 KB even after gzip: random data does not compress.
    noise = base64.b64encode(random.Random(1).randbytes(100_000)).decode()
    (tmp_path / "big.js").write_text(f"/* {noise} */", encoding="utf-8")
    return tmp_path


def test_audit_reports_violations_third_parties_weight_and_blocking_scripts(tiny_site):
    # In its own process, as the audit runs it: Playwright's sync API cannot run inside the
    # event loop that the browser tests of the same session may have started.
    with audit.serve_gzip(tiny_site) as base, ProcessPoolExecutor(max_workers=1) as pool:
        job = (base, [("good/", "en", "guide"), ("bad/", "en", "guide"), ("bad-again/", "en", "guide")])
        results = pool.submit(audit._measure, job).result()
    by_page = {(r.url, r.viewport): r for r in results}
    assert sorted(by_page) == [(url, viewport) for url in ("bad-again/", "bad/", "good/")
                               for viewport in ("desktop", "phone")]
    # The phone tab reuses nothing from the pages before: each page is weighed as a first visit.
    assert by_page["bad-again/", "phone"].transferred > audit.BUDGET_BYTES
    good, good_desktop = by_page["good/", "phone"], by_page["good/", "desktop"]
    bad, bad_desktop = by_page["bad/", "phone"], by_page["bad/", "desktop"]
    assert good.violations == [] and good.third_party == [] and 0 < good.transferred < 2048
    assert good.glance_boxes == 1 and good.wide_tables == []
    assert audit.breaches([good, good_desktop], {}) == []

    problems = audit.breaches([bad], {})
    assert any("axe image-alt" in p for p in problems), problems
    assert any("request to another origin: http://127.0.0.1:1/tracker.gif" in p for p in problems)
    assert any("gone.png (HTTP 404)" in p for p in problems), problems
    assert any("first visit transfers" in p and "budget 75 KB" in p for p in problems)
    assert any("render-blocking script" in p for p in problems)
    assert any("scrolls sideways at 360 px" in p for p in problems), problems
    assert any("0 at-a-glance boxes" in p for p in problems), problems
    assert all(p.startswith("bad/ [phone]: ") for p in problems)
    # The desktop tab finds the same accessibility faults; layout and weight are phone checks.
    assert any("axe image-alt" in p for p in audit.breaches([bad_desktop], {}))


NAV_FAULT = GOOD.replace("<main>", '<div class="md-sidebar--primary"><a href="#"></a></div><main>')


def test_navigation_is_checked_once_per_section_and_content_on_every_page(tmp_path):
    """A nameless link in the navigation is found on the page where axe checks the whole
    document and not elsewhere; a fault in the page's own content is found everywhere."""
    content_fault = NAV_FAULT.replace("<h1>Good page</h1>", '<h1>Good page</h1><img src="x.png">')
    for name, html in {"first": NAV_FAULT, "other": NAV_FAULT, "content": content_fault}.items():
        (tmp_path / name).mkdir()
        (tmp_path / name / "index.html").write_text(html, encoding="utf-8")
    pages = [("first/", "en", "guide"), ("other/", "en", "guide"), ("content/", "en", "guide")]
    with audit.serve_gzip(tmp_path) as base, ProcessPoolExecutor(max_workers=1) as pool:
        results = pool.submit(audit._measure, (base, pages, {"first/"})).result()
    found = {(r.url, r.viewport): " ".join(r.violations) for r in results}
    for viewport in audit.VIEWPORTS:
        assert "link-name" in found["first/", viewport]
        assert found["other/", viewport] == ""
        assert "image-alt" in found["content/", viewport] and "link-name" not in found["content/", viewport]


def test_whole_page_checks_pick_the_first_page_of_each_section_and_language():
    pages = [("", "sk", "home"), ("residence/", "sk", "section"), ("residence/fees/", "sk", "guide"),
             ("residence/visa/", "sk", "guide"), ("glossary/", "sk", "site"), ("en/", "en", "home"),
             ("en/residence/fees/", "en", "guide"), ("en/residence/visa/", "en", "guide"),
             ("en/glossary/", "en", "site")]
    assert audit.whole_page_checks(pages, "sk") == {
        "", "residence/", "glossary/", "en/", "en/residence/fees/", "en/glossary/"}


BY_SCREEN = GOOD.replace("<main>", """<style>.wide{display:none}
@media (min-width: 1000px) {.wide{display:block} .narrow{display:none}}</style><main>
<p class="wide"><img src="wide.png"></p><p class="narrow"><a href="#"></a></p>""")


def test_each_viewport_is_checked_at_its_own_screen_size(tmp_path):
    """The page is opened once, on the phone; axe's desktop run sees the desktop layout."""
    for name in ("one", "two"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "index.html").write_text(BY_SCREEN, encoding="utf-8")
    pages = [("one/", "en", "guide"), ("two/", "en", "guide")]
    with audit.serve_gzip(tmp_path) as base, ProcessPoolExecutor(max_workers=1) as pool:
        results = pool.submit(audit._measure, (base, pages)).result()
    found = {(r.url, r.viewport): " ".join(r.violations) for r in results}
    for url in ("one/", "two/"):  # the second page too: the tab is a phone again for it
        assert "link-name" in found[url, "phone"] and "image-alt" not in found[url, "phone"]
        assert "image-alt" in found[url, "desktop"] and "link-name" not in found[url, "desktop"]


def test_audit_fails_on_low_lighthouse_scores_and_deferrable_blocking_css():
    scores = {"en/": {"performance": 85, "accessibility": 100, "best-practices": 100, "seo": 100,
                      "_failing": {"performance": ["largest-contentful-paint"]},
                      "_blocking": ["http://127.0.0.1:8/assets/stylesheets/main.57a0d79d.min.css",
                                    "http://127.0.0.1:8/assets/extra.css"]}}
    problems = audit.breaches([], scores)
    assert problems == [
        "en/: Lighthouse performance 85 < 90 (failing audits: largest-contentful-paint)",
        "en/: render-blocking http://127.0.0.1:8/assets/extra.css: defer it or inline it",
    ]


def test_pages_are_classified_by_type_and_language(built):
    codes = [lang for _prefix, lang in language_prefixes()]
    kinds = {(url, lang): kind for url, lang, kind in audit.pages_of(built, codes, "sk")}
    assert kinds[("", "sk")] == "home"
    assert kinds[("en/", "en")] == "home"
    assert kinds[("ru/residence/", "ru")] == "section"
    assert kinds[("en/residence/fees/", "en")] == "guide"
    assert kinds[("ru/about/privacy/", "ru")] == "site"
    assert kinds[("en/404.html", "en")] == "404"
    assert kinds[("uk/residence/fees/", "uk")] == "guide"
    assert not any(url.startswith("pagefind/") for url, _ in kinds)


def test_gzip_server_compresses_text_like_a_static_host(tiny_site):
    import urllib.request

    with audit.serve_gzip(tiny_site) as base:
        request = urllib.request.Request(base + "good/", headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request) as response:
            assert response.headers["Content-Encoding"] == "gzip"
            assert response.headers["Content-Type"].startswith("text/html")


def test_lighthouse_retries_a_miss_and_keeps_the_median(monkeypatch):
    def run(performance: int) -> dict:
        return {"performance": performance, "accessibility": 100, "best-practices": 100, "seo": 100}

    first = [run(88), run(95), run(85)]  # a dips once, b passes, c misses for real
    again = [run(99), run(97), run(96), run(93),  # a: 88 99 97 96 93 -> median 96
             run(87), run(89), run(92), run(80)]  # c: 85 87 89 92 80 -> median 87
    batches = iter([first, again])
    calls = []
    monkeypatch.setattr(audit, "lighthouse", lambda urls: calls.append(list(urls)) or next(batches))
    scores = audit.lighthouse_median(["a", "b", "c"])
    assert calls == [["a", "b", "c"], ["a"] * 4 + ["c"] * 4]  # b is not measured again
    assert scores["a"]["performance"] == 96 and scores["a"]["_runs"] == [88, 93, 96, 97, 99]
    assert scores["b"]["performance"] == 95 and "_runs" not in scores["b"]
    assert scores["c"]["performance"] == 87
    assert audit.breaches([], {"c": scores["c"] | {"_failing": {}, "_blocking": []}}) == [
        "c: Lighthouse performance 87 < 90 (failing audits: none)"]


def test_table_weighs_first_visits_only():
    """The desktop tab keeps its cache, so its smaller figures must not lower the table's."""
    rows = [audit.PageResult("a/", "en", "guide", "phone", transferred=70 * 1024, requests=5),
            audit.PageResult("a/", "en", "guide", "desktop", transferred=9 * 1024, requests=1)]
    line = audit.table(rows, {}, []).splitlines()[2]
    assert line.startswith("| guide | en | 1 | 70.0 | 70.0 | 0.0 | 5 |"), line

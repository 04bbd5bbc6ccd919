"""Every page of every language loads only from the site's own origin, with no failed requests."""

from __future__ import annotations

from urllib.parse import urlsplit

from scripts.model import load_site
from scripts.siteconfig import load_site_config
from test_build import REPO, page_dir


def test_every_page_loads_only_from_its_own_origin(browser, served):
    config = load_site_config(REPO)
    site = load_site(config)
    origin = urlsplit(served)[:2]
    context = browser.new_context()
    tab = context.new_page()
    foreign, failed = [], []
    tab.on("request", lambda r: foreign.append(r.url)
           if urlsplit(r.url)[:2] != origin and not r.url.startswith("data:") else None)
    # A request cut short because the test moved on to the next page is not a failure.
    tab.on("requestfailed", lambda r: failed.append(f"{r.failure} {r.url}")
           if "ERR_ABORTED" not in (r.failure or "") else None)
    tab.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    pages = [(lang, rel) for lang in config.codes for rel in sorted(site.pages[config.source_language])]
    for lang, rel in pages:
        tab.goto(served + page_dir(lang, rel), wait_until="load")
    context.close()
    assert foreign == []
    assert failed == []


def test_site_keeps_no_cookies_and_only_the_language_suggestion_in_storage(browser, served):
    """What the privacy page promises: no cookie, one localStorage key, nothing else."""
    context = browser.new_context(locale="en-GB")
    tab = context.new_page()
    tab.goto(served)
    tab.locator("[data-lang-suggest] button").first.click()
    for path in ("en/residence/fees/", "ru/", "residence/temporary-residence/"):
        tab.goto(served + path)
    tab.keyboard.press("/")
    tab.keyboard.type("pobyt")
    tab.wait_for_selector(".md-search-result__item a", timeout=10000)
    local = tab.evaluate("Object.keys(localStorage)")
    session = tab.evaluate("Object.keys(sessionStorage)")
    assert local == ["guide.language-suggestion"]
    assert session == []
    assert context.cookies() == []
    context.close()


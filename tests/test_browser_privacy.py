"""Pages load only from the site's own origin, with no failed requests, and the site keeps
nothing about its readers.

Every page of every language is opened by the audit (scripts/quality/audit.py, run by `make test`),
on a phone and a desktop with service workers blocked; here a reader's walk through each
page type of every language runs in one ordinary browser profile, so the offline worker
installs and answers the later pages, and whatever it fetches is checked too."""

from __future__ import annotations

from urllib.parse import urlsplit

from scripts.model import load_site
from scripts.siteconfig import load_site_config
from test_build import REPO, page_dir

# One page of each type: home, section, guides (the longest, with tables), site pages, 404.
WALK = ["index.md", "residence/index.md", "residence/fees.md", "residence/temporary-residence.md",
        "temporary-protection/applying.md", "glossary.md", "contacts.md", "news.md", "about/privacy.md"]


def test_every_page_type_loads_only_from_its_own_origin(browser, served):
    config = load_site_config(REPO)
    site = load_site(config)
    assert set(WALK) <= set(site.pages[config.source_language]), "WALK names a page that is gone"
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
    for lang in config.codes:
        for rel in WALK:
            tab.goto(served + page_dir(lang, rel), wait_until="load")
        tab.goto(served + page_dir(lang, "index.md") + "404.html", wait_until="load")
    tab.wait_for_timeout(500)  # what the offline worker fetches after the last page
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


"""Reader features in headless Chromium: review expiry, translation notices, glossary
tooltips, the language suggestion, the news feed, "Report a problem" and print."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
import yaml

from conftest import REPO, language_prefixes, serve_directory, tab_until

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def served_fixture(fixture_site):
    """Build a fixture site and serve it under /sub/; yields (site, base URL, rebuild)."""
    servers = []

    def build_and_serve():
        result = fixture_site.build()
        assert result.returncode == 0, result.stderr[-3000:]
        server, url = serve_directory(fixture_site.root / "site")
        servers.append(server)
        return url

    yield fixture_site, build_and_serve
    for server in servers:
        server.shutdown()
        server.server_close()


# --- review box -----------------------------------------------------------------------

def test_review_box_turns_into_a_warning_in_the_browser_once_review_by_passes(browser, served_fixture):
    site, build = served_fixture
    base = build()  # the fixture guide has review_by 2027-05-01: not expired at build time
    url = base + "en/area/guide/"

    def open_on(day: str | None, javascript: bool = True):
        context = browser.new_context(java_script_enabled=javascript,
                                      viewport={"width": 360, "height": 740}, is_mobile=True)
        tab = context.new_page()
        if day:
            tab.clock.install(time=dt.datetime.fromisoformat(day + "T10:00:00"))
        tab.goto(url)
        return context, tab

    context, tab = open_on("2027-04-30")
    box = tab.locator(".guide-review")
    assert "1 November 2026" in box.text_content() and "1 May 2027" in box.text_content()
    assert not tab.locator(".guide-review__warning").is_visible()
    context.close()

    context, tab = open_on("2027-05-02")
    warning = tab.locator(".guide-review__warning")
    assert warning.is_visible()
    assert "may be out of date" in warning.text_content()
    assert "guide-review--expired" in tab.locator(".guide-review").get_attribute("class")
    context.close()

    # Without JavaScript the dates are still there.
    context, tab = open_on(None, javascript=False)
    assert "Last reviewed on" in tab.locator(".guide-review").text_content()
    assert "1 May 2027" in tab.locator(".guide-review").text_content()
    context.close()


def test_review_box_is_a_warning_in_the_html_when_built_after_review_by(browser, served_fixture):
    site, build = served_fixture
    path = site.root / "docs/sk/area/guide.md"
    path.write_text(path.read_text(encoding="utf-8").replace("review_by: 2027-05-01",
                                                             "review_by: 2026-01-01"),
                    encoding="utf-8")
    base = build()
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(base + "ru/area/guide/")
    assert tab.locator(".guide-review__warning").is_visible()
    assert "могла устареть" in tab.locator(".guide-review__warning").text_content()
    context.close()


# --- translation notices --------------------------------------------------------------

def _git(root: Path, *args: str, date: str | None = None) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Editor", "GIT_AUTHOR_EMAIL": "e@example.org",
           "GIT_COMMITTER_NAME": "Editor", "GIT_COMMITTER_EMAIL": "e@example.org"}
    if date:
        env.update(GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


def test_outdated_translation_says_so_and_links_to_the_slovak_original(page, served_fixture):
    site, build = served_fixture
    _git(site.root, "init", "-q", "-b", "main")
    _git(site.root, "add", "-A")
    _git(site.root, "commit", "-qm", "start", date="2026-09-01T10:00:00")
    base = build()
    page.goto(base + "en/area/guide/")
    assert page.locator(".guide-notice").count() == 0  # stamped and current

    source = site.root / "docs/sk/area/guide.md"
    source.write_text(source.read_text(encoding="utf-8").replace("90 dní", "60 dní"), encoding="utf-8")
    _git(site.root, "commit", "-qam", "New period", date="2026-10-05T10:00:00")
    base = build()
    for prefix, words, date in (("en/", "changed on", "5 October 2026"),
                                ("ru/", "изменился", "5 октября 2026")):
        page.goto(base + prefix + "area/guide/")
        notice = page.locator(".guide-notice--outdated")
        assert notice.is_visible()
        assert words in notice.text_content() and date in notice.text_content()
        assert notice.locator("time").get_attribute("datetime") == "2026-10-05"
        notice.locator("a").click()
        page.wait_for_url("**/sub/area/guide/")
        assert page.evaluate("document.documentElement.lang") == "sk"
        assert page.locator(".guide-notice").count() == 0  # never on the source itself


def test_missing_translation_is_announced_and_not_offered_as_a_translation(page, served_fixture):
    site, build = served_fixture
    (site.root / "docs/ru/area/guide.md").unlink()
    base = build()
    page.goto(base + "ru/area/guide/")
    assert page.evaluate("document.documentElement.lang") == "ru"
    notice = page.locator(".guide-notice--missing")
    assert notice.is_visible()
    assert "ещё не переведена" in notice.text_content()
    assert page.locator("link[rel=canonical]").get_attribute("href") == \
        "https://example.org/sub/area/guide/"
    page.goto(base + "en/area/guide/")
    assert page.locator(".guide-notice").count() == 0
    sitemap = (site.root / "site/sitemap.xml").read_text(encoding="utf-8")
    assert "sub/ru/area/guide/" not in sitemap
    assert "sub/en/area/guide/" in sitemap


# --- glossary -------------------------------------------------------------------------

def test_glossary_tooltip_works_with_the_keyboard(page, served):
    page.goto(served + "en/residence/temporary-residence/")
    term = page.locator(".gloss").first
    tip = term.locator(".gloss__tip")
    assert not tip.is_visible()
    tab_until(page, ".gloss__term")
    assert page.evaluate("document.activeElement.textContent") == "prechodný pobyt"
    assert tip.is_visible()
    assert "temporary residence" in tip.text_content()
    described = page.evaluate("document.activeElement.getAttribute('aria-describedby')")
    assert page.locator(f"#{described}").text_content() == tip.text_content()
    page.keyboard.press("Escape")
    assert not tip.is_visible()
    # Only the first use of a term on a page is marked.
    names = [t.lower() for t in page.locator(".gloss__term").all_text_contents()]
    assert len(names) == len(set(names))


def test_glossary_tooltip_opens_with_a_tap_on_a_phone(browser, served):
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True,
                                  has_touch=True)
    tab = context.new_page()
    tab.goto(served + "ru/residence/temporary-residence/")
    term = tab.locator(".gloss").first
    term.locator(".gloss__term").tap()
    tip = term.locator(".gloss__tip")
    assert tip.is_visible()
    box = tip.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360  # stays on the screen
    tab.locator("h1").tap()
    assert not tip.is_visible()
    context.close()


def test_each_language_has_a_glossary_page_with_every_term(built):
    entries = yaml.safe_load((REPO / "data/glossary.yml").read_text(encoding="utf-8"))
    for prefix, lang in language_prefixes():
        html = (built / prefix / "glossary/index.html").read_text(encoding="utf-8")
        assert html.count('<dt id="term-') == len(entries)
        for entry in entries:
            assert entry[lang].replace("'", "&#x27;").replace('"', "&quot;") in html
        assert 'class="gloss"' not in html  # the glossary itself has no tooltips


# --- language suggestion --------------------------------------------------------------

@pytest.mark.parametrize("locale, lang, words, hidden", [
    ("ru-RU", "ru", "на русском", "uk"),
    ("uk-UA", "uk", "Читати українською", "ru"),
])
def test_language_suggestion_speaks_the_readers_language(browser, served, locale, lang, words, hidden):
    """The browser's language picks the one suggestion, written in that language."""
    context = browser.new_context(locale=locale)
    tab = context.new_page()
    tab.goto(served)
    item = tab.locator(f'[data-lang-suggest] [data-lang="{lang}"]')
    assert item.is_visible()
    assert item.get_attribute("lang") == lang
    assert words in item.text_content()
    assert item.locator("a").get_attribute("href").endswith(f"{lang}/")
    assert not tab.locator(f'[data-lang-suggest] [data-lang="{hidden}"]').is_visible()
    context.close()


def test_language_suggestion_appears_once_and_stays_dismissed(browser, served):
    context = browser.new_context(locale="ru-RU")
    tab = context.new_page()
    tab.goto(served)
    banner = tab.locator("[data-lang-suggest]")
    assert banner.is_visible()
    banner.locator('[data-lang="ru"] button').click()
    assert not banner.is_visible()
    tab.reload()
    assert not tab.locator("[data-lang-suggest]").is_visible()
    assert tab.url == served  # never a redirect
    assert context.cookies() == []
    context.close()

    # Shown once even when not dismissed; never for readers who prefer Slovak.
    context = browser.new_context(locale="en-GB")
    tab = context.new_page()
    tab.goto(served)
    assert tab.locator('[data-lang-suggest] [data-lang="en"]').is_visible()
    tab.goto(served + "residence/")
    tab.goto(served)
    assert not tab.locator("[data-lang-suggest]").is_visible()
    context.close()
    for locale in ("sk-SK", "de-DE"):
        context = browser.new_context(locale=locale)
        tab = context.new_page()
        tab.goto(served)
        assert not tab.locator("[data-lang-suggest]").is_visible()
        context.close()


# --- news and feeds -------------------------------------------------------------------

def _news_entries() -> list[dict]:
    return yaml.safe_load((REPO / "data/news.yml").read_text(encoding="utf-8"))


def test_feed_is_valid_atom_and_lists_every_change(page, served, built):
    entries = _news_entries()
    for prefix, lang in language_prefixes():
        page.goto(served + prefix + "news/")
        feed_link = page.locator('link[rel=alternate][type="application/atom+xml"]')
        response = page.request.get(page.evaluate(
            "document.querySelector('link[type=\"application/atom+xml\"]').href"))
        assert feed_link.count() == 1 and response.ok
        feed = ET.fromstring(response.body())
        assert feed.tag == f"{ATOM}feed"
        assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == lang
        for required in ("id", "title", "updated", "author"):
            assert feed.find(f"{ATOM}{required}") is not None, required
        self_link = feed.find(f"{ATOM}link[@rel='self']").get("href")
        assert self_link == f"https://guide.example.org/sub/{prefix}feed.xml"
        items = feed.findall(f"{ATOM}entry")
        assert len(items) == len(entries)
        ids = [item.find(f"{ATOM}id").text for item in items]
        assert len(set(ids)) == len(ids)
        for item, entry in zip(items, entries, strict=True):
            assert item.find(f"{ATOM}title").text == entry[lang]["title"]
            updated = item.find(f"{ATOM}updated").text
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z", updated)
            assert updated.startswith(entry["date"].isoformat())
            anchor = item.find(f"{ATOM}link[@rel='alternate']").get("href").split("#", 1)[1]
            assert page.locator(f"#{anchor}").count() == 1  # the entry's link lands on it
            for link in item.findall(f"{ATOM}link[@rel='related']"):
                local = link.get("href").replace("https://guide.example.org/sub/", "")
                assert (built / local / "index.html").exists(), link.get("href")
        # The page shows the same changes, newest first, and links to the guides.
        titles = page.locator(".news-entry h3").all_text_contents()
        assert [t.strip().rstrip("¶").strip() for t in titles] == [e[lang]["title"] for e in entries]
        assert page.locator(".news-feed a").count() == 1


# --- report a problem and print -------------------------------------------------------

def test_report_a_problem_prefills_page_and_language(page, served):
    page.goto(served + "ru/residence/fees/")
    links = page.locator(".guide-report a")
    issue = urlparse(links.nth(1).get_attribute("href"))  # the e-mail comes first
    query = parse_qs(issue.query)
    assert issue.path.endswith("/issues/new")
    assert query["title"] == ["[ru] ru/residence/fees.md: "]
    assert "https://guide.example.org/sub/ru/residence/fees/" in query["body"][0]
    mail = urlparse(links.nth(0).get_attribute("href"))
    assert mail.scheme == "mailto"
    assert "[ru] ru/residence/fees.md" in parse_qs(mail.query)["subject"][0]


def test_printed_guide_has_title_dates_sources_and_link_addresses(page, served):
    page.goto(served + "en/residence/fees/")
    page.emulate_media(media="print")
    for hidden in (".md-header", ".md-sidebar--primary", ".md-footer", ".guide-report"):
        assert not page.locator(hidden).first.is_visible(), hidden
    for shown in ("h1", ".guide-review", ".guide-sources"):
        assert page.locator(shown).first.is_visible(), shown
    after = page.evaluate("""() => {
        const external = document.querySelector('.guide-sources a');
        const internal = document.querySelector('.md-content a[data-print-href]');
        return [getComputedStyle(external, '::after').content,
                getComputedStyle(internal, '::after').content];
    }""")
    assert "https://" in after[0]
    assert "http://127.0.0.1" in after[1]  # relative links are printed in full

"""Answers first on a phone (360 × 740), in every configured language, in headless Chromium:
tables that fit, the at-a-glance box near the top, "On this page", tap-to-call help,
a 404 in the address's language, language switches that keep the section, readable
feeds, the glossary's jump list and guide links, and touch targets of 44 px."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path

import pytest

from conftest import REPO, SUBPATH
from scripts.build import phone
from scripts.model import load_site
from scripts.quality import audit
from scripts.quality.localserver import QuietServer
from scripts.siteconfig import load_site_config

SITE = load_site_config(REPO)
LANGUAGES = SITE.codes
PHONE = {"width": 360, "height": 740}


def prefix(lang: str) -> str:
    return "" if lang == SITE.source_language else f"{lang}/"


def guides(lang: str) -> list[str]:
    model = load_site(SITE)
    return sorted(rel for rel, page in model.pages[lang].items() if page.kind == "guide")


def url_of(rel: str) -> str:
    stem = rel.removesuffix(".md")
    return stem.removesuffix("index") if stem.endswith("index") else stem + "/"


@pytest.fixture
def phone_tab(browser):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    tab = context.new_page()
    yield tab
    context.close()


# --- unit: the build-time helpers ---------------------------------------------------

def test_table_cells_get_their_column_header_as_label():
    html = ("<table><thead><tr><th>what</th><th><em>amount</em> &amp; fee</th></tr></thead>"
            "<tbody><tr><td>application</td><td align=\"left\">250 €</td></tr></tbody></table>")
    out = phone.label_table_cells(html)
    assert '<td data-label="what">application</td>' in out
    assert '<td data-label="amount &amp; fee" align="left">250 €</td>' in out


def test_glance_box_gets_its_marker_and_the_languages_title():
    html = '<div class="admonition glance">\n<p class="admonition-title">Glance</p>\n<p>x</p></div>'
    out = phone.mark_glance(html, "V skratke")
    assert '<div class="admonition glance" data-at-a-glance><p class="admonition-title">V skratke</p>' in out
    custom = html.replace(">Glance<", ">Own title<")
    assert ">Own title<" in phone.mark_glance(custom, "V skratke")


def test_call_marker_renders_tel_links_from_contacts_and_rejects_unknown_names():
    out = phone.expand_calls("<!-- call: emergency-112 mic-hotline -->", "en")
    assert 'href="tel:112"' in out and 'href="tel:0850211478"' in out
    with pytest.raises(KeyError):
        phone.expand_calls("<!-- call: no-such-contact -->", "en")


def test_glossary_letters_follow_the_slovak_alphabet():
    assert phone.first_letter("chorobové dávky") == "ch"
    assert phone.first_letter("čestné vyhlásenie") == "č"
    assert phone.first_letter("Úrad práce") == "u"


# --- tables and the at-a-glance box -------------------------------------------------
# The audit (scripts/quality/audit.py, in `make test`) measures this on every page of every
# language; here the same measurement runs on the guides with the most tables and the
# longest introductions, so that a regression shows up in pytest too.

SAMPLE = ["employment/losing-a-job.md", "employment/taxes-for-employees.md",
          "employment/rights-at-work.md", "residence/temporary-residence.md",
          "family/family-benefits.md", "residence/fees.md", "temporary-protection/applying.md"]


def test_every_guide_has_one_at_a_glance_box_in_its_html(built):
    """Presence on every guide of every language, read from the built HTML."""
    missing = []
    for lang in LANGUAGES:
        for rel in guides(lang):
            html = (built / prefix(lang) / url_of(rel) / "index.html").read_text(encoding="utf-8")
            if html.count("data-at-a-glance") != 1:
                missing.append(f"{lang}: {rel}")
    assert not missing, f"not exactly one at-a-glance box: {missing}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_tables_fit_and_the_glance_box_comes_first_on_a_phone(phone_tab, served, lang):
    assert set(SAMPLE) <= set(guides(lang)), "SAMPLE names a guide that is gone"
    title = phone.sitedata.ui(lang)["glance_title"]
    problems, tables = [], 0
    for rel in SAMPLE:
        phone_tab.goto(served + prefix(lang) + url_of(rel))
        result = audit.PageResult(rel, lang, "guide", "phone")
        audit.phone_layout(phone_tab, result)
        problems += audit.breaches([result], {})
        tables += phone_tab.locator(".md-typeset td[data-label]").count() > 0
        if rel == SAMPLE[0]:
            assert title in phone_tab.locator("[data-at-a-glance] .admonition-title").text_content()
    assert not problems, problems
    assert tables >= 5, "the sample should hold guides with tables"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_on_this_page_list_is_visible_on_a_phone_and_leads_to_sections(phone_tab, served, lang):
    phone_tab.goto(served + prefix(lang) + "residence/renewal-and-changes/")
    toc = phone_tab.locator("details.page-toc")
    assert toc.is_visible()
    assert phone.sitedata.ui(lang)["toc_title"] in toc.locator("summary").text_content()
    toc.locator("summary").click()
    toc.locator('a[href="#lost-card"]').click()
    assert phone_tab.evaluate("location.hash") == "#lost-card"
    assert phone_tab.locator("#lost-card").evaluate("el => el.getBoundingClientRect().top") < 200


# --- 404 ------------------------------------------------------------------------------

class _RootNotFoundHandler(http.server.SimpleHTTPRequestHandler):
    """Like GitHub Pages: every missing address gets the root 404.html (status 404)."""

    def translate_path(self, path):
        if path.startswith(SUBPATH):
            path = "/" + path[len(SUBPATH):]
        return super().translate_path(path)

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        body = (Path(self.directory) / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def pages_host(built):
    requests: list[str] = []

    class Handler(_RootNotFoundHandler):
        def do_GET(self):
            requests.append(self.path)
            super().do_GET()

    server = QuietServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(built)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}{SUBPATH}", requests
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_root_404_shows_the_language_of_the_address(phone_tab, pages_host, lang):
    base, requests = pages_host
    requests.clear()
    response = phone_tab.goto(base + prefix(lang) + "no-such-page/")
    assert response.status == 404
    strings = phone.sitedata.ui(lang)
    phone_tab.wait_for_function(f"document.documentElement.lang === {lang!r}")
    phone_tab.wait_for_selector(f"text={strings['not_found_title']}")
    content = phone_tab.locator(".md-content")
    # search, the home page and the free-help contacts
    assert content.locator(".not-found__search").is_visible()
    assert content.locator(f"a[href='{SUBPATH}{prefix(lang)}']").count() == 1
    assert content.locator("a[href^='tel:']").count() >= 1
    # no loop: at most one extra request for the language's 404
    assert sum(r.endswith("404.html") for r in requests) <= 1
    # the language switcher leads to the other languages' home pages
    targets = phone_tab.eval_on_selector_all("a.md-select__link",
                                             "els => els.map(a => a.getAttribute('href'))")
    assert sorted(targets) == sorted(SUBPATH + prefix(code) for code in LANGUAGES)


def test_404_search_button_opens_search(phone_tab, pages_host):
    base, _ = pages_host
    phone_tab.goto(base + "no-such-page/")
    phone_tab.locator(".not-found__search").click()
    assert phone_tab.evaluate("document.getElementById('__search').checked")


# --- language switch keeps the section ------------------------------------------------

def test_language_switch_keeps_the_section(phone_tab, served):
    phone_tab.goto(served + "residence/renewal-and-changes/#lost-card")
    for lang in LANGUAGES[1:] + LANGUAGES[:1]:
        phone_tab.locator(".md-select").first.click()
        phone_tab.locator(f'a.md-select__link[hreflang="{lang}"]').click()
        phone_tab.wait_for_url(f"**{SUBPATH}{prefix(lang)}residence/renewal-and-changes/#lost-card")
        assert phone_tab.evaluate("document.documentElement.lang") == lang


# --- feeds ----------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGUAGES)
def test_feed_opens_as_a_readable_page_in_its_language(phone_tab, served, lang):
    phone_tab.goto(served + prefix(lang) + "feed.xml")
    strings = phone.sitedata.ui(lang)
    assert phone_tab.evaluate("document.documentElement.lang") == lang
    assert strings["news_feed_title"] in phone_tab.locator("h1").text_content()
    body = phone_tab.locator("body").text_content()
    assert strings["feed_intro"][:40] in body
    assert f"{prefix(lang)}feed.xml" in phone_tab.locator(".feed-about code").text_content()
    assert phone_tab.locator("article h2 a").count() >= 1


# --- help first, touch, report, title ----------------------------------------------

@pytest.mark.parametrize("lang", LANGUAGES)
def test_home_page_puts_tap_to_call_help_first(phone_tab, served, lang):
    phone_tab.goto(served + prefix(lang))
    hrefs = phone_tab.eval_on_selector_all("#help-now ~ .call a",
                                           "els => els.map(a => a.getAttribute('href'))")
    for number in ("tel:112", "tel:155", "tel:158", "tel:0850211478"):
        assert number in hrefs
    links = phone_tab.eval_on_selector_all(".md-content a", "els => els.map(a => a.getAttribute('href'))")
    assert any(h.endswith("living/emergency/") for h in links)
    assert any(h.endswith("#lost-card") or h.endswith("#lost-documents") for h in links)
    for link in phone_tab.locator(".call a").all():
        box = link.bounding_box()
        assert box["height"] >= 44
    title = phone_tab.title()
    site_name = title.split(" - ")[0]
    assert title.count(site_name) == 1, title


@pytest.mark.parametrize("lang", LANGUAGES)
def test_header_controls_are_at_least_44_px(phone_tab, served, lang):
    phone_tab.goto(served + prefix(lang) + "residence/fees/")
    for selector in (".md-header__button.md-icon", ".site-search-button"):
        for control in phone_tab.locator(f".md-header {selector}").all():
            if control.is_visible():
                box = control.bounding_box()
                assert box["width"] >= 44 and box["height"] >= 44, (selector, box)
    phone_tab.locator(".md-select").first.click()
    for option in phone_tab.locator("a.md-select__link").all():
        assert option.bounding_box()["height"] >= 44


def test_back_to_top_stays_clear_of_the_end_of_the_text(phone_tab, served):
    phone_tab.goto(served + "ru/residence/temporary-residence/")
    phone_tab.evaluate("scrollTo(0, 3000)")
    phone_tab.wait_for_timeout(300)
    phone_tab.evaluate("scrollBy(0, -300)")
    phone_tab.wait_for_timeout(300)
    top = phone_tab.locator(".md-top")
    assert top.bounding_box()["height"] >= 44
    assert top.evaluate("el => el.getBoundingClientRect().top") > 600  # at the bottom, not over the heading
    phone_tab.evaluate("scrollTo(0, document.body.scrollHeight)")
    phone_tab.wait_for_timeout(300)
    assert not top.is_visible()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_report_offers_email_first_and_says_the_issue_needs_github(phone_tab, served, lang):
    phone_tab.goto(served + prefix(lang) + "residence/fees/")
    links = phone_tab.locator(".guide-report a")
    assert links.nth(0).get_attribute("href").startswith("mailto:")
    assert "/issues/new" in links.nth(1).get_attribute("href")
    assert "GitHub" in phone_tab.locator(".guide-report").text_content()


# --- glossary -------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGUAGES)
def test_glossary_has_a_jump_list_and_terms_lead_to_guides(phone_tab, served, lang):
    phone_tab.goto(served + prefix(lang) + "glossary/")
    letters = phone_tab.locator(".az a")
    assert letters.count() >= 10
    texts = [t.strip() for t in letters.all_text_contents()]
    assert texts.index("C") < texts.index("Č") if "Č" in texts else True
    assert all(link.bounding_box()["height"] >= 44 for link in letters.all())
    target = letters.nth(letters.count() - 1).get_attribute("href")
    letters.nth(letters.count() - 1).click()
    assert phone_tab.evaluate("location.hash") == target
    guide_links = phone_tab.locator(".glossary a.glossary__guide")
    assert guide_links.count() >= 10
    guide_links.first.click()
    phone_tab.wait_for_load_state()
    assert "/glossary/" not in phone_tab.url


def test_glossary_bar_closes_when_its_term_scrolls_away(phone_tab, served):
    phone_tab.goto(served + "en/residence/temporary-residence/")
    term = phone_tab.locator(".gloss__term").first
    term.scroll_into_view_if_needed()
    term.tap()
    tip = phone_tab.locator(".gloss--open .gloss__tip")
    assert tip.is_visible()
    phone_tab.evaluate("scrollBy(0, 3000)")
    phone_tab.wait_for_timeout(300)
    assert phone_tab.locator(".gloss--open").count() == 0

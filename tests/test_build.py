"""The real site builds in strict mode and its output is what readers and search engines need."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from conftest import SITE_URL
from scripts.model import load_site
from scripts.siteconfig import load_site_config

REPO = Path(__file__).resolve().parent.parent
CONFIG = load_site_config(REPO)
LANGS = CONFIG.codes
SOURCE = CONFIG.source_language


def page_dir(lang: str, rel: str) -> str:
    prefix = "" if lang == SOURCE else f"{lang}/"
    stem = rel[:-3]
    if stem == "index":
        return prefix
    if stem.endswith("/index"):
        stem = stem[: -len("/index")]
    return f"{prefix}{stem}/"


def all_pages():
    site = load_site(CONFIG)
    return [(lang, rel) for lang in LANGS for rel in sorted(site.pages[SOURCE])]


def test_every_page_in_every_language_with_its_lang(built):
    for lang, rel in all_pages():
        html = (built / page_dir(lang, rel) / "index.html").read_text(encoding="utf-8")
        assert f'<html lang="{lang}"' in html, (lang, rel)


def test_hreflang_absolute_with_x_default(built):
    for lang, rel in all_pages():
        html = (built / page_dir(lang, rel) / "index.html").read_text(encoding="utf-8")
        links = re.findall(r'<link rel="alternate" href="([^"]+)" hreflang="([^"]+)"', html)
        by_lang = {code: href for href, code in links}
        assert sorted(by_lang) == sorted(set(LANGS) | {"x-default"}), (lang, rel, links)
        assert len(links) == len(by_lang)
        assert by_lang["x-default"] == SITE_URL + page_dir(SOURCE, rel)
        for code in LANGS:
            assert by_lang[code] == SITE_URL + page_dir(code, rel)


def test_language_switcher_leads_to_same_page(built):
    for lang, rel in all_pages():
        html = (built / page_dir(lang, rel) / "index.html").read_text(encoding="utf-8")
        switch = re.findall(r'<a href="([^"]+)" hreflang="([a-z]{2})" class="md-select__link"', html)
        assert {code for _, code in switch} == set(LANGS)
        here = built / page_dir(lang, rel)
        for href, code in switch:
            # Relative links, or root-relative ones under the hosting sub-path.
            path = SITE_URL.split("/", 3)[3]
            target = (built / href[len(path) + 1:]) if href.startswith("/" + path) else here / href
            target = target.resolve()
            assert target == (built / page_dir(code, rel)).resolve(), (lang, rel, code, href)


def test_404_per_language(built):
    for lang in LANGS:
        path = built / ("404.html" if lang == SOURCE else f"{lang}/404.html")
        html = path.read_text(encoding="utf-8")
        assert f'<html lang="{lang}"' in html
        home = "/sub/" if lang == SOURCE else f"/sub/{lang}/"
        assert f'href="{home}"' in html


def test_sitemap_lists_every_page_with_alternates(built):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    root = ET.parse(built / "sitemap.xml").getroot()
    locs = [u.find("s:loc", ns).text for u in root.findall("s:url", ns)]
    expected = [SITE_URL + page_dir(lang, rel) for lang, rel in all_pages()]
    assert sorted(locs) == sorted(expected)
    assert len(locs) == len(set(locs))
    for url in root.findall("s:url", ns):
        langs = {a.get("hreflang") for a in url.findall("x:link", ns)}
        assert langs == set(LANGS) | {"x-default"}
    robots = (built / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {SITE_URL}sitemap.xml" in robots


_FETCHED = [
    re.compile(r"<(?:script|img|iframe|source|audio|video|embed)\b[^>]*\bsrc=[\"']([^\"']+)", re.I),
    re.compile(r"<link\b[^>]*\bhref=[\"']([^\"']+)[\"'][^>]*>", re.I),
    re.compile(r"url\(\s*[\"']?([^\"')]+)", re.I),
    re.compile(r"@import\s+[\"']([^\"']+)", re.I),
]


def _is_foreign(url: str) -> bool:
    return bool(re.match(r"^(?:[a-z]+:)?//", url, re.I)) and not url.startswith(SITE_URL)


def test_nothing_is_fetched_from_another_host(built):
    offenders = []
    for path in built.rglob("*"):
        if path.suffix not in (".html", ".css", ".js"):
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        for pattern in _FETCHED:
            for match in pattern.finditer(text):
                tag = match.group(0)
                url = match.group(1)
                if tag.lower().startswith("<link") and re.search(
                        r'rel="(?:alternate|canonical)"', tag):
                    continue  # links for search engines, never fetched by the browser
                if _is_foreign(url):
                    offenders.append(f"{path.relative_to(built)}: {url}")
    assert offenders == []
    # The fonts the theme would load from Google are not referenced at all.
    assert not any("fonts.googleapis" in p.read_text(errors="replace")
                   for p in built.rglob("*.html"))


def test_contacts_are_the_same_in_every_language(built):
    phones = {}
    for lang in LANGS:
        html = (built / page_dir(lang, "contacts.md") / "index.html").read_text(encoding="utf-8")
        phones[lang] = sorted(set(re.findall(r'href="tel:([+\d]+)"', html)))
    assert phones[SOURCE], "the contacts page shows no phone numbers"
    assert all(numbers == phones[SOURCE] for numbers in phones.values()), phones


def test_guides_show_review_dates_and_sources(built):
    site = load_site(CONFIG)
    guides = [rel for rel, p in site.pages[SOURCE].items() if p.kind == "guide"]
    assert guides
    for lang in LANGS:
        for rel in guides:
            html = (built / page_dir(lang, rel) / "index.html").read_text(encoding="utf-8")
            assert 'class="guide-review' in html and "<time datetime=" in html, (lang, rel)
            assert 'class="guide-sources"' in html, (lang, rel)


def test_shared_model_is_read_once_per_build_and_again_after_an_edit(fixture_site):
    """The i18n plugin configures the source language twice per build: the content model
    (and the translation dashboards made from it) is read once, and read again when a
    file changed (`mkdocs serve` rebuilding after an edit)."""
    from mkdocs.config import load_config

    from scripts.build import site_hooks

    config = load_config(str(fixture_site.root / "mkdocs.yml"))
    site_hooks.on_config(config)
    model = site_hooks._model(config)
    site_hooks.on_config(config)
    assert site_hooks._model(config) is model
    page = fixture_site.root / "docs" / "sk" / "area" / "guide.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nEšte jedna veta.\n", encoding="utf-8")
    site_hooks.on_config(config)
    assert site_hooks._model(config) is not model

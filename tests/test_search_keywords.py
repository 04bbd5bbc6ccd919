"""Search keywords and per-language search settings (no browser; see test_browser_search.py)."""

from __future__ import annotations

import datetime as dt
import gzip
import json

import pytest

from scripts import checks
from scripts.build import search_keywords
from scripts.model import load_site
from scripts.siteconfig import load_site_config

REPO_DATA = search_keywords.sitedata.DATA_DIR


def front_matter_findings(site):
    model = load_site(load_site_config(site.root))
    options = checks.Options(today=dt.date(2026, 11, 21), strict_freshness=False, use_git=False)
    return [f for f in checks.run(model, options, ["front-matter", "outdated"])]


def add_keywords(site, rel: str, line: str) -> None:
    """Put `line` as the last front-matter key, as editors are told to."""
    path = site.root / rel
    head, _, body = path.read_text(encoding="utf-8")[4:].partition("\n---\n")
    path.write_text(f"---\n{head}\n{line}\n---\n{body}", encoding="utf-8")


def test_valid_keywords_pass_and_do_not_outdate_translations(fixture_site):
    add_keywords(fixture_site, "docs/sk/area/guide.md", "keywords: [eseročka, sro, \"s.r.o.\"]")
    add_keywords(fixture_site, "docs/en/area/guide.md", "keywords: [self employed, work permit]")
    # Keywords are not part of the fingerprint: the stamped translations stay current.
    assert front_matter_findings(fixture_site) == []


@pytest.mark.parametrize("line, expected", [
    ("keywords: eseročka", "must be a list"),
    ("keywords: []", "must be a list"),
    ("keywords: [sro, 2026]", "only text; found 2026"),
    ("keywords: [sro, no]", "only text; found False"),
    ("keywords: [sro, \"\"]", "only text"),
])
def test_malformed_keywords_are_reported_on_their_line(fixture_site, line, expected):
    add_keywords(fixture_site, "docs/en/area/guide.md", line)
    found = [f for f in front_matter_findings(fixture_site) if f.rule == "front-matter"]
    assert len(found) == 1, found
    text = fixture_site.root.joinpath("docs/en/area/guide.md").read_text(encoding="utf-8")
    assert found[0].path == "docs/en/area/guide.md"
    assert found[0].line == text.split("\n").index(line) + 1
    assert expected in found[0].message and "keywords: [" in found[0].hint


def test_keywords_are_hidden_weighted_and_escaped():
    out = search_keywords.keywords_html({"keywords": ["s.r.o.", "<b>firma</b>", "  ", 7]})
    assert out.startswith('<p class="search-keywords" hidden data-pagefind-weight=')
    assert 'data-pagefind-meta="keywords"' in out
    assert "s.r.o., &lt;b&gt;firma&lt;/b&gt;, 7</p>" in out
    assert search_keywords.keywords_html({"title": "x"}) == ""
    assert search_keywords.keywords_html({"keywords": "not a list"}) == ""


def test_settings_per_language_come_from_data():
    titles = {"residence/fees.md": ("Poplatky", "Koľko to stojí.")}

    def info(rel):
        return titles.get(rel, (rel, ""))

    sk = search_keywords.settings(REPO_DATA, "sk", "", info)
    assert {"ako", "si"} <= set(sk["stop_words"])
    assert sk["endings"] == sorted(sk["endings"], key=len, reverse=True)  # longest cut first
    fees = sk["intents"][0]
    assert "koľko" in fees["words"] and "fees" in fees["anchors"]
    assert fees["pages"][0] == {"url": "residence/fees/", "title": "Poplatky",
                                "description": "Koľko to stojí."}
    assert sk["ui"]["more"] and sk["ui"]["popular"] and sk["ui"]["help"]
    assert "0850 211 478" in [c["phone"] for c in sk["help"]]
    ru = search_keywords.settings(REPO_DATA, "ru", "ru/", info)
    assert ru["popular"][0]["url"].startswith("ru/")
    assert ru["help"][0]["name"].startswith("Горячая линия")
    # A language is data: Ukrainian already has its words; an unknown one gets defaults.
    assert search_keywords.settings(REPO_DATA, "uk", "uk/", info)["endings"]
    assert search_keywords.settings(REPO_DATA, "xx", "xx/", info)["stop_words"] == []


def test_intent_pages_get_their_pagefind_ids(tmp_path):
    fragments = tmp_path / "pagefind" / "fragment"
    fragments.mkdir(parents=True)
    body = json.dumps({"url": "/en/residence/fees/", "content": "Fees"}).encode()
    (fragments / "en_abc1234.pf_fragment").write_bytes(gzip.compress(b"pagefind_dcd" + body))
    search_keywords.write_settings(tmp_path, {"lang": "en", "intents": [
        {"words": ["cost"], "pages": [{"url": "en/residence/fees/"}, {"url": "en/gone/"}]}]})
    search_keywords.add_page_ids(tmp_path)
    saved = json.loads((tmp_path / "assets/search/en.json").read_text(encoding="utf-8"))
    assert saved["intents"][0]["pages"] == [{"url": "en/residence/fees/", "id": "en_abc1234"},
                                            {"url": "en/gone/"}]


def write_fragment(folder, page_id: str, data: dict) -> None:
    body = json.dumps(data, ensure_ascii=False).encode()
    (folder / f"{page_id}.pf_fragment").write_bytes(gzip.compress(b"pagefind_dcd" + body))


def test_every_indexed_page_is_listed_in_its_language_settings(tmp_path):
    fragments = tmp_path / "pagefind" / "fragment"
    fragments.mkdir(parents=True)
    write_fragment(fragments, "en_abc1234", {"url": "/en/business/company/", "content": "x",
                                             "meta": {"title": "Company", "keywords": "Ltd, sro"}})
    write_fragment(fragments, "en_def5678", {"url": "/en/", "content": "x", "meta": {"title": "Home"}})
    write_fragment(fragments, "sk_0123abc", {"url": "/business/company/", "content": "x",
                                             "meta": {"title": "Spoločnosť s ručením obmedzeným"}})
    for lang in ("en", "sk"):
        search_keywords.write_settings(tmp_path, {"lang": lang, "intents": []})
    search_keywords.add_page_ids(tmp_path)
    en = json.loads((tmp_path / "assets/search/en.json").read_text(encoding="utf-8"))
    sk = json.loads((tmp_path / "assets/search/sk.json").read_text(encoding="utf-8"))
    # Pagefind id -> [url from the site root, title, keywords]; each language its own pages.
    assert en["pages"] == {"en_abc1234": ["en/business/company/", "Company", "Ltd, sro"],
                           "en_def5678": ["en/", "Home"]}
    assert sk["pages"] == {"sk_0123abc": ["business/company/", "Spoločnosť s ručením obmedzeným"]}
    # Running it again (the benchmark re-indexes) replaces the list, it does not grow it.
    (fragments / "en_def5678.pf_fragment").unlink()
    search_keywords.add_page_ids(tmp_path)
    en = json.loads((tmp_path / "assets/search/en.json").read_text(encoding="utf-8"))
    assert list(en["pages"]) == ["en_abc1234"]

"""Editing without a terminal: every page links to its own file in GitHub's editor."""

from __future__ import annotations

import re

from conftest import REPO
from scripts.siteconfig import load_site_config


def test_every_page_links_to_its_own_language_file(built):
    config = load_site_config(REPO)
    checked = 0
    for lang in config.codes:
        prefix = "" if lang == config.source_language else f"{lang}/"
        for md in sorted((REPO / "docs" / lang).rglob("*.md")):
            rel = md.relative_to(REPO / "docs" / lang).as_posix()
            url = rel[:-3] + "/" if not rel.endswith("index.md") else rel[: -len("index.md")]
            html = (built / prefix / url / "index.html").read_text(encoding="utf-8")
            edit = re.findall(r'<a href="([^"]+)"[^>]*rel="edit"', html)
            assert edit == [f"https://github.com/sprievodca-cudzinci/sprievodca/edit/main/docs/"
                            f"{lang}/{rel}"], (lang, rel, edit)
            checked += 1
    assert checked >= 3 * 50


def test_translation_status_page_speaks_its_language_and_links_entries(fixture_site):
    import yaml

    site = fixture_site
    site.config(nav=["index.md", "status.md", {"Oblasť": ["area/guide.md"]}])
    for lang in ("sk", "en", "ru"):
        site.write(f"docs/{lang}/status.md",
                   f"---\ntitle: Status {lang}\ndescription: S.\n---\n\n<!-- status: translations -->\n")
    # The Russian guide is never stamped; the English one is missing.
    path = site.root / "docs/ru/area/guide.md"
    path.write_text(re.sub(r'translation_of: "\w+"\n', "", path.read_text(encoding="utf-8")),
                    encoding="utf-8")
    (site.root / "docs/en/area/guide.md").unlink()
    assert site.build().returncode == 0
    ui = yaml.safe_load((REPO / "data/ui.yml").read_text(encoding="utf-8"))
    pages = {lang: (site.root / "site" / prefix / "status/index.html").read_text(encoding="utf-8")
             for lang, prefix in (("sk", ""), ("en", "en"), ("ru", "ru"))}
    for lang, html in pages.items():
        strings = ui[lang]["status"]
        assert strings["to_look_at"] in html and strings["columns"][1] in html
        assert strings["states"]["missing"] in html and strings["states"]["unstamped"] in html
    ru = pages["ru"]
    # Each entry links to the translation and to its Slovak source (site under /sub/).
    assert '<a href="/sub/ru/area/guide/" hreflang="ru">перевод</a>' in ru
    assert '<a href="/sub/area/guide/" hreflang="sk">словацкий оригинал</a>' in ru
    # A missing translation has no page of its own to link to.
    assert 'href="/sub/en/area/guide/"' not in ru


def test_status_links_point_at_pages_and_the_github_change():
    import hashlib

    from scripts.editors.status import site_links

    links = site_links("https://example.org/guide/",
                       "https://github.com/o/r/edit/main/docs/", "sk")
    assert links.page("sk", "index.md") == "/guide/"
    assert links.page("ru", "residence/index.md") == "/guide/ru/residence/"
    assert links.page("en", "residence/fees.md") == "/guide/en/residence/fees/"
    anchor = hashlib.sha256(b"docs/sk/residence/fees.md").hexdigest()
    assert links.change("docs/sk/residence/fees.md", "abc123") == \
        f"https://github.com/o/r/compare/abc123...main#diff-{anchor}"
    assert links.change("docs/sk/a.md", None) == "https://github.com/o/r/commits/main/docs/sk/a.md"
    assert site_links("/", None, "sk").change("docs/sk/a.md", "abc") is None

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

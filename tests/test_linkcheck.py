"""The built-site crawl: finds broken links and anchors in raw HTML, and the real site has none."""

from __future__ import annotations

from scripts.quality.linkcheck import crawl


def test_crawl_catches_broken_link_and_anchor_in_raw_html(fixture_site):
    path = fixture_site.root / "docs/sk/area/guide.md"
    path.write_text(path.read_text(encoding="utf-8")
                    + '\n<p><a href="../nowhere/">x</a> <a href="../#no-such-anchor">y</a></p>\n',
                    encoding="utf-8")
    assert fixture_site.build().returncode == 0  # raw HTML links are not validated by MkDocs
    problems = crawl(fixture_site.root / "site", base_path="/sub/")
    urls = sorted(p["url"] for p in problems)
    assert any(u.endswith("/nowhere/") for u in urls), problems
    assert any(u.endswith("#no-such-anchor") for u in urls), problems
    assert all(p["page"].endswith("/area/guide/") for p in problems)


def test_real_site_has_no_broken_links(built):
    assert crawl(built, base_path="/sub/") == []

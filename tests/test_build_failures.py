"""A heading without an id, a broken link and a missing anchor each fail, on a tiny site."""

from __future__ import annotations


def test_fixture_builds(fixture_site):
    result = fixture_site.build()
    assert result.returncode == 0, result.stderr


def test_broken_link_fails_the_build(fixture_site):
    path = fixture_site.root / "docs/en/area/guide.md"
    path.write_text(path.read_text(encoding="utf-8") + "\n[x](missing.md)\n", encoding="utf-8")
    result = fixture_site.build()
    assert result.returncode != 0
    assert "missing.md" in result.stderr


def test_missing_anchor_fails_the_build(fixture_site):
    path = fixture_site.root / "docs/ru/index.md"
    path.write_text(path.read_text(encoding="utf-8").replace("#documents", "#nowhere"),
                    encoding="utf-8")
    result = fixture_site.build()
    assert result.returncode != 0
    assert "nowhere" in result.stderr


def test_absolute_link_fails_the_build(fixture_site):
    path = fixture_site.root / "docs/sk/area/guide.md"
    path.write_text(path.read_text(encoding="utf-8") + "\n[x](/en/area/guide/)\n", encoding="utf-8")
    result = fixture_site.build()
    assert result.returncode != 0


def test_heading_without_id_fails_the_check(fixture_site):
    path = fixture_site.root / "docs/ru/area/guide.md"
    path.write_text(path.read_text(encoding="utf-8") + "\n## Без идентификатора\n", encoding="utf-8")
    result = fixture_site.toolkit("check", "--no-git")
    assert result.returncode == 1
    assert "docs/ru/area/guide.md:13: [structure] The heading 'Без идентификатора' has no " \
           "explicit id." in result.stdout


def test_unknown_contacts_group_fails_the_build(fixture_site):
    path = fixture_site.root / "docs/sk/area/guide.md"
    path.write_text(path.read_text(encoding="utf-8") + "\n<!-- contacts: nope -->\n",
                    encoding="utf-8")
    result = fixture_site.build()
    assert result.returncode != 0
    assert "unknown contacts group 'nope'" in result.stderr

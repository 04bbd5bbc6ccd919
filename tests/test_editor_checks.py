"""What `make check` catches that once only the build (or nobody) caught: broken internal
links and anchors, an unfilled `make new` scaffold, a guide missing from its landing page,
YAML errors on the right line, and readable messages."""

from __future__ import annotations

import datetime as dt

import pytest

from scripts import checks
from scripts.model import load_site
from scripts.siteconfig import load_site_config


def run(site, *rules):
    model = load_site(load_site_config(site.root))
    options = checks.Options(today=dt.date(2026, 11, 21), use_git=False)
    return checks.run(model, options, list(rules) or None)


def replace(site, rel, old, new):
    path = site.root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.mark.parametrize("target,why", [
    ("../nowhere.md", "there is no page docs/sk/nowhere.md"),
    ("../index.md#no-such-id", "docs/sk/index.md has no heading with the id '#no-such-id'"),
    ("#missing", "docs/sk/area/guide.md has no heading with the id '#missing'"),
    ("../../en/index.md", "outside this language's folder"),
])
def test_broken_link_in_source_is_reported_on_its_line_not_copied(fixture_site, target, why):
    replace(fixture_site, "docs/sk/area/guide.md", "(../index.md)", f"({target})")
    found = run(fixture_site, "structure")
    assert [(f.path, f.line, f.rule) for f in found] == [
        ("docs/sk/area/guide.md", 15, "structure")], found
    assert why in found[0].message
    # Translators are not asked to copy the broken link (nor to drop their working one).
    assert not any(f.path.startswith(("docs/en", "docs/ru")) for f in found)


def test_broken_anchor_in_a_translation(fixture_site):
    replace(fixture_site, "docs/en/index.md", "area/guide.md#documents", "area/guide.md#docs")
    found = run(fixture_site, "structure")
    broken = [f for f in found if "does not work" in f.message]
    assert [(f.path, f.line) for f in broken] == [("docs/en/index.md", 7)]
    assert "docs/en/area/guide.md has no heading with the id '#docs'" in broken[0].message


def test_valid_links_and_anchors_pass(fixture_site):
    replace(fixture_site, "docs/sk/area/guide.md", "(../index.md)", "(#documents)")
    for lang in ("en", "ru"):
        replace(fixture_site, f"docs/{lang}/area/guide.md", "(../index.md)", "(#documents)")
    assert run(fixture_site, "structure") == []


def test_unfilled_scaffold_is_reported(fixture_site):
    assert fixture_site.toolkit("new", "area/new-page.md").returncode == 0
    found = run(fixture_site, "structure")
    sk = {f.line: f.message for f in found if f.path == "docs/sk/area/new-page.md"}
    assert "the English placeholder" in sk[2]          # title: New page
    assert "the description" in sk[3]
    assert "the law in the sources" in sk[7]
    assert "the introduction" in sk[11]
    assert "placeholder" in sk[15]                      # the lone '…'
    en = {f.line: f.message for f in found if f.path == "docs/en/area/new-page.md"}
    assert "the note asking for a translation" in en[7]
    assert 2 not in en                                  # 'New page' is a fine English title
    ru = {f.line for f in found if f.path == "docs/ru/area/new-page.md"}
    assert 2 in ru


def test_guide_missing_from_landing_page(fixture_site):
    for lang in ("sk", "en", "ru"):
        fixture_site.write(f"docs/{lang}/area/index.md",
                           "---\ntitle: Oblasť\ndescription: Oblasť.\n---\n\nText.\n")
    fixture_site.toolkit("stamp", "--all")
    found = [f for f in run(fixture_site, "structure") if "landing page" in f.message]
    assert [(f.path, f.line) for f in found] == [("docs/sk/area/guide.md", 1)]
    assert "docs/sk/area/index.md" in found[0].message and "(guide.md)" in found[0].hint
    for lang in ("sk", "en", "ru"):
        replace(fixture_site, f"docs/{lang}/area/index.md", "Text.", "[Návod](guide.md)")
    assert not [f for f in run(fixture_site, "structure") if "landing page" in f.message]


def test_heading_messages_use_ordinals(fixture_site):
    replace(fixture_site, "docs/en/area/guide.md", "#documents", "#papers")
    found = run(fixture_site, "structure")
    assert found[0].message.startswith("The 1st heading should be")


def test_ordinal():
    from scripts.checks.structure import ordinal

    assert [ordinal(n) for n in (1, 2, 3, 4, 9, 11, 12, 13, 21, 22, 103, 111)] == [
        "1st", "2nd", "3rd", "4th", "9th", "11th", "12th", "13th", "21st", "22nd", "103rd",
        "111th"]


@pytest.mark.parametrize("old,new,line", [
    # a key without ':' is noticed by YAML only on the next line
    ("description: Testovacia stránka.", "description Testovacia stránka.", 3),
    # an unclosed quote is noticed at the end of the front matter
    ("title: Guide sk", 'title: "Guide sk', 2),
])
def test_yaml_error_points_at_the_real_line(fixture_site, old, new, line):
    replace(fixture_site, "docs/sk/area/guide.md", old, new)
    found = [f for f in run(fixture_site) if "not valid YAML" in f.message]
    assert [(f.path, f.line) for f in found] == [("docs/sk/area/guide.md", line)]


def test_stamp_says_when_there_is_nothing_to_stamp(fixture_site):
    result = fixture_site.toolkit("stamp", "area/guide.md")
    assert result.returncode == 0
    assert "Nothing to stamp: docs/en/area/guide.md, docs/ru/area/guide.md already match" \
        in result.stdout

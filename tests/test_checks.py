"""Every rule of the content checks, each on a fixture site with exactly one defect."""

from __future__ import annotations

import datetime as dt

import pytest

from scripts import checks
from scripts.model import load_site
from scripts.siteconfig import load_site_config


def run(site, *rules, today="2026-11-21", strict_freshness=False):
    model = load_site(load_site_config(site.root))
    options = checks.Options(today=dt.date.fromisoformat(today),
                             strict_freshness=strict_freshness, use_git=False)
    return checks.run(model, options, list(rules) or None)


def errors(findings):
    return [f for f in findings if f.severity == "error"]


def only(findings, rule):
    return [(f.path, f.line) for f in findings if f.rule == rule]


def test_valid_fixture_passes(fixture_site):
    assert run(fixture_site) == []


def test_missing_translation(fixture_site):
    (fixture_site.root / "docs/ru/area/guide.md").unlink()
    found = run(fixture_site, "parity")
    assert only(found, "parity") == [("docs/ru/area/guide.md", 1)]
    assert "missing" in found[0].message and "new area/guide.md" in found[0].hint


def test_orphan_translation(fixture_site):
    fixture_site.write("docs/en/area/extra.md", "---\ntitle: X\ndescription: Y\n---\n")
    found = run(fixture_site, "parity")
    assert ("docs/en/area/extra.md", 1) in only(found, "parity")
    assert any("no Slovak source" in f.message for f in found)


def test_page_not_in_nav(fixture_site):
    text = (fixture_site.root / "docs/sk/area/guide.md").read_text(encoding="utf-8")
    fixture_site.write("docs/sk/area/other.md", text)
    found = run(fixture_site, "parity")
    assert ("docs/sk/area/other.md", 1) in only(found, "parity")


def test_heading_without_id(fixture_site):
    path = fixture_site.root / "docs/sk/area/guide.md"
    path.write_text(path.read_text(encoding="utf-8") + "\n## Bez id\n\nText.\n", encoding="utf-8")
    found = [f for f in run(fixture_site, "structure") if "no explicit id" in f.message]
    assert [(f.path, f.line) for f in found] == [("docs/sk/area/guide.md", 17)]


def test_heading_id_differs_in_translation(fixture_site):
    path = fixture_site.root / "docs/en/area/guide.md"
    path.write_text(path.read_text(encoding="utf-8").replace("#documents", "#papers"),
                    encoding="utf-8")
    found = run(fixture_site, "structure")
    # The English home page's link to #documents now breaks too, and says so.
    assert only(found, "structure") == [("docs/en/area/guide.md", 9), ("docs/en/index.md", 7)]
    assert "#documents" in found[0].message


def test_internal_link_differs(fixture_site):
    path = fixture_site.root / "docs/ru/area/guide.md"
    path.write_text(path.read_text(encoding="utf-8").replace("../index.md", "guide.md"),
                    encoding="utf-8")
    found = only(run(fixture_site, "structure"), "structure")
    assert ("docs/ru/area/guide.md", 11) in found


def test_period_changed_only_in_slovak(fixture_site):
    path = fixture_site.root / "docs/sk/area/guide.md"
    path.write_text(path.read_text(encoding="utf-8").replace("90 dní", "60 dní"), encoding="utf-8")
    found = [f for f in run(fixture_site, "facts")]
    assert [(f.path, f.line) for f in found] == [
        ("docs/en/area/guide.md", 7), ("docs/ru/area/guide.md", 7)]
    assert "90 days" in found[0].message and "60 dní" in found[0].message
    assert "docs/sk/area/guide.md:11" in found[0].message


@pytest.mark.parametrize("written", ["250 EUR", "250,00 €", "EUR 250", "250 eur"])
def test_money_notations_are_equal(fixture_site, written):
    for code, amount in (("sk", "250 €"), ("en", written), ("ru", "250 €")):
        path = fixture_site.root / f"docs/{code}/area/guide.md"
        path.write_text(path.read_text(encoding="utf-8") + f"\n{amount}\n", encoding="utf-8")
    assert run(fixture_site, "facts") == []


def test_phone_number_differs(fixture_site):
    for code, text in (("sk", "Volajte 0850 211 478."), ("en", "Call 0850211478."),
                       ("ru", "Звоните 0850 211 479.")):
        path = fixture_site.root / f"docs/{code}/area/guide.md"
        path.write_text(path.read_text(encoding="utf-8") + f"\n{text}\n", encoding="utf-8")
    found = run(fixture_site, "facts")
    assert [(f.path, f.line) for f in found] == [("docs/ru/area/guide.md", 13)]


def test_allowed_fact_difference(fixture_site):
    path = fixture_site.root / "docs/en/area/guide.md"
    text = path.read_text(encoding="utf-8").replace(
        "description: A test page.",
        "description: A test page.\nallowed_fact_differences:\n"
        "  - fact: https://example.org/en\n    reason: English version of the page")
    path.write_text(text + "\nSee https://example.org/en.\n", encoding="utf-8")
    assert run(fixture_site, "facts") == []


def test_outdated_translation_without_git(fixture_site):
    path = fixture_site.root / "docs/sk/area/guide.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nNová veta.\n", encoding="utf-8")
    found = run(fixture_site, "outdated")
    assert sorted(only(found, "outdated")) == [("docs/en/area/guide.md", 4),
                                                ("docs/ru/area/guide.md", 4)]


def test_whitespace_and_punctuation_do_not_outdate(fixture_site):
    path = fixture_site.root / "docs/sk/area/guide.md"
    text = path.read_text(encoding="utf-8").replace(
        "Poplatok je {{ fact:visa-national-fee }} a lehota",
        "Poplatok  je **{{ fact:visa-national-fee }}**, a\nlehota")
    path.write_text(text, encoding="utf-8")
    assert run(fixture_site, "outdated") == []


@pytest.mark.parametrize("line,expected,where", [
    ("last_reveiwed: 2026-11-01", "Did you mean 'last_reviewed'", 4),
    ("review_by: 2026-02-30", "impossible date", 5),
])
def test_front_matter_key_errors(fixture_site, line, expected, where):
    path = fixture_site.root / "docs/sk/area/guide.md"
    text = path.read_text(encoding="utf-8")
    key = line.split(":")[0]
    if key == "last_reveiwed":
        text = text.replace("last_reviewed: 2026-11-01", line)
    else:
        text = text.replace("review_by: 2027-05-01", line)
    path.write_text(text, encoding="utf-8")
    found = run(fixture_site, "front-matter")
    assert any(expected in (f.message + f.hint) and f.line == where for f in found), found


@pytest.mark.parametrize("rel,old,new,line", [
    # review_by before last_reviewed
    ("docs/sk/area/guide.md", "2027-05-01", "2026-01-01", 5),
    # a source without https
    ("docs/sk/area/guide.md", "https://www.slov", "http://www.slov", 6),
    # review dates belong only in the Slovak source
    ("docs/en/area/guide.md", "description: A test page.",
     "description: A test page.\nlast_reviewed: 2026-11-01", 4),
])
def test_front_matter_value_errors(fixture_site, rel, old, new, line):
    path = fixture_site.root / rel
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    found = run(fixture_site, "front-matter")
    assert [(f.path, f.line) for f in found] == [(rel, line)]


def test_freshness_warns_then_fails_in_strict_mode(fixture_site):
    found = run(fixture_site, "freshness", today="2027-06-01")
    assert [(f.path, f.line, f.severity) for f in found] == [
        ("docs/sk/area/guide.md", 5, "warning")]
    strict = run(fixture_site, "freshness", today="2027-06-01", strict_freshness=True)
    assert [f.severity for f in strict] == ["error"]


@pytest.mark.parametrize("snippet,what", [
    ("<script>alert(1)</script>", "<script>"),
    ('<iframe src="https://x.example"></iframe>', "<iframe>"),
    ('<object data="x"></object>', "<object>"),
    ('<embed src="x">', "<embed>"),
    ('<span onclick="steal()">x</span>', "event handlers"),
    ("[x](javascript:alert(1))", "run code"),
    ("[x](data:text/html;base64,AAAA)", "run code"),
    ("[x](http://example.org/)", "not secure"),
    ("![](picture.png)", "no alt text"),
    ("[x](../../en/index.md)", "out of the sk pages"),
    ("[x](/en/index.md)", "absolute"),
    ("<!-- contacts: nonexistent -->", "Unknown contacts group"),
])
def test_safety(fixture_site, snippet, what):
    path = fixture_site.root / "docs/sk/area/guide.md"
    path.write_text(path.read_text(encoding="utf-8") + f"\n{snippet}\n", encoding="utf-8")
    found = [f for f in run(fixture_site, "safety") if what in f.message]
    assert [(f.path, f.line) for f in found] == [("docs/sk/area/guide.md", 17)], found


@pytest.mark.parametrize("content,expected", [
    (b"---\ntitle: [unclosed\ndescription: x\n---\n", "not valid YAML"),
    (b"", "empty"),
    (b"---\ntitle: Only front matter\ndescription: x\n---\n", None),
    (b"---\ntitle: \xff\xfe broken\n---\n", "not valid UTF-8"),
    ("\ufeff---\ntitle: BOM\ndescription: x\n---\n".encode(), "byte order mark"),
    (b"---\ntitle: never closed\n", "not closed"),
    (b"No front matter at all.\n", "no front matter"),
])
def test_bad_files_give_findings_not_crashes(fixture_site, content, expected):
    path = fixture_site.root / "docs/en/index.md"
    path.write_bytes(content)
    found = [f for f in run(fixture_site) if f.path == "docs/en/index.md"]
    if expected is None:
        # Only front matter: valid YAML, but the translation is not stamped.
        # (the source's link is missing too: a structure finding, not a crash).
        assert {f.rule for f in found} <= {"front-matter", "structure"}
        assert any("not stamped" in f.message for f in found)
    else:
        assert any(expected in f.message for f in found), found

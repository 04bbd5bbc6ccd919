"""One fact, one place; one term, one word; data files checked like pages.

Each rule on a fixture site with exactly one defect, asserting rule, file and line;
the build renders a registered value in every language's notation, and changing the
value in data/facts.yml changes every page that shows it.
"""

from __future__ import annotations

import datetime as dt
import re

import yaml
from test_checks import run

from scripts import registry

FACT = "{{ fact:visa-national-fee }}"


def append(site, rel: str, text: str) -> None:
    path = site.root / rel
    path.write_text(path.read_text(encoding="utf-8") + "\n" + text + "\n", encoding="utf-8")


def lines_of(site, rel: str, needle: str) -> int:
    text = (site.root / rel).read_text(encoding="utf-8").split("\n")
    return next(n for n, line in enumerate(text, start=1) if needle in line)


def by_rule(findings, rule):
    return [(f.path, f.line) for f in findings if f.rule == rule]


def set_fact(site, fact_id: str, **values) -> None:
    path = site.root / "data/facts.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data.setdefault(fact_id, {}).update(values)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


SENTENCES = {
    "sk": "Poplatok za prechodný pobyt na účel zamestnania je 260 €.",
    "en": "The fee for temporary residence for employment is €260.",
    "ru": "Пошлина за ВНЖ с целью трудоустройства составляет 260 €.",
}


def test_same_wrong_fee_typed_in_every_language_and_stamped_is_an_error(fixture_site):
    for lang, sentence in SENTENCES.items():
        append(fixture_site, f"docs/{lang}/area/guide.md", sentence)
    assert fixture_site.toolkit("stamp", "--all").returncode == 0  # the languages agree
    found = [f for f in run(fixture_site) if f.rule == "registered-facts"]
    assert by_rule(found, "registered-facts") == [
        (f"docs/{lang}/area/guide.md", lines_of(fixture_site, f"docs/{lang}/area/guide.md", "260"))
        for lang in ("en", "ru", "sk")]
    assert "260" in found[0].message and "{{ fact:ID }}" in found[0].hint
    check = fixture_site.toolkit("check")
    assert check.returncode == 1 and "Traceback" not in check.stderr


def test_contradicting_registered_fee_names_fact_value_and_reference(fixture_site):
    sentences = {"sk": "Národné vízum stojí 14 €.", "en": "A national visa costs €14.",
                 "ru": "Национальная виза стоит 14 €."}
    for lang, sentence in sentences.items():
        append(fixture_site, f"docs/{lang}/area/guide.md", sentence)
    fixture_site.toolkit("stamp", "--all")
    found = [f for f in run(fixture_site) if f.rule == "registered-facts"]
    assert len(found) == 3
    for finding in found:
        assert "registered value is" in finding.message and "90" in finding.message
        assert "visa-national-fee" in finding.message
        assert "{{ fact:visa-national-fee }}" in finding.hint


def test_registered_value_typed_by_hand_is_an_error(fixture_site):
    append(fixture_site, "docs/sk/area/guide.md", "Za národné vízum zaplatíte 90 €.")
    found = [f for f in run(fixture_site, "registered-facts")]
    assert by_rule(found, "registered-facts") == [("docs/sk/area/guide.md", 17)]
    assert "{{ fact:visa-national-fee }}" in found[0].hint


def test_unknown_reference(fixture_site):
    append(fixture_site, "docs/en/area/guide.md", "It costs {{ fact:visa-nationl-fee }}.")
    found = run(fixture_site, "registered-facts")
    assert by_rule(found, "registered-facts") == [("docs/en/area/guide.md", 13)]
    assert "names no registered fact" in found[0].message
    assert "visa-national-fee" in found[0].hint
    result = fixture_site.build()
    assert result.returncode != 0 and "names no registered fact" in result.stderr


def test_period_named_by_a_registered_fact_must_be_the_reference(fixture_site):
    set_fact(fixture_site, "test-decision-period", value=60, unit="days", valid_from="2024-01-01",
             source="https://www.slov-lex.sk/pravne-predpisy/SK/ZZ/2011/404/",
             checked_on="2026-11-21", label={"sk": "Lehota na rozhodnutie", "en": "Decision period",
                                             "ru": "Срок решения"},
             mentions={"sk": ["rozhodn"], "en": ["decide"], "ru": ["решени"]})
    append(fixture_site, "docs/sk/area/guide.md", "Polícia rozhodne\ndo 90 dní.")
    found = run(fixture_site, "registered-facts")
    assert by_rule(found, "registered-facts") == [("docs/sk/area/guide.md", 18)]
    assert "60 dní" in found[0].message
    # The same period written as the reference passes, and renders in each language.
    path = fixture_site.root / "docs/sk/area/guide.md"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "do 90 dní", "do {{ fact:test-decision-period }}"), encoding="utf-8")
    assert run(fixture_site, "registered-facts") == []


def test_table_row_is_matched_against_its_own_row(fixture_site):
    rows = {"sk": "| Úkon | Lehota |\n|---|---|\n| A | 30 dní |\n| B | 60 dní |",
            "en": "| Step | Time |\n|---|---|\n| A | 60 days |\n| B | 60 days |",
            "ru": "| Шаг | Срок |\n|---|---|\n| A | 30 дней |\n| B | 60 дней |"}
    for lang, table in rows.items():
        append(fixture_site, f"docs/{lang}/area/guide.md", table)
    found = run(fixture_site, "facts")
    assert by_rule(found, "facts") == [("docs/en/area/guide.md", 15)]
    assert "same row" in found[0].message and "30 dní" in found[0].message


def test_registered_value_renders_in_each_language_and_follows_the_register(fixture_site):
    assert fixture_site.build().returncode == 0
    site = fixture_site.root / "site"
    expected = {"area/guide/index.html": "90\u00a0€", "en/area/guide/index.html": "€90",
                "ru/area/guide/index.html": "90\u00a0€"}
    for rel, shown in expected.items():
        assert shown in (site / rel).read_text(encoding="utf-8"), rel
    set_fact(fixture_site, "visa-national-fee", value=1234.5)
    assert fixture_site.build().returncode == 0
    expected = {"area/guide/index.html": "1\u00a0234,50\u00a0€",
                "en/area/guide/index.html": "€1,234.50",
                "ru/area/guide/index.html": "1\u00a0234,50\u00a0€"}
    for rel, shown in expected.items():
        html = (site / rel).read_text(encoding="utf-8")
        assert shown in html, rel
        assert not re.search(r"(?<![\d,.])90\u00a0€|€90\b", html), rel
    assert run(fixture_site, "facts", "registered-facts") == []


def test_decided_future_value_takes_over_on_its_date():
    fact = registry.RegisteredFact("x", 250, "EUR", dt.date(2024, 4, 1), "https://x", None, {},
                                   next_value=300, next_valid_from=dt.date(2027, 1, 1))
    assert registry.render(fact, "en", today=dt.date(2026, 12, 31)) == "€250"
    assert registry.render(fact, "en", today=dt.date(2027, 1, 1)) == "€300"
    assert registry.render(fact, "sk", today=dt.date(2027, 1, 1)) == "300\u00a0€"


def test_units_take_the_plural_form_of_each_language():
    def days(n, lang):
        fact = registry.RegisteredFact("d", n, "days", None, "", None, {})
        return registry.render(fact, lang).replace("\u00a0", " ")

    assert [days(n, "sk") for n in (1, 3, 5)] == ["1 deň", "3 dni", "5 dní"]
    assert [days(n, "ru") for n in (1, 3, 5, 21)] == ["1 день", "3 дня", "5 дней", "21 день"]
    assert [days(n, "en") for n in (1, 30)] == ["1 day", "30 days"]


# --- preferred terms ------------------------------------------------------------------

def test_discouraged_russian_term_in_any_form_even_across_a_line_break(fixture_site):
    append(fixture_site, "docs/ru/area/guide.md", "Обратитесь в отделение иностранной\nполиции.")
    found = run(fixture_site, "terms")
    assert by_rule(found, "terms") == [("docs/ru/area/guide.md", 13)]
    assert "полиция по делам иностранцев" in found[0].hint
    append(fixture_site, "docs/ru/area/guide.md", "Иностранную полицию легко найти.")
    assert len(run(fixture_site, "terms")) == 2


def test_discouraged_english_term(fixture_site):
    append(fixture_site, "docs/en/area/guide.md", "Ask the Alien Police.")
    found = run(fixture_site, "terms")
    assert by_rule(found, "terms") == [("docs/en/area/guide.md", 13)]
    assert "Foreign Police" in found[0].hint


def test_discouraged_term_in_a_data_file(fixture_site):
    path = fixture_site.root / "data/contacts.yml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("ru: только из Словакии", "ru: звонок в иностранную полицию, только из Словакии")
    path.write_text(text, encoding="utf-8")
    found = run(fixture_site, "terms")
    line = next(n for n, t in enumerate(text.split("\n"), start=1) if "иностранную" in t)
    assert by_rule(found, "terms") == [("data/contacts.yml", line)]


# --- data files ------------------------------------------------------------------------

def _break(site, name, old, new):
    path = site.root / "data" / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    return text


def _line(text, needle):
    return next(n for n, t in enumerate(text.split("\n"), start=1) if needle in t)


def test_unclosed_quote_in_contacts(fixture_site):
    text = _break(fixture_site, "contacts.yml", 'phone: "0850 211 478"', 'phone: "0850 211 478')
    result = fixture_site.toolkit("check")
    assert result.returncode == 1 and "Traceback" not in result.stdout + result.stderr
    assert "data/contacts.yml:" in result.stdout and "not valid YAML" in result.stdout
    built = fixture_site.build()
    assert built.returncode != 0 and "Traceback" not in built.stderr
    assert "data/contacts.yml" in built.stderr and "index.md" not in built.stderr.split("ERROR")[-1]
    assert text


def test_impossible_date_in_contacts(fixture_site):
    text = _break(fixture_site, "contacts.yml", "checked_on: 2026-11-21", "checked_on: 2026-13-45")
    found = run(fixture_site, "data")
    assert by_rule(found, "data") == [("data/contacts.yml", _line(text, "2026-13-45"))]
    assert "not a real date" in found[0].message
    built = fixture_site.build()
    assert built.returncode != 0 and "not a real date" in built.stderr


def test_misspelt_key_in_contacts(fixture_site):
    text = _break(fixture_site, "contacts.yml", 'phone: "0850 211 478"', 'phnoe: "0850 211 478"')
    found = [f for f in run(fixture_site, "data") if "phnoe" in f.message]
    assert [(f.path, f.line) for f in found] == [("data/contacts.yml", _line(text, "phnoe"))]
    assert "Did you mean 'phone'" in found[0].hint


def test_glossary_entry_without_a_language(fixture_site):
    text = _break(fixture_site, "glossary.yml",
                  "  ru: временное проживание", "  # ru: временное проживание")
    found = run(fixture_site, "data")
    assert [f.rule for f in found] == ["data"] and "lacks 'ru'" in found[0].message
    assert found[0].path == "data/glossary.yml"
    assert found[0].line <= _line(text, "# ru: временное проживание")


def test_news_entry_pointing_at_a_missing_page(fixture_site):
    path = fixture_site.root / "data/news.yml"
    entry = {"date": dt.date(2026, 1, 1), "pages": ["area/no-such-guide.md"],
             **{lang: {"title": "T", "summary": "S"} for lang in ("sk", "en", "ru")}}
    path.write_text(yaml.safe_dump([entry], allow_unicode=True), encoding="utf-8")
    found = run(fixture_site, "data")
    assert by_rule(found, "data") == [("data/news.yml", 4)]
    assert "no-such-guide.md" in found[0].message


def test_group_listing_an_unknown_contact(fixture_site):
    text = _break(fixture_site, "contacts.yml", "  free-help: [mic-hotline,",
                  "  free-help: [mic-hotlne,")
    found = run(fixture_site, "data")
    assert by_rule(found, "data") == [("data/contacts.yml", _line(text, "mic-hotlne"))]
    assert "Did you mean 'mic-hotline'" in found[0].hint


def test_fact_without_source(fixture_site):
    text = _break(fixture_site, "facts.yml",
                  "  source: https://mzv.sk/en/web/pariz/sluzby/poplatky\n", "")
    found = run(fixture_site, "data")
    assert [f.message for f in found] == ["visa-national-fee lacks 'source'."]
    assert found[0].line == _line(text, "visa-national-fee:")


def test_contact_past_its_review_is_reported(fixture_site):
    found = run(fixture_site, "data", today="2027-08-01")
    assert found and all(f.severity == "warning" for f in found)
    assert any("mic-hotline" in f.message and f.path == "data/contacts.yml" for f in found)
    status = fixture_site.toolkit("status", "--no-git").stdout
    assert "Facts and contacts past their review" in status

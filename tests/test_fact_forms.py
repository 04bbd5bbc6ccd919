"""How the fact check reads numbers, dates, durations and amounts in each language's own
forms (data/words.yml), and the parity rule that compares them with the Slovak source."""

from __future__ import annotations

import pytest

from conftest import REPO
from scripts import facts
from sitefactory import FixtureSite

DATA = REPO / "data"


def found(text: str, lang: str) -> list[tuple[str, str]]:
    return [(f.kind, f.value) for f in facts.extract(text, 1, lang, DATA)]


@pytest.mark.parametrize("lang, text, expected", [
    ("sk", "Od 1. apríla 2024 platíte 250 € do 15 dní.",
     [("date", "2024-04-01"), ("money", "250 EUR"), ("duration", "15 day")]),
    ("sk", "Lehota je 3 pracovné dni, poplatok 33 eur.",
     [("money", "33 EUR"), ("duration", "3 day")]),
    ("en", "From 1 April 2024 you pay €250 within 15 days.",
     [("date", "2024-04-01"), ("money", "250 EUR"), ("duration", "15 day")]),
    ("ru", "С 1 апреля 2024 года вы платите 250 € в течение 15 дней.",
     [("date", "2024-04-01"), ("money", "250 EUR"), ("duration", "15 day")]),
    ("ru", "Решение – через 9 месяцев, сбор 33 евро.",
     [("money", "33 EUR"), ("duration", "9 month")]),
    ("uk", "З 1 квітня 2024 року ви платите 250 € протягом 15 днів.",
     [("date", "2024-04-01"), ("money", "250 EUR"), ("duration", "15 day")]),
    ("uk", "Строк – 3 робочі дні, а рішення – через 2 місяці.",
     [("duration", "3 day"), ("duration", "2 month")]),
    ("uk", "Карта дійсна 5 років, збір 33 євро.",
     [("money", "33 EUR"), ("duration", "5 year")]),
    ("uk", "Подати заяву можна до 31 грудня 2025 року, щонайменше за 1 день.",
     [("date", "2025-12-31"), ("duration", "1 day")]),
    # `8-го числа` is a day of the month, not a period of 8 of something.
    ("uk", "Платіть до 8-го числа наступного місяця.", []),
    ("ru", "Платите до 8-го числа следующего месяца.", []),
])
def test_each_language_reads_its_own_forms(lang, text, expected):
    assert sorted(found(text, lang)) == sorted(expected)


@pytest.fixture
def uk_site(tmp_path) -> FixtureSite:
    return FixtureSite(tmp_path, languages=("sk", "en", "ru", "uk")).standard()


def test_ukrainian_translation_passes_when_its_figures_match(uk_site):
    result = uk_site.toolkit("check")
    assert result.returncode == 0, result.stdout


def test_ukrainian_period_that_differs_from_the_slovak_is_reported(uk_site):
    path = uk_site.root / "docs/uk/area/guide.md"
    path.write_text(path.read_text(encoding="utf-8").replace("90 днів", "60 днів"), encoding="utf-8")
    result = uk_site.toolkit("check")
    assert result.returncode == 1
    assert "docs/uk/area/guide.md:7: [facts]" in result.stdout, result.stdout
    assert "Change 60 днів to the source's period (90 dní)" in result.stdout


def test_ukrainian_amount_written_by_hand_must_be_a_registered_fact(uk_site):
    path = uk_site.root / "docs/uk/area/guide.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("90 днів.", "90 днів, а довідка коштує 12 євро."), encoding="utf-8")
    sk = uk_site.root / "docs/sk/area/guide.md"
    text = sk.read_text(encoding="utf-8")
    sk.write_text(text.replace("90 dní.", "90 dní a potvrdenie stojí 12 eur."), encoding="utf-8")
    result = uk_site.toolkit("check")
    assert "docs/uk/area/guide.md:7: [registered-facts] The amount 12 євро is typed by hand" in result.stdout

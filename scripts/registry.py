"""Registered facts (data/facts.yml): every fee, deadline and amount a reader acts on,
written once and shown on any page, in any language, through `{{ fact:ID }}`.

This module reads the register and renders a value in a language's own notation
(`250 €`, `€250`, `30 dní`, `30 days`, `30 дней`); the notation of each language
is data (data/words.yml), so a new language needs no code here.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from babel import Locale
from babel.numbers import format_decimal

from scripts import sitedata

# `{{ fact:visa-national-fee }}` or `{{ fact:visa-national-fee | number }}`
REFERENCE = re.compile(r"\{\{\s*fact\s*:\s*([\w.-]*)\s*(?:\|\s*(\w+)\s*)?\}\}")
MODES = ("full", "number")
MONEY_UNITS = {"EUR"}
DURATION_UNITS = {"days": "day", "working-days": "day", "weeks": "week", "months": "month",
                  "years": "year", "hours": "hour"}
UNITS = MONEY_UNITS | {"percent", "number"} | set(DURATION_UNITS)
NBSP = "\u00a0"


@dataclass(frozen=True)
class RegisteredFact:
    id: str
    value: float
    unit: str
    valid_from: dt.date | None
    source: str
    checked_on: dt.date | None
    label: dict[str, str]
    mentions: dict[str, tuple[str, ...]] = field(default_factory=dict)
    review_months: int = 6
    next_value: float | None = None
    next_valid_from: dt.date | None = None

    def value_on(self, day: dt.date) -> float:
        """The value in force on `day` (a decided future value takes over on its date)."""
        if self.next_value is not None and self.next_valid_from and day >= self.next_valid_from:
            return self.next_value
        return self.value

    def review_due(self) -> dt.date | None:
        if self.checked_on is None:
            return None
        month = self.checked_on.month - 1 + self.review_months
        year = self.checked_on.year + month // 12
        month = month % 12 + 1
        day = min(self.checked_on.day, 28)
        return dt.date(year, month, day)

    @property
    def kind(self) -> str:
        """The fact check's kind for this unit (money, percent, duration)."""
        if self.unit in MONEY_UNITS:
            return "money"
        if self.unit == "percent":
            return "percent"
        if self.unit in DURATION_UNITS:
            return "duration"
        return "number"


def _number(value) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value)


def _date(value) -> dt.date | None:
    return value if isinstance(value, dt.date) else None


@cache
def register(data_dir: Path = sitedata.DATA_DIR) -> dict[str, RegisteredFact]:
    """The register as loaded; entries too broken to use are skipped here and
    reported by the data check (scripts/checks/data.py)."""
    try:
        raw = sitedata.load_yaml("facts.yml", data_dir)
    except (OSError, ValueError):
        return {}
    out: dict[str, RegisteredFact] = {}
    if not isinstance(raw, dict):
        return out
    for key, entry in raw.items():
        if not isinstance(entry, dict):
            continue
        value = _number(entry.get("value"))
        if value is None or entry.get("unit") not in UNITS:
            continue
        nxt = entry.get("next") if isinstance(entry.get("next"), dict) else {}
        mentions = {}
        for lang, words in (entry.get("mentions") or {}).items():
            if isinstance(words, list):
                mentions[str(lang)] = tuple(str(w) for w in words)
        out[str(key)] = RegisteredFact(
            id=str(key), value=value, unit=entry["unit"],
            valid_from=_date(entry.get("valid_from")), source=str(entry.get("source") or ""),
            checked_on=_date(entry.get("checked_on")),
            label={str(k): str(v) for k, v in (entry.get("label") or {}).items()}
            if isinstance(entry.get("label"), dict) else {},
            mentions=mentions,
            review_months=entry.get("review_months") if isinstance(entry.get("review_months"), int)
            else 6,
            next_value=_number(nxt.get("value")), next_valid_from=_date(nxt.get("valid_from")))
    return out


_rendered: dict[tuple, str] = {}


def clear_cache() -> None:
    register.cache_clear()
    _notation.cache_clear()
    _rendered.clear()


@cache
def _notation(lang: str, data_dir: Path) -> dict:
    words = sitedata.load_yaml("words.yml", data_dir).get(lang) or {}
    try:
        locale = sitedata.ui(lang, data_dir)["date_locale"]
    except KeyError:
        locale = lang
    return {"locale": locale, "plural": Locale.parse(locale).plural_form,
            "formats": words.get("formats") or {},
            "unit_words": words.get("unit_words") or {}}


def format_number(value: float, lang: str, data_dir: Path = sitedata.DATA_DIR,
                  money: bool = False) -> str:
    locale = _notation(lang, data_dir)["locale"]
    whole = float(value).is_integer()
    pattern = "#,##0" if whole else ("#,##0.00" if money else "#,##0.###")
    return format_decimal(value, format=pattern, locale=locale)


def render(fact: RegisteredFact, lang: str, mode: str = "full",
           data_dir: Path = sitedata.DATA_DIR, today: dt.date | None = None) -> str:
    """A fact's value in the page language: `250 €` (sk), `€250` (en), `30 дней` (ru)."""
    value = fact.value_on(today or dt.date.today())
    notation = _notation(lang, data_dir)
    number = format_number(value, lang, data_dir, money=fact.unit in MONEY_UNITS)
    if mode == "number" or fact.unit == "number":
        return number
    formats = notation["formats"]
    if fact.unit in MONEY_UNITS:
        return formats.get("money", "{n} €").format(n=number).replace(" ", NBSP)
    if fact.unit == "percent":
        return formats.get("percent", "{n} %").format(n=number).replace(" ", NBSP)
    forms = notation["unit_words"].get(fact.unit) or {}
    category = notation["plural"](value)
    word = forms.get(category) or forms.get("other") or fact.unit
    return f"{number}{NBSP}{word}"


class UnknownFact(KeyError):
    pass


def expand(text: str, lang: str, data_dir: Path = sitedata.DATA_DIR,
           today: dt.date | None = None, strict: bool = True) -> str:
    """Replace every reference in `text` by its rendered value. An unknown id raises
    UnknownFact when `strict`, and is left as written otherwise."""
    if "{{" not in text:
        return text
    facts = register(data_dir)

    def replace(match: re.Match[str]) -> str:
        fact = facts.get(match.group(1))
        mode = match.group(2) or "full"
        if fact is None or mode not in MODES:
            if strict:
                raise UnknownFact(match.group(0))
            return match.group(0)
        # Formatting through Babel is slow; a page set repeats the same few facts.
        key = (fact.id, fact.value, fact.unit, fact.next_value, fact.next_valid_from, lang, mode,
               data_dir, today or dt.date.today())
        if key not in _rendered:
            _rendered[key] = render(fact, lang, mode, data_dir, today)
        return _rendered[key]

    return REFERENCE.sub(replace, text)


def stem_pattern(phrase: str, endings: list[str], regex_words: bool = True) -> str:
    """A regular expression for `phrase` in any of its inflected forms: each word loses
    its longest known ending and may take up to four letters back (`prechodný pobyt`
    also finds `prechodného pobytu`, `иностранная полиция` finds `иностранной полиции`);
    words may be split across a line break. With `regex_words`, a word written with
    `\\w` or other regex syntax is used as it stands (editors' `mentions`); short words
    and words with other characters than letters are matched as written."""
    parts = []
    for word in phrase.split():
        if regex_words and re.search(r"[\\\[\](){}|*+?]", word):
            parts.append(word)
            continue
        lower = word.lower()
        if len(word) <= 3 or not word.isalpha():
            parts.append(re.escape(lower))
            continue
        stem = lower
        for ending in sorted(endings, key=len, reverse=True):
            if lower.endswith(ending) and len(lower) - len(ending) >= 3:
                stem = lower[: -len(ending)]
                break
        parts.append(re.escape(stem) + r"\w{0,4}")
    return r"(?<!\w)" + r"\s+".join(parts) + r"(?!\w)"


def endings(lang: str, data_dir: Path = sitedata.DATA_DIR) -> list[str]:
    words = sitedata.load_yaml("words.yml", data_dir).get(lang) or {}
    return [str(e) for e in words.get("endings") or []]

"""Facts a reader acts on, extracted from a page's prose and normalised so that
the same fact written in different languages compares equal:
`165,50 €` = `€165.50` = `165.50 EUR`; `0850 211 478` = `0850211478`;
`1. apríla 2024` = `1 April 2024` = `1 апреля 2024`; `90 dní` = `90 days`.

Kinds: money, percent, duration, date, phone, email, url, law.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from scripts import sitedata

_SPACE = "[ \u00a0\u202f\u2009]"
# `1 200,50`, `1,200.50`, `1.200,50`, `165,50`, `90`
_NUMBER = (rf"\d{{1,3}}(?:{_SPACE}\d{{3}})+(?:[.,]\d+)?|\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?"
           rf"|\d{{1,3}}(?:\.\d{{3}})+(?:,\d+)?|\d+(?:[.,]\d+)?")
# The sign and the code; each language's words for the euro come from data/words.yml.
_CURRENCY = r"(?:€|EUR\b)"

_MAY_HOLD_FACT = re.compile(r"[\d@]|https?:")
_DIGIT = re.compile(r"\d")
_YEAR = re.compile(r"\d{4}")
_URL = re.compile(r"https?://[^\s<>()\[\]{}\"'`]+", re.I)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_NUM_DATE = re.compile(rf"\b(\d{{1,2}})\.{_SPACE}?(\d{{1,2}})\.{_SPACE}?(\d{{4}})\b")
_LAW = re.compile(r"\b(\d{1,4})/(\d{4})\b")
_SECTION = re.compile(rf"§+{_SPACE}*\d+[a-z]*(?:{_SPACE}*(?:ods\.|odst\.|písm\.)?{_SPACE}*\d+)?")
_PERCENT = re.compile(rf"(?<![\d.,])(\d+(?:[.,]\d+)?){_SPACE}?%")
_PHONE = re.compile(r"(?<![\w/+.,-])(?:\+|0)\d[\d \u00a0/-]{6,16}\d(?![\d])")
_SHORT_NUMBERS = re.compile(r"(?<![\w.,/§-])(112|150|155|158|159)(?![\w,/-]|\.\d)")


@dataclass(frozen=True)
class Fact:
    kind: str
    value: str  # normalised, comparable across languages
    raw: str  # as written
    line: int


def _number(text: str) -> str:
    """A number in any of the site's notations, as a canonical decimal string."""
    text = re.sub(_SPACE, "", text)
    if "," in text and "." in text:
        decimal = "," if text.rfind(",") > text.rfind(".") else "."
        text = text.replace("." if decimal == "," else ",", "").replace(decimal, ".")
    elif "," in text or "." in text:
        sep = "," if "," in text else "."
        head, _, tail = text.rpartition(sep)
        # `1,200` or `1.200` groups thousands; `165,50` and `1,2` are decimals.
        text = head.replace(sep, "") + ("" if len(tail) == 3 else ".") + tail
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.lstrip("0") or "0"


def normalize_phone(raw: str) -> str:
    digits = re.sub(r"[^\d+]", "", raw)
    if digits.startswith("+421"):
        digits = "0" + digits[4:]
    elif digits.startswith("00421"):
        digits = "0" + digits[5:]
    return digits


@dataclass(frozen=True)
class Vocabulary:
    month_pattern: re.Pattern | None
    month_number: dict[str, int]
    unit_pattern: re.Pattern | None
    unit_of: list[tuple[str, str]]  # (stem, unit)
    money_after: re.Pattern  # `250 €`, `250 eur`
    money_before: re.Pattern  # `€250`
    currency_words: tuple[str, ...]  # lower case, for a quick test before the patterns


@cache
def vocabulary(lang: str, data_dir: Path = sitedata.DATA_DIR) -> Vocabulary:
    data = sitedata.load_yaml("words.yml", data_dir).get(lang) or {}
    month_number: dict[str, int] = {}
    for index, forms in enumerate(data.get("months") or [], start=1):
        for form in forms:
            month_number[form.lower()] = index
    month_pattern = None
    if month_number:
        names = "|".join(sorted(map(re.escape, month_number), key=len, reverse=True))
        month_pattern = re.compile(
            rf"\b(\d{{1,2}})\.?{_SPACE}+({names}){_SPACE}+(\d{{4}})\b"
            rf"|\b({names}){_SPACE}+(\d{{1,2}}),?{_SPACE}+(\d{{4}})\b",
            re.I,
        )
    unit_of = []
    for unit, stems in (data.get("units") or {}).items():
        for stem in stems:
            unit_of.append((stem.lower(), unit))
    unit_of.sort(key=lambda pair: len(pair[0]), reverse=True)
    unit_pattern = None
    if unit_of:
        stems = "|".join(re.escape(stem) for stem, _ in unit_of)
        months = "|".join(map(re.escape, month_number)) or "(?!)"
        ordinal = "|".join(map(re.escape, data.get("ordinal_suffixes") or [])) or "(?!)"
        # `90 dní`, `30 pracovných dní`, `6 po sebe idúcich mesiacov`, `180-day`, `9 месяцев`;
        # not `8-го числа следующего месяца` (an ordinal) nor `1 января налогового года`.
        unit_pattern = re.compile(
            rf"(?<![\d.,/])(\d{{1,3}})(?!-?(?:{ordinal})\b)(?:{_SPACE}*-{_SPACE}*|{_SPACE}+)"
            rf"(?:(?!(?:{months})\b)[^\W\d]+{_SPACE}+){{0,3}}?((?:{stems})\w*)",
            re.I,
        )
    words = [w.lower() for w in data.get("currency") or []]
    currency = "|".join([_CURRENCY] + [rf"{re.escape(w)}\b" for w in sorted(words, key=len, reverse=True)])
    money_after = re.compile(rf"(?<![\d.,])({_NUMBER}){_SPACE}?(?:{currency})", re.I)
    money_before = re.compile(rf"(?:{currency}){_SPACE}?({_NUMBER})(?![\d])", re.I)
    return Vocabulary(month_pattern, month_number, unit_pattern, unit_of, money_after,
                      money_before, ("€", "eur", *words))


def _mask(text: str, start: int, end: int) -> str:
    return text[:start] + " " * (end - start) + text[end:]


def extract(text: str, line: int, lang: str, data_dir: Path = sitedata.DATA_DIR) -> list[Fact]:
    """All facts in one line of prose."""
    facts: list[Fact] = []
    if not _MAY_HOLD_FACT.search(text):
        return facts  # most prose lines: no digit, no address, no e-mail
    vocab = vocabulary(lang, data_dir)

    def take(pattern: re.Pattern, kind: str, normalize) -> None:
        nonlocal text
        for match in list(pattern.finditer(text)):
            value = normalize(match)
            if value is not None:
                facts.append(Fact(kind, value, match.group(0).strip(), line))
            text = _mask(text, match.start(), match.end())

    # Each pattern runs only on lines holding the character it needs: most lines with a
    # digit hold one or two kinds of fact, and the patterns are the cost of the checks.
    low = text.lower()
    if "http" in low:
        take(_URL, "url", lambda m: m.group(0).rstrip(".,;:!?").rstrip("/").lower())
    if "@" in text:
        take(_EMAIL, "email", lambda m: m.group(0).rstrip(".").lower())
    if not _DIGIT.search(text):
        return facts
    if "-" in text:
        take(_ISO_DATE, "date", lambda m: m.group(0))
    if "." in text:
        take(_NUM_DATE, "date", lambda m: f"{m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d}")
    if vocab.month_pattern is not None and _YEAR.search(text):
        def month_date(m):
            if m.group(1):
                day, month, year = m.group(1), m.group(2), m.group(3)
            else:
                month, day, year = m.group(4), m.group(5), m.group(6)
            return f"{year}-{vocab.month_number[month.lower()]:02d}-{int(day):02d}"
        take(vocab.month_pattern, "date", month_date)
    if "/" in text:
        take(_LAW, "law", lambda m: f"{int(m.group(1))}/{m.group(2)}")
    if "§" in text:
        take(_SECTION, "section", lambda m: None)  # masked so that § numbers are not phones
    if any(word in low for word in vocab.currency_words):
        take(vocab.money_after, "money", lambda m: _number(m.group(1)) + " EUR")
        take(vocab.money_before, "money", lambda m: _number(m.group(1)) + " EUR")
    if "%" in text:
        take(_PERCENT, "percent", lambda m: _number(m.group(1)) + " %")
    if vocab.unit_pattern is not None and any(stem in low for stem, _ in vocab.unit_of):
        def duration(m):
            word = m.group(2).lower()
            unit = next((u for stem, u in vocab.unit_of if word.startswith(stem)), None)
            return f"{int(m.group(1))} {unit}" if unit else None
        take(vocab.unit_pattern, "duration", duration)
    if "+" in text or "0" in text:
        take(_PHONE, "phone", lambda m: normalize_phone(m.group(0))
             if 9 <= len(re.sub(r"\D", "", m.group(0))) <= 13 else None)
    if "1" in text:
        take(_SHORT_NUMBERS, "phone", lambda m: m.group(1))
    return facts

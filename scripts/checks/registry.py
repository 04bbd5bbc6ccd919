"""One fact, one place: amounts a reader acts on come from data/facts.yml.

The rule, in every language: an amount of money or a percentage is never typed as
digits in a page; it is a reference, `{{ fact:ID }}`, to a registered fact. A period
(days, months, years) may be typed, except in a sentence or table row that names a
registered period (its `mentions`): there it must be the reference too. So a fee
changed in data/facts.yml changes on every page in every language, and a figure typed
by hand, even the same wrong figure in every language and stamped, is reported with
the registered value and the reference to use instead.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from scripts import registry
from scripts.checks import Options
from scripts.facts import Fact
from scripts.findings import Finding
from scripts.model import Page, Site, Unit

RULE = "registered-facts"
STRICT_KINDS = {"money", "percent"}
_DURATION_OF = {"day": "days", "week": "weeks", "month": "months", "year": "years",
                "hour": "hours"}


def _fact_value(fact: registry.RegisteredFact, options: Options) -> str:
    """The normalised value, as scripts/facts.py writes it, to compare with a typed one."""
    value = fact.value_on(options.today)
    number = f"{value:.6f}".rstrip("0").rstrip(".")
    if fact.kind == "money":
        return f"{number} EUR"
    if fact.kind == "percent":
        return f"{number} %"
    if fact.kind == "duration":
        return f"{number} {registry.DURATION_UNITS[fact.unit]}"
    return number


@cache
def _mention_patterns(data_dir: Path, lang: str) -> tuple[tuple[str, re.Pattern], ...]:
    endings = registry.endings(lang, data_dir)
    out = []
    for fact in registry.register(data_dir).values():
        for phrase in fact.mentions.get(lang, ()):
            try:
                out.append((fact.id, re.compile(registry.stem_pattern(phrase, endings),
                                                re.IGNORECASE)))
            except re.error:
                continue  # reported by the data check
    return tuple(out)


def clear_cache() -> None:
    _mention_patterns.cache_clear()


def _named(unit: Unit, page: Page) -> list[registry.RegisteredFact]:
    """Registered facts that this sentence or row names by their words."""
    text = registry.REFERENCE.sub(" ", unit.text)
    facts = registry.register(page.data_dir)
    found = []
    for fact_id, pattern in _mention_patterns(page.data_dir, page.lang):
        if pattern.search(text) and facts[fact_id] not in found:
            found.append(facts[fact_id])
    return found


def _show(fact: registry.RegisteredFact, lang: str, data_dir: Path, options: Options) -> str:
    return registry.render(fact, lang, data_dir=data_dir, today=options.today).replace(
        registry.NBSP, " ")


def _typed(page: Page, unit: Unit, typed: Fact, options: Options) -> Finding | None:
    facts = registry.register(page.data_dir)
    named = [f for f in _named(unit, page) if f.kind == typed.kind
             and (typed.kind != "duration"
                  or typed.value.split()[-1] == registry.DURATION_UNITS[f.unit])]
    if typed.kind not in STRICT_KINDS and not named:
        return None
    where, data = page.display_path, "data/facts.yml"
    same = [f for f in facts.values() if f.kind == typed.kind and _fact_value(f, options) == typed.value]
    for fact in named:
        ref = f"{{{{ fact:{fact.id} }}}}"
        shown = _show(fact, page.lang, page.data_dir, options)
        if _fact_value(fact, options) != typed.value:
            return Finding(
                where, typed.line, RULE,
                f"This says {typed.raw} for \"{fact.label.get('en', fact.id)}\", but the registered "
                f"value is {shown} ({data}: {fact.id}, source {fact.source}).",
                f"Write {ref} instead of {typed.raw}. If the law changed, change `value` of "
                f"{fact.id} in {data} (with valid_from, source and checked_on): every page in "
                "every language follows.")
        return Finding(
            where, typed.line, RULE,
            f"{typed.raw} is typed by hand; it is the registered fact {fact.id} "
            f"(\"{fact.label.get('en', fact.id)}\").",
            f"Write {ref} instead of {typed.raw}, so that a change in {data} reaches this page.")
    if same:
        ids = ", ".join(f.id for f in same[:4])
        first = same[0]
        return Finding(
            where, typed.line, RULE,
            f"{typed.raw} is typed by hand; registered facts with this value: {ids}.",
            f"Write the reference of the one this sentence means, e.g. {{{{ fact:{first.id} }}}} "
            f"(\"{first.label.get('en', first.id)}\"); if none fits, register it in {data}.")
    noun = "amount" if typed.kind == "money" else "percentage"
    return Finding(
        where, typed.line, RULE,
        f"The {noun} {typed.raw} is typed by hand and is not a registered fact.",
        f"Register it once in {data} (value, unit, valid_from, source, checked_on, label in "
        "every language) and write {{ fact:ID }} here and in every translation.")


def check_page(page: Page, options: Options) -> list[Finding]:
    out: list[Finding] = []
    facts = registry.register(page.data_dir)
    ids = sorted(facts)
    for unit in page.units:
        for fact_id, mode, line in unit.references:
            if fact_id not in facts:
                close = [i for i in ids if fact_id and (fact_id in i or i in fact_id)][:3]
                hint = (f"Did you mean {', '.join(close)}? " if close else "") + (
                    "Use an id from data/facts.yml, or register the fact there first.")
                out.append(Finding(page.display_path, line, RULE,
                                   f"{{{{ fact:{fact_id} }}}} names no registered fact.", hint))
            elif mode not in registry.MODES:
                out.append(Finding(page.display_path, line, RULE,
                                   f"Unknown form '| {mode}' in the reference to {fact_id}.",
                                   "Write {{ fact:ID }} for the value with its unit, or "
                                   "{{ fact:ID | number }} for the number alone."))
        if page.kind == "site":  # about pages: `200 %` zoom is not a fact a reader acts on
            continue
        for typed in unit.by_hand:
            if typed.kind in STRICT_KINDS or typed.kind == "duration":
                finding = _typed(page, unit, typed, options)
                if finding is not None:
                    out.append(finding)
    return out


def check(site: Site, options: Options) -> list[Finding]:
    out: list[Finding] = []
    clear_cache()
    for pages in site.pages.values():
        for page in pages.values():
            if not page.load_errors:
                out.extend(check_page(page, options))
    return out

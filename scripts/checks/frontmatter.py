"""Front matter: required keys per page type, their types, no unknown keys."""

from __future__ import annotations

import datetime as dt
import difflib

from scripts.checks import Options
from scripts.findings import Finding
from scripts.model import Page, Site

RULE = "front-matter"
SOURCE_GUIDE_KEYS = {"title", "description", "last_reviewed", "review_by", "sources"}
SOURCE_OTHER_KEYS = {"title", "description"}
TRANSLATION_KEYS = {"title", "description", "translation_of"}
OPTIONAL_KEYS = {"type", "allowed_fact_differences", "hide", "search", "keywords"}
SOURCE_ONLY = {"last_reviewed", "review_by", "sources"}
KNOWN = SOURCE_GUIDE_KEYS | TRANSLATION_KEYS | OPTIONAL_KEYS


def _required(page: Page, is_source: bool) -> set[str]:
    if not is_source:
        return TRANSLATION_KEYS
    return SOURCE_GUIDE_KEYS if page.kind == "guide" else SOURCE_OTHER_KEYS


def _date(value) -> bool:
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


def check_page(page: Page, is_source: bool) -> list[Finding]:
    if page.load_errors:
        return []
    out: list[Finding] = []
    fm, where = page.front_matter, page.display_path

    def at(key: str) -> int:
        return page.key_lines.get(key, 1)

    for key in fm:
        if key not in KNOWN:
            close = difflib.get_close_matches(key, sorted(KNOWN), n=1)
            hint = f"Did you mean '{close[0]}'?" if close else \
                f"Allowed keys: {', '.join(sorted(KNOWN))}."
            out.append(Finding(where, at(key), RULE, f"Unknown front matter key '{key}'.", hint))
        elif not is_source and key in SOURCE_ONLY:
            out.append(Finding(
                where, at(key), RULE,
                f"'{key}' belongs only in the Slovak source page.",
                "Delete this key here; review dates and sources are written once, in docs/"
                f"{'sk'}/{page.rel}, and shown in every language."))
    for key in sorted(_required(page, is_source) - set(fm)):
        if key == "translation_of":
            out.append(Finding(where, 1, RULE, "This translation is not stamped.",
                               "After checking it against the Slovak source, run `make stamp`."))
        else:
            out.append(Finding(where, 1, RULE, f"The front matter has no '{key}'.",
                               f"Add a '{key}:' line (see CONTRIBUTING.md, 'Front matter')."))
    for key in ("title", "description"):
        if key in fm and (not isinstance(fm[key], str) or not fm[key].strip()):
            out.append(Finding(where, at(key), RULE, f"'{key}' must be non-empty text.",
                               f"Write the {key} as one line of text after '{key}: '."))
    for key in ("last_reviewed", "review_by"):
        if key in fm and not _date(fm[key]):
            out.append(Finding(where, at(key), RULE,
                               f"'{key}' is not a valid date: {fm[key]!r}.",
                               "Write the date as YYYY-MM-DD, e.g. 2026-11-21."))
    if _date(fm.get("last_reviewed")) and _date(fm.get("review_by")) \
            and fm["review_by"] <= fm["last_reviewed"]:
        out.append(Finding(where, at("review_by"), RULE,
                           "'review_by' is not after 'last_reviewed'.",
                           "Set review_by to a later date, normally six months after last_reviewed."))
    if "sources" in fm:
        sources = fm["sources"]
        if not isinstance(sources, list) or not sources:
            out.append(Finding(where, at("sources"), RULE, "'sources' must list at least one source.",
                               "Add items with '- title: …' and '  url: https://…'."))
        else:
            for index, item in enumerate(sources, start=1):
                if not isinstance(item, dict) or not item.get("title") or not item.get("url"):
                    out.append(Finding(where, at("sources"), RULE,
                                       f"Source {index} needs both 'title' and 'url'.",
                                       "Write it as '- title: …' and on the next line '  url: https://…'."))
                elif not str(item["url"]).startswith("https://"):
                    out.append(Finding(where, at("sources"), RULE,
                                       f"Source {index} does not use https: {item['url']}.",
                                       "Use the https:// address of the official page."))
    if "keywords" in fm:
        out.extend(_check_keywords(fm["keywords"], where, at("keywords")))
    if "translation_of" in fm and not isinstance(fm["translation_of"], str):
        out.append(Finding(where, at("translation_of"), RULE,
                           "'translation_of' is not a fingerprint.", "Run `make stamp` to rewrite it."))
    return out


def _check_keywords(value, where: str, line: int) -> list[Finding]:
    """Search keywords: a list of words or phrases, each non-empty text."""
    example = "Write them as a list, e.g. 'keywords: [eseročka, sro, firma]'."
    if not isinstance(value, list) or not value:
        return [Finding(where, line, RULE, "'keywords' must be a list of words or phrases.", example)]
    bad = [item for item in value if not isinstance(item, str) or not item.strip()]
    if bad:
        return [Finding(where, line, RULE,
                        f"'keywords' must contain only text; found {', '.join(repr(b) for b in bad)}.",
                        "Put a word that YAML reads as a number, date or yes/no in quotes, "
                        "e.g. \"no\", and remove empty items. " + example)]
    return []


def check(site: Site, options: Options) -> list[Finding]:
    out: list[Finding] = []
    source_lang = site.config.source_language
    for lang, pages in site.pages.items():
        for page in pages.values():
            out.extend(check_page(page, is_source=lang == source_lang))
    return out

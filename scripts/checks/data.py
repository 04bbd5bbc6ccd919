"""Data files are checked like pages: every file under data/ against its declared schema.

Each file has a JSON Schema (below), built for the site's languages so that a new
language is required everywhere the moment it is configured. A finding names the
file, the line of the offending key or value, and the fix; broken YAML, an
impossible date, an unknown (misspelt) key, a missing language, a bad address, and a
reference to a page, contact or group that does not exist are all findings, never a
traceback. The build runs the same check and fails with the same messages.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import yaml
from jsonschema import Draft202012Validator

from scripts.checks import Options
from scripts.findings import WARNING, Finding
from scripts.model import Site
from scripts.registry import UNITS

RULE = "data"
HTTPS = {"type": "string", "pattern": r"^https://[^\s]+$"}
DATE = {"type": "string", "format": "date"}
TEXT = {"type": "string", "minLength": 1}


# libyaml's parser when PyYAML has it: the pure-Python one is slow on large files.
_BASE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BASE_LOADER):  # type: ignore[misc, valid-type]
    """Keeps dates as text, so that the schema (not the YAML parser) judges them."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@cache
def _parse(path: Path, stamp: tuple[int, int]) -> tuple[object, object, str | None]:
    """(document, root node, error) of a data file, parsed once per version of it."""
    text = path.read_text(encoding="utf-8")
    try:
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
            document = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        return None, None, _yaml_problem(exc)
    return document, node, None


def parse(path: Path):
    stat = path.stat()
    return _parse(path, (stat.st_mtime_ns, stat.st_size))


def _languages(langs: list[str], required: bool = True) -> dict:
    return {"type": "object", "properties": {lang: TEXT for lang in langs},
            "required": list(langs) if required else [], "additionalProperties": False}


def _per_language_lists(langs: list[str]) -> dict:
    return {"type": "object", "additionalProperties": False,
            "properties": {lang: {"type": "array", "items": TEXT} for lang in langs}}


def schemas(langs: list[str]) -> dict[str, dict]:
    """The declared schema of every data file, for the configured languages."""
    contact = {
        "type": "object", "additionalProperties": False,
        "required": ["name", "source", "checked_on"],
        "anyOf": [{"required": [key]} for key in ("phone", "url", "address", "email")],
        "properties": {
            "name": _languages(langs), "phone": TEXT, "address": TEXT, "url": HTTPS,
            "email": {"type": "string", "pattern": r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$"},
            "note": _languages(langs), "hours": _languages(langs), "source": HTTPS,
            "checked_on": DATE, "review_months": {"type": "integer", "minimum": 1},
        },
    }
    fact = {
        "type": "object", "additionalProperties": False,
        "required": ["value", "unit", "valid_from", "source", "checked_on", "label"],
        "properties": {
            "value": {"type": "number"}, "unit": {"enum": sorted(UNITS)},
            "valid_from": DATE, "source": HTTPS, "checked_on": DATE,
            "label": _languages(langs), "mentions": _per_language_lists(langs),
            "review_months": {"type": "integer", "minimum": 1},
            "next": {"type": "object", "additionalProperties": False,
                     "required": ["value", "valid_from"],
                     "properties": {"value": {"type": "number"}, "valid_from": DATE}},
        },
    }
    glossary_entry = {
        "type": "object", "additionalProperties": False,
        "required": ["term", *langs],
        "properties": {"term": TEXT, **{lang: TEXT for lang in langs},
                       "avoid": _per_language_lists(langs),
                       "guide": {"type": "string", "pattern": r"^[\w/.-]+\.md(#[\w-]+)?$"}},
    }
    news_text = {"type": "object", "additionalProperties": False, "required": ["title", "summary"],
                 "properties": {"title": TEXT, "summary": TEXT}}
    news_entry = {
        "type": "object", "additionalProperties": False, "required": ["date", "pages", *langs],
        "properties": {"date": DATE,
                       "pages": {"type": "array", "minItems": 1, "maxItems": 3,
                                 "items": {"type": "string", "pattern": r"^[\w/.-]+\.md$"}},
                       **{lang: news_text for lang in langs}},
    }
    words_lang = {
        "type": "object", "additionalProperties": False,
        "properties": {
            "months": {"type": "array", "minItems": 12, "maxItems": 12,
                       "items": {"type": "array", "minItems": 1, "items": TEXT}},
            "units": {"type": "object", "additionalProperties": {"type": "array", "items": TEXT}},
            "ordinal_suffixes": {"type": "array", "items": TEXT},
            "formats": {"type": "object", "additionalProperties": False,
                        "required": ["money", "percent"],
                        "properties": {"money": {"type": "string", "pattern": r"\{n\}"},
                                       "percent": {"type": "string", "pattern": r"\{n\}"}}},
            "unit_words": {"type": "object", "additionalProperties": {
                "type": "object", "required": ["other"],
                "propertyNames": {"enum": ["zero", "one", "two", "few", "many", "other"]},
                "additionalProperties": TEXT}},
            "endings": {"type": "array", "items": TEXT},
            "hedges": {"type": "array", "items": TEXT},
            "currency": {"type": "array", "items": TEXT},
        },
        "required": ["months", "units", "formats", "unit_words"],
    }
    page_path = {"type": "string", "pattern": r"^[\w/.-]+\.md$"}
    words_list = {"type": "array", "items": TEXT}
    search_lang = {
        "type": "object", "additionalProperties": False,
        "required": ["stop_words", "endings", "popular", "ui"],
        "properties": {
            "min_stem": {"type": "integer", "minimum": 1},
            "ranking": {"type": "object", "additionalProperties": {"type": "number"}},
            "stop_words": words_list, "endings": words_list,
            "intents": {"type": "array", "items": {
                "type": "object", "additionalProperties": False, "required": ["words", "pages"],
                "properties": {"words": words_list, "pages": {"type": "array", "items": page_path},
                               "anchors": words_list}}},
            "popular": {"type": "array", "items": page_path},
            "ui": {"type": "object", "additionalProperties": TEXT},
        },
    }
    return {
        "contacts.yml": {
            "type": "object", "additionalProperties": False, "required": ["groups", "contacts"],
            "properties": {
                "groups": {"type": "object", "additionalProperties": {
                    "type": "array", "minItems": 1, "items": TEXT}},
                "contacts": {"type": "object", "additionalProperties": contact},
            },
        },
        "facts.yml": {"type": "object", "additionalProperties": fact,
                      "propertyNames": {"pattern": r"^[a-z0-9][a-z0-9.-]*$"}},
        "glossary.yml": {"type": "array", "items": glossary_entry},
        "news.yml": {"type": "array", "items": news_entry},
        "ui.yml": {"type": "object", "required": list(langs),
                   "additionalProperties": {"type": "object", "additionalProperties": {
                       "type": ["string", "array", "object"]}}},
        "words.yml": {"type": "object", "required": list(langs),
                      "additionalProperties": words_lang},
        "search.yml": {"type": "object", "required": list(langs),
                       "additionalProperties": search_lang},
    }


def _node_at(node, path) -> tuple[yaml.Node, yaml.Node | None]:
    """The YAML node at a schema error's path, and the key node that leads to it."""
    key_node = None
    for step in path:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if key.value == step:
                    node, key_node = value, key
                    break
            else:
                return node, key_node
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) \
                and step < len(node.value):
            node, key_node = node.value[step], None
        else:
            break
    return node, key_node


def _line(node) -> int:
    return node.start_mark.line + 1 if node is not None else 1


def _describe(path) -> str:
    out = ""
    for step in path:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else str(step))
    return out or "the file"


def _schema_findings(where: str, document, root_node, schema: dict) -> Iterator[Finding]:
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    for error in sorted(validator.iter_errors(document), key=lambda e: list(map(str, e.path))):
        for leaf in _leaves(error):
            yield _finding(where, root_node, leaf)


def _leaves(error):
    if error.validator == "anyOf" and all(c.validator == "required" for c in error.context):
        yield error  # "one of phone, url, …" reads better than each alternative
        return
    if error.context:
        for child in error.context:
            yield from _leaves(child)
        return
    yield error


def _finding(where: str, root_node, error) -> Finding:
    path = list(error.absolute_path)
    node, key_node = _node_at(root_node, path)
    place = _describe(path)
    kind = error.validator
    if kind == "additionalProperties" and isinstance(node, yaml.MappingNode):
        allowed = sorted((error.schema.get("properties") or {}).keys())
        known = set(allowed)
        for key, _value in node.value:
            if key.value not in known:
                close = difflib.get_close_matches(str(key.value), allowed, n=1)
                hint = (f"Did you mean '{close[0]}'? " if close else "") + (
                    f"Allowed here: {', '.join(allowed)}." if allowed else "Remove it.")
                return Finding(where, _line(key), RULE,
                               f"Unknown key '{key.value}' in {place}.", hint)
    if kind == "required":
        missing = re.findall(r"'([^']+)' is a required property", error.message) or [
            error.message]
        return Finding(where, _line(key_node or node), RULE,
                       f"{place} lacks '{missing[0]}'.",
                       f"Add '{missing[0]}: …' to {place}"
                       + (" (every language of the site is required)."
                          if len(missing[0]) == 2 else "."))
    if kind == "anyOf":
        return Finding(where, _line(key_node or node), RULE,
                       f"{place} has no phone, url, address or email.",
                       "Give at least one way to reach this contact.")
    if kind == "format" and error.validator_value == "date" or (
            isinstance(error.schema, dict) and error.schema.get("format") == "date"):
        return Finding(where, _line(node), RULE,
                       f"{place} is not a real date: {error.instance!r}.",
                       "Write the date as YYYY-MM-DD, e.g. 2026-11-25.")
    if kind == "pattern" and error.schema is HTTPS:
        return Finding(where, _line(node), RULE,
                       f"{place} is not an https address: {error.instance!r}.",
                       "Write the full address, starting with https://.")
    if kind == "enum":
        return Finding(where, _line(node), RULE,
                       f"{place} is {error.instance!r}; it must be one of "
                       f"{', '.join(map(str, error.validator_value))}.",
                       "Use one of the listed values.")
    return Finding(where, _line(node), RULE, f"{place}: {error.message}.",
                   "Fix the value as described (see the comment at the top of the file).")


def _yaml_problem(exc: yaml.YAMLError) -> tuple[int, str]:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = mark.line + 1 if mark else 1
    problem = getattr(exc, "problem", None) or str(exc).split("\n")[0]
    return line, problem


def _yaml_error(where: str, problem: tuple[int, str]) -> Finding:
    line, problem_text = problem
    return Finding(where, line, RULE, f"The file is not valid YAML: {problem_text}.",
                   "Check this line and the one before it: a quote left open, a missing "
                   "':' after a key, or an indentation that differs from its neighbours.")


def _pages(site: Site) -> set[str]:
    return set(site.pages.get(site.config.source_language, {}))


def _references(name: str, where: str, document, root_node, site: Site) -> Iterator[Finding]:
    pages = _pages(site)
    if name == "contacts.yml" and isinstance(document, dict):
        contacts = document.get("contacts") if isinstance(document.get("contacts"), dict) else {}
        for group, members in (document.get("groups") or {}).items():
            for index, member in enumerate(members if isinstance(members, list) else []):
                if member not in contacts:
                    node, _ = _node_at(root_node, ["groups", group, index])
                    close = difflib.get_close_matches(str(member), list(contacts), n=1)
                    yield Finding(where, _line(node), RULE,
                                  f"Group '{group}' lists '{member}', which is not a contact.",
                                  (f"Did you mean '{close[0]}'? " if close else "")
                                  + "Add the contact under 'contacts:' or fix the name.")
    if name == "news.yml" and isinstance(document, list):
        for index, entry in enumerate(document):
            for number, page in enumerate((entry or {}).get("pages") or []
                                          if isinstance(entry, dict) else []):
                if isinstance(page, str) and page not in pages:
                    node, _ = _node_at(root_node, [index, "pages", number])
                    yield Finding(where, _line(node), RULE,
                                  f"'{page}' is not a page of the site.",
                                  "Give the path of an existing guide under docs/<lang>/, "
                                  "e.g. residence/fees.md.")
    if name == "search.yml" and isinstance(document, dict):
        for lang, settings in document.items():
            if not isinstance(settings, dict):
                continue
            refs = [(["popular", n], p) for n, p in enumerate(settings.get("popular") or [])]
            for i, intent in enumerate(settings.get("intents") or []):
                pages_of = intent.get("pages") if isinstance(intent, dict) else None
                refs += [(["intents", i, "pages", n], p)
                         for n, p in enumerate(pages_of if isinstance(pages_of, list) else [])]
            for path, page in refs:
                if isinstance(page, str) and page not in pages:
                    node, _ = _node_at(root_node, [lang, *path])
                    yield Finding(where, _line(node), RULE,
                                  f"'{page}' is not a page of the site.",
                                  "Give the path of an existing guide under docs/<lang>/, "
                                  "e.g. residence/fees.md.")
    if name == "glossary.yml" and isinstance(document, list):
        for index, entry in enumerate(document):
            guide = entry.get("guide") if isinstance(entry, dict) else None
            if isinstance(guide, str) and guide.split("#")[0] not in pages:
                node, _ = _node_at(root_node, [index, "guide"])
                yield Finding(where, _line(node), RULE, f"'{guide}' is not a page of the site.",
                              "Give the path of an existing guide, e.g. "
                              "residence/temporary-residence.md#documents.")
    if name == "facts.yml" and isinstance(document, dict):
        for fact_id, entry in document.items():
            mentions = entry.get("mentions") if isinstance(entry, dict) else None
            for lang, words in (mentions or {}).items() if isinstance(mentions, dict) else []:
                for number, word in enumerate(words if isinstance(words, list) else []):
                    try:
                        re.compile(str(word))
                    except re.error as exc:
                        node, _ = _node_at(root_node, [fact_id, "mentions", lang, number])
                        yield Finding(where, _line(node), RULE,
                                      f"The mention {word!r} of {fact_id} is not a valid "
                                      f"pattern: {exc}.",
                                      "Write plain words, or escape ( ) [ ] with a backslash.")


def _ui_keys(where: str, document, root_node, site: Site) -> Iterator[Finding]:
    source = document.get(site.config.source_language) if isinstance(document, dict) else None
    if not isinstance(source, dict):
        return
    for lang in site.config.translation_languages:
        strings = document.get(lang)
        if not isinstance(strings, dict):
            continue
        for key in source:
            if key not in strings:
                node, key_node = _node_at(root_node, [lang])
                yield Finding(where, _line(key_node or node), RULE,
                              f"The {lang} strings lack '{key}'.",
                              f"Add '{key}: …' under '{lang}:' (the text in {lang}).")


def check_files(site: Site) -> list[Finding]:
    """Findings for every data file (computed once per loaded site)."""
    cached = getattr(site, "_data_findings", None)
    if cached is None:
        cached = _check_files(site)
        site._data_findings = cached  # type: ignore[attr-defined]
    return list(cached)


def _check_files(site: Site) -> list[Finding]:
    data_dir = site.config.root / "data"
    langs = list(site.config.codes)
    declared = schemas(langs)
    out: list[Finding] = []
    for path in sorted(data_dir.glob("*.y*ml")) if data_dir.is_dir() else []:
        where = path.relative_to(site.config.root).as_posix()
        schema = declared.get(path.name)
        if schema is None:
            out.append(Finding(where, 1, RULE, "This data file has no declared schema.",
                               "Declare one in scripts/checks/data.py, or move the file out "
                               "of data/.", WARNING))
            continue
        try:
            document, root_node, problem = parse(path)
        except UnicodeDecodeError:
            out.append(Finding(where, 1, RULE, "The file is not valid UTF-8 text.",
                               "Save it with the UTF-8 encoding."))
            continue
        if problem is not None:
            out.append(_yaml_error(where, problem))
            continue
        if root_node is None:
            out.append(Finding(where, 1, RULE, "The file is empty.",
                               "Restore its content from git (`git checkout -- " + where + "`)."))
            continue
        out.extend(_schema_findings(where, document, root_node, schema))
        out.extend(_references(path.name, where, document, root_node, site))
        if path.name == "ui.yml":
            out.extend(_ui_keys(where, document, root_node, site))
    return out


def overdue(site: Site, today: dt.date) -> list[tuple[str, str, dt.date, dt.date]]:
    """Contacts and registered facts whose `checked_on` is older than their review
    period (6 months unless `review_months` says otherwise): (file, id, checked, due)."""
    from scripts.sitedata import load_yaml

    data_dir = site.config.root / "data"
    out = []
    for name, entries in (("facts.yml", lambda d: d),
                          ("contacts.yml", lambda d: d.get("contacts") or {})):
        try:
            document = entries(load_yaml(name, data_dir) or {})
        except (OSError, ValueError, yaml.YAMLError, AttributeError):
            continue
        for key, entry in document.items() if isinstance(document, dict) else []:
            checked = entry.get("checked_on") if isinstance(entry, dict) else None
            if not isinstance(checked, dt.date):
                continue
            months = entry.get("review_months") if isinstance(entry.get("review_months"),
                                                              int) else 6
            month = checked.month - 1 + months
            due = dt.date(checked.year + month // 12, month % 12 + 1, min(checked.day, 28))
            if due < today:
                out.append((f"data/{name}", str(key), checked, due))
    return out


def _key_line(root: Path, where: str, key: str) -> int:
    try:
        _document, node, _problem = parse(root / where)
    except (OSError, UnicodeDecodeError):
        return 1
    for path in ([key], ["contacts", key]):
        found, key_node = _node_at(node, path)
        if key_node is not None and key_node.value == key:
            return _line(key_node)
    return 1


def check(site: Site, options: Options) -> list[Finding]:
    out = check_files(site)
    for where, key, checked, due in overdue(site, options.today):
        out.append(Finding(where, _key_line(site.config.root, where, key), RULE,
                           f"{key} was last checked on {checked.isoformat()}; its review was due "
                           f"{due.isoformat()}.",
                           "Check it against its source, then update its value and checked_on.",
                           WARNING))
    return out

"""One term, one word: discouraged wordings of glossary terms, in any language and form.

Each entry of data/glossary.yml may list, per language, the wordings the site does
not use (`avoid`); the preferred wording is the one its explanation starts with
(`temporary residence — …`), so the tooltip and the glossary page say the same word
the pages must use. Slavic languages decline nouns, so every avoided wording is
matched in all its forms (scripts/registry.stem_pattern), also when a line break
splits it; pages and the text in data/ files are checked alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from scripts import registry, sitedata
from scripts.checks import Options
from scripts.findings import Finding
from scripts.model import Site

RULE = "terms"
TEXT_FILES = ("contacts.yml", "news.yml", "ui.yml", "glossary.yml", "facts.yml")


@dataclass(frozen=True)
class Avoid:
    term: str  # the Slovak term
    wording: str  # the discouraged wording, as listed
    preferred: str
    pattern: re.Pattern


def preferred(entry: dict, lang: str) -> str:
    """The wording a language uses for a glossary term."""
    explicit = (entry.get("preferred") or {}).get(lang) if isinstance(entry.get("preferred"),
                                                                      dict) else None
    if explicit:
        return str(explicit)
    text = str(entry.get(lang) or "")
    return text.split(" — ", 1)[0] if " — " in text else ""


@cache
def avoided(lang: str, data_dir: Path = sitedata.DATA_DIR) -> tuple[Avoid, ...]:
    try:
        entries = sitedata.load_yaml("glossary.yml", data_dir)
    except (OSError, ValueError):
        return ()
    endings = registry.endings(lang, data_dir)
    out = []
    for entry in entries if isinstance(entries, list) else []:
        if not isinstance(entry, dict) or not isinstance(entry.get("avoid"), dict):
            continue
        for wording in entry["avoid"].get(lang) or []:
            try:
                pattern = re.compile(registry.stem_pattern(str(wording), endings), re.IGNORECASE)
            except re.error:
                continue
            out.append(Avoid(str(entry.get("term")), str(wording),
                             preferred(entry, lang) or str(entry.get("term")), pattern))
    return tuple(out)


def clear_cache() -> None:
    avoided.cache_clear()


def _scan(text: str, line: int, lang: str, where: str, data_dir: Path) -> list[Finding]:
    out = []
    for avoid in avoided(lang, data_dir):
        for match in avoid.pattern.finditer(text):
            at = line + text.count("\n", 0, match.start())
            found = re.sub(r"\s+", " ", match.group(0))
            out.append(Finding(
                where, at, RULE,
                f"«{found}» is a discouraged wording for the Slovak term '{avoid.term}' "
                f"(listed under avoid: {avoid.wording}).",
                f"Write «{avoid.preferred}» in the form this sentence needs; the glossary "
                "(data/glossary.yml) keeps one word per language for each term."))
    return out


def _yaml_strings(node, lang: str | None):
    """(text, line, language) for every string in a YAML document, with the language
    read from the nearest key that names one (`ru: …`, `label: {ru: …}`)."""
    if isinstance(node, yaml.ScalarNode):
        if lang and isinstance(node.value, str):
            yield node.value, node.start_mark.line + 1, lang
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _yaml_strings(item, lang)
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            name = str(key.value)
            yield from _yaml_strings(value, name if len(name) == 2 and name.isalpha() else lang)


def check_data(data_dir: Path, languages: list[str], root: Path) -> list[Finding]:
    out = []
    for name in TEXT_FILES:
        path = data_dir / name
        if not path.exists():
            continue
        try:
            document = yaml.compose(path.read_text(encoding="utf-8"))
        except (yaml.YAMLError, UnicodeDecodeError):
            continue  # the data check reports it
        where = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
        for text, line, lang in _yaml_strings(document, None):
            if lang not in languages:
                continue
            if name == "glossary.yml" and text in _avoid_lists(data_dir, lang):
                continue  # the list of wordings to avoid names them, of course
            out.extend(_scan(text, line, lang, where, data_dir))
    return out


@cache
def _avoid_lists(data_dir: Path, lang: str) -> frozenset[str]:
    return frozenset(a.wording for a in avoided(lang, data_dir))


def check(site: Site, options: Options) -> list[Finding]:
    clear_cache()
    _avoid_lists.cache_clear()
    data_dir = site.config.root / "data"
    out: list[Finding] = []
    for lang, pages in site.pages.items():
        if not avoided(lang, data_dir):
            continue
        for page in pages.values():
            if page.load_errors:
                continue
            for unit in page.units:
                out.extend(_scan(unit.text, unit.line, lang, page.display_path, data_dir))
            for key in ("title", "description"):
                value = page.front_matter.get(key)
                if isinstance(value, str):
                    out.extend(_scan(value, page.key_lines.get(key, 1), lang,
                                     page.display_path, data_dir))
    out.extend(check_data(data_dir, site.config.codes, site.config.root))
    return out

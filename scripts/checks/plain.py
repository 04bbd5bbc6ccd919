"""Plain language: long sentences and hedges ("overte si", "confirm with").

Warnings, not errors: a long sentence or a hedge is sometimes right. `make status`
and the translation-status page show, per language, the share of long sentences
and, per page, how often it still tells the reader to confirm something, so
editors see where the site hedges instead of answering. Hedge words are data
(data/words.yml, `hedges`), so a new language adds its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from scripts import sitedata
from scripts.checks import Options
from scripts.findings import WARNING, Finding
from scripts.model import Page, Site, Unit

RULE = "plain-language"
LONG = 30  # words
_NOT_WORDS = re.compile(r"\]\([^)]*\)|\{\{[^}]*\}\}|<[^>]+>|https?://\S+")
_WORD = re.compile(r"\w+")


def words(unit: Unit) -> int:
    return len(_WORD.findall(_NOT_WORDS.sub(" ", unit.text)))


def sentences(page: Page) -> list[Unit]:
    """The sentences of a page (table rows and headings are not sentences)."""
    heading_lines = {h.line for h in page.headings}
    return [u for u in page.units if not u.row and u.line not in heading_lines and words(u) >= 3]


def hedge_pattern(lang: str, data_dir: Path = sitedata.DATA_DIR) -> re.Pattern | None:
    hedges = (sitedata.load_yaml("words.yml", data_dir).get(lang) or {}).get("hedges") or []
    if not hedges:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(map(str, hedges)) + r")(?!\w)", re.IGNORECASE)


def hedges(page: Page) -> list[tuple[int, str]]:
    pattern = hedge_pattern(page.lang, page.data_dir)
    if pattern is None:
        return []
    return [(u.line, m.group(0)) for u in page.units for m in pattern.finditer(u.text)]


@dataclass
class Summary:
    lang: str
    sentences: int
    long: int
    hedges: dict[str, int]  # rel -> count

    @property
    def share(self) -> float:
        return 100 * self.long / self.sentences if self.sentences else 0.0


_last: tuple[Site, list[Summary]] | None = None


def summarize(site: Site) -> list[Summary]:
    """Sentences, long sentences and hedges per language (kept for the same model: a
    build shows the same figures on the status page of every language)."""
    global _last
    if _last is not None and _last[0] is site:
        return _last[1]
    out = []
    for lang in site.config.codes:
        total = long = 0
        counted: dict[str, int] = {}
        for rel, page in sorted(site.pages.get(lang, {}).items()):
            if page.load_errors or page.kind == "site":
                continue
            found = sentences(page)
            total += len(found)
            long += sum(1 for u in found if words(u) > LONG)
            n = len(hedges(page))
            if n:
                counted[rel] = n
        out.append(Summary(lang, total, long, counted))
    _last = (site, out)
    return out


def report(site: Site) -> list[str]:
    """Markdown lines for the status dashboard."""
    lines = ["| language | sentences | over 30 words | share | hedges |", "|---|---|---|---|---|"]
    summaries = summarize(site)
    for s in summaries:
        lines.append(f"| {s.lang} | {s.sentences} | {s.long} | {s.share:.2f} % "
                     f"| {sum(s.hedges.values())} |")
    source = next((s for s in summaries if s.lang == site.config.source_language), None)
    if source and source.hedges:
        lines += ["", "Pages that still ask the reader to confirm something (Slovak source):", ""]
        lines += [f"- `{rel}`: {n}" for rel, n in sorted(source.hedges.items(),
                                                          key=lambda kv: (-kv[1], kv[0]))]
    return lines


def check(site: Site, options: Options) -> list[Finding]:
    out: list[Finding] = []
    for pages in site.pages.values():
        for page in pages.values():
            if page.load_errors or page.kind == "site":
                continue
            for unit in sentences(page):
                count = words(unit)
                if count > LONG:
                    out.append(Finding(page.display_path, unit.line, RULE,
                                       f"This sentence has {count} words.",
                                       f"Split it into sentences of at most {LONG} words: "
                                       "one fact or step per sentence.", WARNING))
    return out

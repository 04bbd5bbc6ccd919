"""`new <path>`: a page in every language with correct front matter and a nav entry."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from scripts.fingerprint import fingerprint
from scripts.model import read_page
from scripts.siteconfig import SiteConfig
from scripts.sitedata import ui

SOURCE_TEMPLATE = """---
title: {title}
description: Jedna veta o tom, komu stránka pomôže a s čím.
last_reviewed: {today}
review_by: {review_by}
sources:
  - title: Zákon č. …/… Z. z. (názov), § …
    url: https://www.slov-lex.sk/
---

Úvodný odsek: pre koho je stránka a čo sa z nej dozviete.

## Pre koho je táto stránka {{ #who-is-this-for }}

…
"""

TRANSLATION_TEMPLATE = """---
title: {title}
description: One sentence on who this page helps and with what.
translation_of: "{stamp}"
---

Translate the Slovak page docs/{source_lang}/{rel} here, keeping its headings and ids.

## {heading} {{ #who-is-this-for }}

…
"""


# Text of the templates above that must not survive into a published page (the structure
# check reports it), with how to name it to the editor.
LEFTOVERS = [
    ("Zákon č. …/…", "the law in the sources"),
    ("Jedna veta o tom, komu stránka pomôže a s čím.", "the description"),
    ("Úvodný odsek: pre koho je stránka", "the introduction"),
    ("One sentence on who this page helps and with what.", "the description"),
    ("Translate the Slovak page docs/", "the note asking for a translation"),
]


def scaffold_title(rel: str) -> str:
    """The title `make new` writes: the file name, e.g. 'My new page' for my-new-page.md."""
    return rel.rsplit("/", 1)[-1][:-3].replace("-", " ").capitalize()


def six_months_after(day: dt.date) -> dt.date:
    month = day.month + 6
    year = day.year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, candidate)
        except ValueError:
            continue
    raise ValueError(day)


def add_to_nav(mkdocs_yml: Path, rel: str) -> bool:
    """Insert '- rel' after the last nav entry of the same folder; False if already listed."""
    lines = mkdocs_yml.read_text(encoding="utf-8").split("\n")
    if any(re.match(rf"^\s*-\s*(?:[^:]+:\s*)?{re.escape(rel)}\s*$", line) for line in lines):
        return False
    folder = rel.rsplit("/", 1)[0] + "/" if "/" in rel else ""
    start = next(i for i, line in enumerate(lines) if line.startswith("nav:"))
    last = None
    for i in range(start + 1, len(lines)):
        if lines[i] and not lines[i].startswith(" "):
            break
        entry = re.match(r"^(\s*)-\s*(?:[^:]+:\s*)?(\S+\.md)\s*$", lines[i])
        if entry and (entry.group(2).startswith(folder) if folder else "/" not in entry.group(2)):
            last = (i, entry.group(1))
    if last is None:
        end = next((i for i in range(start + 1, len(lines))
                    if lines[i] and not lines[i].startswith(" ")), len(lines))
        while end > start + 1 and not lines[end - 1].strip():
            end -= 1
        lines.insert(end, f"  - {rel}")
    else:
        lines.insert(last[0] + 1, f"{last[1]}- {rel}")
    mkdocs_yml.write_text("\n".join(lines), encoding="utf-8")
    return True


def new_page(config: SiteConfig, rel: str, today: dt.date | None = None) -> list[str]:
    """Create the page in every language (existing files are kept). Returns what was done."""
    today = today or dt.date.today()
    if not rel.endswith(".md") or rel.startswith("/") or ".." in rel:
        raise ValueError("give the page path inside a language folder, e.g. residence/my-page.md")
    done = []
    title = scaffold_title(rel)
    source_lang = config.source_language
    source_path = config.docs_dir / source_lang / rel
    if not source_path.exists():
        source_path.parent.mkdir(parents=True, exist_ok=True)
        source_path.write_text(SOURCE_TEMPLATE.format(
            title=title, today=today.isoformat(),
            review_by=six_months_after(today).isoformat()), encoding="utf-8")
        done.append(f"created {source_path.relative_to(config.root)}")
    source = read_page(source_path, rel=rel, lang=source_lang, display_path=str(source_path))
    stamp = fingerprint(source)
    for lang in config.translation_languages:
        path = config.docs_dir / lang / rel
        if path.exists():
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        # Stamped with the scaffold's fingerprint: as soon as the Slovak text is written,
        # the translations show as outdated until someone translates and stamps them.
        text = TRANSLATION_TEMPLATE.format(title=title, source_lang=source_lang, rel=rel,
                                           heading=ui(lang, config.root / "data")["who_heading"],
                                           stamp=stamp)
        path.write_text(text, encoding="utf-8")
        done.append(f"created {path.relative_to(config.root)}")
    if add_to_nav(config.root / "mkdocs.yml", rel):
        done.append(f"added '{rel}' to nav in mkdocs.yml")
    return done

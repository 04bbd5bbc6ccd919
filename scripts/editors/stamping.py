"""Writing the source fingerprint into translations (`translation_of`)."""

from __future__ import annotations

import re

from scripts.checks import facts, structure
from scripts.fingerprint import fingerprint
from scripts.model import Page, Site

_KEY = re.compile(r"^translation_of:.*$", re.M)


def write_fingerprint(page: Page, value: str) -> None:
    text = page.path.read_text(encoding="utf-8")
    lines = text.split("\n")
    end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    head = "\n".join(lines[1:end])
    if _KEY.search(head):
        head = _KEY.sub(f'translation_of: "{value}"', head)
    else:
        # Quoted: a hex digest such as 790e1234 would otherwise be read as a number.
        head = head + f'\ntranslation_of: "{value}"'
    page.path.write_text("\n".join([lines[0], head, *lines[end:]]), encoding="utf-8")


def blockers(page: Page, source: Page) -> list:
    """Findings that make stamping this translation wrong: it contradicts its source."""
    return structure.check_translation(page, source) + [
        f for f in facts.check_translation(page, source) if f.severity == "error"
    ]


def stamp(site: Site, targets: list[Page], force: bool = False):
    """Yield (page, outcome, findings) for each target; outcome is stamped/current/refused."""
    for page in targets:
        source = site.source_of(page)
        if source is None or page.load_errors or source.load_errors:
            yield page, "refused", page.load_errors
            continue
        value = fingerprint(source)
        if page.front_matter.get("translation_of") == value:
            yield page, "current", []
            continue
        problems = [] if force else blockers(page, source)
        if problems:
            yield page, "refused", problems
            continue
        write_fingerprint(page, value)
        yield page, "stamped", []

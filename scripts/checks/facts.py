"""The facts a reader acts on are the same in the source and every translation.

Facts are compared as sets of normalised values per kind (see scripts/facts.py),
so word order, notation and repetition do not matter, but a changed amount,
deadline, date, phone number, e-mail, URL or law number does. When a section of
the translation has a value the source lacks and the source's same section has
one the translation lacks, they are reported together as a change.

A translation that must differ records it in its front matter, reviewed:

    allowed_fact_differences:
      - fact: "https://www.minv.sk/?en"
        reason: The ministry publishes this page in English.
"""

from __future__ import annotations

from collections import defaultdict

from scripts import facts as factlib
from scripts.checks import Options
from scripts.findings import WARNING, Finding
from scripts.model import Page, Site

RULE = "facts"
_KIND_WORDS = {
    "money": "amount", "percent": "percentage", "duration": "period", "date": "date",
    "phone": "phone number", "email": "e-mail address", "url": "web address", "law": "law number",
}


def _allowed(page: Page) -> tuple[set[tuple[str, str]], list[tuple[str, int]]]:
    allowed, raw = set(), []
    for item in page.front_matter.get("allowed_fact_differences") or []:
        text = str(item.get("fact", "")) if isinstance(item, dict) else str(item)
        line = page.key_lines.get("allowed_fact_differences", 1)
        found = factlib.extract(text, line, page.lang)
        found += factlib.extract(text, line, "sk")
        for fact in found:
            allowed.add((fact.kind, fact.value))
        raw.append((text, line))
    return allowed, raw


def _rows_by_section(page: Page) -> dict[str, list]:
    rows: dict[str, list] = defaultdict(list)
    for unit in page.units:
        if unit.row:
            rows[unit.section].append(unit)
    return rows


def _row_findings(page: Page, source: Page,
                  allowed: set) -> tuple[list[Finding], set[int], set[int]]:
    """Tables are compared row by row where the translation keeps the source's rows, so a
    figure is matched against its own row, not anywhere on the page. Returns the findings
    and the lines of the rows compared this way, in the translation and in the source
    (left out of the page-wide comparison)."""
    out: list[Finding] = []
    handled: set[int] = set()
    handled_source: set[int] = set()
    src_rows, own_rows = _rows_by_section(source), _rows_by_section(page)
    for section, rows in own_rows.items():
        theirs = src_rows.get(section, [])
        if len(theirs) != len(rows):
            continue
        for mine, their in zip(rows, theirs, strict=True):
            handled.add(mine.line)
            handled_source.add(their.line)
            have = {(f.kind, f.value) for f in mine.facts}
            want = {(f.kind, f.value) for f in their.facts}
            missing = [f for f in their.facts if (f.kind, f.value) not in have
                       and (f.kind, f.value) not in allowed]
            extra = [f for f in mine.facts if (f.kind, f.value) not in want
                     and (f.kind, f.value) not in allowed]
            for fact in missing:
                old = next((f for f in extra if f.kind == fact.kind), None)
                if old is not None:
                    extra.remove(old)
                    out.append(Finding(
                        page.display_path, old.line, RULE,
                        f"This row says {old.raw} where the same row of the Slovak source says "
                        f"{fact.raw} ({source.display_path}:{fact.line}).",
                        f"Change {old.raw} to the source's {_KIND_WORDS[fact.kind]} "
                        f"({fact.raw}), then run `make stamp`."))
                else:
                    out.append(Finding(
                        page.display_path, mine.line, RULE,
                        f"The {_KIND_WORDS[fact.kind]} {fact.raw} of this row in the Slovak "
                        f"source ({source.display_path}:{fact.line}) is missing here.",
                        "Add it to this row, written in digits like in the source, "
                        "then run `make stamp`."))
            for fact in extra:
                out.append(Finding(
                    page.display_path, fact.line, RULE,
                    f"The {_KIND_WORDS[fact.kind]} {fact.raw} is not in the same row of the "
                    f"Slovak source ({source.display_path}:{their.line}).",
                    "Use the source's value for this row, or move it to the row it belongs to."))
    return out, handled, handled_source


def check_translation(page: Page, source: Page) -> list[Finding]:
    allowed_early, _raw = _allowed(page)
    row_findings, handled, handled_source = _row_findings(page, source, allowed_early)
    src = [(f, s) for f, s in source.facts if f.line not in handled_source]
    own = [(f, s) for f, s in page.facts if f.line not in handled]
    src_values = {(f.kind, f.value) for f, _ in src}
    own_values = {(f.kind, f.value) for f, _ in own}
    allowed, allowances = _allowed(page)
    missing = [(f, s) for f, s in src if (f.kind, f.value) not in own_values
               and (f.kind, f.value) not in allowed]
    extra = [(f, s) for f, s in own if (f.kind, f.value) not in src_values
             and (f.kind, f.value) not in allowed]
    out: list[Finding] = list(row_findings)
    where = page.display_path
    heading_line = {h.id: h.line for h in page.headings if h.id}
    reported_missing, reported_extra = set(), set()
    by_section = defaultdict(list)
    for fact, section in extra:
        by_section[(section, fact.kind)].append(fact)
    for fact, section in missing:
        key = (fact.kind, fact.value)
        if key in reported_missing:
            continue
        candidates = [f for f in by_section.get((section, fact.kind), [])
                      if (f.kind, f.value) not in reported_extra]
        if candidates:
            old = candidates[0]
            reported_extra.add((old.kind, old.value))
            out.append(Finding(
                where, old.line, RULE,
                f"This says {old.raw} where the Slovak source says {fact.raw} "
                f"({source.display_path}:{fact.line}).",
                f"Change {old.raw} to the source's {_KIND_WORDS[fact.kind]} ({fact.raw}), "
                "then run `make stamp`."))
        else:
            out.append(Finding(
                where, heading_line.get(section, page.body_line), RULE,
                f"The {_KIND_WORDS[fact.kind]} {fact.raw} in the Slovak source "
                f"({source.display_path}:{fact.line}) is missing from this translation.",
                "Add it to the matching sentence, written in digits like in the source, "
                "then run `make stamp`."))
        reported_missing.add(key)
    for fact, _section in extra:
        key = (fact.kind, fact.value)
        if key in reported_extra:
            continue
        reported_extra.add(key)
        out.append(Finding(
            where, fact.line, RULE,
            f"The {_KIND_WORDS[fact.kind]} {fact.raw} is not in the Slovak source "
            f"({source.display_path}).",
            "Use the source's value, remove it, or if this translation must differ, record it "
            "under 'allowed_fact_differences' with a reason."))
    all_values = ({(f.kind, f.value) for f, _ in source.facts}
                  | {(f.kind, f.value) for f, _ in page.facts})
    for text, line in allowances:
        values = {(f.kind, f.value) for f in factlib.extract(text, line, page.lang)}
        values |= {(f.kind, f.value) for f in factlib.extract(text, line, "sk")}
        if not values & all_values:
            out.append(Finding(where, line, RULE,
                               f"The allowed difference '{text}' no longer matches any fact.",
                               "Remove it from allowed_fact_differences.", WARNING))
    return out


def check(site: Site, options: Options) -> list[Finding]:
    out: list[Finding] = []
    for page, source in site.translations():
        if source is not None and not page.load_errors and not source.load_errors:
            out.extend(check_translation(page, source))
    return out

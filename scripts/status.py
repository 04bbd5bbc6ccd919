"""The translation dashboard."""

from __future__ import annotations

import datetime as dt

from scripts.checks.data import overdue as data_overdue
from scripts.checks.outdated import status as page_status
from scripts.model import Site


def dashboard(site: Site, use_git: bool = True, today: dt.date | None = None,
              embedded: bool = False) -> str:
    """The dashboard as Markdown; `embedded` leaves out headings, for a site page."""
    today = today or dt.date.today()
    cfg = site.config
    sources = site.pages.get(cfg.source_language, {})
    lines = [] if embedded else ["# Translation status", ""]
    lines += [f"Source language: {cfg.source_language}, {len(sources)} pages.", "",
             "| language | up to date | minor source edits | outdated | not stamped | missing |",
             "|---|---|---|---|---|---|"]
    detail = []
    for lang in cfg.translation_languages:
        counts = {"current": 0, "minor": 0, "outdated": 0, "unstamped": 0, "missing": 0}
        for rel, source in sorted(sources.items()):
            page = site.page(lang, rel)
            if page is None:
                counts["missing"] += 1
                detail.append(f"- {lang}: `{rel}` is missing")
                continue
            state, info = page_status(site, page, source, use_git)
            counts[state] += 1
            if state in ("outdated", "unstamped"):
                when = f" (source changed {info['date']})" if info.get("date") else ""
                detail.append(f"- {lang}: `{rel}` is {state}{when}")
        lines.append(f"| {lang} | {counts['current']} | {counts['minor']} | {counts['outdated']} "
                     f"| {counts['unstamped']} | {counts['missing']} |")
    overdue = [(rel, p.front_matter.get("review_by")) for rel, p in sorted(sources.items())
               if isinstance(p.front_matter.get("review_by"), dt.date)
               and p.front_matter["review_by"] < today]
    h2 = "**{}**" if embedded else "## {}"
    lines += ["", h2.format("Pages to look at"), ""] + (detail or ["All translations are up to date."])
    lines += ["", h2.format("Past their review date"), ""]
    lines += [f"- `{rel}` (review was due {due.isoformat()})" for rel, due in overdue] or \
        ["None."]
    lines += ["", h2.format("Facts and contacts past their review"), ""]
    lines += [f"- `{key}` in `{where}`: checked {checked.isoformat()}, review was due "
              f"{due.isoformat()}" for where, key, checked, due in data_overdue(site, today)] or \
        ["None."]
    return "\n".join(lines) + "\n"

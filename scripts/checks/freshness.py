"""Pages whose review date has passed."""

from __future__ import annotations

import datetime as dt

from scripts.checks import Options
from scripts.findings import ERROR, WARNING, Finding
from scripts.model import Site


def check(site: Site, options: Options) -> list[Finding]:
    out = []
    for page in site.pages.get(site.config.source_language, {}).values():
        due = page.front_matter.get("review_by")
        if isinstance(due, dt.date) and due < options.today:
            out.append(Finding(
                page.display_path, page.key_lines.get("review_by", 1), "freshness",
                f"The review date {due.isoformat()} has passed; readers now see a warning.",
                "Check every fact against the sources, then set last_reviewed to today and "
                "review_by to a date about six months later.",
                ERROR if options.strict_freshness else WARNING))
    return out

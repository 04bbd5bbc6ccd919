"""Translations made from an older version of their Slovak source."""

from __future__ import annotations

from scripts.checks import Options
from scripts.findings import Finding
from scripts.fingerprint import fingerprint, source_history
from scripts.model import Page, Site

RULE = "outdated"


def status(site: Site, page: Page, source: Page, use_git: bool = True) -> tuple[str, dict]:
    """'current', 'minor', 'outdated' or 'unstamped', with details."""
    stamped = page.front_matter.get("translation_of")
    if not isinstance(stamped, str):
        return "unstamped", {}
    current = fingerprint(source)
    if stamped == current:
        return "current", {}
    history = source_history(site.config.root, source, stamped) if use_git else None
    details = {"date": history.date if history else None,
               "commit": history.commit if history else None}
    if history and history.minor:
        return "minor", details
    return "outdated", details


def check(site: Site, options: Options) -> list[Finding]:
    out: list[Finding] = []
    for page, source in site.translations():
        if source is None or page.load_errors or source.load_errors:
            continue
        state, details = status(site, page, source, options.use_git)
        if state != "outdated":
            continue
        when = f" on {details['date']}" if details.get("date") else ""
        if details.get("commit"):
            diff = f"`git diff {details['commit'][:10]} -- {source.display_path}`"
        else:
            diff = f"`git log -p -- {source.display_path}`"
        out.append(Finding(
            page.display_path, page.key_lines.get("translation_of", 1), RULE,
            f"The Slovak source {source.display_path} changed{when} after this translation "
            "was made.",
            f"See what changed with {diff}, update this translation, then run `make stamp`."))
    return out

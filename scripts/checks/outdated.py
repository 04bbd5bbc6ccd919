"""Translations made from an older version of their Slovak source."""

from __future__ import annotations

import hashlib
import os
import subprocess

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


def compare_url(site: Site, source: Page, old: str | None) -> str | None:
    """On GitHub Actions (GITHUB_REPOSITORY set), the compare view of the source between the
    stamped version and its latest commit: editors reading a pull request have no terminal
    for `git diff`. The #diff-… anchor (sha256 of the path) opens the file in that view."""
    repository = os.environ.get("GITHUB_REPOSITORY")
    if not repository or not old:
        return None
    server = os.environ.get("GITHUB_SERVER_URL", "https://github.com").rstrip("/")
    rel = source.path.resolve().relative_to(site.config.root.resolve()).as_posix()
    try:
        new = subprocess.run(["git", "log", "-1", "--format=%H", "--", rel],
                             cwd=site.config.root, capture_output=True, text=True,
                             timeout=30, check=False).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        new = ""
    new = new or os.environ.get("GITHUB_SHA", "")
    if not new:
        return None
    anchor = hashlib.sha256(rel.encode("utf-8")).hexdigest()
    return f"{server}/{repository}/compare/{old}...{new}#diff-{anchor}"


def check(site: Site, options: Options) -> list[Finding]:
    out: list[Finding] = []
    for page, source in site.translations():
        if source is None or page.load_errors or source.load_errors:
            continue
        state, details = status(site, page, source, options.use_git)
        if state != "outdated":
            continue
        when = f" on {details['date']}" if details.get("date") else ""
        compare = compare_url(site, source, details.get("commit"))
        if compare:
            diff = compare
        elif details.get("commit"):
            diff = f"`git diff {details['commit'][:10]} -- {source.display_path}`"
        else:
            diff = f"`git log -p -- {source.display_path}`"
        out.append(Finding(
            page.display_path, page.key_lines.get("translation_of", 1), RULE,
            f"The Slovak source {source.display_path} changed{when} after this translation "
            "was made.",
            f"See what changed with {diff}, update this translation, then run `make stamp`."))
    return out

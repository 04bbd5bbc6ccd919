"""Which version of its Slovak source a translation was made from.

The fingerprint is a hash of the source's *normalised* title, description and
body: case-folded, with Markdown punctuation, other punctuation and whitespace
removed. Re-wrapping lines, changing emphasis or fixing punctuation therefore
does not make translations outdated. A fixed typo does change the hash; the
outdated check then looks up the stamped version in git and treats a change of
at most a couple of near-identical words (with no fact changed) as minor.
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import re
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from scripts.model import Page, parse_page

FINGERPRINT_LENGTH = 12
_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)
MINOR_WORDS = 2
MINOR_SIMILARITY = 0.75


def words(page: Page) -> list[str]:
    fm = page.front_matter
    text = " ".join([str(fm.get("title") or ""), str(fm.get("description") or ""), page.body])
    text = unicodedata.normalize("NFC", text).casefold()
    return [w for w in _NON_WORD.split(text) if w]


def fingerprint(page: Page) -> str:
    digest = hashlib.sha256(" ".join(words(page)).encode("utf-8")).hexdigest()
    return digest[:FINGERPRINT_LENGTH]


@dataclass
class SourceHistory:
    """What git knows about a source file's earlier versions."""

    commit: str | None = None  # the commit whose version matches the stamp
    date: str | None = None  # when the source last changed
    minor: bool = False  # only a minor edit since the stamped version


def _git(root: Path, *args: str) -> str | None:
    try:
        out = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True,
                             timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return out.stdout if out.returncode == 0 else None


def changed_on(root: Path, *paths: str) -> str | None:
    """The day (YYYY-MM-DD) the files under `paths` last changed: today while they have
    uncommitted changes, else the day of the last commit that touched them; None when
    git cannot tell (not a repository, no commit)."""
    dirty = _git(root, "status", "--porcelain", "--", *paths)
    last = _git(root, "log", "-1", "--format=%cs", "--", *paths)
    if dirty is None or last is None:
        return None
    if dirty.strip():
        return dt.date.today().isoformat()
    return last.strip() or None


def is_minor_change(old: list[str], new: list[str]) -> bool:
    changed = 0
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        if op != "replace" or (i2 - i1) != (j2 - j1):
            return False
        for a, b in zip(old[i1:i2], new[j1:j2], strict=True):
            if any(ch.isdigit() for ch in a + b):
                return False  # a changed number is never a typo
            if difflib.SequenceMatcher(a=a, b=b).ratio() < MINOR_SIMILARITY:
                return False
            changed += 1
    return changed <= MINOR_WORDS


def source_history(root: Path, source: Page, stamped: str) -> SourceHistory:
    rel = source.path.resolve().relative_to(root.resolve()).as_posix()
    history = SourceHistory()
    dirty = _git(root, "status", "--porcelain", "--", rel)
    log = _git(root, "log", "--format=%H %cs", "--", rel)
    if log is None:
        return history
    entries = [line.split() for line in log.splitlines() if line.strip()]
    if dirty:
        history.date = dt.date.today().isoformat()
    elif entries:
        history.date = entries[0][1]
    current = words(source)
    for commit, _date in entries:
        text = _git(root, "show", f"{commit}:{rel}")
        if text is None:
            continue
        old = parse_page(text, path=source.path, rel=source.rel, lang=source.lang,
                         display_path=source.display_path)
        if fingerprint(old) == stamped:
            history.commit = commit
            history.minor = is_minor_change(words(old), current)
            break
    return history

"""The pull-request report: what a branch changes, language by language, in Markdown.

`python -m scripts pr-report --base origin/main` (or `make pr-report BASE=origin/main`)
compares the working tree with the point where the branch left BASE and prints:

- every page the branch changed, with the state of each language after the change
  (up to date / outdated / missing) and the `make stamp` command to run;
- registered facts (data/facts.yml) whose values changed, by fact id;
- the findings of `make check`;
- with PREVIEW_URL set, a link to each changed page in each language on the preview site.

CI posts it as one comment on the pull request and updates that comment on every push.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from scripts import checks
from scripts.checks.outdated import status as translation_status
from scripts.findings import ERROR
from scripts.model import Site, load_site
from scripts.siteconfig import load_site_config

MARKER = "<!-- pr-report -->"
FACTS_FILE = "data/facts.yml"
STATES = {"current": "up to date", "minor": "up to date (minor source edits)",
          "outdated": "outdated", "unstamped": "outdated (never stamped)", "missing": "missing"}


def _git(root: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=root, check=True, capture_output=True,
                          text=True).stdout


def changed_files(root: Path, base: str) -> list[str]:
    """Files that differ between where the branch left `base` and the working tree
    (committed or not), plus new untracked files."""
    fork = _git(root, "merge-base", base, "HEAD").strip()
    names = _git(root, "diff", "--name-only", "--no-renames", fork).split("\n")
    names += _git(root, "ls-files", "--others", "--exclude-standard").split("\n")
    return sorted({name for name in names if name})


def page_url(lang: str, rel: str, source_lang: str) -> str:
    """The page's address relative to the site root, e.g. en/residence/fees/."""
    path = rel[:-3]
    if path == "index" or path.endswith("/index"):
        path = path[: -len("index")]
    else:
        path += "/"
    return ("" if lang == source_lang else f"{lang}/") + path


@dataclass
class PageChange:
    rel: str
    changed: list[str]  # languages whose file this branch changed
    states: dict[str, str]  # language -> state after the change ("source" for the source)


def page_changes(site: Site, files: list[str], use_git: bool = True) -> list[PageChange]:
    cfg = site.config
    docs = cfg.docs_dir.relative_to(cfg.root).as_posix()
    by_rel: dict[str, list[str]] = {}
    for name in files:
        parts = name.split("/", 2)
        if len(parts) == 3 and parts[0] == docs and parts[1] in cfg.codes \
                and name.endswith(".md"):
            by_rel.setdefault(parts[2], []).append(parts[1])
    out = []
    for rel, langs in sorted(by_rel.items()):
        source = site.page(cfg.source_language, rel)
        states = {cfg.source_language: "source" if source else "deleted"}
        for lang in cfg.translation_languages:
            page = site.page(lang, rel)
            if page is None:
                states[lang] = "missing" if source else "deleted"
            elif source is None or page.load_errors or source.load_errors:
                states[lang] = "unreadable" if page.load_errors else "no source"
            else:
                states[lang] = translation_status(site, page, source, use_git)[0]
        out.append(PageChange(rel, [c for c in cfg.codes if c in langs], states))
    return out


def _facts_at(root: Path, ref: str | None) -> dict:
    try:
        text = (root / FACTS_FILE).read_text(encoding="utf-8") if ref is None else \
            _git(root, "show", f"{ref}:{FACTS_FILE}")
    except (OSError, subprocess.CalledProcessError):
        return {}
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError:
        return {}
    if not isinstance(data, dict):
        return {}
    # A fact is a mapping with a value (see the top of data/facts.yml).
    return {key: fact for key, fact in data.items() if isinstance(fact, dict) and "value" in fact}


# What a reader sees of a fact; a new `checked_on` or a reworded label is not a change of value.
VALUE_KEYS = ("value", "unit", "valid_from", "next")


def fact_changes(root: Path, base: str) -> list[tuple[str, dict | None, dict | None]]:
    """(fact id, before, after) for every fact added, removed or changed since `base`."""
    fork = _git(root, "merge-base", base, "HEAD").strip()
    before, after = _facts_at(root, fork), _facts_at(root, None)
    out = []
    for fact_id in sorted(set(before) | set(after)):
        old, new = before.get(fact_id), after.get(fact_id)
        if old is None or new is None or \
                any(old.get(key) != new.get(key) for key in VALUE_KEYS):
            out.append((fact_id, old, new))
    return out


def _value(fact: dict | None) -> str:
    if not fact:
        return "—"
    text = f"{fact.get('value')} {fact.get('unit', '')}".strip()
    if fact.get("valid_from"):
        text += f" from {fact['valid_from']}"
    upcoming = fact.get("next")
    if isinstance(upcoming, dict):
        text += f"; then {upcoming.get('value')} from {upcoming.get('valid_from')}"
    return text


def render(site: Site, base: str, preview_url: str | None = None, use_git: bool = True) -> str:
    cfg = site.config
    root = cfg.root
    files = changed_files(root, base)
    changes = page_changes(site, files, use_git)
    facts = fact_changes(root, base)
    findings = checks.run(site, checks.Options(use_git=use_git))
    errors = [f for f in findings if f.severity == ERROR]
    docs = cfg.docs_dir.relative_to(root).as_posix()

    lines = [MARKER, "## What this pull request changes", ""]
    if not changes:
        lines += ["No page changed.", ""]
    else:
        head = ["page", *cfg.codes]
        lines += ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        to_stamp = []
        for change in changes:
            cells = [f"`{change.rel}`"]
            for lang in cfg.codes:
                state = change.states.get(lang, "")
                text = "source" if state == "source" else STATES.get(state, state)
                if lang in change.changed:
                    text += " ✏️ changed"
                if preview_url and state not in ("missing", "deleted"):
                    text += f" · [preview]({preview_url.rstrip('/')}/"\
                            f"{page_url(lang, change.rel, cfg.source_language)})"
                cells.append(text)
            lines.append("| " + " | ".join(cells) + " |")
            if any(change.states.get(lang) in ("outdated", "unstamped")
                   for lang in cfg.translation_languages):
                to_stamp.append(change.rel)
        lines += ["", "✏️ = this pull request edits the file."]
        if to_stamp:
            lines += ["", "Outdated translations: update them, then record that they match the "
                      f"{cfg.source_language} source again (or comment `/stamp <page>` on this "
                      "pull request):", "", "```sh"]
            lines += [f"make stamp PAGE={rel}" for rel in to_stamp] + ["```"]
        missing = [(c.rel, lang) for c in changes for lang, state in c.states.items()
                   if state == "missing"]
        if missing:
            lines += ["", "Missing translations (readers get the Slovak page): "
                      + ", ".join(f"`{docs}/{lang}/{rel}`" for rel, lang in missing)
                      + ". Create them with `python -m scripts new <page>`."]
        lines.append("")

    lines += ["## Registered facts", ""]
    if facts:
        lines += ["| fact | before | after |", "|---|---|---|"]
        lines += [f"| `{fact_id}` | {_value(old)} | {_value(new)} |" for fact_id, old, new in facts]
        lines += ["", f"Every page that shows these facts changes with them ({FACTS_FILE})."]
    else:
        lines.append(f"No registered fact changed ({FACTS_FILE}).")
    lines.append("")

    lines += ["## Checks (`make check`)", ""]
    if not findings:
        lines.append("All checks passed.")
    else:
        lines.append(f"{len(errors)} error(s), {len(findings) - len(errors)} warning(s):")
        lines.append("")
        for f in findings:
            lines.append(f"- `{f.path}:{f.line}` [{f.rule}] {f.message}  ")
            lines.append(f"  fix: {f.hint}")
    return "\n".join(lines) + "\n"


def main(root: str = ".", base: str = "origin/main", use_git: bool = True) -> int:
    site = load_site(load_site_config(root))
    preview = os.environ.get("PREVIEW_URL") or None
    try:
        print(render(site, base, preview, use_git), end="")
    except subprocess.CalledProcessError as exc:
        print(f"git could not compare with '{base}': {(exc.stderr or '').strip()}\n"
              f"Give an existing branch or commit, e.g. `make pr-report BASE=origin/main` "
              "after `git fetch origin main`.", file=sys.stderr)
        return 2
    return 0

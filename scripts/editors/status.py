"""The translation dashboard: `make status` in the terminal (English), and the site's
translation-status page in each language (strings from data/ui.yml, `status:`)."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from dataclasses import dataclass

from scripts.checks.data import overdue as data_overdue
from scripts.checks.outdated import status as page_status
from scripts.model import Site

# The terminal's wording; the site page uses data/ui.yml's `status` strings instead.
ENGLISH = {
    "intro": "Source language: {lang}, {count} pages.",
    "columns": ["language", "up to date", "minor source edits", "outdated", "not stamped",
                "missing"],
    "to_look_at": "Pages to look at",
    "all_current": "All translations are up to date.",
    "overdue": "Past their review date",
    "none": "None.",
    "states": {"outdated": "outdated", "unstamped": "not stamped", "missing": "missing"},
    "changed": "source changed {date}",
    "review_due": "review was due {date}",
    "page": "page",
    "source": "Slovak original",
    "change": "what changed",
}


@dataclass
class Links:
    """How the site page links each entry: to the page, its Slovak source and the change."""

    page: Callable[[str, str], str]  # (lang, rel) -> URL of that page on the site
    change: Callable[[str, str | None], str | None]  # (source file, stamped commit) -> URL


def dashboard(site: Site, use_git: bool = True, today: dt.date | None = None,
              embedded: bool = False, strings: dict | None = None,
              links: Links | None = None) -> str:
    """The dashboard as Markdown; `embedded` leaves out headings, for a site page;
    `strings` (a language's `status` entry in data/ui.yml) translates it; `links` adds
    links to the page, its source and the change."""
    today = today or dt.date.today()
    t = {**ENGLISH, **(strings or {})}
    cfg = site.config
    source_lang = cfg.source_language
    sources = site.pages.get(source_lang, {})
    lines = [] if embedded else ["# Translation status", ""]
    lines += [t["intro"].format(lang=source_lang, count=len(sources)), "",
              "| " + " | ".join(t["columns"]) + " |", "|---|---|---|---|---|---|"]

    def entry(lang: str, rel: str, state: str, info: dict) -> str:
        label = t["states"].get(state, state)
        when = f" ({t['changed'].format(date=info['date'])})" if info.get("date") else ""
        if links is None:
            return f"- {lang}: `{rel}` is {label}{when}"
        source = sources[rel]
        parts = [f'<a href="{html.escape(links.page(source_lang, rel))}" '
                 f'hreflang="{source_lang}">{html.escape(t["source"])}</a>']
        if state != "missing":
            parts.insert(0, f'<a href="{html.escape(links.page(lang, rel))}" hreflang="{lang}">'
                            f'{html.escape(t["page"])}</a>')
        change = links.change(source.display_path, info.get("commit"))
        if change and state == "outdated":
            parts.append(f'<a href="{html.escape(change)}">{html.escape(t["change"])}</a>')
        title = site.page(lang, rel) or source
        name = html.escape(str(title.front_matter.get("title") or rel))
        return f"- {lang}: {name} (`{rel}`): {label}{when} · " + " · ".join(parts)

    detail = []
    for lang in cfg.translation_languages:
        counts = {"current": 0, "minor": 0, "outdated": 0, "unstamped": 0, "missing": 0}
        for rel, source in sorted(sources.items()):
            page = site.page(lang, rel)
            if page is None:
                counts["missing"] += 1
                detail.append(entry(lang, rel, "missing", {}))
                continue
            state, info = page_status(site, page, source, use_git)
            counts[state] += 1
            if state in ("outdated", "unstamped"):
                detail.append(entry(lang, rel, state, info))
        lines.append(f"| {lang} | {counts['current']} | {counts['minor']} | {counts['outdated']} "
                     f"| {counts['unstamped']} | {counts['missing']} |")
    overdue = [(rel, p.front_matter.get("review_by")) for rel, p in sorted(sources.items())
               if isinstance(p.front_matter.get("review_by"), dt.date)
               and p.front_matter["review_by"] < today]
    h2 = "**{}**" if embedded else "## {}"
    lines += ["", h2.format(t["to_look_at"]), ""] + (detail or [t["all_current"]])
    lines += ["", h2.format(t["overdue"]), ""]
    lines += [f"- `{rel}` ({t['review_due'].format(date=due.isoformat())})"
              for rel, due in overdue] or [t["none"]]
    lines += ["", h2.format(t.get("data_overdue", "Facts and contacts past their review")), ""]
    lines += [f"- `{key}` in `{where}`: {checked.isoformat()} → {due.isoformat()}"
              for where, key, checked, due in data_overdue(site, today)] or [t["none"]]
    from scripts.checks.plain import report as plain_report

    lines += ["", h2.format(t.get("plain_language", "Plain language")), ""] + plain_report(site)
    return "\n".join(lines) + "\n"


def site_links(site_url: str, edit_uri: str | None, source_lang: str) -> Links:
    """Links for the site page: pages by their path under site_url; the change as GitHub's
    compare view of the source since the stamped commit (the repository and branch come
    from edit_uri, e.g. https://github.com/o/r/edit/main/docs/), else the file's history."""
    import hashlib
    from urllib.parse import urlsplit

    base = urlsplit(site_url or "/").path or "/"
    base = base if base.endswith("/") else base + "/"

    def page(lang: str, rel: str) -> str:
        stem = rel.removesuffix(".md")
        path = stem.removesuffix("index") if stem == "index" or stem.endswith("/index") \
            else stem + "/"
        return base + ("" if lang == source_lang else f"{lang}/") + path

    repo, branch = None, None
    if edit_uri and "/edit/" in edit_uri:
        repo, rest = edit_uri.split("/edit/", 1)
        branch = rest.split("/", 1)[0]

    def change(path: str, commit: str | None) -> str | None:
        if not repo:
            return None
        if not commit:
            return f"{repo}/commits/{branch}/{path}"
        anchor = hashlib.sha256(path.encode("utf-8")).hexdigest()
        return f"{repo}/compare/{commit}...{branch}#diff-{anchor}"

    return Links(page=page, change=change)

"""Headings carry explicit ids; translations keep the source's headings, links and images."""

from __future__ import annotations

import posixpath
import re

from scripts.checks import Options
from scripts.findings import Finding
from scripts.model import Page, Site

RULE = "structure"

# Ids a link can point at besides heading ids: `{ #id }` attribute lists and raw HTML `id="…"`.
_ATTR_ID = re.compile(r"\{:?[^{}\n]*#([\w-]+)[^{}\n]*\}")
_HTML_ID = re.compile(r"""\bid\s*=\s*["']([^"']+)["']""")


def ordinal(number: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st …"""
    if 10 <= number % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def anchors(page: Page) -> set[str]:
    """Every id a `page.md#id` link may point at (kept on the page: a page is linked
    from many others, in every language)."""
    cached = page.__dict__.get("_anchors")
    if cached is None:
        cached = {h.id for h in page.headings if h.id}
        cached.update(_ATTR_ID.findall(page.body))
        cached.update(_HTML_ID.findall(page.body))
        page.__dict__["_anchors"] = cached
    return cached


def resolve(page: Page, target: str) -> str | None:
    """The page a relative link leads to (path inside the language folder), or None when it
    climbs out of the language folder."""
    path = target.split("#", 1)[0]
    if not path:
        return page.rel
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(page.rel), path))
    if joined.startswith("../") or joined == "..":
        return None
    return joined


def broken_link(site: Site, page: Page, target: str) -> str | None:
    """Why an internal link does not work (None if it does)."""
    rel = resolve(page, target)
    where = f"docs/{page.lang}/"
    if rel is None:
        return "it leads outside this language's folder"
    if not rel.endswith(".md"):
        return None  # images and downloads are checked by the build
    # A page missing in this language falls back to the Slovak one (reported by `parity`).
    linked = site.page(page.lang, rel) or site.page(site.config.source_language, rel)
    if linked is None:
        return f"there is no page {where}{rel}"
    anchor = target.split("#", 1)[1] if "#" in target else ""
    if anchor and not linked.load_errors and anchor not in anchors(linked):
        return f"{linked.display_path} has no heading with the id '#{anchor}'"
    return None


def check_links(site: Site, page: Page) -> list[Finding]:
    out = []
    for link in page.links:
        if link.is_external or not link.target:
            continue
        problem = broken_link(site, page, link.target)
        if problem:
            out.append(Finding(
                page.display_path, link.line, RULE,
                f"The link to '{link.target}' does not work: {problem}.",
                "Link to an existing page with a path relative to this file (e.g. "
                "'../residence/fees.md#fees'); the ids are at the end of each heading."))
    return out


def _internal_targets(page: Page, site: Site | None = None) -> list[str]:
    out = []
    for link in page.links:
        if link.is_external or not link.target or link.target.startswith("#"):
            if link.target.startswith("#"):
                out.append(link.target)
            continue
        out.append(link.target)
    if site is not None:
        # A broken link in the source is reported there; translators must not copy it.
        out = [target for target in out if broken_link(site, page, target) is None]
    return out


def check_headings(page: Page) -> list[Finding]:
    out, seen = [], {}
    for heading in page.headings:
        if heading.level == 1:
            out.append(Finding(page.display_path, heading.line, RULE,
                               f"'# {heading.text}' is a second page title.",
                               "Remove it: the title comes from 'title' in the front matter. "
                               "Use '##' for sections."))
        if not heading.id:
            out.append(Finding(page.display_path, heading.line, RULE,
                               f"The heading '{heading.text}' has no explicit id.",
                               "End the heading with an English id that is the same in every "
                               "language, e.g. '## Doklady { #documents }'."))
        elif heading.id in seen:
            out.append(Finding(page.display_path, heading.line, RULE,
                               f"The id '#{heading.id}' is used twice (also line {seen[heading.id]}).",
                               "Give each heading its own id."))
        else:
            seen[heading.id] = heading.line
    return out


def check_translation(page: Page, source: Page, site: Site | None = None) -> list[Finding]:
    out = []
    where = page.display_path
    src_heads = [(h.level, h.id) for h in source.headings if h.id]
    own_heads = [(h.level, h.id) for h in page.headings if h.id]
    if src_heads != own_heads:
        for index, expected in enumerate(src_heads):
            actual = own_heads[index] if index < len(own_heads) else None
            if actual != expected:
                line = next((h.line for h in page.headings if h.id == (actual or (0, ""))[1]),
                            page.headings[-1].line if page.headings else page.body_line)
                src_line = next(h.line for h in source.headings if h.id == expected[1])
                found = f"'{'#' * actual[0]} … {{ #{actual[1]} }}'" if actual else "nothing"
                out.append(Finding(
                    where, line, RULE,
                    f"The {ordinal(index + 1)} heading should be "
                    f"'{'#' * expected[0]} … {{ #{expected[1]} }}' "
                    f"as in {source.display_path}:{src_line}; found {found}.",
                    "Use the same headings, ids, levels and order as the Slovak source."))
                break
        else:
            extra = own_heads[len(src_heads)]
            line = next(h.line for h in page.headings if h.id == extra[1])
            out.append(Finding(where, line, RULE,
                               f"The heading '#{extra[1]}' is not in the Slovak source.",
                               "Remove it, or add it to the Slovak source first."))
    src_links = set(_internal_targets(source, site))
    own_links = set(_internal_targets(page, site))
    # A link that is there but broken is reported as broken, not as missing.
    for target in sorted(src_links - set(_internal_targets(page))):
        line = next(link.line for link in source.links if link.target == target)
        out.append(Finding(where, page.body_line, RULE,
                           f"The link to '{target}' ({source.display_path}:{line}) is missing here.",
                           "Link to the same pages and sections as the Slovak source."))
    # While the source has a broken link, the translation's working one is not "extra":
    # the source is fixed first (reported there), then the comparison resumes.
    source_broken = site is not None and len(set(_internal_targets(source))) != len(src_links)
    for target in sorted(set() if source_broken else own_links - src_links):
        line = next(link.line for link in page.links if link.target == target)
        out.append(Finding(where, line, RULE,
                           f"The link to '{target}' is not in the Slovak source.",
                           "Link to the same pages and sections as the Slovak source, "
                           "or add the link there first."))
    src_images = {posixpath.normpath(i.src) for i in source.images}
    own_images = {posixpath.normpath(i.src) for i in page.images}
    for src in sorted(src_images ^ own_images):
        images = page.images if src in own_images else source.images
        line = next(i.line for i in images if posixpath.normpath(i.src) == src)
        side = "here but not in the Slovak source" if src in own_images else \
            f"in the Slovak source (line {line}) but not here"
        out.append(Finding(where, line if src in own_images else page.body_line, RULE,
                           f"The image '{src}' is {side}.",
                           "Use the same images as the Slovak source."))
    return out


def check(site: Site, options: Options) -> list[Finding]:
    out: list[Finding] = []
    for pages in site.pages.values():
        for page in pages.values():
            if not page.load_errors:
                out.extend(check_headings(page))
                out.extend(check_links(site, page))
                out.extend(check_scaffold(page))
    for page, source in site.translations():
        if source is not None and not page.load_errors and not source.load_errors:
            out.extend(check_translation(page, source, site))
    out.extend(check_landing_links(site))
    return out


def check_scaffold(page: Page) -> list[Finding]:
    """Text that `make new` wrote and nobody replaced."""
    from scripts.editors.scaffold import LEFTOVERS, scaffold_title

    out = []
    try:
        lines = page.path.read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError):
        return out
    text = "\n".join(lines)
    if "…" not in text and not any(needle in text for needle, _what in LEFTOVERS):
        lines = []  # nothing of the scaffold left (most pages): no line-by-line scan
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if stripped == "…":
            out.append(Finding(page.display_path, number, RULE,
                               "This '…' is a placeholder from `make new`.",
                               "Write the section's text here (or remove the section)."))
            continue
        for needle, what in LEFTOVERS:
            if needle in line:
                out.append(Finding(page.display_path, number, RULE,
                                   f"This is still the placeholder from `make new`: {what}.",
                                   "Replace it with the real text."))
                break
    # File names are English by the content contract, so the scaffold's title (made from the
    # file name) is an English title: wrong on any page that is not in English.
    title = page.front_matter.get("title")
    if title == scaffold_title(page.rel) and not page.lang.startswith("en"):
        out.append(Finding(page.display_path, page.key_lines.get("title", 2), RULE,
                           f"The title '{title}' is the English placeholder from `make new`.",
                           "Write the page title in the page's language."))
    return out


def check_landing_links(site: Site) -> list[Finding]:
    """Every guide is linked from its section's landing page (index.md of its folder), so
    readers who open the section find it. Checked in the source language; the structure check
    makes translations follow."""
    out = []
    lang = site.config.source_language
    pages = site.pages.get(lang, {})
    for rel, page in sorted(pages.items()):
        if page.kind != "guide" or page.load_errors:
            continue
        folder = posixpath.dirname(rel)
        landing = pages.get(f"{folder}/index.md" if folder else "index.md")
        if landing is None or landing.load_errors:
            continue
        if not any(resolve(landing, link.target) == rel
                   for link in landing.links if not link.is_external):
            out.append(Finding(
                page.display_path, 1, RULE,
                f"This guide is not linked from its section's landing page "
                f"{landing.display_path}.",
                f"Add a link to it there, e.g. '- [{page.front_matter.get('title', rel)}]"
                f"({posixpath.basename(rel)})', then the same link in each translation."))
    return out

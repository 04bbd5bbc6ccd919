"""Headings carry explicit ids; translations keep the source's headings, links and images."""

from __future__ import annotations

import posixpath

from scripts.checks import Options
from scripts.findings import Finding
from scripts.model import Page, Site

RULE = "structure"


def _internal_targets(page: Page) -> list[str]:
    out = []
    for link in page.links:
        if link.is_external or not link.target or link.target.startswith("#"):
            if link.target.startswith("#"):
                out.append(link.target)
            continue
        out.append(link.target)
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


def check_translation(page: Page, source: Page) -> list[Finding]:
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
                    f"Heading {index + 1} should be '{'#' * expected[0]} … {{ #{expected[1]} }}' "
                    f"as in {source.display_path}:{src_line}; found {found}.",
                    "Use the same headings, ids, levels and order as the Slovak source."))
                break
        else:
            extra = own_heads[len(src_heads)]
            line = next(h.line for h in page.headings if h.id == extra[1])
            out.append(Finding(where, line, RULE,
                               f"The heading '#{extra[1]}' is not in the Slovak source.",
                               "Remove it, or add it to the Slovak source first."))
    src_links, own_links = set(_internal_targets(source)), set(_internal_targets(page))
    for target in sorted(src_links - own_links):
        line = next(link.line for link in source.links if link.target == target)
        out.append(Finding(where, page.body_line, RULE,
                           f"The link to '{target}' ({source.display_path}:{line}) is missing here.",
                           "Link to the same pages and sections as the Slovak source."))
    for target in sorted(own_links - src_links):
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
    for page, source in site.translations():
        if source is not None and not page.load_errors and not source.load_errors:
            out.extend(check_translation(page, source))
    return out

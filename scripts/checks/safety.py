"""Content may not run code, load from elsewhere or link across languages."""

from __future__ import annotations

import posixpath
import re

from scripts import sitedata
from scripts.checks import Options
from scripts.findings import Finding
from scripts.model import Page, Site

RULE = "safety"
# Generated blocks other than contacts, and the one argument each accepts.
BLOCKS = {"status": "translations", "glossary": "terms", "news": "changes"}
_TAGS = re.compile(r"<\s*(script|iframe|object|embed|form|style|link|meta|base)\b", re.I)
_HANDLER = re.compile(r"\bon[a-z]+\s*=", re.I)
_BAD_URL = re.compile(r"^\s*(javascript|data|vbscript):", re.I)
_HTML_URL = re.compile(r"\b(?:href|src)\s*=\s*[\"']?\s*((?:javascript|data|vbscript|http):[^\"'>\s]*)",
                       re.I)


def check_page(page: Page, languages: list[str], data_dir) -> list[Finding]:
    out = []
    where = page.display_path
    for run in page.html:
        for match in _TAGS.finditer(run.text):
            out.append(Finding(where, run.line, RULE, f"<{match.group(1)}> is not allowed in content.",
                               "Remove it; pages contain text, links and images only."))
        if _HANDLER.search(run.text):
            out.append(Finding(where, run.line, RULE,
                               "Inline event handlers (onclick=…) are not allowed.",
                               "Remove the attribute."))
        for match in _HTML_URL.finditer(run.text):
            out.append(Finding(where, run.line, RULE, f"The address '{match.group(1)}' is not allowed.",
                               "Use an https:// link or a relative link to a page."))
    known_groups = set(sitedata.contact_groups(data_dir))
    for kind, group, line in page.markers:
        if kind == "contacts" and group not in known_groups:
            out.append(Finding(where, line, RULE, f"Unknown contacts group '{group}'.",
                               f"Use one of: {', '.join(sorted(known_groups))} (data/contacts.yml)."))
        only = BLOCKS.get(kind)
        if only and group != only:
            out.append(Finding(where, line, RULE, f"Unknown {kind} block '{group}'.",
                               f"The only {kind} block is <!-- {kind}: {only} -->."))
    depth = page.rel.count("/")
    for link in page.links:
        target = link.target
        if _BAD_URL.match(target):
            out.append(Finding(where, link.line, RULE,
                               f"The link '{target[:40]}' would run code or embed data.",
                               "Link to a web page (https://) or to another page of this site."))
        elif target.lower().startswith("http://"):
            out.append(Finding(where, link.line, RULE, f"The link '{target}' is not secure (http).",
                               "Use the https:// address."))
        elif not link.is_external and target.startswith("/"):
            out.append(Finding(where, link.line, RULE, f"The link '{target}' is absolute.",
                               "Use a relative link to the .md file, e.g. ../residence/fees.md."))
        elif not link.is_external and link.page:
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page.rel), link.page))
            up = resolved.startswith("..")
            first = resolved.split("/", 1)[0]
            if up or (depth == 0 and first in languages):
                out.append(Finding(
                    where, link.line, RULE,
                    f"The link '{target}' leads out of the {page.lang} pages.",
                    "Link to the page in the same language (same folder tree); readers switch "
                    "language with the switcher in the header."))
    for image in page.images:
        if not image.alt.strip():
            out.append(Finding(where, image.line, RULE, f"The image '{image.src}' has no alt text.",
                               "Describe the image in the brackets: ![what it shows](file.png)."))
        if image.src.lower().startswith(("http://", "https://", "//")):
            out.append(Finding(where, image.line, RULE,
                               f"The image '{image.src}' loads from another site.",
                               "Save the image in docs/ and link to it relatively."))
    return out


def check(site: Site, options: Options) -> list[Finding]:
    out: list[Finding] = []
    languages = site.config.codes
    data_dir = site.config.root / "data"
    for pages in site.pages.values():
        for page in pages.values():
            if not page.load_errors:
                out.extend(check_page(page, languages, data_dir))
    return out

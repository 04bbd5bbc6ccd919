"""Reading on a phone: what the hooks add so that a guide answers first on a small screen.

- tables: every body cell gets `data-label` (its column's header), so that
  assets/site.css can show each row as a card on narrow screens instead of a table
  that scrolls sideways;
- the at-a-glance box: editors write `!!! glance` in the page body (Markdown, so the
  fact and parity checks see it); it is rendered with `data-at-a-glance` and the
  localized default title from data/ui.yml (`glance_title`);
- `<!-- call: emergency-112 mic-hotline -->`: tap-to-call buttons from data/contacts.yml
  (contact keys or group names);
- the glossary page: an A–Z jump list in Slovak alphabetical order, and each term's
  link to the guide that explains it best (`guide:` in data/glossary.yml);
- the 404 page: the other languages' home pages, the free-help contacts, and the
  language codes that its inline script uses to show the right language.

Every function here is pure (text in, text out) so that tests can call it directly.
"""

from __future__ import annotations

import html as htmllib
import re
from collections.abc import Callable
from pathlib import Path

from scripts import sitedata
from scripts.build import glossary

CALL = re.compile(r"<!--\s*call\s*:\s*([\w\s-]+?)\s*-->")
_TABLE = re.compile(r"<table>(.*?)</table>", re.S)
_HEAD = re.compile(r"<thead>(.*?)</thead>", re.S)
_CELL_TH = re.compile(r"<th\b[^>]*>(.*?)</th>", re.S)
_ROW = re.compile(r"<tr>(.*?)</tr>", re.S)
_TD = re.compile(r"<td\b")
_TAGS = re.compile(r"<[^>]+>")
# Python-Markdown's admonition: `!!! glance` without a title gets "Glance".
_GLANCE = re.compile(r'<div class="admonition glance">\s*<p class="admonition-title">(.*?)</p>', re.S)


def _text(fragment: str) -> str:
    return " ".join(htmllib.unescape(_TAGS.sub("", fragment)).split())


def label_table_cells(content: str) -> str:
    """Give each body cell of a table its column header as `data-label`."""

    def table(match: re.Match[str]) -> str:
        inner = match.group(1)
        head = _HEAD.search(inner)
        if not head:
            return match.group(0)
        labels = [_text(cell) for cell in _CELL_TH.findall(head.group(1))]

        def row(row_match: re.Match[str]) -> str:
            if "<th" in row_match.group(1):
                return row_match.group(0)
            column = iter(range(len(labels) + 100))

            def cell(_: re.Match[str]) -> str:
                n = next(column)
                label = labels[n] if n < len(labels) else ""
                return f'<td data-label="{htmllib.escape(label)}"' if label else "<td"

            return "<tr>" + _TD.sub(cell, row_match.group(1)) + "</tr>"

        body = inner[head.end():]
        return "<table>" + inner[:head.end()] + _ROW.sub(row, body) + "</table>"

    return _TABLE.sub(table, content)


def mark_glance(content: str, title: str) -> str:
    """Render `!!! glance` boxes with `data-at-a-glance` and the localized default title."""

    def box(match: re.Match[str]) -> str:
        heading = match.group(1).strip()
        if heading == "Glance":  # no title written: use the language's own
            heading = htmllib.escape(title)
        return ('<div class="admonition glance" data-at-a-glance>'
                f'<p class="admonition-title">{heading}</p>')

    return _GLANCE.sub(box, content)


def _tel(phone: str) -> str:
    return "".join(ch for ch in phone if ch.isdigit() or ch == "+")


def render_calls(names: str, lang: str, data_dir: Path = sitedata.DATA_DIR) -> str:
    """Tap-to-call buttons for contacts (by key) or whole groups, from data/contacts.yml."""
    data = sitedata.load_yaml("contacts.yml", data_dir)
    groups, contacts = data.get("groups", {}), data.get("contacts", {})
    keys: list[str] = []
    for name in names.split():
        found = groups.get(name) or ([name] if name in contacts else None)
        if found is None:
            raise sitedata.UnknownContactGroup(name)
        keys += [k for k in found if k not in keys]
    items = []
    for key in keys:
        contact = contacts[key]
        if not contact.get("phone"):
            continue
        label = contact["name"].get(lang) or contact["name"]["sk"]
        items.append(f'<li><a class="call__link" href="tel:{_tel(contact["phone"])}">'
                     f'<strong>{htmllib.escape(contact["phone"])}</strong> '
                     f'<span>{htmllib.escape(label)}</span></a></li>')
    return '<ul class="call">\n' + "\n".join(items) + "\n</ul>\n"


def expand_calls(markdown: str, lang: str, data_dir: Path = sitedata.DATA_DIR) -> str:
    return CALL.sub(lambda m: "\n" + render_calls(m.group(1), lang, data_dir) + "\n", markdown)


def first_letter(term: str) -> str:
    """The Slovak dictionary letter a term is filed under (ch is one letter)."""
    rank = glossary.slovak_order(term)[0][:1]
    alphabet = glossary._ALPHABET
    if rank and 0 <= rank[0] < len(alphabet):
        return alphabet[rank[0]]
    return term[:1].casefold()


def glossary_extras(content: str, lang: str, guide_link: Callable[[str], tuple[str, str] | None],
                    label: str, more: str, data_dir: Path = sitedata.DATA_DIR) -> str:
    """The glossary page: an A–Z jump list, and a link from each term to its guide.

    `guide_link(target)` turns a `guide:` value (page path, optional #anchor) into
    (url relative to the glossary page, guide title), or None when there is no such page.
    """
    if glossary.PAGE_MARK not in content:
        return content
    letters: dict[str, str] = {}
    entries = load_guides(data_dir)
    for term in glossary.terms(data_dir):
        if not term.explanations.get(lang):
            continue
        letters.setdefault(first_letter(term.term), term.anchor)
        target = entries.get(term.term)
        link = guide_link(target) if target else None
        if link:
            url, title = link
            pattern = re.compile(rf'(<dt id="{re.escape(term.anchor)}"[^>]*>.*?</dt>\s*<dd>.*?)(</dd>)', re.S)
            addition = (f' <a class="glossary__guide" href="{htmllib.escape(url)}">'
                        f'{htmllib.escape(more)} {htmllib.escape(title)}</a>')
            content = pattern.sub(lambda m, a=addition: m.group(1) + a + m.group(2), content, count=1)
    jump = "".join(f'<li><a href="#{anchor}">{htmllib.escape(letter.capitalize())}</a></li>'
                   for letter, anchor in letters.items())
    nav = f'<nav class="az" aria-label="{htmllib.escape(label)}"><ul>{jump}</ul></nav>\n'
    return content.replace(glossary.PAGE_MARK, nav + glossary.PAGE_MARK, 1)


def load_guides(data_dir: Path = sitedata.DATA_DIR) -> dict[str, str]:
    """`term -> guide` from data/glossary.yml (the optional `guide:` key)."""
    entries = sitedata.load_yaml("glossary.yml", data_dir) or []
    return {str(e["term"]): str(e["guide"]) for e in entries
            if isinstance(e, dict) and e.get("term") and e.get("guide")}


def guide_linker(page, files, lang: str, title_of: Callable[[str], str]
                 ) -> Callable[[str], tuple[str, str] | None]:
    """`guide:` value -> (url relative to `page`, title) in the page's language."""

    def link(target: str) -> tuple[str, str] | None:
        path, _, anchor = target.partition("#")
        file = files.get_file_from_path(f"{lang}/{path}")
        if file is None:
            return None
        url = file.url_relative_to(page.file)
        return url + (f"#{anchor}" if anchor else ""), title_of(path)

    return link


def not_found_context(config, lang: str, codes: list[str], source_language: str,
                      names: dict[str, str], data_dir: Path = sitedata.DATA_DIR) -> dict:
    """What the 404 template needs: home pages of the languages and the free-help contacts."""
    import markdown as md

    base = (config.site_url or "/").split("://", 1)[-1]
    base = "/" + base.split("/", 1)[1] if "/" in base else "/"
    if not base.endswith("/"):
        base += "/"
    homes = [{"lang": code, "name": names.get(code, code),
              "url": base if code == source_language else f"{base}{code}/"} for code in codes]
    help_html = md.markdown(sitedata.render_contacts("free-help", lang, data_dir))
    return {"home_alternates": homes, "not_found_help": help_html, "site_base": base,
            "site_languages": [c for c in codes if c != source_language]}


def minify_css(text: str) -> str:
    """The inlined site.css without comments and layout whitespace (it is on every page,
    and the first visit must stay within the weight budget). Spaces before `:` are kept:
    `a :is(b)` and `a:is(b)` differ."""
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"\s*([{};,>])\s*", r"\1", text)
    return text.replace(";}", "}").strip()


def minify_js(text: str) -> str:
    """site.js without whole-line comments and indentation (it is on every first visit;
    the source keeps its comments). Safe for this file: no template literals."""
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    text = re.sub(r"^\s*//.*\n", "", text, flags=re.M)
    return re.sub(r"^[ \t]+", "", text, flags=re.M)

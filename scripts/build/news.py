"""'What changed': law and procedure changes from data/news.yml, as a page and an Atom feed.

Both are generated from the same entries, in every language, at build time.
"""

from __future__ import annotations

import datetime as dt
import html
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from scripts.sitedata import DATA_DIR, format_day, load_yaml

ATOM = "http://www.w3.org/2005/Atom"


@dataclass(frozen=True)
class Change:
    date: dt.date
    pages: tuple[str, ...]
    text: dict[str, dict[str, str]]  # language -> {title, summary}

    @property
    def anchor(self) -> str:
        return f"change-{self.date.isoformat()}-{self.slug}"

    @property
    def slug(self) -> str:
        # Two changes on one day are told apart by their first page.
        first = self.pages[0] if self.pages else "site"
        return first.removesuffix(".md").replace("/index", "").replace("/", "-")


class NewsError(ValueError):
    pass


def changes(data_dir: Path = DATA_DIR, languages: list[str] | None = None) -> list[Change]:
    """The entries, newest first; every entry must be written in every language."""
    path = data_dir / "news.yml"
    if not path.exists():
        return []
    out = []
    for number, entry in enumerate(load_yaml("news.yml", data_dir) or [], start=1):
        if not isinstance(entry, dict) or not isinstance(entry.get("date"), dt.date):
            raise NewsError(f"data/news.yml: entry {number} needs a date such as 2026-01-01.")
        text = {k: v for k, v in entry.items() if isinstance(v, dict)}
        for lang in languages or []:
            if not (text.get(lang) or {}).get("title") or not text[lang].get("summary"):
                raise NewsError(f"data/news.yml: the entry of {entry['date']} has no {lang} "
                                f"title or summary; add `{lang}: {{title: …, summary: …}}`.")
        out.append(Change(entry["date"], tuple(entry.get("pages") or ()), text))
    return sorted(out, key=lambda c: c.date, reverse=True)


def render_page(lang: str, title_of: Callable[[str], str], data_dir: Path = DATA_DIR,
                guides_label: str = "") -> str:
    """Markdown for the news page; `title_of(path)` gives a guide's title in this language."""
    blocks = []
    for change in changes(data_dir):
        text = change.text[lang]
        links = ", ".join(f"[{title_of(p)}]({p})" for p in change.pages)
        day = format_day(change.date, lang, data_dir)
        blocks.append(
            '<article class="news-entry" markdown="1">\n\n'
            f"### {html.escape(text['title'])} {{ #{change.anchor} }}\n\n"
            f'<p class="news-entry__date"><time datetime="{change.date.isoformat()}">{day}</time></p>\n\n'
            f"{text['summary']}\n\n"
            + (f"{guides_label} {links}\n\n" if links else "")
            + "</article>")
    return "\n\n".join(blocks) + "\n"


def atom_feed(lang: str, *, title: str, page_url: str, feed_url: str,
              page_url_of: Callable[[str], str], author: str, data_dir: Path = DATA_DIR,
              stylesheet: str | None = None) -> bytes:
    """An Atom 1.0 feed of the changes in one language (absolute URLs).

    `stylesheet` (a path relative to the feed) adds an `<?xml-stylesheet?>` so that a
    browser shows a readable page instead of raw XML; feed readers ignore it.
    """
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": lang})
    entries = changes(data_dir)

    def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        el = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        if text is not None:
            el.text = text
        return el

    def stamp(day: dt.date) -> str:
        return f"{day.isoformat()}T00:00:00Z"

    sub(feed, "title", title)
    sub(feed, "id", feed_url)
    sub(feed, "link", href=feed_url, rel="self", type="application/atom+xml")
    sub(feed, "link", href=page_url, rel="alternate", type="text/html")
    sub(feed, "updated", stamp(entries[0].date if entries else dt.date.today()))
    sub(sub(feed, "author"), "name", author)
    for change in entries:
        text = change.text[lang]
        entry = sub(feed, "entry")
        sub(entry, "title", text["title"])
        sub(entry, "id", f"{page_url}#{change.anchor}")
        sub(entry, "link", href=f"{page_url}#{change.anchor}", rel="alternate", type="text/html")
        for path in change.pages:
            sub(entry, "link", href=page_url_of(path), rel="related", type="text/html")
        sub(entry, "updated", stamp(change.date))
        sub(entry, "published", stamp(change.date))
        sub(entry, "summary", text["summary"])
    ET.indent(feed)
    head = b'<?xml version="1.0" encoding="utf-8"?>\n'
    if stylesheet:
        head += f'<?xml-stylesheet type="text/xsl" href="{html.escape(stylesheet)}"?>\n'.encode()
    return head + ET.tostring(feed, encoding="utf-8")


def feed_stylesheet(lang: str, strings: dict[str, str]) -> bytes:
    """XSLT that renders a feed as a page in its language: what a feed is, how to
    follow it, and the changes themselves (same origin, no script, no request)."""
    text = {key: html.escape(strings[key]) for key in ("feed_intro", "feed_address", "feed_page")}
    return f"""<?xml version="1.0" encoding="utf-8"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:a="{ATOM}">
<xsl:output method="html" encoding="utf-8" doctype-system="about:legacy-compat"/>
<xsl:template match="/a:feed">
<html lang="{html.escape(lang)}">
<head>
<meta charset="utf-8"/>
<meta name="viewport" content="width=device-width,initial-scale=1"/>
<title><xsl:value-of select="a:title"/></title>
<style>body{{max-width:40rem;margin:0 auto;padding:1rem;font:1rem/1.5 system-ui,sans-serif;color:#1f1f1f}}
.feed-about{{padding:.8rem;border-left:.25rem solid #3f51b5;background:#f5f5f5}}
code{{overflow-wrap:anywhere}}a{{color:#3043a8}}article{{border-top:1px solid #ddd}}</style>
</head>
<body>
<h1><xsl:value-of select="a:title"/></h1>
<div class="feed-about">
<p>{text["feed_intro"]}</p>
<p>{text["feed_address"]} <code><xsl:value-of select="a:link[@rel='self']/@href"/></code></p>
<p><a href="{{a:link[@rel='alternate']/@href}}">{text["feed_page"]}</a></p>
</div>
<xsl:for-each select="a:entry">
<article>
<h2><a href="{{a:link[@rel='alternate']/@href}}"><xsl:value-of select="a:title"/></a></h2>
<p><time datetime="{{substring(a:updated, 1, 10)}}">
<xsl:value-of select="substring(a:updated, 1, 10)"/></time></p>
<p><xsl:value-of select="a:summary"/></p>
</article>
</xsl:for-each>
</body>
</html>
</xsl:template>
</xsl:stylesheet>
""".encode()

"""Search helpers for the build: editors' keywords in the page, and each language's
query settings for assets/search.js.

- `keywords_html(meta)`: the page's front-matter `keywords` (the words readers use:
  colloquial terms, misspellings, the Slovak official term) as a hidden paragraph that
  Pagefind indexes with extra weight. Readers never see it; it sits before the first
  section heading, so a keyword match links to the page itself.
- `write_settings(...)`: data/search.yml's block for one language plus what the search
  box shows when nothing matches (the most-read guides with their titles, the free-help
  contacts), as assets/search/<lang>.json. search.js downloads it on first use only.
- `add_page_ids(site_dir)`: after Pagefind indexed the site, adds every indexed page of
  the language (id -> url, title, keywords) to that file, so that search.js lists and
  orders results before downloading any page's text.
"""

from __future__ import annotations

import gzip
import html
import json
from collections.abc import Callable
from pathlib import Path

from scripts import sitedata

# Pagefind ranks h1 at 7 and h2 at 6; the hidden description is 6. Keywords are the
# readers' own words for the page's subject, so they count like a section heading.
KEYWORD_WEIGHT = 9
SETTINGS_DIR = "assets/search"


def keyword_list(meta: dict) -> list[str]:
    """The page's keywords, or [] when the key is absent or malformed (the check reports that)."""
    words = meta.get("keywords") if isinstance(meta, dict) else None
    if not isinstance(words, list):
        return []
    return [str(w).strip() for w in words if isinstance(w, (str, int, float)) and str(w).strip()]


def keywords_html(meta: dict) -> str:
    words = keyword_list(meta)
    if not words:
        return ""
    # The `hidden` attribute keeps it out of sight and out of screen readers;
    # Pagefind reads the HTML, not the rendering, so it still indexes the words.
    # data-pagefind-meta also returns them with each result, so that search.js can put
    # a page first when the reader typed one of its keywords exactly.
    return (f'<p class="search-keywords" hidden data-pagefind-weight="{KEYWORD_WEIGHT}" '
            'data-pagefind-meta="keywords">'
            f"{html.escape(', '.join(words))}</p>\n")


def _strings(values) -> list[str]:
    return [str(v).casefold() for v in values or [] if str(v).strip()]


def language_settings(data_dir: Path, lang: str) -> dict:
    """data/search.yml's block for `lang` ({} when the file or the language is missing)."""
    path = data_dir / "search.yml"
    if not path.exists():
        return {}
    block = sitedata.load_yaml("search.yml", data_dir).get(lang)
    return block if isinstance(block, dict) else {}


def page_url(rel: str, prefix: str, directory_urls: bool = True) -> str:
    """Site-relative URL of docs/<lang>/<rel> ("en/residence/fees/")."""
    stem = rel.removesuffix(".md")
    if not directory_urls:
        return prefix + stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return prefix + stem.removesuffix("index")
    return prefix + stem + "/"


def settings(data_dir: Path, lang: str, prefix: str,
             page_info: Callable[[str], tuple[str, str] | None],
             directory_urls: bool = True) -> dict:
    """What search.js needs for one language; page_info(rel) gives (title, description)."""
    block = language_settings(data_dir, lang)

    def pages(rels) -> list[dict]:
        out = []
        for rel in rels or []:
            info = page_info(str(rel))
            if info is None:
                continue
            title, description = info
            out.append({"url": page_url(str(rel), prefix, directory_urls), "title": title,
                        "description": description})
        return out

    try:
        contacts = sitedata.contact_group("free-help", data_dir)
    except (sitedata.UnknownContactGroup, FileNotFoundError):
        contacts = []
    help_ = []
    for contact in contacts:
        name = contact.get("name") or {}
        note = contact.get("note") or {}
        help_.append({
            "name": name.get(lang) or name.get("en") or contact["key"],
            "phone": str(contact.get("phone") or ""),
            "url": str(contact.get("url") or ""),
            "address": str(contact.get("address") or ""),
            "note": note.get(lang) or "",
        })
    return {
        "lang": lang,
        "min_stem": int(block.get("min_stem") or 4),
        "stop_words": _strings(block.get("stop_words")),
        "endings": sorted(_strings(block.get("endings")), key=len, reverse=True),
        "intents": [{"words": _strings(i.get("words")), "pages": pages(i.get("pages")),
                     "anchors": [str(a) for a in i.get("anchors") or []]}
                    for i in block.get("intents") or [] if isinstance(i, dict)],
        "popular": pages(block.get("popular")),
        "help": help_,
        "ranking": {str(k): float(v) for k, v in (block.get("ranking") or {}).items()},
        "ui": {str(k): str(v) for k, v in (block.get("ui") or {}).items()},
    }


def write_settings(site_dir: Path, data: dict) -> Path:
    target = site_dir / SETTINGS_DIR / f"{data['lang']}.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return target


def indexed_pages(site_dir: Path) -> dict[str, dict[str, list[str]]]:
    """Every page Pagefind indexed, per language: {lang: {page id: [url, title, keywords]}}.

    The id is the name of the page's fragment (Pagefind prefixes it with the page's
    language, "en_abc1234"), the url is relative to the site root ("en/residence/fees/"),
    and the title and keywords are the page's Pagefind meta (what `result.data()` returns)."""
    pages: dict[str, dict[str, list[str]]] = {}
    for fragment in sorted((site_dir / "pagefind" / "fragment").glob("*.pf_fragment")):
        text = gzip.decompress(fragment.read_bytes()).decode("utf-8")
        data = json.loads(text[text.index("{"):])  # after Pagefind's file signature
        page_id = fragment.name.removesuffix(".pf_fragment")
        lang = page_id.rpartition("_")[0].split("-")[0]
        meta = data.get("meta") or {}
        url = str(data.get("url", "")).lstrip("/")
        entry = [url, str(meta.get("title") or url)]
        if meta.get("keywords"):
            entry.append(str(meta["keywords"]))
        pages.setdefault(lang, {})[page_id] = entry
    return pages


def add_page_ids(site_dir: Path) -> None:
    """After Pagefind ran: add what search.js needs to know of each page before loading it.

    - `pages`: every indexed page of the language (see `indexed_pages`). search.js lists
      each result with its link and title at once and decides the order (keywords the
      reader typed exactly) before downloading any page's fragment; fragments are then
      loaded only for the results on screen, for their best section and excerpt.
    - each intent page gets its Pagefind id, so that search.js raises the page's own
      result (with its sections and highlighted words) instead of a plain link."""
    pages = indexed_pages(site_dir)
    for path in (site_dir / SETTINGS_DIR).glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        own = pages.get(str(data.get("lang", "")), {})
        ids = {entry[0]: page_id for page_id, entry in own.items()}
        for intent in data.get("intents", []):
            for page in intent.get("pages", []):
                # Both are relative to the site root ("en/residence/fees/").
                if page["url"] in ids:
                    page["id"] = ids[page["url"]]
        data["pages"] = own
        write_settings(site_dir, data)

"""MkDocs hooks: what the theme and the i18n plugin do not do for us.

- expand shared-data markers (`<!-- contacts: free-help -->`) in the page's language;
- give templates the review dates and sources of the Slovak source page, which
  are written once there and shown in every language;
- absolute hreflang alternates with x-default;
- one 404 page per language, and the root one in the default language;
- robots.txt pointing to the sitemap.

The i18n plugin runs a full build per language, so every hook here runs once
per language; `_language(config)` tells which.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page as MkPage

from scripts import sitedata
from scripts.model import MARKER, read_page
from scripts.siteconfig import load_site_config

_state: dict = {}


def _language(config: MkDocsConfig) -> str:
    return str(config.theme["language"])


def _site(config: MkDocsConfig):
    root = Path(config.config_file_path).parent
    if _state.get("root") != root:
        _state.clear()
        _state["root"] = root
        _state["site"] = load_site_config(root)
        _state["sources"] = {}
        _state["data_dir"] = root / "data"
    return _state["site"]


def _source_page(config: MkDocsConfig, rel: str):
    """The Slovak source page as read by the content model (cached per build)."""
    site = _site(config)
    cache = _state["sources"]
    if rel not in cache:
        path = site.docs_dir / site.source_language / rel
        cache[rel] = read_page(path, rel=rel, lang=site.source_language,
                               display_path=str(path)) if path.exists() else None
    return cache[rel]


def _rel(page: MkPage, config: MkDocsConfig) -> str:
    # src_uri is "<locale>/<path>" with the folder layout.
    return page.file.src_uri.split("/", 1)[1]


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _site(config)
    _state["sources"] = {}
    if _language(config) == _state["site"].source_language:
        _state.pop("status", None)  # a new build (or a live reload): recompute
    return config


def on_page_markdown(markdown: str, page: MkPage, config: MkDocsConfig, files) -> str:
    if not page.meta and markdown.lstrip().startswith("---"):
        # MkDocs renders front matter it cannot parse as text; never publish that.
        raise PluginError(
            f"{page.file.src_uri}: the front matter is not valid YAML and would be shown as text. "
            "Run `make check` for the line and how to fix it.")
    lang = _language(config)
    data_dir = _state["data_dir"]

    def expand(match):
        kind, group = match.group(1), match.group(2)
        if kind == "status":
            return "\n" + _translation_status(config) + "\n"
        try:
            return "\n" + sitedata.render_contacts(group, lang, data_dir) + "\n"
        except sitedata.UnknownContactGroup:
            known = ", ".join(sitedata.contact_groups(data_dir))
            raise PluginError(
                f"{page.file.src_uri}: unknown {kind} group '{group}' (known: {known})"
            ) from None

    return MARKER.sub(expand, markdown)


def _translation_status(config: MkDocsConfig) -> str:
    """The translation dashboard, computed once per build of all languages."""
    if "status" not in _state:
        from scripts.model import load_site
        from scripts.status import dashboard

        _state["status"] = dashboard(load_site(_site(config)), embedded=True)
    return _state["status"]


def _absolute(config: MkDocsConfig, url: str) -> str:
    base = config.site_url or "/"
    if not base.endswith("/"):
        base += "/"
    return base + ("" if url in ("", "./", ".") else url)


def on_page_context(context, page: MkPage, config: MkDocsConfig, nav):
    lang = _language(config)
    site = _site(config)
    data_dir = _state["data_dir"]
    strings = sitedata.ui(lang, data_dir)
    context["ui"] = strings

    file_locale = getattr(page.file, "locale", lang)
    context["is_fallback"] = file_locale != lang

    alternates = []
    for code in site.codes:
        alt = getattr(page.file, "alternates", {}).get(code)
        # A fallback copy is not a translation: do not announce it as one.
        if alt is None or getattr(alt, "locale", code) != code:
            continue
        alternates.append({"lang": code, "href": _absolute(config, alt.url)})
    default = next((a for a in alternates if a["lang"] == site.source_language), None)
    if default:
        alternates.append({"lang": "x-default", "href": default["href"]})
    context["hreflang"] = alternates
    if context["is_fallback"]:
        # An untranslated copy points search engines to the original.
        source_alt = getattr(page.file, "alternates", {}).get(site.source_language)
        if source_alt is not None:
            page.canonical_url = _absolute(config, source_alt.url)

    source = _source_page(config, _rel(page, config)) if page.file.src_uri.endswith(".md") else None
    review = None
    if source is not None and source.front_matter.get("last_reviewed"):
        fm = source.front_matter
        reviewed, due = fm.get("last_reviewed"), fm.get("review_by")
        if isinstance(reviewed, dt.date) and isinstance(due, dt.date):
            review = {
                "last_reviewed": reviewed.isoformat(),
                "last_reviewed_text": sitedata.format_day(reviewed, lang, data_dir),
                "review_by": due.isoformat(),
                "review_by_text": sitedata.format_day(due, lang, data_dir),
                "expired": due < dt.date.today(),
            }
        context["sources"] = [s for s in fm.get("sources") or [] if isinstance(s, dict)]
    context["review"] = review
    return context


def build_search_index(site_dir: Path) -> None:
    """Pagefind: one index per language (from <html lang>), article content only."""
    result = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--quiet",
         "--exclude-selectors", ".headerlink, .guide-review, .md-search"],
        capture_output=True, text=True, timeout=600, check=False)
    if result.returncode != 0:
        raise PluginError(f"pagefind failed to index {site_dir}:\n{result.stdout}{result.stderr}")


def on_template_context(context, template_name: str, config: MkDocsConfig):
    """The 404 page is a static template: give it its language's strings and home link."""
    if template_name == "404.html":
        lang = _language(config)
        site = _site(config)
        context["ui"] = sitedata.ui(lang, _state["data_dir"])
        base = context.get("base_url", "/").rstrip("/")
        home = "/" if lang == site.source_language else f"/{lang}/"
        context["home_url"] = base + home
    return context


def on_post_build(config: MkDocsConfig) -> None:
    """Give each language its own 404 page; keep the root one in the default language."""
    site = _site(config)
    lang = _language(config)
    site_dir = Path(config.site_dir)
    built = site_dir / "404.html"
    keep = site_dir / ".404.default.html"
    if lang == site.source_language:
        if built.exists():
            shutil.copyfile(built, keep)
    else:
        target = site_dir / lang / "404.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        if built.exists():
            shutil.copyfile(built, target)
        if keep.exists():
            shutil.copyfile(keep, built)
    if lang == site.codes[-1]:
        if keep.exists():
            keep.unlink()
        build_search_index(site_dir)
    robots = site_dir / "robots.txt"
    robots.write_text(
        f"User-agent: *\nAllow: /\nSitemap: {_absolute(config, 'sitemap.xml')}\n", encoding="utf-8"
    )

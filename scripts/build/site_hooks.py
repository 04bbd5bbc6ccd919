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
from urllib.parse import quote, urlencode

from jinja2 import FileSystemBytecodeCache
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page as MkPage

from scripts import registry, sitedata
from scripts.build import cssdiet, glossary, handbook, htmlfixes, news, offline, phone, search_keywords
from scripts.checks import outdated
from scripts.model import MARKER
from scripts.siteconfig import load_site_config

_state: dict = {}
_startup: dict = {}


def on_startup(command: str, dirty: bool) -> None:
    # `mkdocs serve` skips the offline files and the PDF handbook, to stay fast.
    _startup["command"] = command


def _publishing() -> bool:
    return _startup.get("command", "build") != "serve"


def _language(config: MkDocsConfig) -> str:
    return str(config.theme["language"])


def _site(config: MkDocsConfig):
    root = Path(config.config_file_path).parent
    if _state.get("root") != root:
        _state.clear()
        _state["root"] = root
        _state["site"] = load_site_config(root)
        _state["data_dir"] = root / "data"
    return _state["site"]


def _rel(page: MkPage, config: MkDocsConfig) -> str:
    # src_uri is "<locale>/<path>" with the folder layout.
    return page.file.src_uri.split("/", 1)[1]


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _site(config)
    # The i18n plugin configures the source language twice per build; what is shared by
    # all languages is computed again only for a new build of changed files (a live reload).
    inputs = _inputs() if _language(config) == _state["site"].source_language else None
    if inputs is not None and inputs != _state.get("inputs"):
        _state.pop("inputs", None)
        for key in [k for k in _state if k.startswith("status:")]:
            _state.pop(key)
        _state.pop("model", None)
        glossary.clear_cache()
        registry.clear_cache()
        sitedata.load_yaml.cache_clear()
        _check_data(config)
        try:
            news.changes(_state["data_dir"], _state["site"].codes)
        except news.NewsError as error:
            raise PluginError(str(error)) from None
        _state["inputs"] = inputs  # only once the data passed its checks
    return config


def _inputs() -> tuple:
    """Name, size and modification time of every file of docs/ and data/."""
    out = []
    for folder in (_state["site"].docs_dir, _state["data_dir"]):
        for path in sorted(folder.rglob("*")):
            stat = path.stat()
            out.append((str(path), stat.st_size, stat.st_mtime_ns))
    return tuple(out)


def _check_data(config: MkDocsConfig) -> None:
    """A defect in data/ stops the build with the same message `make check` gives."""
    from scripts.checks import data
    from scripts.findings import ERROR

    errors = [f for f in data.check_files(_model(config)) if f.severity == ERROR]
    if errors:
        raise PluginError("data/ has errors (run `make check`):\n" + "\n".join(
            f"  {f.path}:{f.line}: [{f.rule}] {f.message}\n      fix: {f.hint}" for f in errors))


def on_env(env, config: MkDocsConfig, files):
    env.filters["cssmin"] = phone.minify_css  # overrides/main.html inlines site.css with it
    # The i18n plugin builds each language with a new Jinja environment, which would compile
    # Material's ~35 templates again every time: keep the compiled templates on disk (keyed
    # by template source), shared by the languages and by later builds.
    env.bytecode_cache = FileSystemBytecodeCache(str(_jinja_cache()))
    return env


def _jinja_cache() -> Path:
    path = Path(__file__).resolve().parents[2] / ".cache" / "jinja"
    path.mkdir(parents=True, exist_ok=True)
    return path


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
            return "\n" + _translation_status(config, lang) + "\n"
        if kind == "glossary":
            return "\n" + glossary.render_page(lang, data_dir) + "\n"
        if kind == "news":
            return "\n" + _news_page(page, config, lang) + "\n"
        try:
            return "\n" + sitedata.render_contacts(group, lang, data_dir) + "\n"
        except sitedata.UnknownContactGroup:
            known = ", ".join(sitedata.contact_groups(data_dir))
            raise PluginError(
                f"{page.file.src_uri}: unknown {kind} group '{group}' (known: {known})"
            ) from None

    try:  # tap-to-call buttons: <!-- call: emergency-112 mic-hotline -->
        markdown = phone.expand_calls(markdown, lang, data_dir)
    except sitedata.UnknownContactGroup as error:
        raise PluginError(f"{page.file.src_uri}: unknown contact or group {error} in a call marker") from None
    return _facts(MARKER.sub(expand, markdown), page, lang)


def _facts(markdown: str, page: MkPage, lang: str) -> str:
    """Registered facts (`{{ fact:ID }}`) in the page language's notation."""
    try:
        return registry.expand(markdown, lang, _state["data_dir"])
    except registry.UnknownFact as error:
        line = next((number for number, text in enumerate(markdown.split("\n"), start=1)
                     if str(error.args[0]) in text), 0)
        raise PluginError(
            f"docs/{page.file.src_uri}: {error.args[0]} names no registered fact "
            f"(rendered line {line}). Run `make check` for the file line and the fix.") from None


def _model(config: MkDocsConfig):
    """The toolkit's content model of the whole site, read once per build of all languages."""
    if "model" not in _state:
        from scripts.model import load_site

        _state["model"] = load_site(_site(config))
    return _state["model"]


def _translation_status(config: MkDocsConfig, lang: str) -> str:
    """The translation dashboard in the page's language, computed once per language."""
    key = f"status:{lang}"
    if key not in _state:
        from scripts.editors.status import dashboard, site_links

        cfg = _site(config)
        links = site_links(config.site_url, config.edit_uri, cfg.source_language)
        strings = sitedata.ui(lang, _state["data_dir"]).get("status")
        _state[key] = dashboard(_model(config), embedded=True, strings=strings, links=links)
    return _state[key]


def _page_title(config: MkDocsConfig, lang: str, rel: str) -> str:
    page = _model(config).page(lang, rel) or _model(config).page(_site(config).source_language, rel)
    return str(page.front_matter.get("title") or rel) if page else rel


def _news_page(page: MkPage, config: MkDocsConfig, lang: str) -> str:
    here = _rel(page, config)
    depth = here.count("/")

    def link(rel: str) -> str:
        return _page_title(config, lang, rel)

    text = news.render_page(lang, link, _state["data_dir"],
                            guides_label=sitedata.ui(lang, _state["data_dir"])["news_guides"])
    if depth:  # links in data/news.yml are relative to the docs root of the language
        text = text.replace("](", "](" + "../" * depth)
    # With directory URLs the page is one folder deeper than its file.
    feed = "../" * (depth + (1 if config.use_directory_urls else 0)) + "feed.xml"
    label = sitedata.ui(lang, _state["data_dir"])["news_subscribe"]
    subscribe = f'<p class="news-feed"><a href="{feed}" type="application/atom+xml">{label}</a></p>'
    return subscribe + "\n\n" + text


def _translation_notice(page: MkPage, config: MkDocsConfig, is_fallback: bool) -> dict | None:
    """Whether this page is an untranslated copy or a translation behind its Slovak source."""
    site = _site(config)
    lang = _language(config)
    source_file = getattr(page.file, "alternates", {}).get(site.source_language)
    if lang == site.source_language or source_file is None or not page.file.src_uri.endswith(".md"):
        return None
    if is_fallback:
        return {"kind": "missing", "source_url": source_file.url}
    model = _model(config)
    rel = _rel(page, config)
    translation, source = model.page(lang, rel), model.page(site.source_language, rel)
    if translation is None or source is None:
        return None
    state, details = outdated.status(model, translation, source, use_git=True)
    if state not in ("outdated", "unstamped"):
        return None
    changed = details.get("date")
    if changed is None:
        changed = dt.date.fromtimestamp(source.path.stat().st_mtime).isoformat()
    day = dt.date.fromisoformat(changed)
    return {"kind": "outdated", "source_url": source_file.url, "changed": day.isoformat(),
            "changed_text": sitedata.format_day(day, lang, _state["data_dir"])}


def _report_links(page: MkPage, config: MkDocsConfig, lang: str) -> dict:
    """A pre-filled issue and e-mail for "Report a problem" (no widget, no tracking)."""
    settings = (config.extra or {}).get("report") or {}
    issues = settings.get("issues_url") or ""
    strings = sitedata.ui(lang, _state["data_dir"])
    address = _absolute(config, page.url)
    path = page.file.src_uri
    title = f"[{lang}] {path}: "
    body = strings["report_body"].format(url=address, lang=lang, path=path)
    out = {}
    if issues:
        out["issue"] = issues + "?" + urlencode({"title": title, "body": body}, quote_via=quote)
    if settings.get("email"):
        out["email"] = (f"mailto:{settings['email']}?"
                        + urlencode({"subject": title, "body": body}, quote_via=quote))
    return out


def _language_suggestions(config: MkDocsConfig, page: MkPage, lang: str) -> list[dict]:
    """On the Slovak home page: the other languages, each with its own wording."""
    site = _site(config)
    if lang != site.source_language or not page.is_homepage:
        return []
    out = []
    for code in site.translation_languages:
        alt = getattr(page.file, "alternates", {}).get(code)
        if alt is None or getattr(alt, "locale", code) != code:
            continue
        strings = sitedata.ui(code, _state["data_dir"])
        out.append({"lang": code, "url": alt.url, "text": strings["suggest_text"],
                    "switch": strings["suggest_switch"], "dismiss": strings["suggest_dismiss"]})
    return out


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

    # Review dates and sources are written once, in the Slovak source.
    source = (_model(config).page(site.source_language, _rel(page, config))
              if page.file.src_uri.endswith(".md") else None)
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
    context["translation_notice"] = _translation_notice(page, config, context["is_fallback"])
    context["report"] = _report_links(page, config, lang)
    context["language_suggestions"] = _language_suggestions(config, page, lang)
    context["feed_url"] = _feed_path(config, lang) if _has_news(config) else None
    context["offline"] = offline.page_context(site, lang, _rel(page, config)) if _publishing() else None
    return context


def on_page_content(html: str, page: MkPage, config: MkDocsConfig, files) -> str:
    """Explain the first use of each Slovak official term (not on the glossary page itself)."""
    # A checklist's box is decorative: its item is the list text (an unnamed, disabled
    # checkbox is only noise for screen readers).
    html = html.replace('<label class="task-list-control">',
                        '<label class="task-list-control" aria-hidden="true">')
    # Editors' search keywords go in after the glossary pass, which must not mark them.
    keywords = search_keywords.keywords_html(page.meta)
    lang = _language(config)
    strings = sitedata.ui(lang, _state["data_dir"])
    html = phone.mark_glance(phone.label_table_cells(html), strings["glance_title"])
    if glossary.PAGE_MARK in html:  # the glossary page explains every term already
        link = phone.guide_linker(page, files, lang, lambda rel: _page_title(config, lang, rel))
        return keywords + phone.glossary_extras(html, lang, link, strings["glossary_letters"],
                                                strings["glossary_guide"], _state["data_dir"])
    return keywords + glossary.annotate(html, lang, _state["data_dir"])


def _feed_path(config: MkDocsConfig, lang: str) -> str:
    """Site-relative path of a language's Atom feed, next to its home page."""
    site = _site(config)
    return "feed.xml" if lang == site.source_language else f"{lang}/feed.xml"


def _has_news(config: MkDocsConfig) -> bool:
    """A site without a "What changed" page has no feed (and announces none)."""
    site = _site(config)
    return (site.docs_dir / site.source_language / "news.md").exists()


def write_feed(config: MkDocsConfig, lang: str) -> None:
    if not _has_news(config):
        return
    site = _site(config)
    prefix = "" if lang == site.source_language else f"{lang}/"
    strings = sitedata.ui(lang, _state["data_dir"])
    target = Path(config.site_dir) / _feed_path(config, lang)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(news.atom_feed(
        lang, title=f"{strings['news_feed_title']} – {config.site_name}",
        page_url=_absolute(config, f"{prefix}news/"),
        feed_url=_absolute(config, _feed_path(config, lang)),
        page_url_of=lambda rel: _absolute(config, prefix + _directory_url(rel)),
        author=config.site_name, data_dir=_state["data_dir"], stylesheet="feed.xsl"))
    # Opened in a browser, the feed explains itself (see news.feed_stylesheet).
    target.with_name("feed.xsl").write_bytes(news.feed_stylesheet(lang, strings))


def _directory_url(rel: str) -> str:
    stem = rel.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


# Page furniture inside the article that would only add noise to search results.
NOT_SEARCHED = ".headerlink, .guide-review, .md-search, .guide-notice, .guide-report, .lang-suggest"


def build_search_index(site_dir: Path) -> None:
    """Pagefind: one index per language (from <html lang>), article content only."""
    result = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--quiet",
         "--exclude-selectors", NOT_SEARCHED],
        capture_output=True, text=True, timeout=600, check=False)
    if result.returncode != 0:
        raise PluginError(f"pagefind failed to index {site_dir}:\n{result.stdout}{result.stderr}")
    search_keywords.add_page_ids(site_dir)


def _write_search_settings(config: MkDocsConfig, lang: str) -> None:
    site = _site(config)
    model = _model(config)

    def info(rel: str):
        page = model.page(lang, rel) or model.page(site.source_language, rel)
        if page is None:
            return None
        fm = page.front_matter
        return str(fm.get("title") or rel), str(fm.get("description") or "")

    prefix = "" if lang == site.source_language else f"{lang}/"
    search_keywords.write_settings(Path(config.site_dir), search_keywords.settings(
        _state["data_dir"], lang, prefix, info, directory_urls=config.use_directory_urls))


def _run(step, *args) -> None:
    try:
        step(*args)
    except (handbook.HandbookError, offline.OfflineError) as error:
        raise PluginError(str(error)) from None


def on_template_context(context, template_name: str, config: MkDocsConfig):
    """The 404 page is a static template: give it its language's strings and home link."""
    if template_name == "404.html":
        lang = _language(config)
        site = _site(config)
        context["ui"] = sitedata.ui(lang, _state["data_dir"])
        base = context.get("base_url", "/").rstrip("/")
        home = "/" if lang == site.source_language else f"/{lang}/"
        context["home_url"] = base + home
        names = {language.code: language.name for language in site.languages}
        context.update(phone.not_found_context(config, lang, site.codes, site.source_language,
                                               names, _state["data_dir"]))
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
    write_feed(config, lang)
    _write_search_settings(config, lang)
    script = site_dir / "assets" / "site.js"
    if script.exists():  # served lighter than its commented source
        script.write_text(phone.minify_js(script.read_text(encoding="utf-8")), encoding="utf-8")
    if lang == site.codes[-1]:
        if keep.exists():
            keep.unlink()
        cssdiet.slim_material(site_dir)  # before the offline manifest records its size
        if _publishing() and handbook.enabled():  # before the index: home pages get the PDF's size
            _run(handbook.build, site, _model(config), site_dir, config.site_url or "/", _state["data_dir"])
        build_search_index(site_dir)
        if _publishing():
            _run(offline.build, site, site_dir, _state["data_dir"], config.site_url or "/")
    robots = site_dir / "robots.txt"
    robots.write_text(
        f"User-agent: *\nAllow: /\nSitemap: {_absolute(config, 'sitemap.xml')}\n", encoding="utf-8"
    )


def on_post_page(output: str, page: MkPage, config: MkDocsConfig) -> str:
    return htmlfixes.fix(output)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    return htmlfixes.fix(output_content)

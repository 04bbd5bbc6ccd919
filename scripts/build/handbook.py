"""The printable handbook: site/downloads/guide-<lang>.pdf for every language.

Counsellors hand out printed guides, so every build writes one PDF per language with
a cover (site name and the date of its information), a table of contents with page
numbers, and every area and guide in nav order with its review dates, sources and the address of every
link. The text comes from the built pages (the article of site/<lang>/…/index.html),
so it is exactly what readers see online, facts and contacts included.

WeasyPrint renders it with DejaVu Sans from the build machine (Debian's
fonts-dejavu-core covers Slovak and Cyrillic letters); nothing is fetched from the
network. Called by scripts/build/site_hooks.py after the last language is built.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html as htmllib
import logging
import os
import re
import shutil
import subprocess
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from importlib import metadata
from multiprocessing import get_context
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import yaml
from babel.numbers import format_decimal

from scripts import fingerprint, sitedata
from scripts.siteconfig import SiteConfig, _Loader

log = logging.getLogger("mkdocs.hooks.handbook")

FONT_FAMILY = "DejaVu Sans"
FONT_FILE = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
# Where the home page shows the handbook's size; filled in once the PDF exists.
SIZE_MARK = re.compile(r'(<span data-handbook-size>)[^<]*(</span>)')


class HandbookError(Exception):
    """The handbook cannot be built (missing font, WeasyPrint failure)."""


@dataclass
class Chapter:
    """One page of the site as it appears in the handbook."""

    anchor: str  # id of its <article> in the handbook
    url: str  # site-relative directory URL, e.g. en/residence/fees/
    title: str
    landing: bool  # an area's introduction (a chapter) rather than a guide


def enabled() -> bool:
    """GUIDE_HANDBOOK=0 leaves the PDFs (and the links to them) out of a build, e.g. a quick local one."""
    return os.environ.get("GUIDE_HANDBOOK", "1") != "0"


def pdf_path(site_dir: Path, lang: str) -> Path:
    return site_dir / "downloads" / f"guide-{lang}.pdf"


def language_prefix(site: SiteConfig, lang: str) -> str:
    """Where a language's pages live under the site root ("" for the source language)."""
    return "" if lang == site.source_language else f"{lang}/"


def page_url(site: SiteConfig, lang: str, rel: str) -> str:
    """Site-relative directory URL of a page (use_directory_urls), e.g. en/residence/fees/."""
    stem = rel.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        stem = stem.removesuffix("index")
    else:
        stem += "/"
    return language_prefix(site, lang) + stem


def check_font() -> None:
    """Fail early, with the fix, when the font that covers every language is missing."""
    if shutil.which("fc-match"):
        found = subprocess.run(["fc-match", "-f", "%{family}", FONT_FAMILY],
                               capture_output=True, text=True, check=False).stdout
        if FONT_FAMILY in found:
            return
    elif FONT_FILE.exists():
        return
    raise HandbookError(
        f"the PDF handbook needs the font {FONT_FAMILY} (Debian package fonts-dejavu-core), "
        "which covers Slovak and Cyrillic letters. Install it with `sh scripts/ensure-build-deps.sh` "
        "(as root) or `sudo apt-get install -y fonts-dejavu-core`.")


def site_names(site: SiteConfig) -> dict[str, str]:
    """Each language's site name (mkdocs.yml: site_name, or the i18n language's site_name)."""
    with open(site.root / "mkdocs.yml", encoding="utf-8") as fh:
        raw = yaml.load(fh, Loader=_Loader) or {}
    names = {code: str(raw.get("site_name") or "") for code in site.codes}
    for plugin in raw.get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            for item in (plugin["i18n"] or {}).get("languages") or []:
                if item.get("site_name") and item.get("locale") in names:
                    names[item["locale"]] = str(item["site_name"])
    return names


def format_size(size: int, lang: str, data_dir: Path) -> str:
    """A file size for readers, in the language's number format (e.g. 1,2 MB)."""
    locale = sitedata.ui(lang, data_dir)["date_locale"]
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} kB"
    return f"{format_decimal(round(size / 1024 / 1024, 1), format='#,##0.0', locale=locale)} MB"


def chapters(site: SiteConfig, model, lang: str) -> list[Chapter]:
    """Areas and guides in nav order (the home page and the site's own pages are left out)."""
    out = []
    for number, rel in enumerate(site.nav_paths()):
        source = model.page(site.source_language, rel)
        if source is None or rel == "index.md" or source.kind not in ("guide", "landing"):
            continue
        page = model.page(lang, rel) or source  # an untranslated page is built from Slovak
        title = str(page.front_matter.get("title") or rel)
        out.append(Chapter(anchor=f"p{number}", url=page_url(site, lang, rel), title=title,
                           landing=source.kind == "landing"))
    return out


_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)
_DROP = [
    re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S),
    re.compile(r'<p class="guide-description"[^>]*>.*?</p>', re.S),
    re.compile(r'<aside class="guide-report".*?</aside>', re.S),
    re.compile(r"<script.*?</script>", re.S),
]
_GLOSS_TIP = re.compile(r'<span class="gloss__tip".*?</span>', re.S)
_GLOSS_TERM = re.compile(r'<button type="button" class="gloss__term"([^>]*)>(.*?)</button>', re.S)
_CHECKBOX = re.compile(r'<label class="task-list-control"[^>]*>.*?</label>', re.S)
_ID = re.compile(r'\bid="([^"]+)"')
_HREF = re.compile(r'\bhref="([^"]*)"')
_SRC = re.compile(r'\bsrc="([^"]*)"')


def article(site_dir: Path, chapter: Chapter, site_url: str) -> str:
    """The built page's article, made self-contained for print.

    Ids get the chapter's prefix (every page has its own #documents); every link gets
    its absolute address, which is printed after the link text (unless the text is the
    address). Glossary explanations are left out: they are on the glossary page.
    """
    source = site_dir / chapter.url / "index.html"
    found = _ARTICLE.search(source.read_text(encoding="utf-8"))
    if not found:
        raise HandbookError(f"{source}: no <article> to print")
    body = found.group(1)
    for pattern in _DROP:
        body = pattern.sub("", body)
    body = _GLOSS_TIP.sub("", body)
    body = _GLOSS_TERM.sub(r'<span class="gloss__term"\1>\2</span>', body)
    body = _CHECKBOX.sub('<span class="task">☐</span>', body)
    body = _ID.sub(lambda m: f'id="{chapter.anchor}-{m.group(1)}"', body)
    here = site_url + chapter.url

    def link(match: re.Match) -> str:
        href = htmllib.unescape(match.group(1))
        if href.startswith("#"):  # within the same guide: no address to print
            return f'href="#{chapter.anchor}-{href[1:]}"'
        absolute = urljoin(here, href)
        if urlsplit(absolute).scheme in ("http", "https"):
            return f'href="{htmllib.escape(absolute)}" class="address"'
        return f'href="{htmllib.escape(absolute)}"'

    body = _HREF.sub(link, body)
    # Images by file (WeasyPrint reads them from site/, never from the network).
    body = _SRC.sub(lambda m: f'src="{(source.parent / m.group(1)).resolve().as_uri()}"'
                    if "://" not in m.group(1) and not m.group(1).startswith("data:") else m.group(0), body)
    return body


# Kept simple on purpose: WeasyPrint lays out some 150 pages per language, and every
# feature that needs a second layout pass (running headers, footnotes, page references
# in the text) roughly doubles the build time. Only the table of contents refers to
# page numbers. The font is FONT_FAMILY.
STYLESHEET = """
@page { size: A4; margin: 15mm 14mm 16mm;
  @bottom-center { content: counter(page); font-size: 8.5pt; } }
@page cover { @bottom-center { content: none; } }
html { font-family: "DejaVu Sans", sans-serif; font-size: 9.5pt; line-height: 1.35; }
body { margin: 0; }
.cover { page: cover; padding-top: 60mm; }
.cover h1 { font-size: 26pt; line-height: 1.2; margin: 0 0 8mm; }
.cover p { font-size: 12pt; margin: 0 0 3mm; }
.toc { break-before: page; }
.toc ol { list-style: none; padding: 0; }
.toc li { margin: 1pt 0; }
.toc .area { font-weight: bold; margin-top: 5pt; }
.toc .guide { padding-left: 12pt; }
.toc a { color: #000; }
.toc a::after { content: leader(".") target-counter(attr(href), page); }
article { break-before: page; }
h1 { font-size: 17pt; line-height: 1.2; margin: 0 0 6pt; }
.area > h1 { font-size: 21pt; }
h2 { font-size: 12.5pt; margin: 11pt 0 4pt; break-after: avoid; }
h3, h4 { font-size: 10.5pt; margin: 8pt 0 3pt; break-after: avoid; }
p, ul, ol, dl { margin: 0 0 5pt; }
ul, ol { padding-left: 14pt; }
a { color: #0d2a7a; text-decoration: none; }
a.address::after { content: " (" attr(href) ")"; font-size: 7.5pt; color: #333; }
.guide-review { border: 0.6pt solid #777; padding: 3pt 5pt; font-size: 8.5pt; }
.guide-review__warning { display: block; font-weight: bold; }
.admonition, details { border-left: 2.5pt solid #777; padding: 2pt 0 2pt 7pt; margin: 6pt 0; }
.admonition-title, summary { font-weight: bold; }
table { border-collapse: collapse; width: 100%; margin: 4pt 0 7pt; font-size: 8.5pt; }
th, td { border: 0.5pt solid #888; padding: 2pt 4pt; text-align: left; vertical-align: top; }
code { font-family: "DejaVu Sans Mono", monospace; font-size: 8.5pt; }
.task-list-item { list-style: none; }
[hidden] { display: none; }
"""


def content_date(site: SiteConfig, data_dir: Path) -> dt.date:
    """The handbook's "as of" date: the day the pages or the data last changed (see
    fingerprint.changed_on), so that every build of the same content prints the same date
    and reuses its cached PDF; today when git cannot tell."""
    day = fingerprint.changed_on(site.root, str(site.docs_dir), str(data_dir))
    return dt.date.fromisoformat(day) if day else dt.date.today()


def document(site: SiteConfig, model, lang: str, site_dir: Path, site_url: str, *,
             site_name: str, data_dir: Path, today: dt.date) -> str:
    """The handbook of one language as a single HTML document."""
    strings = sitedata.ui(lang, data_dir)
    items = chapters(site, model, lang)
    home = site_url + language_prefix(site, lang)
    esc = htmllib.escape
    toc, body = [], []
    for item in items:
        kind = "area" if item.landing else "guide"
        toc.append(f'<li class="{kind}"><a href="#{item.anchor}">{esc(item.title)}</a></li>')
        text = article(site_dir, item, site_url)
        body.append(f'<article id="{item.anchor}" class="{kind}">{text}</article>')
    built = strings["handbook_built"].format(date=sitedata.format_day(today, lang, data_dir))
    online = strings["handbook_online"].format(url=f'<a href="{esc(home)}">{esc(home)}</a>')
    return (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>{esc(site_name)}</title>"
        f'<meta name="author" content="{esc(site_name)}">'
        f'<meta name="dcterms.created" content="{today.isoformat()}">'
        f"<style>{STYLESHEET}</style></head><body>"
        f'<section class="cover"><h1>{esc(site_name)}</h1>'
        f"<p>{esc(strings['handbook_subtitle'])}</p><p>{esc(built)}</p><p>{online}</p></section>"
        f'<nav class="toc"><h2>{esc(strings["handbook_contents"])}</h2><ol>{"".join(toc)}</ol></nav>'
        + "".join(body) + "</body></html>")


def _fetcher(site_dir: Path):
    """WeasyPrint may read files of the built site, and nothing else (no network)."""
    from weasyprint.urls import URLFetcher

    allowed = site_dir.resolve().as_uri()

    class SiteOnly(URLFetcher):
        def fetch(self, url, headers=None):
            if not (url.startswith(allowed) or url.startswith("data:")):
                raise ValueError(f"the handbook loads nothing from outside site/: {url}")
            return super().fetch(url, headers)

    return SiteOnly(allowed_protocols={"file", "data"})


def render(job: tuple[str, str, str]) -> str:
    """HTML to PDF (run in a worker process: WeasyPrint is the slow part of a build)."""
    text, target, site_dir = job
    from weasyprint import HTML

    # WeasyPrint reports every CSS property it ignores; the build log only needs failures.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    root = Path(site_dir).resolve().as_uri() + "/"
    HTML(string=text, base_url=root, url_fetcher=_fetcher(Path(site_dir))).write_pdf(target)
    return target


def _cached(cache_dir: Path, lang: str, text: str) -> Path:
    """Where the PDF of exactly this document is kept between builds."""
    # The installed version, without importing WeasyPrint (a second of a small build).
    key = hashlib.sha256((metadata.version("weasyprint") + text).encode("utf-8")).hexdigest()[:20]
    return cache_dir / f"guide-{lang}-{key}.pdf"


def build(site: SiteConfig, model, site_dir: Path, site_url: str, data_dir: Path,
          today: dt.date | None = None, cache_dir: Path | None = None) -> dict[str, Path]:
    """Write guide-<lang>.pdf for every language; put each one's size on its home page.

    A language whose handbook text has not changed since the last build (same pages,
    same content date, same address) reuses that PDF from `cache_dir`; the others are rendered
    in parallel, one process per language and CPU core.
    """
    check_font()
    today = today or content_date(site, data_dir)
    site_url = site_url if site_url.endswith("/") else site_url + "/"
    cache_dir = cache_dir or site.root / ".cache" / "handbook"
    cache_dir.mkdir(parents=True, exist_ok=True)
    names = site_names(site)
    cached, texts = {}, {}
    for lang in site.codes:
        texts[lang] = document(site, model, lang, site_dir, site_url, site_name=names[lang],
                               data_dir=data_dir, today=today)
        cached[lang] = _cached(cache_dir, lang, texts[lang])
    # Another build of the same text (`make test` runs MkDocs and ProperDocs side by side)
    # may be rendering a PDF already: wait for its file rather than render it twice.
    pending = [lang for lang in site.codes if not cached[lang].exists()]
    while pending:
        mine = [lang for lang in pending if _claim(cached[lang])]
        try:
            _render_all([(texts[lang], str(cached[lang]) + ".tmp", str(site_dir)) for lang in mine])
        finally:
            for lang in mine:
                _lock(cached[lang]).unlink(missing_ok=True)
        pending = [lang for lang in pending if lang not in mine and not _wait(cached[lang])]
    written = {}
    for lang in site.codes:
        target = pdf_path(site_dir, lang)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(cached[lang], target)
        written[lang] = target
        _prune(cache_dir, lang, keep=cached[lang])
        home = site_dir / language_prefix(site, lang) / "index.html"
        if home.exists():
            size = format_size(target.stat().st_size, lang, data_dir)
            page = home.read_text(encoding="utf-8")
            home.write_text(SIZE_MARK.sub(lambda m, s=size: f"{m.group(1)}PDF, {s}{m.group(2)}", page),
                            encoding="utf-8")
    return written


def _render_all(jobs: list[tuple[str, str, str]]) -> None:
    if not jobs:
        return
    workers = max(1, min(len(jobs), os.cpu_count() or 1))
    try:
        if workers == 1:
            done = [render(job) for job in jobs]
        else:
            with ProcessPoolExecutor(workers, mp_context=get_context("spawn")) as pool:
                done = list(pool.map(render, jobs))
    except Exception as error:  # WeasyPrint's own errors carry no file name
        raise HandbookError(f"WeasyPrint could not render the handbook: {error}") from error
    for tmp in done:
        os.replace(tmp, tmp.removesuffix(".tmp"))


def _lock(pdf: Path) -> Path:
    return pdf.with_name(pdf.name + ".lock")


def _claim(pdf: Path) -> bool:
    """Take the right to render `pdf` (a lock file holding this process's id).

    A lock whose process is gone (a build stopped with Ctrl-C) is taken over."""
    lock = _lock(pdf)
    for _ in range(2):
        try:
            fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
        except FileExistsError:
            if _alive(lock):
                return False
            lock.unlink(missing_ok=True)
            continue
        with os.fdopen(fd, "w") as handle:
            handle.write(str(os.getpid()))
        return True
    return False


def _alive(lock: Path) -> bool:
    try:
        pid = int(lock.read_text() or 0)
    except (OSError, ValueError):
        return True  # being written this very moment
    if pid <= 0:
        return True
    if pid == os.getpid():
        return False  # left by an earlier build in this process: builds here run one at a time
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _wait(pdf: Path, poll: float = 0.5, limit: float = 1800) -> bool:
    """Wait while another build renders `pdf`; True once it is there, False if that
    build gave up or takes longer than `limit` seconds (then this one renders it)."""
    deadline = time.monotonic() + limit
    while not pdf.exists():
        if not _lock(pdf).exists() or not _alive(_lock(pdf)):
            return pdf.exists()
        if time.monotonic() > deadline:  # a stuck build, or a reused process id
            _lock(pdf).unlink(missing_ok=True)
            return pdf.exists()
        time.sleep(poll)
    return True


def _prune(cache_dir: Path, lang: str, keep: Path, limit: int = 4) -> None:
    """Keep the few most recent PDFs per language (a live address, a test address, …)."""
    old = sorted(cache_dir.glob(f"guide-{lang}-*.pdf"), key=lambda p: p.stat().st_mtime, reverse=True)
    for path in [p for p in old if p != keep][limit - 1:]:
        path.unlink(missing_ok=True)

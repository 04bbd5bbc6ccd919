"""Offline reading: a service worker, an offline page and a download manifest per language.

Readers look things up in a queue or abroad with no data left, so:

- `sw.js` (at the site root, so its scope is the whole site, also under a sub-path)
  keeps every page a reader opens and the files it uses: pages network-first (an
  online reader always gets the newest page), files from the cache, Pagefind's entry
  file network-first; anything else that cannot load offline gets the small offline
  page of the reader's language. It is built on Workbox's runtime modules, copied
  from node_modules/ (pinned in package-lock.json) into site/workbox-v<version>/.
- `offline/<lang>.json` lists everything "Save for reading offline" downloads for a
  language (its pages, the files they use and its Pagefind index), with sizes, a
  hash per file and a version; assets/offline.js compares versions on later visits
  and fetches only what changed.
- `offline.html` and `<lang>/offline.html`: "You are offline", in data/ui.yml's words.

Nothing is downloaded ahead of time: the worker starts after the page has loaded and
keeps only what the reader opens, until the reader asks for a whole language.
Called by scripts/build/site_hooks.py after the last language (and Pagefind) are built.
"""

from __future__ import annotations

import gzip
import hashlib
import html as htmllib
import json
import posixpath
import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

from scripts import sitedata
from scripts.siteconfig import SiteConfig

REPO = Path(__file__).resolve().parents[2]
NODE_MODULES = REPO / "node_modules"
WORKBOX_MODULES = ("workbox-core", "workbox-routing", "workbox-strategies", "workbox-precaching")
# Cache names shared by sw.js, assets/offline.js (via the manifest) and assets/site.js.
PAGES_CACHE = "guide-pages"
ASSETS_CACHE = "guide-assets"
SAVED_CACHE_PREFIX = "guide-saved-"  # + language: holds that language's saved manifest
# Top-level folders of site/ that hold files, not pages.
NOT_PAGES = ("assets", "pagefind", "downloads", "offline")
ASSET_SUFFIXES = {".js", ".css", ".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".ico",
                  ".woff", ".woff2"}
COMPRESSED_BY_HOSTS = {".html", ".js", ".css", ".svg", ".json"}
_REFERENCE = re.compile(r'\b(?:src|href)="([^"#?]+)[^"]*"')


class OfflineError(Exception):
    """The offline files cannot be built (Workbox not installed)."""


def workbox_version() -> str:
    package = NODE_MODULES / "workbox-core" / "package.json"
    if not package.exists():
        raise OfflineError(
            "the service worker for offline reading needs Workbox's runtime from npm, which is "
            "not installed: run `npm ci` (`make build` and `make test` do it for you).")
    return json.loads(package.read_text(encoding="utf-8"))["version"]


def language_prefix(site: SiteConfig, lang: str) -> str:
    return "" if lang == site.source_language else f"{lang}/"


def page_context(site: SiteConfig, lang: str, rel: str) -> dict:
    """What the templates need: is this a language's home page, and the handbook's address."""
    from scripts.build import handbook

    return {"home": rel == "index.md",
            "handbook": f"downloads/guide-{lang}.pdf" if handbook.enabled() else None}


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:12]


def _entry(site_dir: Path, rel: str, url: str, page: bool) -> dict:
    data = (site_dir / rel).read_bytes()
    suffix = Path(rel).suffix
    download = len(gzip.compress(data, 6)) if suffix in COMPRESSED_BY_HOSTS else len(data)
    return {"url": url, "bytes": len(data), "download": download, "sha": _digest(data), "page": page}


def pages_of(site: SiteConfig, site_dir: Path, lang: str) -> list[str]:
    """Site-relative paths of a language's built pages (…/index.html)."""
    others = {code for code in site.codes if code != site.source_language}
    prefix = language_prefix(site, lang)
    out = []
    for path in sorted(site_dir.rglob("index.html")):
        rel = path.relative_to(site_dir).as_posix()
        first = rel.split("/", 1)[0]
        if prefix:
            if rel.startswith(prefix):
                out.append(rel)
        elif first not in others and first not in NOT_PAGES and not first.startswith("workbox-"):
            out.append(rel)
    return out


def assets_of(site_dir: Path, pages: list[str]) -> list[str]:
    """Files the pages load (styles, scripts, icons, images), plus the ones loaded on demand."""
    found = {"assets/search.js", "assets/offline.js"}
    for rel in pages:
        folder = posixpath.dirname(rel)
        for ref in _REFERENCE.findall((site_dir / rel).read_text(encoding="utf-8")):
            if urlsplit(ref).scheme or ref.startswith(("/", "//")):
                continue
            target = posixpath.normpath(posixpath.join(folder, ref))
            if Path(target).suffix in ASSET_SUFFIXES and not target.startswith(".."):
                found.add(target)
    return sorted(t for t in found if (site_dir / t).is_file())


def search_files(site_dir: Path, lang: str) -> list[str]:
    """Pagefind's files for one language (its index, fragments, filters and WebAssembly)."""
    entry_path = site_dir / "pagefind" / "pagefind-entry.json"
    if not entry_path.exists():
        return []
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    index = (entry.get("languages") or {}).get(lang)
    if not index:
        return []
    wasm = index.get("wasm") or "unknown"
    out = ["pagefind/pagefind.js", "pagefind/pagefind-worker.js", "pagefind/pagefind-entry.json",
           f"pagefind/pagefind.{index['hash']}.pf_meta", f"pagefind/wasm.{wasm}.pagefind"]
    for folder in ("index", "fragment", "filter"):
        out += sorted(p.relative_to(site_dir).as_posix()
                      for p in (site_dir / "pagefind" / folder).glob(f"{lang}_*"))
    return [rel for rel in out if (site_dir / rel).is_file()]


def manifest(site: SiteConfig, site_dir: Path, lang: str, data_dir: Path) -> dict:
    """Everything "Save for reading offline" downloads for one language."""
    pages = pages_of(site, site_dir, lang)
    files = [_entry(site_dir, rel, rel.removesuffix("index.html"), True) for rel in pages]
    files += [_entry(site_dir, rel, rel, False) for rel in assets_of(site_dir, pages)]
    files += [_entry(site_dir, rel, rel, False) for rel in search_files(site_dir, lang)]
    version = _digest("\n".join(f"{f['url']} {f['sha']}" for f in files).encode("utf-8"))
    strings = sitedata.ui(lang, data_dir)
    return {
        "version": version,
        "lang": lang,
        "bytes": sum(f["bytes"] for f in files),
        "download": sum(f["download"] for f in files),
        "caches": {"pages": PAGES_CACHE, "assets": ASSETS_CACHE, "saved": SAVED_CACHE_PREFIX + lang},
        "strings": {key: value for key, value in strings.items() if key.startswith("offline_")},
        "files": files,
    }


def offline_page(lang: str, root_path: str, home: str, data_dir: Path) -> str:
    """The page the service worker shows for a page that is not stored on the device."""
    strings = sitedata.ui(lang, data_dir)
    esc = htmllib.escape
    return (
        f'<!doctype html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f'<meta name="robots" content="noindex"><title>{esc(strings["offline_title"])}</title>'
        f'<link rel="icon" href="{esc(root_path)}assets/favicon.svg">'
        "<style>body{font:1.1rem/1.5 system-ui,sans-serif;margin:0;color:#222}"
        "main{max-width:34rem;margin:3rem auto;padding:0 1rem}a{color:#303fa1}</style></head>"
        f'<body><main><h1>{esc(strings["offline_title"])}</h1><p>{esc(strings["offline_text"])}</p>'
        f'<p><a href="{esc(home)}">{esc(strings["home_link"])}</a></p></main></body></html>\n')


SERVICE_WORKER = Path(__file__).with_name("sw.template.js")



def service_worker(site: SiteConfig, workbox_dir: str, precache: list[dict]) -> str:
    imports = ", ".join(json.dumps(f"{workbox_dir}/{name}.prod.js") for name in WORKBOX_MODULES)
    others = [code for code in site.codes if code != site.source_language]
    text = SERVICE_WORKER.read_text(encoding="utf-8")
    for name, value in (("__IMPORTS__", imports), ("__LANGUAGES__", json.dumps(others)),
                        ("__PAGES__", json.dumps(PAGES_CACHE)), ("__ASSETS__", json.dumps(ASSETS_CACHE)),
                        ("__PRECACHE__", json.dumps(precache))):
        text = text.replace(name, value)
    return text


def build(site: SiteConfig, site_dir: Path, data_dir: Path, site_url: str) -> dict[str, dict]:
    """Write the worker, Workbox's runtime, the offline pages and the manifests."""
    version = workbox_version()
    workbox_dir = f"workbox-v{version}"
    target = site_dir / workbox_dir
    target.mkdir(parents=True, exist_ok=True)
    for name in WORKBOX_MODULES:
        shutil.copyfile(NODE_MODULES / name / "build" / f"{name}.prod.js", target / f"{name}.prod.js")

    root_path = urlsplit(site_url).path or "/"
    root_path = root_path if root_path.endswith("/") else root_path + "/"
    precache = []
    for lang in site.codes:
        prefix = language_prefix(site, lang)
        text = offline_page(lang, root_path, root_path + prefix, data_dir)
        (site_dir / prefix).mkdir(parents=True, exist_ok=True)
        (site_dir / prefix / "offline.html").write_text(text, encoding="utf-8")
        precache.append({"url": prefix + "offline.html", "revision": _digest(text.encode("utf-8"))})

    manifests = {}
    (site_dir / "offline").mkdir(exist_ok=True)
    for lang in site.codes:
        manifests[lang] = manifest(site, site_dir, lang, data_dir)
        (site_dir / "offline" / f"{lang}.json").write_text(
            json.dumps(manifests[lang], ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    (site_dir / "sw.js").write_text(service_worker(site, workbox_dir, precache), encoding="utf-8")
    return manifests

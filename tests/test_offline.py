"""Offline reading in the real browser: visited pages, a saved language, updates.

A small fixture site (seven pages per language) is served under /sub/ with HTTP
caching disabled, so that only the service worker can make a page open offline.
"Offline" means both Chromium's offline mode and a server that drops every
connection, so nothing can reach the network by another path.
"""

from __future__ import annotations

import http.server
import json
import socket
import threading
import time
from pathlib import Path
from urllib.parse import unquote

import pytest
import yaml

from conftest import REPO, SUBPATH
from scripts.quality.localserver import QuietServer
from sitefactory import FixtureSite

LANGS = ("sk", "en", "ru")
PAGES = [f"area/p{n}.md" for n in range(1, 7)]
WORD = {"sk": "zeblik", "en": "zeblik", "ru": "зеблик"}  # a made-up word, found by search
TEXT = {
    "sk": "Stránka číslo {n} o pobyte na Slovensku.",
    "en": "Page number {n} about living in Slovakia.",
    "ru": "Страница номер {n} о жизни в Словакии.",
}
UI = yaml.safe_load((REPO / "data" / "ui.yml").read_text(encoding="utf-8"))


def page_url(base: str, lang: str, rel: str) -> str:
    prefix = "" if lang == "sk" else f"{lang}/"
    stem = rel.removesuffix(".md")
    return base + prefix + ("" if stem == "index" else stem + "/")


def write_pages(site: FixtureSite, marker: str = "") -> None:
    for lang in LANGS:
        for n, rel in enumerate(PAGES, start=1):
            extra = f" {WORD[lang]}" if n == 6 else ""
            site.write(f"docs/{lang}/{rel}",
                       f"---\ntitle: {lang.upper()} page {n}\ndescription: Test.\n---\n\n"
                       + TEXT[lang].format(n=n) + extra + marker + "\n")


def make_site(root: Path) -> FixtureSite:
    root.mkdir(parents=True)
    site = FixtureSite(root)
    site.standard()  # writes home and guide pages, stamps translations
    site.config(nav=["index.md", {"Oblasť": ["area/guide.md", *PAGES]}])
    write_pages(site)
    return site


class _Handler(http.server.SimpleHTTPRequestHandler):
    """The site under /sub/, never cached by the browser; drops connections when down."""

    def translate_path(self, path):
        path = unquote(path.split("?", 1)[0].split("#", 1)[0])
        if not path.startswith(SUBPATH):
            return "/nonexistent"
        return str(Path(self.server.root) / path[len(SUBPATH):])

    def do_GET(self):  # noqa: N802 (http.server's naming)
        if self.server.down:
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
            return
        super().do_GET()

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, *args):
        pass


class Server:
    def __init__(self, root: Path):
        self.httpd = QuietServer(("127.0.0.1", 0), _Handler)
        self.httpd.root, self.httpd.down = str(root), False
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}{SUBPATH}"

    def serve(self, root: Path) -> None:
        self.httpd.root = str(root)

    def down(self, value: bool = True) -> None:
        self.httpd.down = value

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory):
    site = make_site(tmp_path_factory.mktemp("offline") / "fixture")
    result = site.build(handbook=True)
    assert result.returncode == 0, result.stderr[-3000:]
    return site


@pytest.fixture
def server(offline_site):
    srv = Server(offline_site.root / "site")
    yield srv
    srv.close()


def go_offline(context, server: Server) -> None:
    server.down()
    context.set_offline(True)


def open_page(tab, url: str) -> str:
    tab.goto(url, wait_until="domcontentloaded")
    return tab.locator("h1").first.inner_text()


def wait_for_worker(tab) -> None:
    tab.wait_for_function("navigator.serviceWorker && navigator.serviceWorker.controller !== null",
                          timeout=15000)


def wait_until_true(tab, expression: str, arg, timeout: float = 15) -> None:
    """Poll `expression` (which may return a promise) until it resolves to true.

    Playwright's wait_for_function does not await a promise: a pending promise is a
    truthy object, so it returns at once. The cache checks below are promises."""
    deadline = time.monotonic() + timeout
    while not tab.evaluate(expression, arg):
        if time.monotonic() > deadline:
            raise AssertionError(f"still false after {timeout} s: {expression} ({arg})")
        tab.wait_for_timeout(50)


def wait_until_kept(tab, urls: list[str]) -> None:
    """The worker stores pages as they load; give it the moment it needs."""
    wait_until_true(
        tab, "urls => caches.open('guide-pages').then(c => Promise.all(urls.map(u => c.match(u))))"
        ".then(found => found.every(Boolean))", urls)


def save_language(tab, base: str, lang: str) -> None:
    tab.goto(page_url(base, lang, "index.md"))
    button = tab.locator(".guide-take-away [data-offline-save]")
    button.click()
    status = tab.locator(".guide-take-away [data-offline-status]")
    status.wait_for()
    assert "MB" in status.inner_text()  # the size comes first
    assert "MB" in button.inner_text()
    button.click()
    tab.wait_for_selector("html[data-offline-state=saved]", timeout=30000)
    assert UI[lang]["offline_saved"] in status.inner_text()


@pytest.mark.parametrize("lang", LANGS)
def test_visited_pages_open_offline_and_others_get_the_offline_page(browser, server, lang):
    context = browser.new_context()
    tab = context.new_page()
    visited = [page_url(server.base, lang, rel) for rel in ("index.md", PAGES[0], PAGES[1])]
    titles = []
    for url in visited:
        titles.append(open_page(tab, url))
        wait_for_worker(tab)
    wait_until_kept(tab, visited)
    scope = tab.evaluate("navigator.serviceWorker.ready.then(r => r.scope)")
    assert scope == server.base  # the whole site, under its sub-path

    go_offline(context, server)
    for url, title in zip(visited, titles, strict=True):
        assert open_page(tab, url) == title
    assert TEXT[lang].format(n=2) in tab.locator("article").inner_text()
    # A page never opened: the offline page, in the reader's language.
    assert open_page(tab, page_url(server.base, lang, PAGES[4])) == UI[lang]["offline_title"]
    assert tab.evaluate("document.documentElement.lang") == lang
    context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_saved_language_opens_unvisited_pages_and_searches_offline(browser, server, lang):
    context = browser.new_context()
    tab = context.new_page()
    save_language(tab, server.base, lang)

    go_offline(context, server)
    for n, rel in ((3, PAGES[2]), (4, PAGES[3]), (5, PAGES[4])):
        assert open_page(tab, page_url(server.base, lang, rel)) == f"{lang.upper()} page {n}"
        assert TEXT[lang].format(n=n) in tab.locator("article").inner_text()
    # Later page loads know that the language is stored.
    tab.wait_for_selector("html[data-offline-state=saved]")
    tab.keyboard.press("/")
    tab.keyboard.type(WORD[lang])
    first = tab.locator(".md-search-result__item a").first
    first.wait_for(timeout=20000)
    assert f"{lang.upper()} page 6" in first.inner_text()
    context.close()


def test_first_visit_downloads_nothing_ahead_of_time(browser, server):
    context = browser.new_context()
    requests: list[str] = []
    context.on("request", lambda r: requests.append(r.url))  # the page's and the worker's
    tab = context.new_page()
    home = page_url(server.base, "en", "index.md")
    tab.goto(home)
    wait_for_worker(tab)
    wait_until_kept(tab, [home])
    pages = {u for u in requests if u.endswith("/") and u != home}
    assert pages == set()
    assert not [u for u in requests if "/offline/" in u or "/pagefind/" in u or u.endswith(".pdf")]
    context.close()


def test_a_new_version_replaces_the_stored_pages(browser, offline_site, tmp_path):
    srv = Server(offline_site.root / "site")
    context = browser.new_context()
    tab = context.new_page()
    try:
        for lang in LANGS:
            save_language(tab, srv.base, lang)
        visited = page_url(srv.base, "en", PAGES[0])
        open_page(tab, visited)

        # The editors change a page in every language and publish a new build.
        second = FixtureSite.copy_of(offline_site.root, tmp_path / "second", LANGS)
        write_pages(second, marker=" NEW-VERSION")
        result = second.build(handbook=True)
        assert result.returncode == 0, result.stderr[-3000:]
        srv.serve(second.root / "site")

        for lang in LANGS:  # the next online visit brings the stored copy up to date
            version = json.loads((second.root / "site" / "offline" / f"{lang}.json").read_text())["version"]
            tab.goto(page_url(srv.base, lang, "index.md"))
            wait_until_true(
                tab, "([lang, url, version]) => caches.open('guide-saved-' + lang).then(c => c.match(url))"
                ".then(r => r && r.json()).then(m => !!m && m.version === version)",
                [lang, srv.base + f"offline/{lang}.json", version], timeout=30)
        assert "NEW-VERSION" in (open_page(tab, visited) and tab.locator("article").inner_text())

        go_offline(context, srv)
        for lang in LANGS:
            for rel in (PAGES[0], PAGES[3]):
                open_page(tab, page_url(srv.base, lang, rel))
                assert "NEW-VERSION" in tab.locator("article").inner_text(), (lang, rel)
    finally:
        context.close()
        srv.close()


def test_manifest_lists_one_language_with_its_search_index(offline_site):
    site_dir = offline_site.root / "site"
    for lang in LANGS:
        manifest = json.loads((site_dir / "offline" / f"{lang}.json").read_text(encoding="utf-8"))
        urls = [f["url"] for f in manifest["files"]]
        pages = [f["url"] for f in manifest["files"] if f["page"]]
        prefix = "" if lang == "sk" else f"{lang}/"
        expected = ["index.md", "area/guide.md", *PAGES]
        assert sorted(pages) == sorted(page_url("", lang, rel) for rel in expected)
        assert all(u.startswith(prefix) for u in pages)
        index = [u for u in urls if u.startswith("pagefind/") and u.count("/") == 2]
        assert index and all(u.split("/")[2].startswith(f"{lang}_") for u in index)
        assert "assets/site.js" in urls and "pagefind/pagefind-entry.json" in urls
        assert all((site_dir / (u + "index.html" if u.endswith("/") or not u else u)).is_file() for u in urls)
        assert manifest["bytes"] == sum(f["bytes"] for f in manifest["files"])
        assert 0 < manifest["download"] <= manifest["bytes"]
    assert (site_dir / "sw.js").is_file()
    assert "importScripts(\"workbox-v" in (site_dir / "sw.js").read_text(encoding="utf-8")

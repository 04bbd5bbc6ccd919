"""Crawl the built site with LinkChecker over HTTP on 127.0.0.1.

LinkChecker cannot check `page/#anchor` links over file://, so the site is
served locally; the server sends a `LinkChecker` header, which lifts the
checker's 10-requests-per-second limit for that host. Warnings about missing
anchors count as failures.

Speed (LinkChecker is CPU-bound in BeautifulSoup's pure-Python parser):
- one crawl per language, in parallel processes: each follows only its own
  language's pages (links into other languages are checked, not followed), so
  every page is parsed by one process and all cores work;
- with anchor checking on, LinkChecker fetches and parses a page again for every
  `page#anchor` link to it, and walks the whole tree each time. The crawl runs
  LinkChecker in-process (`python -m scripts.quality.linkcheck …`) with the fetch, the parse
  and the tree walk memoised per page, and a page's links queued once: the same
  checks (every link, every anchor), each page fetched and parsed once.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from scripts.quality.localserver import SiteHandler, serve

# The `LinkChecker` response header only removes LinkChecker's minimum pause per
# host; the pace itself comes from maxrequestspersecond (default 10). LinkChecker
# parses pages in pure Python, so one thread is faster than several (the GIL).
CONFIG = """[checking]
threads=1
timeout=20
maxrequestspersecond={rate}
[filtering]
checkextern={extern}
[AnchorCheck]
"""


class _Handler(SiteHandler):
    # Keep-alive, like a real host: LinkChecker reuses one connection for its ~1,000
    # requests per language instead of opening a new one for each.
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body are separate writes: no 40 ms stall

    def end_headers(self):
        self.send_header("LinkChecker", "local")
        super().end_headers()


def _memoise_parsing() -> None:
    """Parse each page once and walk its tree once per kind of tag list (see module doc)."""
    from linkcheck.htmlutil import htmlsoup, linkparse

    make_soup = htmlsoup.make_soup
    soups: dict = {}
    walks: dict = {}

    def cached_soup(markup, from_encoding=None):
        raw = markup if isinstance(markup, bytes) else str(markup).encode("utf-8", "replace")
        key = (hashlib.sha1(raw).digest(), from_encoding)
        if key not in soups:
            soups[key] = make_soup(markup, from_encoding)
        return soups[key]

    def lean_find_links(soup, callback, tags):
        # LinkChecker's find_links, except that it takes the text of `a` elements only:
        # the text is the link's name, used for nothing else, and taking it for every
        # element (<body> holds the whole page) was a sixth of the crawl.
        finder = linkparse.LinkFinder(callback, tags)
        for element in soup.find_all(True):
            finder.html_element(element.name, element.attrs,
                                element.text.strip() if element.name == "a" else "",
                                element.sourceline,
                                None if element.sourcepos is None else element.sourcepos + 1)

    def cached_find_links(soup, callback, tags):
        key = (id(soup), id(tags))
        if tags is linkparse.LinkTags and key in walks:
            # The same page again (reached through another #anchor): its links are
            # already queued; handing them over again would only create duplicates.
            return
        if key not in walks:
            calls: list = []
            lean_find_links(soup, lambda *args, **kwargs: calls.append((args, kwargs)), tags)
            walks[key] = calls
        for args, kwargs in walks[key]:
            callback(*args, **kwargs)

    htmlsoup.make_soup = cached_soup
    linkparse.find_links = cached_find_links

    # Before following a page's links, LinkChecker looks for a robots meta tag in it, a
    # search of the whole tree each time the page is reached (once per #anchor link).
    from linkcheck.checker.httpurl import HttpUrl

    allows = HttpUrl.content_allows_robots
    robots: dict[int, bool] = {}

    def cached_allows_robots(url_data):
        if not url_data.is_html():
            return True
        key = id(url_data.get_soup())  # soups live in `soups` above, so ids stay unique
        if key not in robots:
            robots[key] = allows(url_data)
        return robots[key]

    HttpUrl.content_allows_robots = cached_allows_robots

    # LinkChecker looks up a logger for each of its ~250,000 debug calls per crawl; this
    # crawl never turns debug output on (no -D), so the calls can end at once.
    from linkcheck import log

    log.debug = lambda *args, **kwargs: None

    # With anchor checking, every `page#anchor` link is a URL of its own that LinkChecker
    # fetches again (about 650 of a language's 900 requests). Within one crawl of a static
    # site the same address always returns the same page, so an HTML page fetched once
    # answers its anchor URLs from memory: same status, headers and body, no request.
    import copy

    import requests

    send = requests.Session.send
    pages: dict[str, requests.Response] = {}

    def send_once(self, request, **kwargs):
        address = (request.url or "").split("#", 1)[0]
        if request.method != "GET":
            return send(self, request, **kwargs)
        if address not in pages:
            response = send(self, request, **kwargs)
            if response.status_code != 200 or "text/html" not in response.headers.get("Content-Type", ""):
                return response
            response.content  # noqa: B018 (read now, so that the copies can be handed out)
            pages[address] = response
        answer = copy.copy(pages[address])
        answer.request = request
        return answer

    requests.Session.send = send_once

    # requests reads the proxy variables from the environment three times per request
    # (a scan of os.environ each time); they cannot change during a crawl.
    import urllib.request

    from requests import utils

    found = urllib.request.getproxies_environment()
    urllib.request.getproxies_environment = lambda: dict(found)
    utils.getproxies = utils.getproxies_environment = urllib.request.getproxies_environment


def _run_linkchecker(args: list[str]) -> int:
    _memoise_parsing()
    from linkcheck.command.linkchecker import linkchecker

    sys.argv = ["linkchecker", *args]
    return linkchecker() or 0


def _languages(site_dir: Path) -> list[str]:
    """Translation folders of the built site (the source language is at the root)."""
    try:
        from scripts.siteconfig import load_site_config

        codes = load_site_config(site_dir.parent).translation_languages
    except (OSError, ValueError):
        codes = []
    if not codes or not all((site_dir / code / "index.html").exists() for code in codes):
        # A site built elsewhere: every top-level folder with its own home page and 404.
        codes = sorted(p.name for p in site_dir.iterdir()
                       if (p / "index.html").exists() and (p / "404.html").exists())
    return codes


def _crawl_one(root: str, start: str, no_follow: str, config: Path) -> tuple[int, str, str]:
    proc = subprocess.run(
        [sys.executable, "-m", "scripts.quality.linkcheck", "-f", str(config), "--no-status",
         "-o", "csv", "--no-follow-url", no_follow, start],
        capture_output=True, text=True, timeout=1800, check=False,
        cwd=Path(__file__).resolve().parents[2])
    return proc.returncode, proc.stdout, proc.stderr


def crawl(site_dir: Path, external: bool = False, base_path: str = "/") -> list[dict]:
    """Problems found, each with url, parent page, line and the checker's message."""
    if not (site_dir / "index.html").exists():
        raise FileNotFoundError(f"{site_dir}/index.html not found: run `make build` first")
    langs = _languages(site_dir)
    with tempfile.TemporaryDirectory() as tmp, serve(site_dir, base_path, handler=_Handler) as root:
        config = Path(tmp) / "linkcheckerrc"
        # External sites keep LinkChecker's polite default; our own server goes flat out.
        config.write_text(CONFIG.format(extern=1 if external else 0,
                                        rate=10 if external else 1000), encoding="utf-8")
        others = "|".join(re.escape(code) for code in langs)
        if external or not langs:
            # One crawl: each official site is asked once, at LinkChecker's polite pace,
            # not once per language.
            langs = []
            jobs = [(root, "^$")]
        else:
            jobs = [(root, f"^{re.escape(root)}({others})/")]
        # Only this site's own URLs may match: LinkChecker checks (without following)
        # whatever matches, so a broader pattern would check external sites too.
        jobs += [(f"{root}{code}/", f"^{re.escape(root)}(?!{re.escape(code)}/)") for code in langs]
        with ThreadPoolExecutor(max_workers=len(jobs)) as pool:
            results = list(pool.map(lambda job: _crawl_one(root, job[0], job[1], config), jobs))
    problems: list[dict] = []
    seen = set()
    for returncode, stdout, stderr in results:
        found = _parse(stdout, root, base_path)
        # An internal error may still exit with 0 or 1: never mistake it for a clean crawl.
        if (returncode not in (0, 1) and not found) or "internal error" in stderr:
            raise RuntimeError(f"linkchecker failed:\n{stderr}")
        for problem in found:
            key = (problem["url"], problem["page"], problem["line"])
            if key not in seen:
                seen.add(key)
                problems.append(problem)
    return problems


def _parse(stdout: str, root: str, base_path: str) -> list[dict]:
    rows = [line for line in stdout.splitlines() if line and not line.startswith("#")]
    problems = []
    for row in csv.DictReader(io.StringIO("\n".join(rows)), delimiter=";"):
        valid = row.get("valid", "True") == "True"
        warning = row.get("warningstring", "") or ""
        anchor = "anchor" in warning.lower()
        if valid and not anchor:
            continue
        problems.append({
            "url": (row.get("urlname") or "").replace(root, base_path),
            "page": (row.get("parentname") or "").replace(root, base_path),
            "line": row.get("line") or "0",
            "message": (row.get("result") if not valid else warning).strip(),
        })
    return problems


def run_linkcheck(site_dir: Path, external: bool = False, base_path: str = "/") -> int:
    started = time.monotonic()
    try:
        problems = crawl(site_dir, external, base_path)
    except (FileNotFoundError, RuntimeError) as exc:
        print(exc, file=sys.stderr)
        return 2
    for p in problems:
        print(f"site{p['page']}:{p['line']}: [links] broken link '{p['url']}': {p['message']}")
        print("      fix: correct the link in the page's Markdown or template, then rebuild.")
    print(f"{len(problems)} broken link(s)." if problems else "No broken links.",
          f"(crawl: {time.monotonic() - started:.1f} s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(_run_linkchecker(sys.argv[1:]))

import functools
import http.server
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scripts.quality.localserver import QuietServer  # noqa: E402
from sitefactory import FixtureSite  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
SITE_URL = "https://guide.example.org/sub/"


def language_prefixes() -> list[tuple[str, str]]:
    """(URL prefix, language) of every language of the real site, from mkdocs.yml."""
    from scripts.siteconfig import load_site_config

    config = load_site_config(REPO)
    return [("" if code == config.source_language else f"{code}/", code) for code in config.codes]


SUBPATH = "/sub/"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="session")
def _standard_site(tmp_path_factory) -> Path:
    """The standard fixture site, written and stamped once per test process."""
    root = tmp_path_factory.mktemp("standard") / "fixture"
    root.mkdir()
    return FixtureSite(root).standard().root


@pytest.fixture
def fixture_site(tmp_path: Path, _standard_site: Path) -> FixtureSite:
    """A valid, stamped three-language fixture site; tests then break one thing.

    A copy of one stamped site: stamps are content hashes, so a copy is as valid as the
    original, and each test skips the stamping subprocess."""
    return FixtureSite.copy_of(_standard_site, tmp_path / "fixture")


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Path:
    """The real site, built once per test run, for hosting under a sub-path.

    `make test` builds it once in its strict-build stage (SITE_URL as below) and passes
    it as BUILT_SITE, so the gate does not build the same site twice."""
    prebuilt = os.environ.get("BUILT_SITE")
    if prebuilt and (Path(prebuilt) / "index.html").exists():
        home = (Path(prebuilt) / "index.html").read_text(encoding="utf-8")
        assert f'<link rel="canonical" href="{SITE_URL}">' in home, \
            f"BUILT_SITE={prebuilt} was not built with SITE_URL={SITE_URL}"
        return Path(prebuilt)
    out = tmp_path_factory.mktemp("real-site")
    env = {**os.environ, "SITE_URL": SITE_URL, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)],
                            cwd=REPO, env=env, capture_output=True, text=True, timeout=1200)
    assert result.returncode == 0, result.stderr[-4000:]
    return out


class _SubpathHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site under /sub/, like a GitHub Pages project site."""

    def translate_path(self, path):
        if path.startswith(SUBPATH):
            path = "/" + path[len(SUBPATH):]
        else:
            path = "/__not_under_subpath__"
        return super().translate_path(path)

    def log_message(self, *args):
        pass


def serve_directory(directory: Path):
    handler = functools.partial(_SubpathHandler, directory=str(directory))
    server = QuietServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}{SUBPATH}"


@pytest.fixture(scope="session")
def served(built):
    """Base URL of the built site on 127.0.0.1, under a sub-path."""
    server, url = serve_directory(built)
    yield url
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: run `make browser` or set CHROMIUM=…")
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    tab = context.new_page()
    yield tab
    context.close()


def tab_until(tab, selector: str, limit: int = 200) -> None:
    """Press Tab until the focused element matches `selector` (fails if it never does)."""
    for _ in range(limit):
        tab.keyboard.press("Tab")
        if tab.evaluate(f"document.activeElement.matches({selector!r})"):
            return
    raise AssertionError(f"{selector} is not reachable with the Tab key")


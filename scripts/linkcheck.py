"""Crawl the built site with LinkChecker over HTTP on 127.0.0.1.

LinkChecker cannot check `page/#anchor` links over file://, so the site is
served locally; the server sends a `LinkChecker` header, which lifts the
checker's 10-requests-per-second limit for that host. Warnings about missing
anchors count as failures.
"""

from __future__ import annotations

import csv
import functools
import http.server
import io
import shutil
import subprocess
import sys
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path

CONFIG = """[checking]
threads=4
timeout=20
[filtering]
checkextern={extern}
[AnchorCheck]
"""


class _Handler(http.server.SimpleHTTPRequestHandler):
    def end_headers(self):
        self.send_header("LinkChecker", "local")
        super().end_headers()

    def log_message(self, *args):
        pass


@contextmanager
def serve(directory: Path):
    handler = functools.partial(_Handler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def _linkchecker() -> str:
    exe = Path(sys.executable).with_name("linkchecker")
    return str(exe) if exe.exists() else (shutil.which("linkchecker") or "linkchecker")


def crawl(site_dir: Path, external: bool = False) -> list[dict]:
    """Problems found, each with url, parent page, line and the checker's message."""
    if not (site_dir / "index.html").exists():
        raise FileNotFoundError(f"{site_dir}/index.html not found: run `make build` first")
    with tempfile.TemporaryDirectory() as tmp, serve(site_dir) as root:
        config = Path(tmp) / "linkcheckerrc"
        config.write_text(CONFIG.format(extern=1 if external else 0), encoding="utf-8")
        proc = subprocess.run(
            [_linkchecker(), "-f", str(config), "--no-status", "-o", "csv", root],
            capture_output=True, text=True, timeout=1800, check=False)
    rows = [line for line in proc.stdout.splitlines() if line and not line.startswith("#")]
    problems = []
    for row in csv.DictReader(io.StringIO("\n".join(rows)), delimiter=";"):
        valid = row.get("valid", "True") == "True"
        warning = row.get("warningstring", "") or ""
        anchor = "anchor" in warning.lower()
        if valid and not anchor:
            continue
        page = (row.get("parentname") or "").replace(root, "/")
        problems.append({
            "url": (row.get("urlname") or "").replace(root, "/"),
            "page": page,
            "line": row.get("line") or "0",
            "message": (row.get("result") if not valid else warning).strip(),
        })
    if proc.returncode not in (0, 1) and not problems:
        raise RuntimeError(f"linkchecker failed:\n{proc.stderr}")
    return problems


def run_linkcheck(site_dir: Path, external: bool = False) -> int:
    try:
        problems = crawl(site_dir, external)
    except (FileNotFoundError, RuntimeError) as exc:
        print(exc, file=sys.stderr)
        return 2
    for p in problems:
        print(f"site{p['page']}:{p['line']}: [links] broken link '{p['url']}': {p['message']}")
        print("      fix: correct the link in the page's Markdown or template, then rebuild.")
    print(f"{len(problems)} broken link(s)." if problems else "No broken links.")
    return 1 if problems else 0

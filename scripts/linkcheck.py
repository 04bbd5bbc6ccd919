"""Crawl the built site with LinkChecker over HTTP on 127.0.0.1.

LinkChecker cannot check `page/#anchor` links over file://, so the site is
served locally; the server sends a `LinkChecker` header, which lifts the
checker's 10-requests-per-second limit for that host. Warnings about missing
anchors count as failures.
"""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from scripts.localserver import SiteHandler, serve

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
    def end_headers(self):
        self.send_header("LinkChecker", "local")
        super().end_headers()


def _linkchecker() -> str:
    exe = Path(sys.executable).with_name("linkchecker")
    return str(exe) if exe.exists() else (shutil.which("linkchecker") or "linkchecker")


def crawl(site_dir: Path, external: bool = False, base_path: str = "/") -> list[dict]:
    """Problems found, each with url, parent page, line and the checker's message."""
    if not (site_dir / "index.html").exists():
        raise FileNotFoundError(f"{site_dir}/index.html not found: run `make build` first")
    with tempfile.TemporaryDirectory() as tmp, serve(site_dir, base_path, handler=_Handler) as root:
        config = Path(tmp) / "linkcheckerrc"
        # External sites keep LinkChecker's polite default; our own server goes flat out.
        config.write_text(CONFIG.format(extern=1 if external else 0,
                                        rate=10 if external else 1000), encoding="utf-8")
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
        page = (row.get("parentname") or "").replace(root, base_path)
        problems.append({
            "url": (row.get("urlname") or "").replace(root, base_path),
            "page": page,
            "line": row.get("line") or "0",
            "message": (row.get("result") if not valid else warning).strip(),
        })
    if proc.returncode not in (0, 1) and not problems:
        raise RuntimeError(f"linkchecker failed:\n{proc.stderr}")
    return problems


def run_linkcheck(site_dir: Path, external: bool = False, base_path: str = "/") -> int:
    try:
        problems = crawl(site_dir, external, base_path)
    except (FileNotFoundError, RuntimeError) as exc:
        print(exc, file=sys.stderr)
        return 2
    for p in problems:
        print(f"site{p['page']}:{p['line']}: [links] broken link '{p['url']}': {p['message']}")
        print("      fix: correct the link in the page's Markdown or template, then rebuild.")
    print(f"{len(problems)} broken link(s)." if problems else "No broken links.")
    return 1 if problems else 0

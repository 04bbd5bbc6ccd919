"""HTML weight benchmark: `make bench-html` (python -m scripts.quality.bench_html).

Builds synthetic sites of 10, 100 and 1,000 guide pages per language (three
languages, ten sections) with this site's theme, overrides and hooks, and prints
the gzip size of one guide page and how many navigation links it carries. With
navigation.prune a page lists the sections and its own section only, so its HTML
grows with the size of its section, not with the site. Prints figures; not a test.
"""

from __future__ import annotations

import gzip
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from scripts.quality.bench import make_synthetic_site

REPO = Path(__file__).resolve().parents[2]
SECTIONS = 10


def config(pages: int) -> str:
    per = max(1, pages // SECTIONS)
    nav = []
    for s in range(SECTIONS):
        chunk = range(s * per, min(pages, (s + 1) * per))
        if not chunk:
            continue
        nav.append(f"  - Oblasť {s}:")
        nav += [f"      - area/page-{n}.md" for n in chunk]
    translations = "".join(f"            Oblasť {s}: Area {s}\n" for s in range(SECTIONS))
    return (
        "site_name: Bench\nsite_url: https://example.org/\n"
        f"theme:\n  name: material\n  custom_dir: {REPO / 'overrides'}\n  language: sk\n"
        "  font: false\n  favicon: assets/favicon.svg\n"
        "  features: [navigation.prune, navigation.indexes, navigation.top, content.tooltips]\n"
        f"hooks:\n  - {REPO / 'scripts' / 'build' / 'site_hooks.py'}\n"
        "markdown_extensions:\n  - toc:\n      permalink: true\n  - attr_list\n  - tables\n"
        "  - pymdownx.tasklist:\n      custom_checkbox: true\n"
        "plugins:\n  - i18n:\n      docs_structure: folder\n      reconfigure_search: false\n"
        "      languages:\n        - {locale: sk, name: SK, default: true}\n"
        f"        - locale: en\n          name: EN\n          nav_translations:\n{translations}"
        f"        - locale: ru\n          name: RU\n          nav_translations:\n{translations}"
        "nav:\n" + "\n".join(nav) + "\n")


def measure(pages: int) -> tuple[float, dict[str, tuple[int, int, int]]]:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        make_synthetic_site(root, pages)
        (root / "mkdocs.yml").write_text(config(pages), encoding="utf-8")
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(root / "site")],
                       cwd=root, check=True, capture_output=True)
        seconds = time.perf_counter() - start
        out = {}
        for prefix, lang in (("", "sk"), ("en/", "en"), ("ru/", "ru")):
            html = (root / "site" / prefix / "area" / f"page-{pages // 2}" / "index.html").read_bytes()
            links = len(re.findall(rb'class="md-nav__link', html))
            out[lang] = (len(html), len(gzip.compress(html, 6)), links)
        return seconds, out


def main() -> int:
    print("| pages per language | build s | lang | guide HTML KB | gzip KB | nav links |")
    print("|---|---|---|---|---|---|")
    for pages in (10, 100, 1000):
        seconds, figures = measure(pages)
        for lang, (raw, packed, links) in figures.items():
            print(f"| {pages} | {seconds:.0f} | {lang} | {raw / 1024:.1f} | {packed / 1024:.1f} | {links} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Benchmarks: `make bench` (python -m scripts.quality.bench).

1. The content checks on synthetic sites of 250, 500 and 1,000 pages per language
   in three languages (target: under 5 s at 1,000, growing linearly).
2. The LinkChecker crawl of the real built site (target: under 15 s).
Prints its figures; it is not a test and never fails on a slow machine.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from scripts.editors.stamping import write_fingerprint
from scripts.fingerprint import fingerprint
from scripts.model import parse_page
from scripts.sitedata import retarget_data

REPO = Path(__file__).resolve().parents[2]

SOURCE = """---
title: Stránka {n}
description: Syntetická stránka číslo {n} na meranie rýchlosti kontrol.
last_reviewed: 2026-11-01
review_by: 2027-05-01
sources:
  - title: Zákon č. 404/2011 Z. z. o pobyte cudzincov
    url: https://www.slov-lex.sk/pravne-predpisy/SK/ZZ/2011/404/
---

Poplatok za žiadosť (položka {fee}) je {{{{ fact:trp-fee-employment }}}}
a polícia rozhodne do 90 dní. Od 1. apríla 2024 platia nové sadzby.
Volajte 0850 211 478 alebo píšte na info@example.org.

## Kto môže požiadať {{ #who }}

Požiadať môžete, ak ste v krajine aspoň 5 rokov. Pozrite [ďalšiu stránku](page-{next}.md#documents).

## Doklady {{ #documents }}

- [ ] cestovný pas
- [ ] doklad o ubytovaní

## Lehoty {{ #deadlines }}

| úkon | lehota |
|---|---|
| rozhodnutie | 90 dní |
| prihlásenie | 3 pracovné dni |
"""

TRANSLATION = {
    "en": """---
title: Page {n}
description: Synthetic page number {n} for measuring the checks.
---

The application fee (item {fee}) is {{{{ fact:trp-fee-employment }}}}
and the police decide within 90 days. New rates apply from 1 April 2024.
Call 0850 211 478 or write to info@example.org.

## Who can apply {{ #who }}

You can apply if you have lived here for at least 5 years. See [the next page](page-{next}.md#documents).

## Documents {{ #documents }}

- [ ] passport
- [ ] proof of accommodation

## Deadlines {{ #deadlines }}

| step | deadline |
|---|---|
| decision | 90 days |
| registration | 3 working days |
""",
    "ru": """---
title: Страница {n}
description: Синтетическая страница номер {n} для замера проверок.
---

Сбор за заявление (пункт {fee}) — {{{{ fact:trp-fee-employment }}}},
полиция решает в течение 90 дней. С 1 апреля 2024 года действуют новые ставки.
Звоните 0850 211 478 или пишите на info@example.org.

## Кто может подать {{ #who }}

Подать можно, если вы живёте здесь не менее 5 лет. См. [следующую страницу](page-{next}.md#documents).

## Документы {{ #documents }}

- [ ] паспорт
- [ ] подтверждение жилья

## Сроки {{ #deadlines }}

| действие | срок |
|---|---|
| решение | 90 дней |
| регистрация | 3 рабочих дня |
""",
}


def make_synthetic_site(root: Path, pages: int) -> None:
    """A valid, stamped site with `pages` pages per language (sk, en, ru)."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copytree(REPO / "data", root / "data", dirs_exist_ok=True)
    retarget_data(root / "data", "area/page-0.md", ("sk", "en", "ru"))
    nav = "\n".join(f"      - area/page-{n}.md" for n in range(pages))
    (root / "mkdocs.yml").write_text(
        "site_name: Bench\nsite_url: https://example.org/\ntheme:\n  name: material\n"
        "  font: false\n  features: [navigation.prune]\n"
        "plugins:\n  - i18n:\n      docs_structure: folder\n      reconfigure_search: false\n"
        "      languages:\n        - {locale: sk, name: SK, default: true}\n"
        "        - {locale: en, name: EN, nav_translations: {Oblasť: Area}}\n"
        "        - {locale: ru, name: RU, nav_translations: {Oblasť: Область}}\n"
        f"nav:\n  - Oblasť:\n{nav}\n", encoding="utf-8")
    for n in range(pages):
        values = {"n": n, "next": (n + 1) % pages, "fee": 100 + n % 300}
        src = root / "docs/sk/area" / f"page-{n}.md"
        src.parent.mkdir(parents=True, exist_ok=True)
        src.write_text(SOURCE.format(**values), encoding="utf-8")
        stamp = fingerprint(parse_page(src.read_text(encoding="utf-8"), path=src,
                                       rel=f"area/page-{n}.md", lang="sk", display_path=""))
        for lang, template in TRANSLATION.items():
            path = root / "docs" / lang / "area" / f"page-{n}.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(template.format(**values), encoding="utf-8")
            page = parse_page(path.read_text(encoding="utf-8"), path=path, rel="", lang=lang,
                              display_path="")
            write_fingerprint(page, stamp)


def time_check(root: Path) -> tuple[float, int, str]:
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "scripts", "--root", str(root), "check"],
                            cwd=REPO, capture_output=True, text=True, check=False)
    return time.perf_counter() - start, result.returncode, result.stdout.strip().splitlines()[-1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="250,500,1000")
    parser.add_argument("--skip-crawl", action="store_true")
    args = parser.parse_args()
    print("Content checks on synthetic sites (3 languages):")
    print(f"{'pages/lang':>10} {'files':>6} {'wall s':>7} {'ms/file':>8}  result")
    with tempfile.TemporaryDirectory() as tmp:
        for size in (int(s) for s in args.sizes.split(",")):
            root = Path(tmp) / f"site-{size}"
            make_synthetic_site(root, size)
            seconds, code, last = time_check(root)
            files = size * 3
            print(f"{size:>10} {files:>6} {seconds:>7.2f} {1000 * seconds / files:>8.2f}  "
                  f"exit {code}: {last}")
    print("target: under 5 s at 1,000 pages per language\n")
    if not args.skip_crawl:
        from scripts.quality.linkcheck import crawl
        from scripts.siteconfig import load_site_config

        site_dir = load_site_config(REPO).site_dir
        if not (site_dir / "index.html").exists():
            subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=REPO,
                           check=True, capture_output=True)
        pages = len(list(site_dir.rglob("*.html")))
        start = time.perf_counter()
        problems = crawl(site_dir)
        seconds = time.perf_counter() - start
        print(f"LinkChecker crawl of the real site: {pages} HTML files, {seconds:.1f} s, "
              f"{len(problems)} problem(s) (target: under 15 s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

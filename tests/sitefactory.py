"""Tiny fixture sites, built in temporary folders, that use the real theme
overrides, hooks and data of this repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

from scripts.sitedata import retarget_data

REPO = Path(__file__).resolve().parent.parent

SOURCE_GUIDE = """---
title: {title}
description: Testovacia stránka.
last_reviewed: 2026-11-01
review_by: 2027-05-01
sources:
  - title: Zákon č. 404/2011 Z. z.
    url: https://www.slov-lex.sk/pravne-predpisy/SK/ZZ/2011/404/
---

Poplatok je {{{{ fact:visa-national-fee }}}} a lehota je 90 dní.

## Doklady {{ #documents }}

Pozrite [domov](../index.md).
"""

TRANSLATION_GUIDE = {
    "en": """---
title: {title}
description: A test page.
---

The fee is {{{{ fact:visa-national-fee }}}} and the deadline is 90 days.

## Documents {{ #documents }}

See [home](../index.md).
""",
    "ru": """---
title: {title}
description: Тестовая страница.
---

Сбор составляет {{{{ fact:visa-national-fee }}}}, срок — 90 дней.

## Документы {{ #documents }}

См. [главную](../index.md).
""",
    "uk": """---
title: {title}
description: Тестова сторінка.
---

Збір становить {{{{ fact:visa-national-fee }}}}, строк – 90 днів.

## Документи {{ #documents }}

Див. [головну](../index.md).
""",
}

HOME = """---
title: {title}
description: Home.
---

Text [guide](area/guide.md#documents).
"""


def mkdocs_yml(languages=("sk", "en", "ru"), nav=None, strict=True) -> str:
    langs = "\n".join(
        f"        - locale: {code}\n          name: {code.upper()}\n"
        f"          default: {'true' if i == 0 else 'false'}"
        + ("" if i == 0 else "\n          nav_translations:\n            Oblasť: Area")
        for i, code in enumerate(languages))
    nav = nav if nav is not None else ["index.md", {"Oblasť": ["area/guide.md"]}]
    nav_lines = []
    for item in nav:
        if isinstance(item, str):
            nav_lines.append(f"  - {item}")
        else:
            for title, children in item.items():
                nav_lines.append(f"  - {title}:")
                nav_lines += [f"      - {child}" for child in children]
    return textwrap.dedent(f"""\
        site_name: Fixture
        site_url: https://example.org/sub/
        strict: {'true' if strict else 'false'}
        theme:
          name: material
          custom_dir: {REPO / 'overrides'}
          language: {languages[0]}
          font: false
        extra:
          generator: false
        hooks:
          - {REPO / 'scripts' / 'build' / 'site_hooks.py'}
        validation:
          omitted_files: warn
          absolute_links: warn
          unrecognized_links: warn
          anchors: warn
        markdown_extensions:
          - toc:
              permalink: true
          - attr_list
          - admonition
          - tables
        plugins:
          - i18n:
              docs_structure: folder
              reconfigure_search: false
              languages:
        """) + langs + "\nnav:\n" + "\n".join(nav_lines) + "\n"


class FixtureSite:
    def __init__(self, root: Path, languages=("sk", "en", "ru")):
        self.root = root
        self.languages = languages
        shutil.copytree(REPO / "data", root / "data")
        retarget_data(root / "data", "area/guide.md", languages)
        (root / "docs").mkdir()

    @classmethod
    def copy_of(cls, template: Path, root: Path, languages=("sk", "en", "ru")) -> FixtureSite:
        """A fixture site copied from an existing one (built and stamped elsewhere)."""
        shutil.copytree(template, root, ignore=shutil.ignore_patterns("site", ".cache"))
        site = cls.__new__(cls)
        site.root, site.languages = root, languages
        return site

    def write(self, rel: str, text: str) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def config(self, **kwargs) -> None:
        self.write("mkdocs.yml", mkdocs_yml(self.languages, **kwargs))

    def standard(self) -> FixtureSite:
        """A valid two-page site in every language."""
        self.config()
        for code in self.languages:
            self.write(f"docs/{code}/index.md", HOME.format(title=f"Home {code}"))
            template = SOURCE_GUIDE if code == self.languages[0] else TRANSLATION_GUIDE[code]
            self.write(f"docs/{code}/area/guide.md", template.format(title=f"Guide {code}"))
        result = self.toolkit("stamp", "--all")
        assert result.returncode == 0, result.stdout + result.stderr
        return self

    def build(self, handbook: bool = False) -> subprocess.CompletedProcess:
        """A strict build into site/. Without `handbook`, the PDF handbooks are left out
        (GUIDE_HANDBOOK=0): rendering them takes each build seconds of CPU, and the tests
        that are about them read the real site's (tests/test_handbook.py)."""
        return subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(self.root / "site")],
            cwd=self.root, capture_output=True, text=True, timeout=300,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "GUIDE_HANDBOOK": "1" if handbook else "0"})

    def toolkit(self, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "scripts", "--root", str(self.root), *args],
            cwd=REPO, capture_output=True, text=True, timeout=300)

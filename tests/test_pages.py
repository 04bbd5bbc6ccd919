"""Publishing to the gh-pages branch: the site, pull-request previews beside it, and their removal."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import REPO

ENV = {"GIT_AUTHOR_NAME": "CI", "GIT_AUTHOR_EMAIL": "ci@example.org", "GIT_COMMITTER_NAME": "CI",
       "GIT_COMMITTER_EMAIL": "ci@example.org", "PATH": os.environ["PATH"],
       "HOME": os.environ.get("HOME", "/tmp")}


def sh(cwd, *args):
    return subprocess.run(list(args), cwd=cwd, env=ENV, check=True, capture_output=True,
                          text=True).stdout


def tree(origin):
    return sorted(sh(origin, "git", "ls-tree", "-r", "--name-only", "gh-pages").split())


def test_site_and_previews_share_the_branch(tmp_path):
    origin = tmp_path / "origin.git"
    sh(tmp_path, "git", "init", "-q", "--bare", str(origin))
    clone = tmp_path / "clone"
    sh(tmp_path, "git", "clone", "-q", str(origin), str(clone))
    (clone / "README").write_text("x", encoding="utf-8")
    sh(clone, "git", "add", "-A")
    sh(clone, "git", "commit", "-qm", "initial")
    sh(clone, "git", "push", "-q", "origin", "HEAD:main")

    def site(name, *files):
        folder = tmp_path / name
        folder.mkdir()
        for rel in files:
            (folder / rel).parent.mkdir(parents=True, exist_ok=True)
            (folder / rel).write_text(name, encoding="utf-8")
        return folder

    publish = ["sh", str(REPO / "scripts/publish-pages.sh")]
    sh(clone, *publish, str(site("v1", "index.html", "en/index.html")), ".")
    assert tree(origin) == [".nojekyll", "en/index.html", "index.html"]
    sh(clone, *publish, str(site("pr", "index.html")), "pr-preview/pr-7")
    assert "pr-preview/pr-7/index.html" in tree(origin)
    # A new version of the site keeps the previews and drops files it no longer has.
    sh(clone, *publish, str(site("v2", "index.html")), ".")
    assert tree(origin) == [".nojekyll", "index.html", "pr-preview/pr-7/index.html"]
    assert sh(origin, "git", "show", "gh-pages:index.html") == "v2"
    # The pull request closes: its preview goes.
    sh(clone, *publish, "-", "pr-preview/pr-7")
    assert tree(origin) == [".nojekyll", "index.html"]


def _build(site, tmp_path, preview):
    config = site.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    if "preview:" not in text:
        config.write_text(text.replace("  generator: false\n",
                                       '  generator: false\n  preview: !ENV [PREVIEW, ""]\n'),
                          encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "GUIDE_HANDBOOK": "0"}
    env.pop("PREVIEW", None)
    if preview:
        env["PREVIEW"] = "1"
    out = tmp_path / ("preview" if preview else "site")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)],
                            cwd=site.root, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    return out


def test_preview_build_is_marked_and_not_indexed(fixture_site, tmp_path):
    import yaml

    ui = yaml.safe_load((REPO / "data/ui.yml").read_text(encoding="utf-8"))
    preview = _build(fixture_site, tmp_path, True)
    for prefix, lang in (("", "sk"), ("en/", "en"), ("ru/", "ru")):
        html = (preview / prefix / "area/guide/index.html").read_text(encoding="utf-8")
        assert '<meta name="robots" content="noindex, nofollow">' in html
        assert ui[lang]["preview_banner"] in html and 'class="md-banner' in html
    published = _build(fixture_site, tmp_path, False)
    html = (published / "area/guide/index.html").read_text(encoding="utf-8")
    assert "noindex" not in html and "md-banner" not in html

"""The exit path stays open: ProperDocs (the maintained fork of MkDocs 1.x) builds this
site, hooks and mkdocs-static-i18n included, into the same files as MkDocs."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from conftest import REPO, SITE_URL

GENERATOR = re.compile(rb'[ \t]*<meta name="generator" content="[^"]*">\n?')


def _files(root: Path) -> dict[str, Path]:
    return {p.relative_to(root).as_posix(): p for p in root.rglob("*") if p.is_file()}


def properdocs_site(tmp_path: Path) -> Path:
    """The site built by ProperDocs: `make test` builds it (strict) alongside the MkDocs
    build and passes it as PROPERDOCS_SITE; otherwise it is built here."""
    prebuilt = os.environ.get("PROPERDOCS_SITE")
    if prebuilt:
        assert (Path(prebuilt) / "index.html").exists(), f"PROPERDOCS_SITE={prebuilt} has no index.html"
        return Path(prebuilt)
    out = tmp_path / "properdocs-site"
    env = {**os.environ, "SITE_URL": SITE_URL, "NO_MKDOCS_2_WARNING": "1"}
    properdocs = Path(sys.executable).with_name("properdocs")
    result = subprocess.run([str(properdocs), "build", "--strict", "-d", str(out)], cwd=REPO,
                            env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-4000:]
    return out


def test_properdocs_builds_the_same_site(built, tmp_path):
    out = properdocs_site(tmp_path)
    home = (out / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<meta name="generator" content="[^"]*ProperDocs', home), "not a ProperDocs build"
    ours, theirs = _files(built), _files(out)
    assert sorted(ours) == sorted(theirs)
    different = []
    for rel, path in ours.items():
        a, b = path.read_bytes(), theirs[rel].read_bytes()
        if a == b:
            continue
        if rel.startswith("offline/") and rel.endswith(".json"):
            # The offline manifests hash every page, and each page carries the generator
            # tag: the same files must be listed, their hashes and sizes may differ.
            if sorted(f["url"] for f in json.loads(a)["files"]) == \
                    sorted(f["url"] for f in json.loads(b)["files"]):
                continue
        elif rel.endswith(".json"):
            # Pagefind writes its language table in build order; same content, other order.
            if json.loads(a) == json.loads(b):
                continue
        elif rel.endswith(".html"):
            # Only the generator tag may differ ("mkdocs-1.6.1" / "mkdocs-ProperDocs 1.6.x").
            if GENERATOR.sub(b"", a) == GENERATOR.sub(b"", b):
                continue
        different.append(rel)
    assert different == [], f"{len(different)} of {len(ours)} files differ, e.g. {different[:5]}"
    assert len(ours) > 150

"""The content checks. Each is a function `(site, options) -> list[Finding]`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from scripts.findings import Finding
from scripts.model import Site


@dataclass
class Options:
    today: dt.date = field(default_factory=dt.date.today)
    strict_freshness: bool = False
    use_git: bool = True


Check = Callable[[Site, Options], list[Finding]]


def all_checks() -> dict[str, Check]:
    from scripts.checks import (
        facts,
        freshness,
        frontmatter,
        outdated,
        parity,
        registry,
        safety,
        structure,
    )

    return {
        "front-matter": frontmatter.check,
        "parity": parity.check,
        "structure": structure.check,
        "facts": facts.check,
        "registered-facts": registry.check,
        "outdated": outdated.check,
        "freshness": freshness.check,
        "safety": safety.check,
    }


def run(site: Site, options: Options, only: list[str] | None = None) -> list[Finding]:
    findings: list[Finding] = []
    # Problems reading a file come first: a page that cannot be read is not checked further.
    for pages in site.pages.values():
        for page in pages.values():
            findings.extend(page.load_errors)
    for name, check in all_checks().items():
        if only and name not in only:
            continue
        findings.extend(check(site, options))
    return sorted(set(findings))

"""Material's stylesheet without the components this site never renders.

Material ships one stylesheet for every feature it has (content tabs, code
highlighting and annotations, blog posts, tags, version selector, repository
widget, cookie consent, …). This site uses none of them, yet every first visit
downloads their rules: about a third of the file. After the build, the selectors
that name only such components are removed (a rule shared with a used selector
keeps that selector), so the first visit stays within the weight budget.
"""

from __future__ import annotations

from pathlib import Path

import tinycss2

# Class names of Material components that this site's pages and scripts never use.
UNUSED = (".tabbed-", ".highlight", ".keys", ".md-annotation", ".md-source", ".md-tabs",
          ".md-version", ".footnote", ".md-tag", ".md-code__", ".md-post", ".grid",
          ".md-clipboard", ".md-consent", ".critic", ".arithmatex", ".md-social", ".mermaid",
          ".md-typeset .annotate", ".md-profile", ".md-author", ".md-draft")


def _split_selectors(prelude: list) -> list[str]:
    """A selector list split at its top-level commas (not those inside :is(…))."""
    out, current = [], []
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            out.append(tinycss2.serialize(current).strip())
            current = []
        else:
            current.append(token)
    out.append(tinycss2.serialize(current).strip())
    return [s for s in out if s]


def _unused(selector: str) -> bool:
    return any(name in selector for name in UNUSED)


def _rules(rules: list) -> str:
    out = []
    for rule in rules:
        if rule.type == "qualified-rule":
            kept = [s for s in _split_selectors(rule.prelude) if not _unused(s)]
            if kept:
                out.append(",".join(kept) + "{" + tinycss2.serialize(rule.content) + "}")
        elif rule.type == "at-rule":
            prelude = tinycss2.serialize(rule.prelude)
            if rule.content is None:
                out.append(f"@{rule.at_keyword}{prelude};")
            elif rule.lower_at_keyword in ("media", "supports", "layer", "container"):
                inner = _rules(tinycss2.parse_rule_list(rule.content, skip_comments=True,
                                                        skip_whitespace=True))
                if inner:
                    out.append(f"@{rule.at_keyword}{prelude}{{{inner}}}")
            else:
                out.append(f"@{rule.at_keyword}{prelude}{{{tinycss2.serialize(rule.content)}}}")
    return "".join(out)


def slim(css: str) -> str:
    """The stylesheet without the rules of unused components."""
    return _rules(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True))


def slim_material(site_dir: Path) -> None:
    """Rewrite Material's built stylesheet(s) in place; idempotent."""
    for path in (site_dir / "assets" / "stylesheets").glob("main.*.min.css"):
        path.write_text(slim(path.read_text(encoding="utf-8")), encoding="utf-8")

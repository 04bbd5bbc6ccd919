"""Every source page exists in every language, no orphans, and the navigation matches."""

from __future__ import annotations

from scripts.checks import Options
from scripts.findings import Finding
from scripts.model import Site

RULE = "parity"


def check(site: Site, options: Options) -> list[Finding]:
    cfg = site.config
    out: list[Finding] = []
    source_lang = cfg.source_language
    sources = site.pages.get(source_lang, {})
    docs = cfg.docs_dir.relative_to(cfg.root).as_posix()
    for lang in cfg.translation_languages:
        pages = site.pages.get(lang, {})
        for rel in sorted(set(sources) - set(pages)):
            out.append(Finding(
                f"{docs}/{lang}/{rel}", 1, RULE,
                f"The {lang} translation of {docs}/{source_lang}/{rel} is missing; readers get "
                "the Slovak page instead.",
                f"Create it with `python -m scripts new {rel}` (existing files are kept), "
                "translate it and run `make stamp`."))
        for rel in sorted(set(pages) - set(sources)):
            out.append(Finding(
                f"{docs}/{lang}/{rel}", 1, RULE,
                f"This page has no Slovak source ({docs}/{source_lang}/{rel} does not exist).",
                "Rename it to match its Slovak source page, or add the Slovak page first."))
    nav = cfg.nav_paths()
    mkdocs = "mkdocs.yml"
    for rel in nav:
        if rel not in sources and not rel.startswith(("http://", "https://")):
            out.append(Finding(mkdocs, 1, RULE,
                               f"nav lists '{rel}', but {docs}/{source_lang}/{rel} does not exist.",
                               "Fix the path in nav or create the page."))
    for rel in sorted(set(sources) - set(nav)):
        if nav:
            out.append(Finding(f"{docs}/{source_lang}/{rel}", 1, RULE,
                               "This page is not in the navigation (nav in mkdocs.yml).",
                               f"Add '- {rel}' to the right section of nav in mkdocs.yml."))
    for lang in cfg.translation_languages:
        translations = cfg.nav_translations.get(lang, {})
        for title in cfg.nav_sections():
            if title not in translations:
                out.append(Finding(mkdocs, 1, RULE,
                                   f"The nav section '{title}' has no {lang} title.",
                                   f"Add '{title}: …' under nav_translations of the {lang} "
                                   "language in mkdocs.yml."))
    return out

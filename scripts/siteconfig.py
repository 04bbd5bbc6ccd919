"""What the toolkit needs to know about the site, read from mkdocs.yml.

Languages come from the i18n plugin's configuration so that adding a language
is a change to mkdocs.yml (plus its strings in data/), never to code.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import yaml


class _Loader(yaml.SafeLoader):
    """A YAML loader that understands the tags used in mkdocs.yml."""


def _env_tag(loader: yaml.SafeLoader, node: yaml.Node):
    # `!ENV [NAME, default]` or `!ENV NAME`, as MkDocs resolves it.
    if isinstance(node, yaml.ScalarNode):
        names, default = [loader.construct_scalar(node)], None
    else:
        items = loader.construct_sequence(node)
        names, default = items[:-1] or items, items[-1] if len(items) > 1 else None
    for name in names:
        if name in os.environ:
            return os.environ[name]
    return default


def _ignore_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node):
    return None


_Loader.add_constructor("!ENV", _env_tag)
_Loader.add_multi_constructor("!", _ignore_tag)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore_tag)


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    default: bool


@dataclass
class SiteConfig:
    root: Path
    docs_dir: Path
    site_dir: Path
    site_url: str
    languages: list[Language]
    nav: list = field(default_factory=list)
    nav_translations: dict[str, dict[str, str]] = field(default_factory=dict)

    @property
    def source_language(self) -> str:
        return next(lang.code for lang in self.languages if lang.default)

    @property
    def translation_languages(self) -> list[str]:
        return [lang.code for lang in self.languages if not lang.default]

    @property
    def codes(self) -> list[str]:
        return [lang.code for lang in self.languages]

    def nav_paths(self) -> list[str]:
        """Every page path listed in nav, in order."""
        out: list[str] = []

        def walk(items):
            for item in items or []:
                if isinstance(item, str):
                    out.append(item)
                elif isinstance(item, dict):
                    for value in item.values():
                        if isinstance(value, str):
                            out.append(value)
                        else:
                            walk(value)

        walk(self.nav)
        return out

    def nav_sections(self) -> list[str]:
        """Titles of nav sections (which need a translation in every language)."""
        out: list[str] = []

        def walk(items):
            for item in items or []:
                if isinstance(item, dict):
                    for title, value in item.items():
                        if isinstance(value, list):
                            out.append(title)
                            walk(value)

        walk(self.nav)
        return out


def load_site_config(root: Path | str = ".") -> SiteConfig:
    root = Path(root).resolve()
    with open(root / "mkdocs.yml", encoding="utf-8") as fh:
        raw = yaml.load(fh, Loader=_Loader) or {}
    i18n = None
    for plugin in raw.get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            i18n = plugin["i18n"] or {}
    if i18n is None:
        raise ValueError("mkdocs.yml: the i18n plugin is not configured")
    languages = [
        Language(code=item["locale"], name=item.get("name", item["locale"]),
                 default=bool(item.get("default", False)))
        for item in i18n.get("languages") or []
        if item.get("build", True)
    ]
    translations = {
        item["locale"]: item.get("nav_translations") or {}
        for item in i18n.get("languages") or []
    }
    return SiteConfig(
        root=root,
        docs_dir=root / raw.get("docs_dir", "docs"),
        site_dir=root / raw.get("site_dir", "site"),
        site_url=str(raw.get("site_url") or "/"),
        languages=languages,
        nav=raw.get("nav") or [],
        nav_translations=translations,
    )

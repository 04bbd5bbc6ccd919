"""Shared data files under data/: interface strings and contacts."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from pathlib import Path

import yaml
from babel.dates import format_date

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


@cache
def load_yaml(name: str, data_dir: Path = DATA_DIR) -> dict:
    with open(data_dir / name, encoding="utf-8") as fh:
        return yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}


def ui(lang: str, data_dir: Path = DATA_DIR) -> dict:
    strings = load_yaml("ui.yml", data_dir)
    if lang not in strings:
        raise KeyError(f"data/ui.yml has no strings for language '{lang}'")
    return strings[lang]


def format_day(day: dt.date, lang: str, data_dir: Path = DATA_DIR) -> str:
    return format_date(day, format="long", locale=ui(lang, data_dir)["date_locale"])


class UnknownContactGroup(KeyError):
    pass


def contact_group(group: str, data_dir: Path = DATA_DIR) -> list[dict]:
    data = load_yaml("contacts.yml", data_dir)
    if group not in data.get("groups", {}):
        raise UnknownContactGroup(group)
    return [dict(data["contacts"][key], key=key) for key in data["groups"][group]]


def contact_groups(data_dir: Path = DATA_DIR) -> list[str]:
    return list(load_yaml("contacts.yml", data_dir).get("groups", {}))


def _tel(phone: str) -> str:
    digits = "".join(ch for ch in phone if ch.isdigit() or ch == "+")
    return digits


def render_contacts(group: str, lang: str, data_dir: Path = DATA_DIR) -> str:
    """The contacts of a group as a Markdown list in the given language."""
    lines = []
    for contact in contact_group(group, data_dir):
        name = contact["name"].get(lang) or contact["name"]["sk"]
        parts = [f"**{name}**"]
        if contact.get("phone"):
            parts.append(f"[{contact['phone']}](tel:{_tel(contact['phone'])})")
        if contact.get("address"):
            parts.append(contact["address"])
        if contact.get("email"):
            # Some institutions take complaints only in writing: show the address as a mailto link.
            parts.append(f"[{contact['email']}](mailto:{contact['email']})")
        if contact.get("url"):
            parts.append(f"<{contact['url']}>")
        note = (contact.get("note") or {}).get(lang)
        line = "- " + ": ".join(parts[:2]) + (", " + ", ".join(parts[2:]) if parts[2:] else "")
        if note:
            line += f" ({note})"
        hours = (contact.get("hours") or {}).get(lang)
        if hours:
            line += f" – {hours}"
        lines.append(line)
    return "\n".join(lines) + "\n"


def keep_languages(data_dir: Path, codes: list[str] | tuple[str, ...]) -> None:
    """Drop from a copy of data/ the strings of languages that the site using it does not
    have (a fixture or synthetic site with fewer languages than the real one), so that
    its data check sees what a real site with those languages would hold. Lines are
    removed, not re-serialised, so that line numbers of what stays shift predictably and
    comments survive."""
    import yaml

    ui_file = data_dir / "ui.yml"
    present = list(yaml.safe_load(ui_file.read_text(encoding="utf-8")) or {}) if ui_file.exists() else []
    drop = [code for code in present if code not in codes]
    if not drop:
        return
    key = re.compile(rf"^(\s*)(?:{'|'.join(map(re.escape, drop))}):(?:\s|$)")
    for path in sorted(data_dir.glob("*.yml")):
        kept: list[str] = []
        skip_deeper_than: int | None = None
        for line in path.read_text(encoding="utf-8").splitlines(keepends=True):
            indent = len(line) - len(line.lstrip(" "))
            if skip_deeper_than is not None:
                if not line.strip() or indent > skip_deeper_than:
                    continue
                skip_deeper_than = None
            match = key.match(line)
            if match:
                skip_deeper_than = len(match.group(1))
                continue
            kept.append(line)
        path.write_text("".join(kept), encoding="utf-8")


def retarget_data(data_dir: Path, page: str, codes: list[str] | tuple[str, ...] | None = None) -> None:
    """Point the page references of a copy of data/ at `page`: synthetic and fixture
    sites borrow the real data, whose news entries and glossary name the real guides.
    With `codes`, keep only those languages' strings (see keep_languages)."""
    import yaml

    if codes is not None:
        keep_languages(data_dir, codes)

    news = data_dir / "news.yml"
    entries = yaml.safe_load(news.read_text(encoding="utf-8")) or []
    for entry in entries:
        entry["pages"] = [page]
    news.write_text(yaml.safe_dump(entries, allow_unicode=True, sort_keys=False),
                    encoding="utf-8")
    search = data_dir / "search.yml"
    if search.exists():
        settings = yaml.safe_load(search.read_text(encoding="utf-8")) or {}
        for block in settings.values():
            block["popular"] = [page]
            for intent in block.get("intents") or []:
                intent["pages"] = [page]
        search.write_text(yaml.safe_dump(settings, allow_unicode=True, sort_keys=False),
                          encoding="utf-8")
    glossary = data_dir / "glossary.yml"
    terms = yaml.safe_load(glossary.read_text(encoding="utf-8")) or []
    for term in terms:
        term.pop("guide", None)
        if "avoid" in term and not term["avoid"]:
            del term["avoid"]  # its only language was dropped
    glossary.write_text(yaml.safe_dump(terms, allow_unicode=True, sort_keys=False),
                        encoding="utf-8")

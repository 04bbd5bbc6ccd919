"""Rendering of data/contacts.yml entries into the Markdown the pages show."""

from __future__ import annotations

from pathlib import Path

import yaml

from scripts import sitedata


def _data_dir(tmp_path: Path, contact: dict) -> Path:
    (tmp_path / "contacts.yml").write_text(
        yaml.safe_dump({"groups": {"rights": ["c"]}, "contacts": {"c": contact}}, allow_unicode=True),
        encoding="utf-8",
    )
    return tmp_path


def test_email_is_shown_as_a_mailto_link(tmp_path):
    data_dir = _data_dir(tmp_path, {
        "name": {"sk": "Stredisko", "en": "Centre"},
        "phone": "055 600 2301",
        "email": "info@example.sk",
    })
    line = sitedata.render_contacts("rights", "en", data_dir)
    assert "[055 600 2301](tel:0556002301)" in line
    assert "[info@example.sk](mailto:info@example.sk)" in line


def test_contact_without_email_has_no_mailto(tmp_path):
    data_dir = _data_dir(tmp_path, {"name": {"sk": "Úrad"}, "url": "https://example.sk/"})
    line = sitedata.render_contacts("rights", "sk", data_dir)
    assert "mailto:" not in line
    assert "<https://example.sk/>" in line


def test_every_contact_in_the_repository_has_a_source_and_check_date():
    data = sitedata.load_yaml("contacts.yml")
    for key, contact in data["contacts"].items():
        assert contact.get("source", "").startswith("https://"), key
        assert contact.get("checked_on"), key
    for group, keys in data["groups"].items():
        assert all(k in data["contacts"] for k in keys), group

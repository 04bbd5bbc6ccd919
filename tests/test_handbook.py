"""The printable handbook: one PDF per language, from the real built site."""

from __future__ import annotations

import re

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader

from scripts.build import handbook
from scripts.model import load_site
from scripts.siteconfig import load_site_config
from test_build import REPO

CONFIG = load_site_config(REPO)


def squash(text: str) -> str:
    """Text without whitespace or hyphenation: PDF lines wrap titles anywhere."""
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def model():
    return load_site(CONFIG)


_TEXT: dict[str, list[str]] = {}


def pdf_pages(built, lang: str) -> list[str]:
    """The text of each page of a language's PDF, extracted once per test run (with PDFium:
    pypdf needs about 25 s per handbook, PDFium a few)."""
    if lang not in _TEXT:
        pdf = pdfium.PdfDocument(built / "downloads" / f"guide-{lang}.pdf")
        try:
            _TEXT[lang] = [pdf[i].get_textpage().get_text_range().replace("\r\n", "\n")
                           for i in range(len(pdf))]
        finally:
            pdf.close()
    return _TEXT[lang]


@pytest.mark.parametrize("lang", CONFIG.codes)
def test_handbook_has_every_guide_in_nav_order_with_dates_sources_and_addresses(built, model, lang):
    pdf = PdfReader(built / "downloads" / f"guide-{lang}.pdf")
    pages = pdf_pages(built, lang)
    assert len(pages) > 20
    chapters = handbook.chapters(CONFIG, model, lang)
    assert len(chapters) > 20
    # Cover, then the table of contents, then every chapter in nav order.
    assert "2026" in pages[0] or "2027" in pages[0]  # the build date
    body = squash("".join(pages[2:]))
    position = 0
    for chapter in chapters:
        found = body.find(squash(chapter.title), position)
        assert found >= 0, f"{lang}: {chapter.title!r} missing or out of nav order"
        position = found
    text = "\n".join(pages)
    assert "https://www.slov-lex.sk/" in squash(text)  # link addresses are printed
    strings = handbook.sitedata.ui(lang)
    assert squash(strings["sources"]) in body
    assert squash(strings["last_reviewed"]) in body
    assert re.search(r"\n\s*1\d\s*$", pages[12], re.M)  # page numbers in the footer
    fonts = {str(font) for page in pdf.pages[:5]
             for font in (page["/Resources"].get("/Font") or {}).values()
             for font in [font.get_object()["/BaseFont"]]}
    assert any("DejaVu-Sans" in font for font in fonts), fonts


@pytest.mark.parametrize("lang, word, letters", [
    ("ru", "пребывани", "ёыэ"),
    ("uk", "перебуванн", "іїє'"),
])
def test_cyrillic_handbooks_are_real_text(built, lang, word, letters):
    text = "".join(pdf_pages(built, lang))
    alpha = [ch for ch in text if ch.isalpha()]
    cyrillic = [ch for ch in alpha if "\u0400" <= ch <= "\u04ff"]
    assert len(cyrillic) > 0.6 * len(alpha)
    assert word in text.lower()
    for letter in letters:
        assert letter in text, letter


def test_slovak_handbook_keeps_diacritics(built):
    text = "".join(pdf_pages(built, "sk"))
    for letter in "áčďéíľňóôŕšťúýž":
        assert letter in text, letter


@pytest.mark.parametrize("lang", CONFIG.codes)
def test_home_page_links_the_handbook_with_its_size(built, lang):
    prefix = "" if lang == CONFIG.source_language else f"{lang}/"
    home = (built / prefix / "index.html").read_text(encoding="utf-8")
    assert f'href="{"../" if prefix else ""}downloads/guide-{lang}.pdf"' in home
    size = (built / "downloads" / f"guide-{lang}.pdf").stat().st_size
    expected = handbook.format_size(size, lang, REPO / "data")
    assert f"<span data-handbook-size>PDF, {expected}</span>" in home
    assert home.count("data-offline-save") == 2  # the home page's button and the footer's


def test_two_builds_render_each_pdf_once(tmp_path):
    """A build waits for the PDF another build is rendering (MkDocs and ProperDocs run side
    by side in `make test`), and takes over the work of a build that stopped."""
    import os
    import subprocess
    import threading

    pdf = tmp_path / "guide-sk-0123.pdf"
    other = subprocess.Popen(["sleep", "30"])  # stands for the other build
    try:
        handbook._lock(pdf).write_text(str(other.pid))
        assert not handbook._claim(pdf)  # it is rendering: do not render it again
        threading.Timer(0.5, pdf.write_bytes, [b"%PDF-"]).start()
        assert handbook._wait(pdf, poll=0.05)  # …and its file is used once written
        pdf.unlink()
        threading.Timer(0.3, handbook._lock(pdf).unlink).start()
        assert not handbook._wait(pdf, poll=0.05)  # it gave up without a file: render it here
    finally:
        other.kill()
        other.wait()
    handbook._lock(pdf).write_text(str(other.pid))  # a stopped build's lock is taken over
    assert handbook._claim(pdf)
    assert handbook._lock(pdf).read_text() == str(os.getpid())
    assert handbook._claim(pdf)  # …and so is one this process left behind
    stuck = subprocess.Popen(["sleep", "30"])  # a build that never finishes: wait, then take over
    try:
        handbook._lock(pdf).write_text(str(stuck.pid))
        assert not handbook._wait(pdf, poll=0.05, limit=0.3)
        assert not handbook._lock(pdf).exists() and handbook._claim(pdf)
    finally:
        stuck.kill()
        stuck.wait()


def test_handbook_date_is_the_last_committed_change_of_the_content(fixture_site):
    """The same content prints the same "as of" date in every build (and reuses its
    cached PDF the next day); an uncommitted edit makes it today."""
    import datetime as dt
    import os
    import subprocess

    root = fixture_site.root
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org",
           "GIT_AUTHOR_DATE": "2026-03-04T10:00:00", "GIT_COMMITTER_DATE": "2026-03-04T10:00:00"}
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "content"]):
        subprocess.run(["git", *args], cwd=root, env=env, check=True)
    site = load_site_config(root)
    assert handbook.content_date(site, root / "data") == dt.date(2026, 3, 4)
    (root / "mkdocs.yml").write_text((root / "mkdocs.yml").read_text() + "\n")  # not content
    assert handbook.content_date(site, root / "data") == dt.date(2026, 3, 4)
    page = root / "docs" / "sk" / "area" / "guide.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nNová veta.\n", encoding="utf-8")
    assert handbook.content_date(site, root / "data") == dt.date.today()

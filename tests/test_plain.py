"""The plain-language check: long sentences are warnings; hedges are counted per page."""

from __future__ import annotations

from test_checks import run

LONG = ("Ak ste cudzinec a chcete na Slovensku pracovať, musíte najprv získať potvrdenie "
        "úradu práce a potom podať žiadosť o prechodný pobyt na oddelení cudzineckej polície "
        "v mieste, kde budete bývať, a zaplatiť poplatok.")


def test_long_sentence_is_a_warning_with_its_line(fixture_site):
    path = fixture_site.root / "docs/sk/area/guide.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nKrátka veta. " + LONG + "\n",
                    encoding="utf-8")
    found = run(fixture_site, "plain-language")
    assert [(f.path, f.line, f.severity) for f in found] == [
        ("docs/sk/area/guide.md", 17, "warning")]
    assert "words" in found[0].message


def test_hedges_are_counted_in_status(fixture_site):
    path = fixture_site.root / "docs/sk/area/guide.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nSumu si overte si na polícii.\n",
                    encoding="utf-8")
    status = fixture_site.toolkit("status", "--no-git").stdout
    assert "Plain language" in status and "`area/guide.md`: 1" in status
    assert "| sk |" in status.split("Plain language")[1]


def test_sentences_starting_with_a_slovak_capital_are_counted_apart():
    """Č, Š, Ž and the other capitals of Latin Extended-A start a sentence like A to Z;
    an abbreviation's full stop at the end of a sentence still ends it."""
    from scripts.model import split_sentences

    text = ("Podnikať môžete cez s.r.o. Či smiete, závisí od pobytu. Žiadosť podajte včas! "
            "Ďalej: 2. mája. „Čo treba“ (Šport).")
    assert split_sentences(text) == [
        "Podnikať môžete cez s.r.o.", "Či smiete, závisí od pobytu.", "Žiadosť podajte včas!",
        "Ďalej: 2. mája.", "„Čo treba“ (Šport)."]
    assert split_sentences("Pobyt cudzincov upravuje zákon č. 404/2011 Z. z. o pobyte.") == [
        "Pobyt cudzincov upravuje zákon č. 404/2011 Z. z. o pobyte."]

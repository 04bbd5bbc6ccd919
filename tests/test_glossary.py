"""The glossary's order and its tooltips, on HTML fragments (no build needed)."""

from __future__ import annotations

from scripts.build import glossary


def test_terms_are_in_slovak_alphabetical_order():
    words = ["živnosť", "čestné", "cudzinec", "chorý", "hlava", "ísť", "zákon", "azyl", "ázia"]
    assert sorted(words, key=glossary.slovak_order) == [
        "ázia", "azyl", "cudzinec", "čestné", "hlava", "chorý", "ísť", "zákon", "živnosť"]
    names = [t.term for t in glossary.terms()]
    assert names == sorted(names, key=glossary.slovak_order)


def test_only_the_first_use_outside_links_and_headings_is_explained():
    html = ('<h2 id="x">Prechodný pobyt</h2>'
            '<p><a href="#">prechodný pobyt</a> then prechodný pobyt and prechodný pobyt again</p>'
            '<pre><code>trvalý pobyt</code></pre><p>trvalý\npobyt</p>')
    out = glossary.annotate(html, "en")
    assert out.count('class="gloss"') == 2
    assert '<h2 id="x">Prechodný pobyt</h2>' in out
    assert '<a href="#">prechodný pobyt</a>' in out
    assert "<code>trvalý pobyt</code>" in out
    assert 'aria-describedby="gloss-1">prechodný pobyt</button>' in out
    assert 'aria-describedby="gloss-2">trvalý\npobyt</button>' in out
    assert 'role="tooltip" id="gloss-1" data-pagefind-ignore>temporary residence' in out

"""The glossary of Slovak official terms (data/glossary.yml): its page and its tooltips.

The first use of a term on a page becomes a button that shows the explanation in
the page's language on hover, keyboard focus or tap (overrides/assets/glossary.js
adds tap-to-toggle and Escape). Without JavaScript, hover and focus still work.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from scripts.sitedata import DATA_DIR, load_yaml

# Markup inside which a term is left alone: headings, links, code, controls,
# and anything already marked up as a term.
_SKIP = {"a", "abbr", "button", "code", "dfn", "h1", "h2", "h3", "h4", "h5", "h6", "kbd", "label",
         "pre", "script", "style", "summary", "svg", "textarea", "title", "time"}
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*?(/?)>|<!--.*?-->", re.S)
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
         "track", "wbr"}


PAGE_MARK = '<dl class="glossary">'


@dataclass(frozen=True)
class Term:
    term: str
    explanations: dict[str, str]

    @property
    def anchor(self) -> str:
        return "term-" + re.sub(r"[^a-z0-9]+", "-", _ascii(self.term).lower()).strip("-")


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


# Slovak alphabetical order: č, š, ž and the digraph ch are letters of their own;
# other accents only matter when the words are otherwise equal.
_ALPHABET = "a b c č d e f g h ch i j k l m n o p q r s š t u v w x y z ž".split()
_RANK = {letter: n for n, letter in enumerate(_ALPHABET)}
_BASE = str.maketrans("áäéíóôúýĺľŕďťň", "aaeioouyllrdtn")


def slovak_order(text: str) -> tuple:
    """A sort key that puts Slovak words in dictionary order (c, č, …, h, ch, i)."""
    word = text.casefold()
    base = word.translate(_BASE)
    ranks = []
    i = 0
    while i < len(base):
        if base.startswith("ch", i):
            ranks.append(_RANK["ch"])
            i += 2
            continue
        ranks.append(_RANK.get(base[i], -1 if not base[i].isalnum() else 100 + ord(base[i])))
        i += 1
    return (ranks, word)


@cache
def terms(data_dir: Path = DATA_DIR) -> tuple[Term, ...]:
    entries = load_yaml("glossary.yml", data_dir) or []
    found = [Term(str(e["term"]), {k: v for k, v in e.items()
                                   if isinstance(v, str) and k not in ("term", "guide")})
             for e in entries if isinstance(e, dict) and e.get("term")]
    return tuple(sorted(found, key=lambda t: slovak_order(t.term)))


def render_page(lang: str, data_dir: Path = DATA_DIR) -> str:
    """The glossary as a Markdown definition list, sorted by the Slovak term."""
    lines = []
    for term in terms(data_dir):
        text = term.explanations.get(lang)
        if not text:
            continue
        lines += [f'<dt id="{term.anchor}" lang="sk">{html.escape(term.term)}</dt>',
                  f"<dd>{html.escape(text)}</dd>"]
    return PAGE_MARK + "\n" + "\n".join(lines) + "\n</dl>\n"


@cache
def _matcher(data_dir: Path) -> tuple[re.Pattern[str], dict[str, Term]]:
    """One pattern for every term in any of its Slovak forms (`prechodného pobytu`,
    `prechodnom pobyte`), longest first, so that "obnovenie prechodného pobytu" wins
    over a shorter term inside it; and the terms by their group name."""
    from scripts.registry import endings, stem_pattern

    ordered = sorted(terms(data_dir), key=lambda t: len(t.term), reverse=True)
    suffixes = endings("sk", data_dir)
    start = r"(?<!\w)"
    # Every stem pattern starts at a word start (`start`): tested once, before the branches.
    branches = [stem_pattern(t.term, suffixes, regex_words=False).removeprefix(start)
                for t in ordered]
    alternatives = "|".join(f"(?P<t{n}>{b})" for n, b in enumerate(branches))
    # Python's re tries every branch at every position of a text; a guard on the word's
    # first letter, before the branches, makes annotating a page about 7 times faster.
    firsts = {t.term[0].lower() for t in ordered}
    guard = (f"(?=[{''.join(sorted(firsts))}])"
             if all(c.isalpha() for c in firsts) else "")
    pattern = re.compile(f"{start}{guard}(?:{alternatives})" if ordered else "(?!)", re.IGNORECASE)
    return pattern, {f"t{n}": t for n, t in enumerate(ordered)}


def clear_cache() -> None:
    """Forget the loaded terms (a rebuild after data/glossary.yml changed)."""
    terms.cache_clear()
    _matcher.cache_clear()


def annotate(content: str, lang: str, data_dir: Path = DATA_DIR) -> str:
    """Mark the first use of each glossary term in a page's HTML with its explanation."""
    if not terms(data_dir):
        return content
    pattern, by_name = _matcher(data_dir)
    seen: set[str] = set()
    out: list[str] = []
    skip_depth = 0
    position = 0
    counter = 0

    def mark(text: str) -> str:
        nonlocal counter

        def replace(match: re.Match[str]) -> str:
            nonlocal counter
            term = by_name.get(match.lastgroup or "")
            key = term.term.casefold() if term else ""
            if term is None or key in seen or not term.explanations.get(lang):
                return match.group(0)
            seen.add(key)
            counter += 1
            tip = f"gloss-{counter}"
            explanation = html.escape(term.explanations[lang])
            return (f'<span class="gloss"><button type="button" class="gloss__term" lang="sk" '
                    f'aria-describedby="{tip}">{match.group(0)}</button>'
                    f'<span class="gloss__tip" role="tooltip" id="{tip}" data-pagefind-ignore>'
                    f'{explanation}</span></span>')

        return pattern.sub(replace, text)

    for match in _TAG.finditer(content):
        text = content[position:match.start()]
        out.append(mark(text) if skip_depth == 0 and text.strip() else text)
        out.append(match.group(0))
        position = match.end()
        name = (match.group(2) or "").lower()
        if not name or name in _VOID or match.group(3):
            continue
        if name in _SKIP:
            skip_depth += -1 if match.group(1) else 1
            skip_depth = max(skip_depth, 0)
    tail = content[position:]
    out.append(mark(tail) if skip_depth == 0 else tail)
    return "".join(out)

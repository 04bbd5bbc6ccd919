"""The content model: every page read once into path, language, front matter,
body, headings, links, images, raw HTML and facts. Every check and the MkDocs
hooks work from this model; nothing else parses Markdown files."""

from __future__ import annotations

import os
import re
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.admon import admon_plugin

from scripts import facts as facts_lib
from scripts import registry, sitedata
from scripts.findings import Finding
from scripts.siteconfig import SiteConfig

# `## Title { #id .class }`: Python-Markdown's attr_list syntax on a heading.
_ATTR_LIST = re.compile(r"\s*\{:?\s*([^{}]*)\}\s*$")
_FRONT_MATTER_FENCE = re.compile(r"^---\s*$")

_markdown = MarkdownIt("commonmark").enable("table").use(admon_plugin)
# Keep every link, even javascript: and data: ones, so that the safety check sees them.
_markdown.validateLink = lambda url: True


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    id: str | None
    line: int


@dataclass(frozen=True)
class Link:
    target: str
    text: str
    line: int

    @property
    def is_external(self) -> bool:
        return bool(re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", self.target))

    @property
    def page(self) -> str:
        """The link target without its #anchor."""
        return self.target.split("#", 1)[0]

    @property
    def anchor(self) -> str:
        return self.target.split("#", 1)[1] if "#" in self.target else ""


@dataclass(frozen=True)
class Image:
    src: str
    alt: str
    line: int


@dataclass(frozen=True)
class TextRun:
    """Prose the reader sees (not code), with the line it starts on."""

    text: str
    line: int


# A sentence ends at . ! ? or … followed by space and a capital letter, after any opening
# quote or bracket (not `č. 404`, not `1. apríla`). Capitals are told by str.isupper(): a
# character range cannot, since Latin Extended-A interleaves them (Č, Š and Ž sit between
# their small letters).
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[\"„“«(]*(\w))")


def split_sentences(text: str) -> list[str]:
    """The sentences of a paragraph or list item, as written."""
    out, start = [], 0
    for gap in _SENTENCE_END.finditer(text):
        if gap.group(1).isupper():
            out.append(text[start:gap.start()])
            start = gap.end()
    return out + [text[start:]]


@dataclass(frozen=True)
class Unit:
    """A sentence or a table row: the span in which a figure and the words that say
    what it is are read together (by the registered-facts check and by the parity
    check, which compares a translation with its source unit by unit)."""

    text: str  # as written, references kept, lines joined by "\n"
    line: int
    section: str  # id of the heading it stands under ('' before the first)
    block: int  # index of its paragraph, list item or table row in the page
    row: bool  # a table row (its cells joined by " | ")
    facts: tuple[facts_lib.Fact, ...] = ()  # with references rendered
    by_hand: tuple[facts_lib.Fact, ...] = ()  # written as digits, not as a reference
    references: tuple[tuple[str, str, int], ...] = ()  # (fact id, mode, line)


@dataclass
class Page:
    path: Path  # the file on disk
    rel: str  # path inside the language folder, e.g. residence/fees.md
    lang: str
    display_path: str  # how findings name the file, e.g. docs/sk/residence/fees.md
    front_matter: dict = field(default_factory=dict)
    key_lines: dict[str, int] = field(default_factory=dict)
    body: str = ""
    body_line: int = 1  # file line of the body's first line
    load_errors: list[Finding] = field(default_factory=list)
    data_dir: Path = sitedata.DATA_DIR

    @cached_property
    def tokens(self) -> list[Token]:
        return _markdown.parse(self.body)

    def _line(self, token_line: int) -> int:
        return self.body_line + token_line

    @cached_property
    def headings(self) -> list[Heading]:
        out = []
        tokens = self.tokens
        for i, tok in enumerate(tokens):
            if tok.type != "heading_open":
                continue
            inline = tokens[i + 1]
            text, heading_id = inline.content, None
            match = _ATTR_LIST.search(text)
            if match:
                text = text[: match.start()]
                for part in match.group(1).split():
                    if part.startswith("#"):
                        heading_id = part[1:]
            out.append(Heading(int(tok.tag[1]), text.strip(), heading_id,
                               self._line(tok.map[0])))
        return out

    def _inline_tokens(self):
        """(inline token, its first file line) for every run of inline content."""
        for tok in self.tokens:
            if tok.type == "inline" and tok.map:
                yield tok, self._line(tok.map[0])

    def _child_line(self, inline: Token, start: int, needle: str) -> int:
        # markdown-it maps blocks, not inline children: find the line inside the block.
        pos = inline.content.find(needle)
        return start + (inline.content.count("\n", 0, pos) if pos >= 0 else 0)

    @cached_property
    def links(self) -> list[Link]:
        out = []
        for inline, start in self._inline_tokens():
            children = inline.children or []
            for j, child in enumerate(children):
                if child.type == "link_open":
                    href = str(child.attrs.get("href", ""))
                    text = ""
                    for nxt in children[j + 1:]:
                        if nxt.type == "link_close":
                            break
                        text += nxt.content
                    out.append(Link(href, text, self._child_line(inline, start, href)))
        return out

    @cached_property
    def images(self) -> list[Image]:
        out = []
        for inline, start in self._inline_tokens():
            for child in inline.children or []:
                if child.type == "image":
                    src = str(child.attrs.get("src", ""))
                    out.append(Image(src, child.content, self._child_line(inline, start, src)))
        return out

    @cached_property
    def html(self) -> list[TextRun]:
        """Raw HTML written in the Markdown (blocks and inline)."""
        out = []
        for tok in self.tokens:
            if tok.type == "html_block" and tok.map:
                out.append(TextRun(tok.content, self._line(tok.map[0])))
        for inline, start in self._inline_tokens():
            for child in inline.children or []:
                if child.type == "html_inline":
                    out.append(TextRun(child.content,
                                       self._child_line(inline, start, child.content)))
        return out

    @cached_property
    def text_runs(self) -> list[TextRun]:
        """Visible prose, line by line (headings without their id, no code)."""
        out = []
        for inline, start in self._inline_tokens():
            content = _ATTR_LIST.sub("", inline.content) if "{" in inline.content else inline.content
            for offset, line in enumerate(content.split("\n")):
                out.append(TextRun(line, start + offset))
        return out

    @cached_property
    def markers(self) -> list[tuple[str, str, int]]:
        """Build directives such as `<!-- contacts: free-help -->` or
        `<!-- status: translations -->` as (kind, arg, line)."""
        out = []
        for run in self.html:
            for match in MARKER.finditer(run.text):
                out.append((match.group(1), match.group(2), run.line))
        return out

    @cached_property
    def units(self) -> list[Unit]:
        """Every sentence and table row, with its facts (see Unit)."""
        pieces: list[tuple[str, int, bool]] = []  # (text, first line, is a row)
        row: list[str] = []
        row_line = 0
        for tok in self.tokens:
            if tok.type == "tr_open":
                row, row_line = [], self._line(tok.map[0]) if tok.map else 0
            elif tok.type == "tr_close":
                pieces.append((" | ".join(row), row_line, True))
                row = []
                row_line = 0
            elif tok.type == "inline" and tok.map:
                content = _ATTR_LIST.sub("", tok.content) if "{" in tok.content else tok.content
                if row_line:
                    row.append(content.replace("\n", " "))
                else:
                    pieces.append((content, self._line(tok.map[0]), False))
        heading_lines = sorted((h.line, h.id or "") for h in self.headings)
        out: list[Unit] = []
        for block, (text, line, is_row) in enumerate(pieces):
            section = ""
            for hline, hid in heading_lines:
                if hline > line:
                    break
                section = hid
            sentences = [text] if is_row else split_sentences(text)
            offset = 0
            for sentence in sentences:
                start = text.find(sentence, offset)
                offset = start + len(sentence)
                first = line + text.count("\n", 0, max(start, 0))
                out.append(self._unit(sentence, first, section, block, is_row))
        return out

    def _unit(self, text: str, line: int, section: str, block: int, row: bool) -> Unit:
        facts: list[facts_lib.Fact] = []
        by_hand: list[facts_lib.Fact] = []
        refs: list[tuple[str, str, int]] = []
        for offset, segment in enumerate(text.split("\n")):
            where = line + offset
            if "{{" in segment:
                for match in registry.REFERENCE.finditer(segment):
                    refs.append((match.group(1), match.group(2) or "full", where))
                rendered = registry.expand(segment, self.lang, self.data_dir, strict=False)
                facts += facts_lib.extract(rendered, where, self.lang, self.data_dir)
                by_hand += facts_lib.extract(registry.REFERENCE.sub(" ", segment), where,
                                             self.lang, self.data_dir)
            else:
                found = facts_lib.extract(segment, where, self.lang, self.data_dir)
                facts += found
                by_hand += found
        return Unit(text, line, section, block, row, tuple(facts), tuple(by_hand), tuple(refs))

    @cached_property
    def facts(self) -> list[tuple[facts_lib.Fact, str]]:
        """Every fact (references rendered) with the id of the section it stands in."""
        out = [(fact, unit.section) for unit in self.units for fact in unit.facts]
        seen = {(f.kind, f.value, f.line) for f, _ in out}
        heading_lines = sorted((h.line, h.id or "") for h in self.headings)
        for link in self.links:
            if not link.is_external:
                continue
            section = ""
            for hline, hid in heading_lines:
                if hline > link.line:
                    break
                section = hid
            for fact in facts_lib.extract(link.target, link.line, self.lang, self.data_dir):
                if (fact.kind, fact.value, fact.line) not in seen:
                    out.append((fact, section))
        return out

    def analyse(self) -> Page:
        """Compute everything the checks use, then drop the token stream (for pickling)."""
        for name in ("headings", "links", "images", "html", "text_runs", "markers", "units",
                     "facts"):
            getattr(self, name)
        self.__dict__.pop("tokens", None)
        return self

    @property
    def kind(self) -> str:
        """guide, landing (an area's index.md or the home page) or site (other pages)."""
        declared = self.front_matter.get("type")
        if declared in ("guide", "landing", "site"):
            return declared
        if self.rel == "index.md" or self.rel.endswith("/index.md"):
            return "landing"
        if "/" not in self.rel:
            return "site"
        return "guide"


# libyaml's parser (same results as yaml.SafeLoader, several times faster per page).
_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MARKER = re.compile(r"<!--\s*(contacts|status|glossary|news)\s*:\s*([\w-]+)\s*-->")


def _bad_date_line(raw: str) -> int:
    import datetime as dt

    for number, line in enumerate(raw.split("\n"), start=1):
        match = re.search(r"\b(\d{4})-(\d{2})-(\d{2})\b", line)
        if match:
            try:
                dt.date(*map(int, match.groups()))
            except ValueError:
                return number
    return 0


def _yaml_key_lines(text: str, first_line: int) -> dict[str, int]:
    lines: dict[str, int] = {}
    try:
        node = yaml.compose(text, Loader=_FAST_LOADER)
    except yaml.YAMLError:
        return lines
    if isinstance(node, yaml.MappingNode):
        for key, _value in node.value:
            lines[str(key.value)] = first_line + key.start_mark.line
    return lines


def parse_page(text: str, *, path: Path, rel: str, lang: str, display_path: str,
               data_dir: Path = sitedata.DATA_DIR) -> Page:
    """Split front matter and body; never raises on bad input, records findings instead."""
    page = Page(path=path, rel=rel, lang=lang, display_path=display_path, data_dir=data_dir)
    if text.startswith("\ufeff"):
        page.load_errors.append(Finding(
            display_path, 1, "encoding",
            "The file starts with a byte order mark (BOM).",
            "Save the file as UTF-8 without BOM (in most editors: 'UTF-8', not 'UTF-8 with BOM')."))
        text = text[1:]
    lines = text.split("\n")
    if not text.strip():
        page.load_errors.append(Finding(
            display_path, 1, "front-matter", "The file is empty.",
            "Add front matter (title, description, …) and the page text, or delete the file."))
        return page
    if not lines or not _FRONT_MATTER_FENCE.match(lines[0]):
        page.body = text
        page.load_errors.append(Finding(
            display_path, 1, "front-matter", "The page has no front matter.",
            "Start the file with a line '---', the keys (title, description, …), and another '---'."))
        return page
    end = next((i for i in range(1, len(lines)) if _FRONT_MATTER_FENCE.match(lines[i])), None)
    if end is None:
        page.load_errors.append(Finding(
            display_path, 1, "front-matter", "The front matter is not closed.",
            "Add a line with only '---' after the last front matter key."))
        return page
    raw = "\n".join(lines[1:end])
    page.body = "\n".join(lines[end + 1:])
    page.body_line = end + 2
    try:
        data = yaml.load(raw, Loader=_FAST_LOADER) if raw.strip() else {}
    except ValueError as exc:  # e.g. 2026-02-30: YAML syntax is fine, the date is not
        page.load_errors.append(Finding(
            display_path, 1 + _bad_date_line(raw), "front-matter",
            f"The front matter has an impossible date: {exc}.",
            "Write a real date as YYYY-MM-DD, e.g. 2026-11-21."))
        return page
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        # The scanner notices a missing ':' or an unclosed quote only lines later; where
        # it started scanning the key or the quoted value is the line the editor must fix.
        if (getattr(exc, "context", None) or "").startswith("while scanning") \
                and getattr(exc, "context_mark", None) is not None:
            mark = exc.context_mark
        line = 2 + mark.line if mark else 1
        problem = getattr(exc, "problem", None) or str(exc).split("\n")[0]
        page.load_errors.append(Finding(
            display_path, line, "front-matter", f"The front matter is not valid YAML: {problem}.",
            "Check this line: each key is 'name: value'; indent list items with two spaces; "
            "put a value that contains ': ' or starts with a quote in double quotes."))
        return page
    if not isinstance(data, dict):
        page.load_errors.append(Finding(
            display_path, 2, "front-matter", "The front matter is not a list of 'key: value' lines.",
            "Write each front matter entry as 'key: value' on its own line."))
        return page
    page.front_matter = data
    page.key_lines = _yaml_key_lines(raw, 2)
    return page


def read_page(path: Path, *, rel: str, lang: str, display_path: str,
              data_dir: Path = sitedata.DATA_DIR) -> Page:
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        page = Page(path=path, rel=rel, lang=lang, display_path=display_path, data_dir=data_dir)
        line = path.read_bytes()[: exc.start].count(b"\n") + 1
        page.load_errors.append(Finding(
            display_path, line, "encoding", "The file is not valid UTF-8 text.",
            "Open it in an editor and save it with the UTF-8 encoding."))
        return page
    return parse_page(text.replace("\r\n", "\n"), path=path, rel=rel, lang=lang,
                      display_path=display_path, data_dir=data_dir)


@dataclass
class Site:
    config: SiteConfig
    pages: dict[str, dict[str, Page]]  # lang -> rel -> page

    def page(self, lang: str, rel: str) -> Page | None:
        return self.pages.get(lang, {}).get(rel)

    def source_of(self, page: Page) -> Page | None:
        return self.page(self.config.source_language, page.rel)

    def translations(self):
        """(translation, its source or None) for every non-source page."""
        for lang in self.config.translation_languages:
            for rel, page in sorted(self.pages.get(lang, {}).items()):
                yield page, self.page(self.config.source_language, rel)


def _read_and_analyse(job: tuple[Path, str, str, str, Path]) -> Page:
    path, rel, lang, display, data_dir = job
    return read_page(path, rel=rel, lang=lang, display_path=display, data_dir=data_dir).analyse()


# Below this many files, starting worker processes costs more than it saves.
PARALLEL_THRESHOLD = 400


def load_site(config: SiteConfig) -> Site:
    jobs = []
    pages: dict[str, dict[str, Page]] = {lang: {} for lang in config.codes}
    for lang in config.codes:
        folder = config.docs_dir / lang
        if folder.is_dir():
            for path in sorted(folder.rglob("*.md")):
                jobs.append((path, path.relative_to(folder).as_posix(), lang,
                             path.relative_to(config.root).as_posix(), config.root / "data"))
    workers = os.cpu_count() or 1
    if len(jobs) >= PARALLEL_THRESHOLD and workers > 1:
        # The worker processes take a share of the pages and this process analyses the
        # rest meanwhile: what a worker returns must be unpickled here, which costs about
        # a quarter of analysing it, so this process keeps a slightly larger share.
        share = len(jobs) * (workers - 1) * 9 // (workers * 10)
        with ProcessPoolExecutor(max_workers=workers - 1) as pool:
            theirs = pool.map(_read_and_analyse, jobs[:share], chunksize=64)
            ours = [_read_and_analyse(job) for job in jobs[share:]]
            loaded = list(theirs) + ours
    else:
        loaded = [read_page(p, rel=r, lang=la, display_path=d, data_dir=dd)
                  for p, r, la, d, dd in jobs]
    for page in loaded:
        pages[page.lang][page.rel] = page
    return Site(config=config, pages=pages)

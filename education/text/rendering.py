"""Markdown to safe HTML for content pages, with glossary terms marked on first use.

The editor's Markdown is never trusted: it is rendered, then cleaned by nh3 with a short
allow-list (no scripts, no event-handler attributes, no style, only http(s)/mailto/tel links).
Glossary markup is added afterwards, to text nodes of the cleaned HTML only. The result is
cached under a hash of the body and the glossary, so repeat views do not re-render and any
edit to either gives a new cache entry.
"""

import hashlib
import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

import markdown
import nh3
from django.core.cache import cache
from django.utils.translation import get_language, gettext

from .site_text import fill, site_values

ALLOWED_TAGS = {
    "p", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "a", "strong", "em", "b", "i",
    "code", "pre", "blockquote", "table", "thead", "tbody", "tr", "th", "td", "br", "hr",
    "abbr", "dl", "dt", "dd",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"scope"}}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
CACHE_SECONDS = 24 * 60 * 60
TABLE_OPEN = '<div class="table-scroll" role="region" tabindex="0" aria-label="{label}"><table>'
_TABLE_WRAPPER = re.compile(
    r'<div class="table-scroll" role="region" tabindex="0" aria-label="[^"]*"><table>(.*?)'
    r"</table></div>",
    re.S,
)

# Text inside these elements is never turned into a glossary link.
SKIP_TAGS = frozenset({"a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "abbr", "dt"})
VOID_TAGS = {"br", "hr", "img", "input", "meta", "link", "wbr"}


@dataclass(frozen=True)
class Term:
    slug: str
    term: str
    definition: str
    spellings: tuple[str, ...]


def render_markdown(text: str) -> str:
    """Markdown to sanitised HTML. Headings start at <h2>: the page title is the only <h1>."""
    raw = markdown.markdown(text, extensions=["tables", "sane_lists"])
    raw = re.sub(r"<(/?)h1\b", r"<\1h2", raw)
    clean = nh3.clean(
        raw,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
    )
    return _wrap_tables(clean)


def _wrap_tables(clean: str) -> str:
    """Wide tables scroll sideways on a phone; the wrapper can take keyboard focus to scroll.

    Each scrolling region needs its own name, so a page with several tables numbers them.
    """
    pieces = clean.split("<table>")
    several = len(pieces) > 2
    out = [pieces[0]]
    for number, piece in enumerate(pieces[1:], start=1):
        label = table_label(number if several else None)
        out.append(TABLE_OPEN.format(label=html.escape(label)))
        out.append(piece)
    return "".join(out).replace("</table>", "</table></div>")


def table_label(number: int | None) -> str:
    """The name of a scrolling table, in the active language."""
    if number is None:
        return gettext("Table: scroll sideways to see it all")
    return gettext("Table {number}: scroll sideways to see it all").format(number=number)


def unwrap_tables(body_html: str) -> str:
    """The tables without their scrolling wrapper (for paper)."""
    return _TABLE_WRAPPER.sub(r"<table>\1</table>", body_html)


class _GlossaryLinker(HTMLParser):
    def __init__(
        self, terms: list[Term], used: set[str] | None = None, skip: frozenset[str] = SKIP_TAGS
    ) -> None:
        super().__init__(convert_charrefs=True)
        self.skip = skip
        self.by_spelling = {s.lower(): t for t in terms for s in t.spellings}
        spellings = sorted(self.by_spelling, key=len, reverse=True)
        alternation = "|".join(re.escape(s) for s in spellings)
        self.pattern = (
            re.compile(rf"(?<![\w-])({alternation})(?![\w-])", re.IGNORECASE) if spellings else None
        )
        self.used: set[str] = set() if used is None else used
        self.out: list[str] = []
        self.skip_depth = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.out.append(self.get_starttag_text() or f"<{tag}>")
        if tag in self.skip:
            self.skip_depth += 1

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        self.out.append(self.get_starttag_text() or f"<{tag}>")

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID_TAGS:
            return
        self.out.append(f"</{tag}>")
        if tag in self.skip and self.skip_depth:
            self.skip_depth -= 1

    def handle_data(self, data: str) -> None:
        if self.skip_depth or self.pattern is None:
            self.out.append(html.escape(data, quote=False))
            return
        position = 0
        for match in self.pattern.finditer(data):
            term = self.by_spelling[match.group(1).lower()]
            if term.slug in self.used:
                continue
            self.used.add(term.slug)
            self.out.append(html.escape(data[position : match.start()], quote=False))
            self.out.append(self._marked(term, match.group(1)))
            position = match.end()
        self.out.append(html.escape(data[position:], quote=False))

    @staticmethod
    def _marked(term: Term, text: str) -> str:
        slug = html.escape(term.slug)
        return (
            f'<a class="glossary-term" href="/glossary/#{slug}" '
            f'aria-describedby="glossary-def-{slug}">{html.escape(text, quote=False)}</a>'
            f'<span class="glossary-def" id="glossary-def-{slug}">'
            f"{html.escape(term.term)}: {html.escape(term.definition)}</span>"
        )


def link_glossary(
    clean_html: str,
    terms: list[Term],
    used: set[str] | None = None,
    skip: frozenset[str] = SKIP_TAGS,
) -> str:
    """Mark the first use of each glossary term (any spelling, whole words, any case).

    Only text is touched: never inside links, headings or code, never inside attributes.
    The link goes to the glossary entry and is described by the definition, which CSS shows
    on hover and keyboard focus, so it is there for pointer, keyboard and screen-reader users.
    Pass the same ``used`` set for several pieces of one page, so that each term is marked
    once on the whole page; ``skip`` names more elements whose text is left alone.
    """
    if not terms:
        return clean_html
    linker = _GlossaryLinker(terms, used, skip)
    linker.feed(clean_html)
    linker.close()
    return "".join(linker.out)


def page_html(body: str, terms: list[Term], values: dict[str, str] | None = None) -> str:
    """The finished HTML for a page body, from the cache when nothing has changed.

    Every token in the body is filled by ``site_text.fill`` with ``values`` (the site's fever
    threshold in both units and its numbers: ``red_flags.content_values``); an unknown token
    raises ``UnreplacedToken`` rather than reach a reader.
    """
    values = site_values() if values is None else values
    glossary = sorted((t.slug, t.term, t.definition, t.spellings) for t in terms)
    # The language too: the tables' names are in the page's language.
    signature = repr((body, glossary, sorted(values.items()), get_language()))
    key = "education:page-html:" + hashlib.sha256(signature.encode("utf-8")).hexdigest()
    cached = cache.get(key)
    if cached is None:
        cached = link_glossary(render_markdown(fill(body, values)), terms)
        cache.set(key, cached, CACHE_SECONDS)
    return cached

"""Everything the booklet prints, read only through the content models' ``published()``
querysets, so new pages, edits and sign-off reach the booklet without changes here.

Links inside page bodies are rewritten for paper and PDF: a link to another page, the
checklist, the glossary or get-help jumps within the booklet; any other site link becomes a
full address, so it still works when the PDF is opened away from the site.
"""

import datetime
import re
from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext

from ..models import CANONICAL_URL_NAMES, ENGLISH, ChecklistItem, GlossaryTerm, HelpSettings, Page
from ..pages import get_help_context, glossary_terms, published_get_help
from ..red_flags import content_values
from ..selfcheck.context import printable_self_check
from ..text.fever import degrees, to_fahrenheit
from ..text.rendering import page_html, unwrap_tables
from ..text.site_text import fill
from ..translations import alphabetical, localised
from .paper import BLOOD_BANK_ANCHOR, BLOOD_BANK_SLUG, blood_bank_page, review_status

# The usual fever threshold (FACTS.md: call the 24-hour number at 38 °C or higher), used until
# the site setting for it exists or while it is empty.

# Site sections that are printed in the booklet, by address, with their anchor in it.
SECTION_ANCHORS = {
    "/checklist/": "checklist",
    "/glossary/": "glossary",
    "/get-help/": "get-help",
}
_HREF = re.compile(r'href="([^"]*)"')
# A Spanish page links to /es/learn/..., /es/checklist/...: the same places in its booklet.
_LANGUAGE_PREFIX = re.compile(r"^/(?:es)(?=/)")
_LEARN = re.compile(r"^/learn/([\w-]+)/?(?:#.*)?$")
_GLOSSARY_TERM = re.compile(r"^/glossary/#([\w-]+)$")
# The on-screen definition pop-up: on paper the glossary section is the place for definitions.
_DEFINITION_POPUP = re.compile(r'<span class="glossary-def" id="[^"]*">[^<]*</span>')
_DESCRIBED_BY = re.compile(r' aria-describedby="glossary-def-[^"]*"')


@dataclass(frozen=True)
class Chapter:
    page: Page
    anchor: str
    body_html: str
    # The page's language when it differs from the booklet's (a page not translated yet).
    other_language: str = ""
    # The page's published self-check: (question, title of the section to re-read) pairs.
    self_check: tuple = ()


@dataclass(frozen=True)
class ReviewRange:
    oldest: datetime.date
    newest: datetime.date

    @property
    def single_date(self) -> bool:
        return self.oldest == self.newest


def booklet_pages(language: str = ENGLISH) -> list[Page]:
    """The learn pages in site order (the blood-bank page is for staff, not in the guide), in
    ``language``; in another language, the English page where one is not translated yet (as
    on the site)."""
    pages = Page.objects.exclude(slug__in=CANONICAL_URL_NAMES)
    if language == ENGLISH:
        return list(pages.published().for_language(ENGLISH))
    return localised(pages, language, key=lambda p: (p.order, p.title))


def page_anchor(slug: str) -> str:
    return f"page-{slug}"


def rewrite_links(body_html: str, slugs: set[str], site_url: str) -> str:
    """Point site links into the booklet where the target is printed in it, else make them
    full addresses.

    >>> rewrite_links('<a href="/learn/a/">A</a> <a href="/schedule/">B</a>', {"a"}, "https://x.org/")
    '<a href="#page-a">A</a> <a href="https://x.org/schedule/">B</a>'
    >>> rewrite_links('<a href="/es/learn/a/">A</a> <a href="/es/get-help/">B</a>', {"a"}, "")
    '<a href="#page-a">A</a> <a href="#get-help">B</a>'
    """

    def replace(match: re.Match) -> str:
        address = match.group(1)
        if not address.startswith("/") or address.startswith("//"):
            return match.group(0)
        href = _LANGUAGE_PREFIX.sub("", address)
        if (learn := _LEARN.match(href)) and learn.group(1) in slugs:
            return f'href="#{page_anchor(learn.group(1))}"'
        if term := _GLOSSARY_TERM.match(href):
            return f'href="#term-{term.group(1)}"'
        if href in SECTION_ANCHORS:
            return f'href="#{SECTION_ANCHORS[href]}"'
        if href == f"/{BLOOD_BANK_SLUG}/" and BLOOD_BANK_SLUG in slugs:  # the tear-out sheet
            return f'href="#{BLOOD_BANK_ANCHOR}"'
        return f'href="{site_url.rstrip("/")}{address}"'

    return _HREF.sub(replace, body_html)


def printable_body(
    page: Page, terms: list, slugs: set[str], site_url: str, values: dict | None = None
) -> str:
    """The page body as on the site, without the sideways-scroll wrapper for phones and the
    definition pop-ups (their ids would repeat from page to page)."""
    body = unwrap_tables(page_html(page.body, terms, values or content_values()))
    body = _DESCRIBED_BY.sub("", _DEFINITION_POPUP.sub("", body))
    return rewrite_links(body, slugs, site_url)


def review_range(pages: list[Page]) -> ReviewRange | None:
    dates = [page.last_reviewed for page in pages]
    return ReviewRange(min(dates), max(dates)) if dates else None


def fever_threshold(help_settings: HelpSettings) -> tuple[str, str]:
    """('38', '100.4'): Celsius and Fahrenheit from the site setting when there is one, else
    38.0 °C. (``fever_threshold_c`` is a HelpSettings field added by the content work.)"""
    celsius = help_settings.fever_threshold_c
    return degrees(celsius), degrees(to_fahrenheit(celsius))


def booklet_context(site_url: str, language: str = ENGLISH) -> dict:
    """All the published content in ``language``, ready for the booklet template."""
    pages = booklet_pages(language)
    terms = glossary_terms(language)
    sheet = blood_bank_page(language)
    slugs = {page.slug for page in pages} | ({BLOOD_BANK_SLUG} if sheet else set())
    items = localised(ChecklistItem.objects.all(), language, key=lambda i: (i.order, i.pk))
    help_settings = HelpSettings.load()
    fever_c, fever_f = fever_threshold(help_settings)
    values = content_values(help_settings)
    items = [_filled(item, values) for item in items]
    # the get-help tiers, rendered once: printed, and read for the get-help self-check's titles
    help_block = get_help_context(language, help_settings, None)
    return {
        "site_name": gettext(settings.SITE_NAME),  # in the catalogue (context_processors.py)
        "site_url": site_url,
        # The home page in the booklet's language (/es/ for Spanish): printed on the cover.
        "home_url": site_url.rstrip("/") + reverse("home"),
        "language": language,
        "chapters": [
            Chapter(
                page,
                page_anchor(page.slug),
                printable_body(page, terms, slugs, site_url, values),
                "" if page.language == language else page.language,
                printable_self_check(page, help_settings.fever_threshold_c),
            )
            for page in pages
        ],
        "reviewed": review_range(pages),
        "do_items": [item for item in items if item.kind == ChecklistItem.Kind.DO],
        "dont_items": [item for item in items if item.kind == ChecklistItem.Kind.DONT],
        "terms": glossary(language),
        "help_settings": help_settings,
        "red_flag_tiers": help_block["red_flag_tiers"],
        "help_block_html": help_block["help_block_html"],
        "fever_c": fever_c,
        "fever_f": fever_f,
        "sourced_pages": [page for page in pages if page.source_list()],
        **_paper_parts(
            pages,
            sheet,
            terms,
            slugs,
            site_url,
            language,
            help_settings,
            help_block["help_block_html"],
        ),
    }


def _paper_parts(
    pages, sheet, terms, slugs, site_url: str, language: str, help_settings, tiers_html: str
) -> dict:
    """The get-help page's wording and self-check (under the tiers, ``tiers_html``), the
    blood-bank tear-out sheet, and the review status for the imprint page."""
    values = content_values(help_settings)
    chapter = help_chapter = None
    if sheet is not None:
        body = printable_body(sheet, terms, slugs, site_url)
        other = "" if sheet.language == language else sheet.language
        chapter = Chapter(sheet, BLOOD_BANK_ANCHOR, body, other)
    help_page = published_get_help(language)  # printed under the tiers, with its self-check
    if help_page is not None:
        help_chapter = Chapter(
            help_page,
            SECTION_ANCHORS["/get-help/"],
            printable_body(help_page, terms, slugs, site_url, values),
            "" if help_page.language == language else help_page.language,
            printable_self_check(help_page, help_settings.fever_threshold_c, tiers_html),
        )
    printed = [*([help_page] if help_page else []), *pages, *([sheet] if sheet else [])]
    return {
        "help_chapter": help_chapter,
        "blood_bank": chapter,
        "review_status": review_status(printed),
    }


def glossary(language: str) -> list[GlossaryTerm]:
    """The glossary in ``language`` in alphabetical order (English terms where not translated)."""
    if language == ENGLISH:
        terms = GlossaryTerm.objects.published().for_language(ENGLISH)
        return sorted(terms, key=lambda t: t.term.casefold())
    return localised(GlossaryTerm.objects.all(), language, key=lambda t: alphabetical(t.term))


def _filled(item: ChecklistItem, values: dict) -> ChecklistItem:
    """The item with the site's values in its text (in memory only; never saved), through the
    same ``site_text.fill`` as the web checklist, so the booklet never prints ``{fever}``."""
    item.text, item.why = fill(item.text, values), fill(item.why, values)
    return item

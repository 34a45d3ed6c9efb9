"""The texts the site search looks through, as plain-text documents.

Only published content is read: pages, checklist items and glossary terms through their
``published()`` querysets, and the get-help page as rendered from its template (so its tiers
and the admin-set numbers are searchable too). Each document has three texts weighted as
PostgreSQL's full-text weights A, B and C: its title, its main message, and the rest. The list
is cached under the current content version and the language, so any edit is searchable at
once. Each language searches its own content only (Spanish under /es/).
"""

import html
import re
from dataclasses import dataclass, field

import nh3
from django.core.cache import cache
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from ..cache import current_version
from ..models import GET_HELP_SLUG, ChecklistItem, GlossaryTerm, HelpSettings, Page
from ..pages import get_help_context, published_get_help
from ..red_flags import content_values
from ..text.rendering import render_markdown
from ..text.site_text import fill
from .fold import fold

CACHE_SECONDS = 60 * 60
# Editors may write this token for the admin-set fever temperature (content branch, issue 11);
# the search shows and matches the temperature itself, as the pages do.

_BLOCK_END = re.compile(r"</(?:p|li|h[1-6]|td|th|dt|dd|div|tr|blockquote|pre|ul|ol)>|<br\s*/?>")
# Collapsed to one space; a non-breaking space stays, as it keeps "38 °C" together.
_SPACES = re.compile(r"[ \t\n\r\f\v]+")
_MAIN = re.compile(r"<main\b[^>]*>(.*)</main>", re.S)
_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.S)
_H2 = re.compile(r"<h[23]\b[^>]*>(.*?)</h[23]>", re.S)


@dataclass(frozen=True)
class Document:
    """One search result candidate.

    ``kind`` is "page", "help", "tool" (the alert card maker), "checklist" or "glossary" (the
    template words it).
    ``fields`` are plain texts weighted A (title), B (main message) and C (everything else).
    ``folded`` is the same texts without accents, made once here and cached with the list:
    the normalised index that Python matching reads (``fold.py``).
    """

    kind: str
    title: str
    url: str
    fields: tuple[str, str, str]
    folded: tuple[str, str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "folded", tuple(fold(text) for text in self.fields))


def html_to_text(markup: str) -> str:
    """Visible text of an HTML fragment, one line per block, whitespace tidied.

    >>> html_to_text("<p>Fever:  38 °C</p><ul><li>one</li><li>two &amp; three</li></ul>")
    'Fever: 38 °C\\none\\ntwo & three'
    """
    one_line = _SPACES.sub(" ", markup)
    text = html.unescape(nh3.clean(_BLOCK_END.sub(r"\g<0>\n", one_line), tags=set()))
    lines = (_SPACES.sub(" ", line).strip(" ") for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _with_fever(text: str, values: dict[str, str]) -> str:
    """The one way content is filled (site_text.fill): the fever number and the site's numbers."""
    return fill(text, values)


def _page_documents(fever: dict[str, str], language: str) -> list[Document]:
    return [
        Document(
            kind="page",
            title=page.title,
            url=page.get_absolute_url(),
            fields=(
                page.title,
                _with_fever(page.summary, fever),
                html_to_text(render_markdown(_with_fever(page.body, fever))),
            ),
        )
        # the get-help page is searched as it shows, under the tiers (_help_document)
        for page in Page.objects.published().for_language(language).exclude(slug=GET_HELP_SLUG)
    ]


def _help_document() -> Document:
    """The get-help page's main content, rendered as visitors see it."""
    language = translation.get_language() or "en"
    context = get_help_context(language, HelpSettings.load(), published_get_help(language))
    rendered = render_to_string("education/get_help.html", context)
    main = _MAIN.search(rendered)
    body = main.group(1) if main else rendered
    heading = _H1.search(body)
    title = html_to_text(heading.group(1)) if heading else "When to get help"
    subheadings = " ".join(html_to_text(h) for h in _H2.findall(body))
    rest = html_to_text(_H1.sub("", body, count=1))
    return Document(
        kind="help", title=title, url=reverse("get-help"), fields=(title, subheadings, rest)
    )


def _card_document() -> Document:
    """The alert card maker (the card app's page, found by its URL name so education imports
    no card code): people search for it as a wallet card, an alert card or a blood card."""
    title = gettext("Make your alert card")
    message = gettext("Alert card, wallet card, blood card, blood transfusion card.")
    rest = gettext(
        "A card to show any doctor, nurse or blood bank that you have isatuximab. Print it, or "
        "keep a picture of it on your phone. Carry it during treatment and for 6 months after "
        "your last dose."
    )
    return Document(
        kind="tool", title=title, url=reverse("wallet-card"), fields=(title, message, rest)
    )


def _checklist_documents(fever: dict[str, str], language: str) -> list[Document]:
    url = reverse("checklist")
    documents = []
    for item in ChecklistItem.objects.published().for_language(language):
        text = _with_fever(item.text, fever)
        documents.append(
            Document(
                kind="checklist",
                title=f"{item.get_kind_display()}: {text}",
                url=f"{url}#check-{item.pk}",
                fields=(text, _with_fever(item.why, fever), ""),
            )
        )
    return documents


def _glossary_documents(language: str) -> list[Document]:
    url = reverse("glossary")
    return [
        Document(
            kind="glossary",
            title=term.term,
            url=f"{url}#{term.slug}",
            fields=(", ".join(term.spellings()), term.definition, ""),
        )
        for term in GlossaryTerm.objects.published().for_language(language)
    ]


def build_documents(language: str = "en") -> list[Document]:
    """Every searchable document in ``language``, pages first (in page order), then get-help,
    the alert card maker, checklist and glossary; ties in the ranking keep this order.
    Addresses and the get-help text follow the active language, which the caller's request
    has set."""
    fever = content_values(HelpSettings.load())
    return [
        *_page_documents(fever, language),
        _help_document(),
        _card_document(),
        *_checklist_documents(fever, language),
        *_glossary_documents(language),
    ]


def documents(language: str = "en") -> list[Document]:
    """``build_documents(language)``, cached until the content next changes."""
    key = f"education:search-documents:{language}:{current_version()}"
    found = cache.get(key)
    if found is None:
        found = build_documents(language)
        cache.set(key, found, CACHE_SECONDS)
    return found

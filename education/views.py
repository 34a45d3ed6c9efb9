"""Public education pages. Every view reads through a ``published()`` queryset; staff may
preview drafts. No view here sets a cookie: the search form is a plain GET form."""

from django.db import connection
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.views.decorators.http import require_safe

from .cache import cached_page
from .checklist import grouped_checklist
from .governance import public_approval, published_revision
from .models import CANONICAL_URL_NAMES, ChecklistItem, GlossaryTerm, HelpSettings, Page
from .rendering import Term, page_html
from .translation_models import ENGLISH
from .translations import (
    active_language,
    alphabetical,
    english_url,
    is_out_of_date,
    localised,
)

MAX_QUERY_LENGTH = 100


def glossary_terms(language: str) -> list[Term]:
    return [
        Term(slug=t.slug, term=t.term, definition=t.definition, spellings=tuple(t.spellings()))
        for t in GlossaryTerm.objects.published().for_language(language)
    ]


def listed_pages() -> list[Page]:
    """Published pages in the active language (English where not translated yet)."""
    pages = Page.objects.exclude(slug__in=CANONICAL_URL_NAMES)
    return localised(pages, active_language(), key=lambda p: (p.order, p.title))


@require_safe
@cached_page
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "education/home.html", {"pages": listed_pages()})


@require_safe
@cached_page
def learn(request: HttpRequest) -> HttpResponse:
    return render(request, "education/learn.html", {"pages": listed_pages()})


def _visible_page(request: HttpRequest, slug: str) -> Page:
    """A published page in the active language, or the English one while it is not translated;
    for staff also a draft (shown as a preview)."""
    pages = Page.objects.all() if request.user.is_staff else Page.objects.published()
    language = active_language()
    page = pages.for_language(language).filter(slug=slug).first()
    if page is None and language != ENGLISH:
        page = pages.for_language(ENGLISH).filter(slug=slug).first()
    if page is None:
        raise Http404("No such page")
    return page


def page_context(page: Page) -> dict:
    """What page.html needs; the admin's draft preview uses it too, so both look the same."""
    help_settings = HelpSettings.load()
    return {
        "page": page,
        "body_html": page_html(
            page.body, glossary_terms(page.language), help_settings.fever_threshold_c
        ),
        "help_settings": help_settings if page.show_help else None,
    }


def _render_page(request: HttpRequest, page: Page) -> HttpResponse:
    context = page_context(page) | {
        "approval": public_approval(page),
        "feedback_revision": published_revision(page),
        "out_of_date": is_out_of_date(page),
        "english_url": english_url(page) if page.translation_of_id else "",
    }
    response = render(request, "education/page.html", context)
    if not page.is_published:
        add_never_cache_headers(response)
        patch_cache_control(response, private=True)
        response["X-Robots-Tag"] = "noindex"
    return response


@require_safe
@cached_page
def page_detail(request: HttpRequest, slug: str) -> HttpResponse:
    if slug in CANONICAL_URL_NAMES:
        return redirect(CANONICAL_URL_NAMES[slug], permanent=True)
    return _render_page(request, _visible_page(request, slug))


@require_safe
@cached_page
def for_blood_banks(request: HttpRequest) -> HttpResponse:
    return _render_page(request, _visible_page(request, "for-blood-banks"))


@require_safe
@cached_page
def checklist(request: HttpRequest) -> HttpResponse:
    help_settings = HelpSettings.load()
    language = active_language()
    items = localised(ChecklistItem.objects.all(), language, key=lambda i: (i.order, i.pk))
    groups = grouped_checklist(items, glossary_terms(language), help_settings.fever_threshold_c)
    context = {"groups": groups, "help_settings": help_settings}
    return render(request, "education/checklist.html", context)


@require_safe
@cached_page
def glossary(request: HttpRequest) -> HttpResponse:
    terms = localised(
        GlossaryTerm.objects.all(), active_language(), key=lambda t: alphabetical(t.term)
    )
    return render(request, "education/glossary.html", {"terms": terms})


@require_safe
@cached_page
def get_help(request: HttpRequest) -> HttpResponse:
    return render(request, "education/get_help.html", {"help_settings": HelpSettings.load()})


# PostgreSQL text-search configurations (stemming) for each site language.
SEARCH_CONFIGS = {"en": "english", "es": "spanish"}


def search_pages(query: str, language: str = ENGLISH) -> QuerySet[Page]:
    """Published pages in ``language`` matching the query, best first (full-text search with
    the language's stemming on PostgreSQL)."""
    pages = Page.objects.published().for_language(language)
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

        config = SEARCH_CONFIGS.get(language, "simple")
        vector = (
            SearchVector("title", weight="A", config=config)
            + SearchVector("summary", weight="B", config=config)
            + SearchVector("body", weight="C", config=config)
        )
        search_query = SearchQuery(query, search_type="websearch", config=config)
        return (
            pages.annotate(search=vector, rank=SearchRank(vector, search_query))
            .filter(search=search_query)
            .order_by("-rank", "order")
        )
    return pages.filter(
        Q(title__icontains=query) | Q(summary__icontains=query) | Q(body__icontains=query)
    )


@require_safe
def search(request: HttpRequest) -> HttpResponse:
    query = " ".join(request.GET.get("q", "").split())
    context: dict = {"query": query, "results": None, "problem": ""}
    if not query:
        context["problem"] = "empty" if "q" in request.GET else ""
    elif len(query) > MAX_QUERY_LENGTH:
        context["problem"] = "too_long"
        context["query"] = ""
    else:
        context["results"] = list(search_pages(query, active_language()))
    context["max_length"] = MAX_QUERY_LENGTH
    return render(request, "education/search.html", context)

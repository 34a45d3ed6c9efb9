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

MAX_QUERY_LENGTH = 100


def glossary_terms() -> list[Term]:
    return [
        Term(slug=t.slug, term=t.term, definition=t.definition, spellings=tuple(t.spellings()))
        for t in GlossaryTerm.objects.published()
    ]


@require_safe
@cached_page
def home(request: HttpRequest) -> HttpResponse:
    pages = Page.objects.published().exclude(slug__in=CANONICAL_URL_NAMES)
    return render(request, "education/home.html", {"pages": pages})


@require_safe
@cached_page
def learn(request: HttpRequest) -> HttpResponse:
    pages = Page.objects.published().exclude(slug__in=CANONICAL_URL_NAMES)
    return render(request, "education/learn.html", {"pages": pages})


def _visible_page(request: HttpRequest, slug: str) -> Page:
    """A published page, or for staff also a draft (shown as a preview)."""
    pages = Page.objects.all() if request.user.is_staff else Page.objects.published()
    page = pages.filter(slug=slug).first()
    if page is None:
        raise Http404("No such page")
    return page


def page_context(page: Page) -> dict:
    """What page.html needs; the admin's draft preview uses it too, so both look the same."""
    help_settings = HelpSettings.load()
    return {
        "page": page,
        "body_html": page_html(page.body, glossary_terms(), help_settings.fever_threshold_c),
        "help_settings": help_settings if page.show_help else None,
    }


def _render_page(request: HttpRequest, page: Page) -> HttpResponse:
    context = page_context(page) | {
        "approval": public_approval(page),
        "feedback_revision": published_revision(page),
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
    items = list(ChecklistItem.objects.published())
    groups = grouped_checklist(items, glossary_terms(), help_settings.fever_threshold_c)
    context = {"groups": groups, "help_settings": help_settings}
    return render(request, "education/checklist.html", context)


@require_safe
@cached_page
def glossary(request: HttpRequest) -> HttpResponse:
    terms = sorted(GlossaryTerm.objects.published(), key=lambda t: t.term.casefold())
    return render(request, "education/glossary.html", {"terms": terms})


@require_safe
@cached_page
def get_help(request: HttpRequest) -> HttpResponse:
    return render(request, "education/get_help.html", {"help_settings": HelpSettings.load()})


def search_pages(query: str) -> QuerySet[Page]:
    """Published pages matching the query, best first (full-text search on PostgreSQL)."""
    pages = Page.objects.published()
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

        vector = (
            SearchVector("title", weight="A", config="english")
            + SearchVector("summary", weight="B", config="english")
            + SearchVector("body", weight="C", config="english")
        )
        search_query = SearchQuery(query, search_type="websearch", config="english")
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
        context["results"] = list(search_pages(query))
    context["max_length"] = MAX_QUERY_LENGTH
    return render(request, "education/search.html", context)

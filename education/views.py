"""Public education pages. Every view reads through a ``published()`` queryset; staff may
preview drafts. No view here sets a cookie: the search form is a plain GET form."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.views.decorators.http import require_safe

from isatuximab_portal.lib.private import in_page_language
from isatuximab_portal.lib.staff import is_verified_staff

from .cache import cached_page
from .checklist import grouped_checklist
from .diary.forms import DiaryForm
from .diary.pdf import render_diary_pdf
from .diary.wording import BLANK_CELLS_PER_DAY, DAYS_PER_WEEK, diary_text
from .governance.rules import public_approval, published_revision
from .models import (
    CANONICAL_URL_NAMES,
    ENGLISH,
    GET_HELP_SLUG,
    ChecklistItem,
    GlossaryTerm,
    HelpSettings,
    Page,
)
from .pages import get_help_context, glossary_terms, help_tiers, page_context
from .red_flags import as_data, by_tier, content_values, red_flags
from .search.engine import MAX_QUERY_LENGTH, search_site
from .selfcheck.context import self_check_context
from .selfcheck.headings import with_heading_ids
from .translations import (
    active_language,
    alphabetical,
    english_url,
    is_out_of_date,
    localised,
)


def listed_pages() -> list[Page]:
    """Published pages in the active language (English where not translated yet)."""
    pages = Page.objects.exclude(slug__in=CANONICAL_URL_NAMES)
    return localised(pages, active_language(), key=lambda p: (p.order, p.title))


@require_safe
@cached_page
def home(request: HttpRequest) -> HttpResponse:
    context = {"pages": listed_pages(), "header_numbers": HelpSettings.load()}
    return render(request, "education/home.html", context)


@require_safe
@cached_page
def learn(request: HttpRequest) -> HttpResponse:
    context = {"pages": listed_pages(), "header_numbers": HelpSettings.load()}
    return render(request, "education/learn.html", context)


def _visible_page(request: HttpRequest, slug: str) -> Page:
    """A published page in the active language, or the English one while it is not translated;
    for staff who passed the second factor also a draft (shown as a preview)."""
    pages = Page.objects.all() if is_verified_staff(request.user) else Page.objects.published()
    language = active_language()
    page = pages.for_language(language).filter(slug=slug).first()
    if page is None and language != ENGLISH:
        page = pages.for_language(ENGLISH).filter(slug=slug).first()
    if page is None:
        raise Http404("No such page")
    return page


def _review_context(page: Page) -> dict:
    """Who approved the page, and whether its English original changed since translation."""
    return {
        "approval": public_approval(page),
        "out_of_date": is_out_of_date(page),
        "english_url": english_url(page) if page.translation_of_id else "",
    }


def page_render_context(page: Page) -> dict:
    """page.html's context; the section headings get ids so a self-check can link to them."""
    context = page_context(page)
    return (
        context
        | _review_context(page)
        | {
            "body_html": with_heading_ids(context["body_html"]),
            "feedback_revision": published_revision(page),
        }
    )


def get_help_render_context(page: Page | None) -> dict:
    """get_help.html's context: the red-flag tiers, then the governed get-help page's wording
    (when published) with approval and review dates."""
    context = get_help_context(active_language(), HelpSettings.load(), page)
    return context | _review_context(page) if page is not None else context


def rendered_context(page: Page, self_check_result=None) -> tuple[str, dict]:
    """The template and context that show ``page`` with its self-check (answered when
    ``self_check_result`` is given). The get-help page shows under the red-flag tiers, so its
    self-check may also send the reader back to a tier ('#call-now')."""
    if page.slug == GET_HELP_SLUG:
        context = get_help_render_context(page)
        sections = context["help_block_html"] + context["body_html"]
        template = "education/get_help.html"
    else:
        context = page_render_context(page)
        sections = context["body_html"]
        template = "education/page.html"
    return template, context | self_check_context(page, sections, self_check_result)


def render_page(request: HttpRequest, page: Page, self_check_result=None) -> HttpResponse:
    """The page, with its self-check (answered when ``self_check_result`` is given)."""
    template, context = rendered_context(page, self_check_result)
    response = render(request, template, context)
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
    return render_page(request, _visible_page(request, slug))


@require_safe
@cached_page
def for_blood_banks(request: HttpRequest) -> HttpResponse:
    return render_page(request, _visible_page(request, "for-blood-banks"))


@require_safe
@cached_page
def checklist(request: HttpRequest) -> HttpResponse:
    help_settings = HelpSettings.load()
    language = active_language()
    items = localised(ChecklistItem.objects.all(), language, key=lambda i: (i.order, i.pk))
    values = content_values(help_settings)
    groups = grouped_checklist(items, glossary_terms(language), values)
    tiers = by_tier(red_flags(language, None, help_settings))
    context = {"groups": groups, "help_settings": help_settings, "red_flag_tiers": tiers}
    return render(request, "education/checklist.html", context)


@require_safe
@cached_page
def glossary(request: HttpRequest) -> HttpResponse:
    terms = localised(
        GlossaryTerm.objects.select_related("translation_of"),
        active_language(),
        key=lambda t: alphabetical(t.term),
    )
    context = {"terms": terms, "header_numbers": HelpSettings.load()}
    return render(request, "education/glossary.html", context)


@require_safe
@cached_page
def get_help(request: HttpRequest) -> HttpResponse:
    """The red-flag tiers first; then the governed get-help page and its self-check. Without
    a published get-help page (content not loaded yet) the tiers still show."""
    try:
        page = _visible_page(request, GET_HELP_SLUG)
    except Http404:
        return render(request, "education/get_help.html", get_help_render_context(None))
    return render_page(request, page)


@require_safe
@cached_page
def intended_use(request: HttpRequest) -> HttpResponse:
    """What the site and its tools are for, and what they are not (issue 21)."""
    return render(request, "education/intended_use.html")


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
        context["results"] = search_site(query, active_language())
    context["max_length"] = MAX_QUERY_LENGTH
    context["header_numbers"] = HelpSettings.load()
    return render(request, "education/search.html", context)


def _diary_page(request: HttpRequest, form: DiaryForm, status: int = 200) -> HttpResponse:
    help_settings = HelpSettings.load()
    text = diary_text(help_settings)
    days = [text.day_label(day) for day in range(1, DAYS_PER_WEEK + 1)]
    context = {"form": form, "text": text, "days": days, "blanks": range(BLANK_CELLS_PER_DAY),
               "help_settings": help_settings, "header_numbers": help_settings,
               "red_flag_tiers": help_tiers(active_language(), help_settings)}  # fmt: skip
    return render(request, "education/diary.html", context, status=status)


@require_safe
@cached_page
@in_page_language
def diary(request: HttpRequest) -> HttpResponse:
    """A blank diary to print, and the choices for its PDF."""
    return _diary_page(request, DiaryForm())


@require_safe
@in_page_language
def diary_pdf(request: HttpRequest) -> HttpResponse:
    """The blank diary as a PDF. GET is fine: the choices (paper, weeks) are not personal."""
    form = DiaryForm(request.GET)
    if not form.is_valid():
        return _diary_page(request, form, status=400)
    paper, weeks = form.cleaned_data["paper"], form.cleaned_data["weeks"]
    language = active_language()
    help_settings = HelpSettings.load()
    flags = as_data(red_flags(language, None, help_settings))
    pdf = render_diary_pdf(
        diary_text(help_settings, flags), paper, weeks, None if language == ENGLISH else language
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="symptom-diary-{paper}.pdf"'
    return response

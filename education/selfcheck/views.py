"""Answering a self-check: a plain POST to the page's own address.

Without JavaScript the page is rendered again with each explanation; with JavaScript
(static/js/selfcheck.js) the same POST returns the self-check section as JSON and the script
puts it in place. Either way the response is ``no-store``, sets no cookie and logs nothing;
the answers are never put in a URL. Only anonymous counts are kept (selfcheck.counts).
"""

from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.template.loader import render_to_string
from django.utils.cache import add_never_cache_headers
from django.views.decorators.csrf import csrf_exempt

from .. import views
from ..feedback import HONEYPOT, within_rate_limit
from ..governance.rules import published_revision
from ..models import GET_HELP_SLUG, HelpSettings
from .counts import record_answers
from .questions import mark, questions_in

SAFE = ("GET", "HEAD")


def _answer(request: HttpRequest, slug: str) -> HttpResponse:
    page = views._visible_page(request, slug)
    revision = published_revision(page)
    questions = questions_in(revision, HelpSettings.load().fever_threshold_c)
    if not questions:
        return HttpResponseNotAllowed(SAFE)
    result = mark(questions, request.POST)
    if not request.POST.get(HONEYPOT) and within_rate_limit(request.path, prefix="selfcheck"):
        record_answers(result, revision)
    if "application/json" in request.headers.get("Accept", ""):
        _template, context = views.rendered_context(page, result)
        html = render_to_string("includes/self_check.html", context, request=request)
        response = JsonResponse({"html": html, "right": result.right, "total": result.total})
    else:
        response = views.render_page(request, page, result)
    add_never_cache_headers(response)
    return response


@csrf_exempt  # the public site sets no cookie, so no CSRF cookie either (see feedback.py)
def page(request: HttpRequest, slug: str) -> HttpResponse:
    """GET: the page (cached); POST: its self-check answered."""
    if request.method == "POST":
        return _answer(request, slug)
    if request.method not in SAFE:
        return HttpResponseNotAllowed([*SAFE, "POST"])
    return views.page_detail(request, slug)


@csrf_exempt
def get_help(request: HttpRequest) -> HttpResponse:
    """/get-help/: GET the page (cached); POST its self-check answered."""
    if request.method == "POST":
        return _answer(request, GET_HELP_SLUG)
    if request.method not in SAFE:
        return HttpResponseNotAllowed([*SAFE, "POST"])
    return views.get_help(request)

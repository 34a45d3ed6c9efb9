"""The booklet chooser page and the booklet PDF. Both are the same for every visitor: no
form data, nothing personal, so plain links choose the edition.

The PDF is never made here: it is read from the builds the task worker stored. An edition not
built yet gets a short "being prepared" page at once (503 with Retry-After) and its build is
queued, so a content change never ties up the web server.
"""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.log import log_response
from django.views.decorators.http import require_safe

from ..cache import accepts_gzip, cached_page, current_version
from ..translations import active_language
from .builds import cannot_build, request_build
from .editions import EDITIONS
from .models import BookletBuild
from .store import find_build

BY_FILENAME = {edition.filename: edition for edition in EDITIONS}
BROWSER_SECONDS = 5 * 60  # short: a published correction reaches readers soon
RETRY_SECONDS = 30  # a build takes a few seconds; the worker may have a queue


@require_safe
@cached_page
def booklet_page(request: HttpRequest) -> HttpResponse:
    return render(request, "education/booklet/choose.html", {"editions": EDITIONS})


@require_safe
def booklet_pdf(request: HttpRequest, filename: str) -> HttpResponse:
    edition = BY_FILENAME.get(filename)
    if edition is None:
        raise Http404("No such booklet")
    version, language = current_version(), active_language()
    build = find_build(version, edition, language)
    if build is None and not cannot_build() and request_build(version, edition, language):
        build = find_build(version, edition, language)  # built at once (tests' task backend)
    if build is not None:
        return send_build(request, build, edition.filename)
    if cannot_build():
        return sorry(request, "education/booklet/unavailable.html", {})
    return preparing(request)


def preparing(request: HttpRequest) -> HttpResponse:
    """'Being prepared': 503 with Retry-After, never kept by a proxy."""
    manual = "manual" in request.GET
    response = sorry(request, "education/booklet/preparing.html", {"manual": manual})
    response["Retry-After"] = str(RETRY_SECONDS)
    if not manual:
        # Checks again by itself without JavaScript: the Refresh header, not a <meta> refresh
        # (axe's meta-refresh rule, WCAG 2.2.1); the page offers to stop it.
        response["Refresh"] = str(RETRY_SECONDS)
    # An expected answer, not a server fault: logged as information, not as an error.
    log_response(
        "Booklet being prepared: %s", request.path, response=response, request=request, level="info"
    )
    return response


def sorry(request: HttpRequest, template: str, context: dict) -> HttpResponse:
    response = render(request, template, context, status=503)
    patch_cache_control(response, no_store=True)
    return response


def send_build(request: HttpRequest, build: BookletBuild, filename: str) -> HttpResponse:
    """The stored PDF (gzipped when the browser takes it), or 304 when the reader has it; the
    PDF bytes are read from the database only when they are sent."""
    gzip = accepts_gzip(request)
    # Another encoding of the same PDF: a weak ETag, as Django's gzip middleware gives.
    etag = f"W/{build.etag}" if gzip else build.etag
    response = HttpResponse(content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["ETag"] = etag
    patch_vary_headers(response, ("Accept-Encoding",))
    # Proxies may keep it a few minutes, then must ask again (a correction reaches readers).
    patch_cache_control(response, public=True, max_age=BROWSER_SECONDS, must_revalidate=True)
    conditional = get_conditional_response(request, etag=etag, response=response)
    if conditional.status_code == 304:
        return conditional
    if gzip:
        response.content = build.gzipped
        response["Content-Encoding"] = "gzip"
    else:
        response.content = build.pdf
    return response

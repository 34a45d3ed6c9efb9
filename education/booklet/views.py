"""The booklet chooser page and the booklet PDF. Both are the same for every visitor: no
form data, nothing personal, so plain links choose the edition."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.views.decorators.http import require_safe

from ..cache import accepts_gzip, cached_page
from ..translations import active_language
from .editions import EDITIONS
from .render import BookletUnavailable
from .store import get_booklet

BY_FILENAME = {edition.filename: edition for edition in EDITIONS}
BROWSER_SECONDS = 5 * 60  # short: a published correction reaches readers soon


@require_safe
@cached_page
def booklet_page(request: HttpRequest) -> HttpResponse:
    return render(request, "education/booklet/choose.html", {"editions": EDITIONS})


@require_safe
def booklet_pdf(request: HttpRequest, filename: str) -> HttpResponse:
    edition = BY_FILENAME.get(filename)
    if edition is None:
        raise Http404("No such booklet")
    try:
        booklet = get_booklet(edition, request.build_absolute_uri("/"), active_language())
    except BookletUnavailable:
        response = render(request, "education/booklet/unavailable.html", status=503)
        patch_cache_control(response, no_store=True)
        return response
    response = HttpResponse(content_type="application/pdf")
    if accepts_gzip(request):
        # Another encoding of the same PDF: a weak ETag, as Django's gzip middleware gives.
        response.content, etag = booklet.gzipped, f"W/{booklet.etag}"
        response["Content-Encoding"] = "gzip"
    else:
        response.content, etag = booklet.pdf, booklet.etag
    response["Content-Disposition"] = f'inline; filename="{edition.filename}"'
    response["ETag"] = etag
    patch_vary_headers(response, ("Accept-Encoding",))
    patch_cache_control(response, public=True, max_age=BROWSER_SECONDS)
    return get_conditional_response(request, etag=etag, response=response)

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.middleware.gzip import GZipMiddleware
from django.utils import translation

from .lib.language import speaking


class PermissionsPolicyMiddleware:
    """Add a Permissions-Policy header: the site needs no camera, microphone or location."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class PublicGZipMiddleware(GZipMiddleware):
    """Gzip responses, except the admin's.

    Compressing a page that holds a secret next to text an attacker can choose leaks the
    secret byte by byte (BREACH). Public pages hold no secret: they set no cookie and carry no
    CSRF token, and the tool pages only echo back what the same request sent. The admin pages
    carry CSRF tokens and session-bound data, so they stay uncompressed.
    """

    def process_response(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        if request.path.startswith("/admin/"):
            return response
        return super().process_response(request, response)


class PageLanguageMiddleware:
    """Run every request inside ``lib.language.speaking`` in the address's language (set by
    LocaleMiddleware just before), so the pure modules that write numbers, dates and sentences
    (the fever threshold on a content page, the diary, the tools) agree with the page:
    "38 °C (100,4 °F)" under /es/. The private tools also do it themselves (``in_page_language``),
    which is harmless: the inner block sets the same language."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with speaking(translation.get_language(), translation.gettext, translation.ngettext):
            return self.get_response(request)

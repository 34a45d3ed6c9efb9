from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.middleware.gzip import GZipMiddleware


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

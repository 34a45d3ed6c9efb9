"""Middleware: staff reach the admin only after a second factor, and no admin answer is cached.

A signed-in staff member who has not typed a code in this session is sent to the code page,
or to the enrolment page when they have no authenticator app yet; only those two pages, the
login and the logout answer. Every answer under /admin/ says ``Cache-Control: no-store``.
"""

from collections.abc import Callable
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.cache import add_never_cache_headers

from . import second_factor

ADMIN_PREFIX = "/admin/"
OPEN_VIEWS = ("login", "logout", "second-factor-enrol", "second-factor-verify")


class SecondFactorGate:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith(ADMIN_PREFIX):
            return self.get_response(request)
        response = self.detour(request) or self.get_response(request)
        add_never_cache_headers(response)
        return response

    def detour(self, request: HttpRequest) -> HttpResponse | None:
        """Where an unverified staff member must go instead, or None to let the request on."""
        user = request.user
        if not (user.is_authenticated and user.is_staff) or user.is_verified():
            return None
        if request.path in {reverse(f"admin:{name}") for name in OPEN_VIEWS}:
            return None
        step = "verify" if second_factor.has_app(user) else "enrol"
        target = reverse(f"admin:second-factor-{step}")
        return HttpResponseRedirect(f"{target}?{urlencode({'next': request.get_full_path()})}")

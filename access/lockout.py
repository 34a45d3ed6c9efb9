"""django-axes hooks: the client address lockout counts, and the page a locked-out person sees.

Behind a TLS proxy every request arrives from the proxy's address, so counting by
REMOTE_ADDR would let five bad guesses lock everybody out. With ``BEHIND_TLS_PROXY`` on, the
address is the right-most entry of ``X-Forwarded-For``: the one our own proxy appended, which
a client cannot forge (anything the client sent stands to its left). With it off the header is
ignored, so a client cannot dodge the count by sending a different made-up address each time.
"""

import contextlib
import ipaddress
import logging
import math

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

logger = logging.getLogger(__name__)
MISSING_PROXY_SETTING = (
    "A login came with an X-Forwarded-For header but BEHIND_TLS_PROXY is off: if a proxy sits "
    "in front of the site, every login counts against the proxy's one address and five wrong "
    "passwords lock everybody out. Set BEHIND_TLS_PROXY=1 (docs/operations.md)."
)


def client_address(request: HttpRequest) -> str | None:
    """AXES_CLIENT_IP_CALLABLE: the real client's address (see the module docstring)."""
    address = request.META.get("REMOTE_ADDR")
    if not settings.BEHIND_TLS_PROXY and "HTTP_X_FORWARDED_FOR" in request.META:
        logger.warning(MISSING_PROXY_SETTING)  # the setting's name only, never an address
    if settings.BEHIND_TLS_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")[-1].strip()
        # No usable header: count the proxy's own address, never crash.
        with contextlib.suppress(ValueError):
            address = str(ipaddress.ip_address(forwarded))
    return address


def cool_off_minutes() -> int:
    hours = settings.AXES_COOLOFF_TIME
    seconds = hours.total_seconds() if hasattr(hours, "total_seconds") else hours * 3600
    return max(1, math.ceil(seconds / 60))


def locked_out(request: HttpRequest, original_response=None, credentials=None) -> HttpResponse:
    """AXES_LOCKOUT_CALLABLE: a plain page that says what to do, with status 429."""
    username = (credentials or {}).get("username") or request.POST.get("username", "")
    context = {
        "title": "Sign-in locked",
        "site_header": "Isatuximab guide: content editing",
        "site_title": "Isatuximab guide admin",
        "minutes": cool_off_minutes(),
        "failures": settings.AXES_FAILURE_LIMIT,
        "username": username[:150],
    }
    response = render(request, "access/locked_out.html", context, status=429)
    response["Cache-Control"] = "no-store"
    return response

"""What every patient tool view promises: the calendar and the wallet card share it.

Nothing typed is stored, logged, cached or put in a URL: the form is POSTed, the answer is
streamed back with ``Cache-Control: no-store``, and error reports hide every posted value.
"""

import functools
from collections.abc import Callable

from django.http import HttpResponse
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from .language import speaking

View = Callable[..., HttpResponse]


def private_tool(view: View) -> View:
    """Decorate a stateless tool view that takes patient data by POST.

    CSRF protection is off on purpose: these views change no state (no database, session or
    cookie), so a forged cross-site POST could only make the visitor's own browser download a
    document built from the forger's text, and the public site sets no cookies at all, which a
    CSRF token would need.
    """
    view = require_http_methods(["GET", "HEAD", "POST"])(in_page_language(view))
    view = never_cache(view)
    view = sensitive_post_parameters()(view)
    return csrf_exempt(view)


def in_page_language(view: View) -> View:
    """Run ``view`` with the schedule's sentences and dates in the page's language (the address
    decides it: ``/es/...`` is Spanish), so the page, the PDF and the .ics all agree."""

    @functools.wraps(view)
    def wrapped(*args, **kwargs) -> HttpResponse:
        with speaking(translation.get_language(), translation.gettext, translation.ngettext):
            return view(*args, **kwargs)

    return wrapped


def attachment(
    body: bytes | str, content_type: str, filename: str, inline: bool = False
) -> HttpResponse:
    """A download (or, `inline`, a file the browser shows, saved under `filename`);
    `filename` is fixed by the caller and never holds personal data."""
    response = HttpResponse(body, content_type=content_type)
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response

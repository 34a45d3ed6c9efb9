from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.template import loader
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from .context_processors import HTML_LANG


@require_safe
@never_cache
def health(request: HttpRequest) -> HttpResponse:
    """Load-balancer check: says "ok" and nothing about the app, its data or its versions."""
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")


def server_error(request: HttpRequest) -> HttpResponse:
    """Django's plain 500 page (no context processors, which could be what failed), with the
    page's language on <html>: under /es/ the page is Spanish and says so."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    html = loader.get_template("500.html").render({"html_lang": HTML_LANG.get(language, language)})
    return HttpResponseServerError(html)

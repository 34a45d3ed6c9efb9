"""The site as a progressive web app: a manifest, a service worker and an offline page.

After one visit the service worker keeps a copy of the reading pages (home, every published
learn page, checklist, glossary, get-help, the blood-bank page) and the offline pages, so they
open without a signal. The worker script is rendered here with the content version and the
list of addresses in it: any content edit (education/cache.py bumps the version) or a new
static file name changes its bytes, the browser installs the new worker on the next online
visit, and that worker fetches fresh copies into a new cache and deletes the old one.

Both languages are kept alike: the Spanish reading pages under ``/es/``, and for an address
under ``/es/`` the worker answers offline with the Spanish offline pages. The manifest also
exists per language (``/es/manifest.webmanifest`` names the app in Spanish and starts at
``/es/``).

The tools (calendar, wallet card) are never kept: offline they answer with a page saying they
need a connection. The worker only ever stores GET answers for the addresses listed here and
static files, never a POST answer and never a `no-store` or `private` answer. Everything works
without the worker; it is an enhancement.
"""

import hashlib
import json

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.loader import get_template
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from django.views.decorators.http import require_safe

from .cache import current_version
from .models import Page

CACHE_PREFIX = "isatuximab-offline-"
WORKER_TEMPLATE = "education/sw.js"
# The reading pages kept offline, besides every published page (URL names).
FIXED_PAGES = ("home", "learn", "checklist", "glossary", "get-help", "for-blood-banks")
# Static files every page uses; other static files are kept the first time a page uses them.
ASSETS = (
    "js-lib-bootstrap5/css/bootstrap.min.css",
    "css/site.css",
    "css/print.css",
    "js/offline.js",
    "js/glossary.js",
    "js/checklist.js",
    "img/icon.svg",
)
# Address prefixes of the tools: never stored; offline they get the "needs a connection" page.
TOOL_URL_NAMES = ("schedule",)
THEME_COLOUR = "#005eb8"  # the header blue in static/css/site.css


def in_every_language(name: str) -> list[str]:
    """The address of a URL name in each site language (English, then /es/...)."""
    addresses = []
    for language, _ in settings.LANGUAGES:
        with translation.override(language):
            addresses.append(reverse(name))
    return addresses


def offline_pages_by_language() -> list[dict[str, str]]:
    """The offline pages of each language but the default one, with the address prefix that
    picks them (the default language's pages are ``offline`` and ``offlineTools``)."""
    languages = []
    for language, _ in settings.LANGUAGES:
        if language == settings.LANGUAGE_CODE:
            continue
        with translation.override(language):
            languages.append(
                {
                    "prefix": reverse("home"),
                    "offline": reverse("offline"),
                    "offlineTools": reverse("offline-tools"),
                }
            )
    return languages


def offline_pages() -> list[str]:
    """The reading pages the worker keeps (besides the offline pages) in both languages, no
    duplicates."""
    pages = [address for name in FIXED_PAGES for address in in_every_language(name)]
    pages += [page.get_absolute_url() for page in Page.objects.published()]
    return list(dict.fromkeys(pages))


def worker_config(version: int) -> dict:
    """What the worker script needs; `cache` changes whenever anything else in it changes."""
    config = {
        "pages": offline_pages(),
        "assets": [static(path) for path in ASSETS],
        "static": settings.STATIC_URL,
        "tools": [address for name in TOOL_URL_NAMES for address in in_every_language(name)],
        "offline": reverse("offline"),
        "offlineTools": reverse("offline-tools"),
        "languages": offline_pages_by_language(),
        "ignore": [reverse("admin:index")],
        "prefix": CACHE_PREFIX,
    }
    source = get_template(WORKER_TEMPLATE).template.source
    digest = hashlib.sha256((json.dumps(config, sort_keys=True) + source).encode()).hexdigest()
    config["cache"] = f"{CACHE_PREFIX}v{version}-{digest[:10]}"
    return config


def worker_script(version: int) -> str:
    """The rendered worker, kept in the cache per content version (one query to build)."""
    key = f"offline-worker:{version}"
    script = cache.get(key)
    if script is None:
        config = json.dumps(worker_config(version), sort_keys=True)
        script = get_template(WORKER_TEMPLATE).render({"config": config})
        cache.set(key, script, 60 * 60)
    return script


@require_safe
def service_worker(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(
        worker_script(current_version()), content_type="text/javascript; charset=utf-8"
    )
    # The browser checks this script for changes; let every check reach the server.
    response["Cache-Control"] = "no-cache"
    return response


@require_safe
def manifest(request: HttpRequest) -> JsonResponse:
    """The web app manifest in the page's language (``/es/manifest.webmanifest`` in Spanish,
    starting at ``/es/``); the scope is the whole site, so the language link stays in the app."""
    language = translation.get_language()
    data = {
        "name": gettext("Isatuximab treatment guide"),
        "short_name": gettext("Isatuximab guide"),
        "description": gettext(
            "Plain-language information about isatuximab (Sarclisa) for myeloma."
        ),
        "lang": "en-GB" if language == settings.LANGUAGE_CODE else language,
        "start_url": reverse("home"),
        "scope": "/",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": THEME_COLOUR,
        "icons": [{"src": static("img/icon.svg"), "sizes": "any", "type": "image/svg+xml"}],
    }
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    response["Content-Type"] = "application/manifest+json"
    return response


@require_safe
def offline(request: HttpRequest, tools: bool = False) -> HttpResponse:
    """What the worker shows offline for a page it has not kept, or for a tool."""
    context = {"tools": tools}
    response = render(request, "education/offline.html", context)
    response["X-Robots-Tag"] = "noindex"
    return response

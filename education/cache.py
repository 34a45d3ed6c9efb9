"""Whole-page caching for the public education pages, invalidated by any content edit.

Rendering a page means reading the page, the glossary and the help numbers and marking up
glossary terms. The finished HTML is kept in the cache, gzipped once, under the path (never
the query string: no cached view reads it, and ``?utm=...`` links must not fill the cache with
copies) and the current ``ContentVersion``; every save or delete of content bumps that number
(signals below), so the next request renders afresh. The version itself is kept in the same
cache for ``VERSION_SECONDS`` and dropped by every change: with the shared Redis cache
(``CACHE_URL``) an edit shows on every server at once; with the default per-process cache, in
the other processes within ``VERSION_SECONDS``. Requests that carry a session cookie
(signed-in editors, who may see draft previews) never touch the cache.

Once a change is committed, every booklet edition of the new version is queued for building
(``education.booklet.builds``), so the PDFs are ready before anyone asks.
"""

import re
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import F
from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_vary_headers
from django.utils.text import compress_string

from .models import (
    ChecklistItem,
    ContentVersion,
    GlossaryTerm,
    HelpSettings,
    Page,
    QuestionPrompt,
    RedFlag,
)

CONTENT_MODELS = (Page, ChecklistItem, GlossaryTerm, HelpSettings, RedFlag, QuestionPrompt)
CACHE_SECONDS = 60 * 60
VERSION_SECONDS = 2.0

VERSION_KEY = "content:version"


def read_version() -> int:
    """The content version in the database, now."""
    return (
        ContentVersion.objects.filter(pk=ContentVersion.SINGLETON_PK)
        .values_list("version", flat=True)
        .first()
        or 0
    )


def current_version() -> int:
    """The content version, from the cache; from the database at most every VERSION_SECONDS."""
    version = cache.get(VERSION_KEY)
    if version is None:
        version = read_version()
        cache.set(VERSION_KEY, version, VERSION_SECONDS)
    return int(version)


def forget_version() -> None:
    cache.delete(VERSION_KEY)


def bump_version(**kwargs) -> None:
    """Signal receiver: any content change makes every cached page stale."""
    updated = ContentVersion.objects.filter(pk=ContentVersion.SINGLETON_PK).update(
        version=F("version") + 1
    )
    if not updated:
        ContentVersion.objects.get_or_create(
            pk=ContentVersion.SINGLETON_PK, defaults={"version": 1}
        )
    forget_version()
    transaction.on_commit(after_commit)


def after_commit() -> None:
    """Once the change is visible to every process: forget the version again (another process
    may have cached the old one before the commit) and queue the new booklets."""
    forget_version()
    if settings.BOOKLET_BUILD_ON_PUBLISH:
        from .booklet.builds import queue_all_editions

        queue_all_editions()


def connect_signals() -> None:
    for model in CONTENT_MODELS:
        post_save.connect(bump_version, sender=model, dispatch_uid=f"bump-{model.__name__}")
        post_delete.connect(bump_version, sender=model, dispatch_uid=f"bump-del-{model.__name__}")


_GZIP = re.compile(r"\bgzip\b")


def accepts_gzip(request: HttpRequest) -> bool:
    return bool(_GZIP.search(request.headers.get("Accept-Encoding", "")))


def cached_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Serve a public GET page from the cache while the content has not changed."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            return view(request, *args, **kwargs)
        key = f"page:{current_version()}:{request.path}"
        stored = cache.get(key)
        if stored is None:
            response = view(request, *args, **kwargs)
            cacheable = response.status_code == 200 and not response.has_header("Cache-Control")
            if cacheable and not response.streaming:
                stored = (
                    response.content,
                    compress_string(response.content),
                    response["Content-Type"],
                )
                cache.set(key, stored, CACHE_SECONDS)
            return response
        plain, gzipped, content_type = stored
        response = HttpResponse(content_type=content_type)
        if accepts_gzip(request):
            response.content = gzipped
            response["Content-Encoding"] = "gzip"
        else:
            response.content = plain
        patch_vary_headers(response, ("Accept-Encoding",))
        return response

    return wrapper

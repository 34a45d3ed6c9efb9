"""Whole-page caching for the public education pages, invalidated by any content edit.

Rendering a page means reading the page, the glossary and the help numbers and marking up
glossary terms. The finished HTML is kept in the cache under the path and the current
``ContentVersion``; every save or delete of content bumps that number (signals below), so
the next request renders afresh. Requests that carry a session cookie (signed-in editors,
who may see draft previews) are never cached or served from the cache.
"""

from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db.models import F
from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest, HttpResponse

from .models import ChecklistItem, ContentVersion, GlossaryTerm, HelpSettings, Page

CONTENT_MODELS = (Page, ChecklistItem, GlossaryTerm, HelpSettings)
CACHE_SECONDS = 60 * 60


def current_version() -> int:
    return (
        ContentVersion.objects.filter(pk=ContentVersion.SINGLETON_PK)
        .values_list("version", flat=True)
        .first()
        or 0
    )


def bump_version(**kwargs) -> None:
    """Signal receiver: any content change makes every cached page stale."""
    updated = ContentVersion.objects.filter(pk=ContentVersion.SINGLETON_PK).update(
        version=F("version") + 1
    )
    if not updated:
        ContentVersion.objects.get_or_create(
            pk=ContentVersion.SINGLETON_PK, defaults={"version": 1}
        )


def connect_signals() -> None:
    for model in CONTENT_MODELS:
        post_save.connect(bump_version, sender=model, dispatch_uid=f"bump-{model.__name__}")
        post_delete.connect(bump_version, sender=model, dispatch_uid=f"bump-del-{model.__name__}")


def cached_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Serve a public GET page from the cache while the content has not changed."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            return view(request, *args, **kwargs)
        key = f"page:{current_version()}:{request.get_full_path()}"
        stored = cache.get(key)
        if stored is not None:
            content, content_type = stored
            return HttpResponse(content, content_type=content_type)
        response = view(request, *args, **kwargs)
        cacheable = response.status_code == 200 and not response.has_header("Cache-Control")
        if cacheable and not response.streaming:
            cache.set(key, (response.content, response["Content-Type"]), CACHE_SECONDS)
        return response

    return wrapper

"""Asking for booklet builds: once per content version, edition and language, for every
server at once.

A web request never builds a booklet. A published change (``education.cache.after_commit``),
``load_initial_content`` and a request for an edition not built yet queue the build; the
task worker makes it. A key in the default cache (shared by every server with Redis) makes
the first request queue it and the others wait for it, so a crowd of readers after a change
queues one build, not one each.
"""

from django.conf import settings
from django.core.cache import cache

from ..cache import current_version
from .editions import EDITIONS, Edition
from .tasks import UNAVAILABLE_KEY, TaskResultStatus, build_edition, queued_key

QUEUED_SECONDS = 10 * 60  # after that, a build that never finished is queued again


def request_build(version: int, edition: Edition, language: str) -> bool:
    """Queue the build unless it is queued already. True when it is finished on return (a
    task backend that runs tasks at once, as the tests use)."""
    key = queued_key(version, edition.key, language)
    if not cache.add(key, True, QUEUED_SECONDS):
        return False
    try:
        result = build_edition.enqueue(version, edition.key, language)
    except BaseException:
        cache.delete(key)  # not queued after all: the next request tries again
        raise
    return result.status == TaskResultStatus.SUCCESSFUL


def queue_all_editions() -> None:
    """Queue every edition in every language for the current content version."""
    version = current_version()
    for language, _name in settings.LANGUAGES:
        for edition in EDITIONS:
            request_build(version, edition, language)


def cannot_build() -> bool:
    """True for a few minutes after the worker found it cannot load WeasyPrint."""
    return bool(cache.get(UNAVAILABLE_KEY))

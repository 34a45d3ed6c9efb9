"""The booklet build as a background task (Django's tasks API; ``django-tasks`` until the
project runs on Django 6, where the same names live in ``django.tasks``).

``python manage.py db_worker`` runs the queued builds (docs/operations.md); tests use the
backend that runs a task as soon as it is queued.
"""

try:
    from django.tasks import TaskResultStatus, task
except ImportError:  # Django 5.2: the backport
    from django_tasks import TaskResultStatus, task

from django.core.cache import cache

from ..cache import read_version
from . import store
from .editions import EDITIONS
from .render import BookletUnavailable

__all__ = ["TaskResultStatus", "build_edition"]

BY_KEY = {edition.key: edition for edition in EDITIONS}
STALE = "stale"
UNAVAILABLE_KEY = "booklet:unavailable"
UNAVAILABLE_SECONDS = 5 * 60


def queued_key(version: int, edition_key: str, language: str) -> str:
    return f"booklet:queued:{version}:{language}:{edition_key}"


@task()
def build_edition(version: int, edition_key: str, language: str) -> str:
    """Build and store one edition of content ``version`` unless the content has moved on
    (a newer build is queued by then). Returns what happened: built, reused, already there,
    stale."""
    if version != read_version():
        outcome = STALE
    else:
        try:
            outcome = store.build_and_store(version, BY_KEY[edition_key], language)
        except BookletUnavailable:
            # The web servers say "cannot be made right now" instead of "being prepared".
            cache.set(UNAVAILABLE_KEY, True, UNAVAILABLE_SECONDS)
            cache.delete(queued_key(version, edition_key, language))
            raise
        cache.delete(UNAVAILABLE_KEY)
    cache.delete(queued_key(version, edition_key, language))
    return outcome

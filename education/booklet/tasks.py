"""The booklet build as a background task (Django's tasks API; ``django-tasks`` until the
project runs on Django 6, where the same names live in ``django.tasks``).

``python manage.py db_worker`` runs the queued builds (docs/operations.md); tests use the
backend that runs a task as soon as it is queued.
"""

try:
    from django.tasks import TaskResultStatus, task
except ImportError:  # Django 5.2: the backport
    from django_tasks import TaskResultStatus, task

from datetime import timedelta

from django.core.cache import cache
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from ..cache import read_version
from . import store
from .editions import EDITIONS
from .render import BookletUnavailable

__all__ = ["TaskResultStatus", "build_edition"]

BY_KEY = {edition.key: edition for edition in EDITIONS}
STALE = "stale"
UNAVAILABLE_KEY = "booklet:unavailable"
UNAVAILABLE_SECONDS = 5 * 60
# Finished task records older than this are deleted after each build, so the worker's table
# does not grow with every content change (the same rule as `manage.py prune_db_task_results`).
KEEP_RESULTS_DAYS = 14


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
    prune_finished_results()
    return outcome


def prune_finished_results(days: int = KEEP_RESULTS_DAYS) -> int:
    """Delete finished (successful or failed) task records older than ``days``; returns how
    many. A failed build's record, with its traceback, stays in the admin that long."""
    cutoff = timezone.now() - timedelta(days=days)
    deleted, _ = DBTaskResult.objects.finished().filter(finished_at__lte=cutoff).delete()
    return deleted

"""Booklets built in the background: a request never builds one; it gets a "being prepared"
page at once and queues one build (however many readers ask); a published change queues every
edition; the worker stores each build once, reuses an unchanged one and deletes old ones."""

from io import StringIO
from unittest import mock

import pytest
from django.core.management import call_command
from django.db import transaction
from django_tasks import task_backends

from education.booklet import store
from education.booklet.editions import EDITIONS
from education.booklet.models import BookletBuild
from education.booklet.tasks import build_edition
from education.cache import current_version
from tests.education.conftest import make_page, make_term

from .conftest import pdf_text

A4 = "/booklet/isatuximab-guide-a4.pdf"
DUMMY = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
DATABASE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@pytest.fixture
def queued(settings) -> list:
    """Tasks are only recorded, never run: what a server sees while the worker is busy."""
    settings.TASKS = DUMMY
    backend = task_backends["default"]
    backend.clear()
    return backend.results


@pytest.fixture
def builds(monkeypatch) -> mock.Mock:
    """Counts the WeasyPrint runs."""
    spy = mock.Mock(wraps=store.build_booklet)
    monkeypatch.setattr(store, "build_booklet", spy)
    return spy


def run_queued(results: list) -> list[str]:
    """What the worker does with each queued task."""
    return [result.task.call(*result.args, **result.kwargs) for result in results]


@pytest.mark.django_db
def test_a_booklet_not_built_yet_is_being_prepared_at_once_and_queued_once(client, queued):
    make_page(title="What is isatuximab?", slug="what-is-isatuximab")
    answers = [client.get(A4) for _ in range(3)]
    for response in answers:
        assert response.status_code == 503
        assert response["Retry-After"] == "30"
        assert response["Refresh"] == "30"
        assert "no-store" in response["Cache-Control"]
        assert not response.cookies
    html = answers[0].content.decode()
    assert '<html lang="en-GB">' in html
    assert "Your booklet is being prepared" in html
    assert "It will be ready in about a minute." in html
    assert f'href="{A4}"' in html  # try again now
    assert [(r.task, r.args) for r in queued] == [
        (build_edition, [current_version(), "a4-standard", "en"])
    ]


@pytest.mark.django_db
def test_the_reader_can_stop_the_page_checking_by_itself(client, queued):
    response = client.get(f"{A4}?manual=1")
    assert response.status_code == 503
    assert "Refresh" not in response
    assert response["Retry-After"] == "30"
    assert "Try again in a minute to get the booklet." in response.content.decode()


@pytest.mark.django_db
def test_the_spanish_booklet_is_being_prepared_in_spanish(client, queued):
    response = client.get(f"/es{A4}")
    html = response.content.decode()
    assert response.status_code == 503
    assert '<html lang="es">' in html
    assert "Estamos preparando su folleto" in html
    assert "being prepared" not in html
    assert queued[0].args[2] == "es"


@pytest.mark.django_db
@pytest.mark.usefixtures("needs_weasyprint")
def test_the_worker_builds_it_once_and_then_every_request_gets_it(client, queued, builds):
    make_page(title="What is isatuximab?", slug="what-is-isatuximab")
    client.get(A4)
    client.get(A4)
    assert run_queued(queued) == ["built"]
    assert run_queued(queued) == ["already there"]  # a second run of the same key
    assert builds.call_count == 1
    response = client.get(A4)
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=300, must-revalidate"
    assert "What is isatuximab?" in pdf_text(response.content)
    assert len(queued) == 1  # no more queueing once it is there
    build = BookletBuild.objects.get()
    assert build.etag == response["ETag"]
    assert build.build_seconds > 0


@pytest.mark.django_db
@pytest.mark.usefixtures("needs_weasyprint")
def test_an_edit_replaces_the_old_build_and_an_unchanged_booklet_is_reused(client, builds):
    page = make_page(title="What is isatuximab?", slug="what-is-isatuximab")
    first = client.get(A4)
    page.title = "What is isatuximab, and how does it work?"
    page.save()
    second = client.get(A4)
    assert builds.call_count == 2
    assert BookletBuild.objects.get().version == current_version()  # the old one deleted
    make_term("Withdrawn word", "Not in the booklet.").delete()  # two versions, same booklet
    third = client.get(A4)
    assert builds.call_count == 2
    assert third.content == second.content != first.content
    assert BookletBuild.objects.get().build_seconds == 0  # reused


@pytest.mark.django_db
def test_a_task_for_an_old_version_builds_nothing(queued, builds):
    page = make_page(title="What is isatuximab?", slug="what-is-isatuximab")
    old = current_version()
    page.save()
    assert build_edition.call(old, "a4-standard", "en") == "stale"
    assert builds.call_count == 0
    assert not BookletBuild.objects.exists()


@pytest.mark.django_db
def test_a_published_change_queues_every_edition_in_every_language_once(
    settings, queued, django_capture_on_commit_callbacks
):
    settings.BOOKLET_BUILD_ON_PUBLISH = True
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        page = make_page(title="What is isatuximab?", slug="what-is-isatuximab")
        page.summary = "A new main message."
        page.save()
    version = current_version()
    expected = {(version, e.key, language) for e in EDITIONS for language in ("en", "es")}
    assert sorted(tuple(r.args) for r in queued) == sorted(expected)
    with django_capture_on_commit_callbacks(execute=True):
        page.save()
    assert len(queued) == 16  # the next version's eight


@pytest.mark.django_db
def test_nothing_is_queued_on_a_change_when_switched_off(
    queued, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        make_page(title="What is isatuximab?", slug="what-is-isatuximab")
    assert queued == []


@pytest.mark.django_db
def test_load_initial_content_queues_every_edition(settings, queued):
    settings.BOOKLET_BUILD_ON_PUBLISH = True
    call_command("load_initial_content", stdout=StringIO())
    assert len({tuple(r.args) for r in queued}) == len(queued) == 8


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("needs_weasyprint")
def test_the_database_worker_builds_what_a_request_queued(client, settings):
    settings.TASKS = DATABASE
    make_page(title="What is isatuximab?", slug="what-is-isatuximab")
    assert client.get(A4).status_code == 503
    assert client.get(A4).status_code == 503
    call_command("db_worker", batch=True, startup_delay=False, stdout=StringIO())
    response = client.get(A4)
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
    from django_tasks_db.models import DBTaskResult

    assert DBTaskResult.objects.count() == 1
    assert DBTaskResult.objects.get().return_value == "built"


@pytest.mark.django_db
def test_each_build_deletes_task_records_older_than_two_weeks(settings):
    """The worker's table does not grow with every content change: finished records older than
    14 days go after each build (what `manage.py prune_db_task_results` would do)."""
    import datetime

    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    from education.booklet.tasks import TaskResultStatus

    settings.TASKS = DATABASE
    old_version = current_version() - 1  # a stale task: cheap, builds nothing
    ids = {}
    for edition, days in [("a4-standard", 15), ("a4-large", 13), ("letter-standard", 20)]:
        ids[edition] = build_edition.enqueue(old_version, edition, "en").id
        DBTaskResult.objects.filter(pk=ids[edition]).update(
            status=TaskResultStatus.SUCCESSFUL if days != 20 else TaskResultStatus.FAILED,
            finished_at=timezone.now() - datetime.timedelta(days=days),
        )
    waiting = build_edition.enqueue(old_version, "letter-large", "en").id  # never pruned
    assert DBTaskResult.objects.count() == 4
    assert build_edition.call(old_version, "letter-large", "en") == "stale"  # what the worker runs
    left = {str(pk) for pk in DBTaskResult.objects.values_list("pk", flat=True)}
    assert left == {str(ids["a4-large"]), str(waiting)}  # 15 and 20 days old: gone

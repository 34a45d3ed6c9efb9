"""The "being prepared" page in real Chromium: no axe violations in English and Spanish, and
without JavaScript it checks again by itself and delivers the booklet once the worker has
built it."""

import pytest
from django_tasks import task_backends
from playwright.sync_api import expect

from education.booklet import views
from tests.booklet.conftest import needs_weasyprint  # noqa: F401 (fixture)
from tests.education.conftest import make_page

A4 = "/booklet/isatuximab-guide-a4.pdf"


@pytest.fixture
def queued(settings) -> list:
    """The live server queues builds without running them (the worker is busy)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    make_page(title="What is isatuximab?", slug="what-is-isatuximab")
    return task_backends


@pytest.mark.parametrize(
    ("prefix", "lang", "heading"),
    [
        ("", "en-GB", "Your booklet is being prepared"),
        ("/es", "es", "Estamos preparando su folleto"),
    ],
)
def test_the_being_prepared_page_has_no_axe_violations(
    page, axe_check, queued, prefix, lang, heading
):
    for query in ["", "?manual=1"]:
        response = page.goto(f"{prefix}{A4}{query}")
        assert response.status == 503
        expect(page.locator("html")).to_have_attribute("lang", lang)
        expect(page.locator("h1")).to_have_text(heading, use_inner_text=True)
        axe_check(page)


@pytest.mark.usefixtures("needs_weasyprint")
def test_without_javascript_the_page_checks_again_and_gets_the_booklet(
    browser, live_server, queued, monkeypatch
):
    from education.booklet import store
    from education.booklet.editions import EDITIONS
    from education.cache import current_version

    monkeypatch.setattr(views, "RETRY_SECONDS", 1)
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    try:
        assert page.goto(A4).status == 503
        with page.expect_response(lambda r: r.status == 200, timeout=15_000) as answer:
            store.build_and_store(current_version(), EDITIONS[0], "en")  # the worker's part
        assert answer.value.headers["content-type"] == "application/pdf"
    finally:
        context.close()

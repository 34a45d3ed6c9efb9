import pytest
from django.conf import settings
from django.core.cache import cache
from django.utils import translation

from education.cache import forget_version


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that needs WeasyPrint builds a booklet PDF: mark it ``booklet_build`` so the edit
    loop (`make test-fast`) can leave the slow builds out."""
    for item in items:
        if "needs_weasyprint" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.booklet_build)


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: cached pages are keyed by a content version that
    restarts with every test database, so a page cached by one test must not reach the next."""
    cache.clear()
    forget_version()
    yield
    cache.clear()
    forget_version()


@pytest.fixture(autouse=True)
def english_outside_requests():
    """The test client leaves the last request's language active in the test's thread; a test
    that checks a message outside a request must not depend on which page was fetched before."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(scope="session")
def redis_url():
    """A real Redis server of our own for the session (skipped without redis-server, except
    in CI where it is a failure)."""
    from tests.services import redis_server

    with redis_server() as url:
        yield url


@pytest.fixture
def admin_client(client, admin_user):
    """pytest-django's admin client, but signed in through the real second-factor gate."""
    from tests.second_factor import sign_in

    return sign_in(client, admin_user)

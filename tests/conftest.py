import pytest
from django.core.cache import cache

from education.cache import forget_version


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: cached pages are keyed by a content version that
    restarts with every test database, so a page cached by one test must not reach the next."""
    cache.clear()
    forget_version()
    yield
    cache.clear()
    forget_version()

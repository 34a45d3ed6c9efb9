"""CACHE_URL: strict parsing, and on a real Redis server the page cache, the content version
and the feedback rate limit live in Redis (shared by every server), not in one process."""

import pytest
import redis
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured

from education.cache import VERSION_KEY, current_version
from isatuximab_portal import settings as portal_settings
from tests.education.conftest import make_page


@pytest.mark.parametrize(
    "raw",
    [
        "localhost:6379",  # no scheme
        "http://127.0.0.1:6379/0",
        "memcached://127.0.0.1:11211",
        "redis://",  # no host
        "redis://127.0.0.1:port/0",
        "redis://127.0.0.1:6379/zero",
    ],
)
def test_cache_url_refuses_junk(monkeypatch, raw):
    monkeypatch.setenv("X_CACHE", raw)
    with pytest.raises(ImproperlyConfigured):
        portal_settings.env_cache("X_CACHE")


def test_cache_url_selects_redis_and_unset_stays_local(monkeypatch):
    monkeypatch.setenv("X_CACHE", " redis://cache.internal:6379/1 ")
    config = portal_settings.env_cache("X_CACHE")
    assert config["BACKEND"] == "isatuximab_portal.lib.resilient_cache.ResilientRedisCache"
    assert config["LOCATION"] == "redis://cache.internal:6379/1"
    monkeypatch.setenv("X_CACHE", "")
    assert portal_settings.env_cache("X_CACHE")["BACKEND"].endswith("LocMemCache")
    monkeypatch.delenv("X_CACHE")
    assert portal_settings.env_cache("X_CACHE")["BACKEND"].endswith("LocMemCache")


@pytest.fixture
def in_redis(settings, monkeypatch, redis_url) -> redis.Redis:
    """The default cache on the real Redis (emptied), and a client of our own to look in it."""
    monkeypatch.setenv("X_CACHE", redis_url)
    settings.CACHES = {"default": portal_settings.env_cache("X_CACHE")}
    cache.clear()
    raw = redis.Redis.from_url(redis_url)
    yield raw
    cache.clear()
    raw.close()


def keys(raw: redis.Redis, pattern: str) -> list[str]:
    return sorted(key.decode() for key in raw.keys(f"portal:*{pattern}*"))


@pytest.mark.django_db
def test_the_feedback_limit_is_counted_in_redis(client, in_redis):
    page = make_page(title="Side effects", slug="side-effects")
    path = page.get_absolute_url()
    vote = {"page": path, "helpful": "yes"}
    assert [client.post("/feedback/", vote).status_code for _ in range(20)] == [302] * 20
    [page_key] = keys(in_redis, "feedback:page:")
    assert int(in_redis.get(page_key)) == 20  # what every other server reads
    assert client.post("/feedback/", vote).status_code == 429
    in_redis.set(page_key, 0)  # another minute, as far as Redis knows
    assert client.post("/feedback/", vote).status_code == 302


@pytest.mark.django_db
def test_the_page_cache_and_content_version_are_in_redis(client, in_redis):
    page = make_page(title="Side effects", slug="side-effects")
    assert client.get(page.get_absolute_url()).status_code == 200
    version = current_version()
    assert keys(in_redis, f"page:{version}:/learn/side-effects/")
    assert int(in_redis.get(keys(in_redis, VERSION_KEY)[0])) == version
    page.summary = "A new main message."
    page.save()  # every server forgets the version at once
    assert not keys(in_redis, VERSION_KEY)
    assert "A new main message." in client.get(page.get_absolute_url()).content.decode()
    assert current_version() == version + 1

"""A Redis that is down or hangs never gives a visitor a 500 or a stall (non-negotiable 5):
the shared cache answers as a miss, logs one warning and leaves Redis alone for a while;
when Redis is back, the cache is used again."""

import logging
import socket
import threading
import time

import pytest
from django.core.cache import cache
from django.test import Client

from education.content_loader import load_content
from isatuximab_portal import settings as portal_settings
from isatuximab_portal.lib import resilient_cache
from tests.services import free_port

pytestmark = pytest.mark.django_db

PAGES = ["/", "/learn/infusion-day/", "/get-help/", "/checklist/", "/search/?q=fever"]


def use_redis(settings, monkeypatch, url: str) -> None:
    monkeypatch.setenv("X_CACHE", url)
    settings.CACHES = {"default": portal_settings.env_cache("X_CACHE")}
    resilient_cache.reset()


@pytest.fixture
def content():
    load_content()


@pytest.fixture
def dead_redis(settings, monkeypatch, content):
    """Nothing listens on the port: every connection is refused at once."""
    use_redis(settings, monkeypatch, f"redis://127.0.0.1:{free_port()}/0")
    yield
    resilient_cache.reset()


@pytest.fixture
def hanging_redis(settings, monkeypatch, content):
    """A server that accepts connections and never answers (a hung Redis)."""
    listener = socket.create_server(("127.0.0.1", 0))
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(listener.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    use_redis(settings, monkeypatch, f"redis://127.0.0.1:{listener.getsockname()[1]}/0")
    yield
    stop.set()
    thread.join()
    for conn in held:
        conn.close()
    listener.close()
    resilient_cache.reset()


def test_the_settings_choose_the_resilient_redis_cache(monkeypatch):
    monkeypatch.setenv("X_CACHE", "redis://cache.internal:6379/1")
    config = portal_settings.env_cache("X_CACHE")
    assert config["BACKEND"] == "isatuximab_portal.lib.resilient_cache.ResilientRedisCache"


def test_with_redis_down_every_page_and_form_still_answers(dead_redis, caplog):
    caplog.set_level(logging.WARNING)
    client = Client()
    for url in PAGES:
        assert client.get(url).status_code == 200, url
    answered = client.post("/learn/infusion-day/", {"website": ""})
    assert answered.status_code == 200 and "You got 0 of 3." in answered.content.decode()
    vote = client.post("/feedback/", {"page": "/learn/infusion-day/", "helpful": "yes"})
    assert vote.status_code < 500
    assert client.get("/sw.js").status_code == 200
    warnings = [r for r in caplog.records if "Redis cache unavailable" in r.getMessage()]
    assert len(warnings) == 1  # one warning, then Redis is left alone for a while


def test_a_hanging_redis_costs_one_timeout_not_one_per_call(hanging_redis):
    client = Client()
    started = time.monotonic()
    assert client.get("/learn/infusion-day/").status_code == 200
    first = time.monotonic() - started
    assert first < 2 * 2 + 1  # at most one connect or read timeout (2 s each in settings)
    started = time.monotonic()
    for url in PAGES:
        assert client.get(url).status_code == 200, url
    assert time.monotonic() - started < 2  # Redis is paused: no more waiting on it


def test_when_redis_is_back_the_cache_is_used_again(settings, monkeypatch, redis_url):
    use_redis(settings, monkeypatch, f"redis://127.0.0.1:{free_port()}/0")
    assert cache.get("probe") is None and resilient_cache.redis_paused()
    monkeypatch.setenv("X_CACHE", redis_url)  # Redis is back, but the pause is still on
    settings.CACHES = {"default": portal_settings.env_cache("X_CACHE")}
    cache.set("probe", "here", 30)
    assert cache.get("probe") is None
    resilient_cache._Outage.until = time.monotonic()  # the pause has passed
    cache.set("probe", "here", 30)
    assert cache.get("probe") == "here"
    cache.delete("probe")

"""Django's Redis cache, but a Redis that is down or hangs never takes the site with it.

The cache only makes the site faster and shares counters between servers: every reader
(the page cache, the content version, the search documents, the feedback and self-check rate
limits) already copes with a miss. So when Redis fails, each call answers as if the key were not
there (``get`` gives the default, ``set`` stores nothing, ``incr`` counts from the start), one
warning is logged, and Redis is left alone for ``PAUSE_SECONDS`` so that a hanging server costs
at most one socket timeout, not one per call. After the pause the next call tries Redis again.

What that means while Redis is away: pages are built from the database on every request (slower,
still correct), a changed page shows at once (the content version is read from the database), and
the per-minute vote limits count each server on its own (they fail open; the honeypot still
applies).
"""

import logging
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

log = logging.getLogger(__name__)

PAUSE_SECONDS = 10.0


class _Outage:
    """Shared by every thread and cache instance of this process."""

    lock = threading.Lock()
    until = 0.0


def redis_paused() -> bool:
    return time.monotonic() < _Outage.until


def reset() -> None:
    """Try Redis again on the next call (tests; an operator's shell)."""
    with _Outage.lock:
        _Outage.until = 0.0


class ResilientRedisCache(RedisCache):
    def _guard(self, name: str, fallback, *args, **kwargs):
        if redis_paused():
            return fallback
        try:
            return getattr(RedisCache, name)(self, *args, **kwargs)
        except RedisError as exc:
            with _Outage.lock:
                first = not redis_paused()
                _Outage.until = time.monotonic() + PAUSE_SECONDS
            if first:
                log.warning(
                    "Redis cache unavailable (%s); serving without it, next try in %.0f s.",
                    type(exc).__name__,
                    PAUSE_SECONDS,
                )
            return fallback

    def get(self, key, default=None, version=None):
        return self._guard("get", default, key, default, version)

    def get_many(self, keys, version=None):
        return self._guard("get_many", {}, keys, version)

    def has_key(self, key, version=None):
        return self._guard("has_key", False, key, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guard("set", None, key, value, timeout, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guard("add", False, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guard("set_many", [], data, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guard("touch", False, key, timeout, version)

    def incr(self, key, delta=1, version=None):
        return self._guard("incr", delta, key, delta, version)

    def decr(self, key, delta=1, version=None):
        return self._guard("decr", -delta, key, delta, version)

    def delete(self, key, version=None):
        return self._guard("delete", False, key, version)

    def delete_many(self, keys, version=None):
        return self._guard("delete_many", None, keys, version)

    def clear(self):
        return self._guard("clear", False)

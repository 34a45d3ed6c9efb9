"""Two app servers (gunicorn, production settings) on one PostgreSQL and one Redis, with one
task worker: a published change reaches both within 3 s, each booklet edition is built once
for both, and the feedback limit counts the votes both servers take.

Needs PostgreSQL in DATABASE_URL (CI's second pass; a database of its own is created there
and dropped afterwards) and redis-server (started by the test).
"""

import os
import secrets
import time
from contextlib import contextmanager
from urllib.parse import urlsplit, urlunsplit

import pytest

from tests.services import (
    db_worker,
    free_port,
    get,
    gunicorn,
    manage,
    post,
    production_env,
    stop,
)

from .conftest import log_tail, task_rows

pytestmark = pytest.mark.slow

EDITIONS = [
    "/booklet/isatuximab-guide-a4.pdf",
    "/booklet/isatuximab-guide-a4-large-print.pdf",
    "/booklet/isatuximab-guide-letter.pdf",
    "/booklet/isatuximab-guide-letter-large-print.pdf",
]
PAGE = "/learn/what-is-isatuximab/"
CHANGE = (
    "from education.models import Page; "
    "p = Page.objects.get(slug='what-is-isatuximab', language='en'); "
    "p.summary = 'NEW-SUMMARY-{mark}'; p.save()"
)


@contextmanager
def own_postgres_database():
    """A new database on the PostgreSQL server in DATABASE_URL; its URL, dropped at the end."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        pytest.skip("needs PostgreSQL: DATABASE_URL=postgres://... (CI's second pass sets it)")
    import psycopg

    name = f"portal_servers_{secrets.token_hex(4)}"
    parts = urlsplit(url)
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def until(check, seconds: float, pause: float = 0.1) -> float | None:
    """Seconds until ``check()`` is true, or None when ``seconds`` passed first."""
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        if check():
            return time.monotonic() - started
        time.sleep(pause)
    return None


def test_two_servers_share_the_content_the_booklets_and_the_feedback_limit(
    tmp_path, static_root, redis_url
):
    import redis

    redis.Redis.from_url(redis_url).flushdb()
    ports = free_port(), free_port()
    bases = [f"http://127.0.0.1:{port}" for port in ports]
    logs = [tmp_path / "a.log", tmp_path / "b.log", tmp_path / "worker.log"]
    with own_postgres_database() as database_url:
        env = production_env(
            DATABASE_URL=database_url, CACHE_URL=redis_url, STATIC_ROOT=static_root
        )
        manage(env, "migrate", "--noinput", "--verbosity", "0")
        manage(env, "load_initial_content")
        servers = [gunicorn(env, port, 1, log) for port, log in zip(ports, logs, strict=False)]
        worker = None
        try:
            a_published_change_reaches_both(env, bases)
            worker = db_worker(env, log=logs[2])
            each_edition_is_built_once_for_both(env, bases)
            the_feedback_limit_is_shared(bases)
        except AssertionError as failure:
            raise AssertionError(f"{failure}\n{log_tail(*logs)}") from None
        finally:
            for process in [worker, *servers]:
                if process is not None:
                    stop(process)


def a_published_change_reaches_both(env: dict, bases: list[str]) -> None:
    for base in bases:  # both have the page in their cache
        assert get(base + PAGE)[0] == 200
    mark = secrets.token_hex(4)
    manage(env, "shell", "-c", CHANGE.format(mark=mark))
    for base in bases:
        seconds = until(lambda b=base: f"NEW-SUMMARY-{mark}".encode() in get(b + PAGE)[1], 3)
        assert seconds is not None, f"{base} still shows the old page after 3 s"


def each_edition_is_built_once_for_both(env: dict, bases: list[str]) -> None:
    etags: dict[str, set[str]] = {path: set() for path in EDITIONS}

    def all_ready() -> bool:
        for path in EDITIONS:
            for base in bases:  # both servers ask, again and again
                status, body, headers = get(base + path, timeout=5)
                assert status in {200, 503}, (base, path, status)
                if status == 200:
                    assert body.startswith(b"%PDF")
                    etags[path].add(headers["ETag"])
        return all(etags.values())

    assert until(all_ready, 120, pause=1) is not None, "the booklets were not built in time"
    assert all(len(tags) == 1 for tags in etags.values()), etags  # the same build on both
    rows = task_rows(env)
    keys = [args for args, _status, _value in rows]
    assert len(keys) == len(set(keys)), f"a build was queued twice: {rows}"
    version = max(args[0] for args in keys)
    english = [
        (args, value) for args, status, value in rows if args[0] == version and args[2] == "en"
    ]
    assert sorted(value for _args, value in english if value) == ["built"] * 4, rows


def the_feedback_limit_is_shared(bases: list[str]) -> None:
    if time.time() % 60 > 50:  # all the votes in one minute window
        time.sleep(61 - time.time() % 60)
    vote = {"page": PAGE, "helpful": "yes"}
    answers = [post(bases[n % 2] + "/feedback/", vote) for n in range(20)]
    assert answers == [302] * 20  # ten on each server
    assert post(bases[0] + "/feedback/", vote) == 429
    assert post(bases[1] + "/feedback/", vote) == 429

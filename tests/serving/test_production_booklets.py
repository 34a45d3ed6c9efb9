"""The production server (gunicorn, 2 workers, DEBUG off, its own SQLite database) with a task
worker: four cold booklet requests at once are answered at once ("being prepared"), /health/
and a content page keep answering within a second, and every edition can be downloaded within
90 s, built by the worker, not by the web server."""

import concurrent.futures
import os
import time

import pytest

from tests.services import db_worker, free_port, get, gunicorn, manage, production_env, stop

from .conftest import log_tail, task_rows

pytestmark = pytest.mark.slow

EDITIONS = [
    "/booklet/isatuximab-guide-a4.pdf",
    "/booklet/isatuximab-guide-a4-large-print.pdf",
    "/booklet/isatuximab-guide-letter.pdf",
    "/booklet/isatuximab-guide-letter-large-print.pdf",
]
FAST = 1.0  # seconds
READY_WITHIN = 90  # seconds


def timed_get(url: str) -> tuple[int, float, dict]:
    started = time.monotonic()
    status, body, headers = get(url, timeout=30)
    return status, time.monotonic() - started, headers | {"body": body}


@pytest.mark.skipif(
    os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="runs in the SQLite pass only: the server here has its own SQLite database anyway",
)
def test_cold_booklets_never_stall_the_site(tmp_path, static_root):
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = production_env(
        DATABASE_URL=f"sqlite:///{tmp_path}/db.sqlite3", STATIC_ROOT=static_root, SITE_URL=base
    )
    manage(env, "migrate", "--noinput", "--verbosity", "0")
    manage(env, "load_initial_content")  # queues every edition for the worker
    logs = [tmp_path / "gunicorn.log", tmp_path / "worker.log"]
    server = gunicorn(env, port, workers=2, log=logs[0])
    worker = None
    try:
        warm_up(base)
        with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
            cold = [pool.submit(timed_get, base + path) for path in EDITIONS]
            worker = db_worker(env, log=logs[1])  # starts building as the requests arrive
            probes = watch_site(pool, base, until=lambda: all(f.done() for f in cold), seconds=5)
            answers = [future.result() for future in cold]
        for status, seconds, headers in answers:
            assert status in {200, 503} and seconds < FAST, (status, seconds)
            if status == 503:
                assert headers["Retry-After"] == "30"
                assert b"being prepared" in headers["body"]
        ready = wait_for_every_edition(base, probes)
        assert_fast(probes)
        assert set(ready) == set(EDITIONS)
        built = [value for args, status, value in task_rows(env) if status == "SUCCESSFUL"]
        assert built.count("built") >= len(EDITIONS), built
    except AssertionError as failure:
        raise AssertionError(f"{failure}\n{log_tail(*logs)}") from None
    finally:
        if worker is not None:
            stop(worker)
        stop(server)


def warm_up(base: str) -> None:
    """A server in service has served pages before: each gunicorn worker's first requests load
    templates and translations. "Cold" here means the booklets, not the processes."""
    for _ in range(4):
        for path in ["/", "/learn/", "/booklet/", "/es/booklet/"]:
            assert get(base + path, timeout=30)[0] == 200


def watch_site(pool, base: str, until, seconds: float) -> list[tuple[str, int, float]]:
    """/health/ and a content page, over and over, until ``until()`` and ``seconds`` passed."""
    probes = []
    deadline = time.monotonic() + seconds
    while not until() or time.monotonic() < deadline:
        for path in ["/health/", "/learn/"]:
            status, elapsed, _ = pool.submit(timed_get, base + path).result()
            probes.append((path, status, elapsed))
        time.sleep(0.1)
    return probes


def wait_for_every_edition(base: str, probes: list) -> dict[str, float]:
    """Each edition's time to a 200 PDF, checking the site stays quick in between."""
    started, ready = time.monotonic(), {}
    while len(ready) < len(EDITIONS) and time.monotonic() - started < READY_WITHIN:
        for path in EDITIONS:
            if path not in ready:
                status, elapsed, headers = timed_get(base + path)
                assert elapsed < FAST, (path, status, elapsed)
                assert status in {200, 503}, (path, status)
                if status == 200:
                    assert headers["body"].startswith(b"%PDF")
                    ready[path] = time.monotonic() - started
        for path in ["/health/", "/learn/"]:
            status, elapsed, _ = timed_get(base + path)
            probes.append((path, status, elapsed))
        time.sleep(1)
    missing = sorted(set(EDITIONS) - set(ready))
    assert not missing, f"not downloadable within {READY_WITHIN} s: {missing}"
    return ready


def assert_fast(probes: list) -> None:
    slow = [probe for probe in probes if probe[1] != 200 or probe[2] >= FAST]
    worst = max(elapsed for _, _, elapsed in probes)
    assert not slow, f"{len(slow)} of {len(probes)} probes slow or failing: {slow[:5]}"
    print(f"{len(probes)} probes of /health/ and /learn/, slowest {worst:.3f} s")

"""A short load test inside `make test`: 10 clients for 3 seconds against gunicorn, zero errors.

The server is a real gunicorn subprocess with DEBUG off and every production middleware, on a
temporary migrated SQLite database. It uses the test settings only so that static files are
served from the source folders: collectstatic with brotli takes ~30 s on 2 cores, which
`make bench` and `make load` pay instead (they run the production settings unchanged).
The server always has its own SQLite file, also in CI's PostgreSQL pass: this checks the web
stack under concurrency, while the rest of the suite checks the database layer.
"""

import pytest

from scripts import loadtest
from scripts.server import ProductionServer

CLIENTS, SECONDS = 10, 3.0


@pytest.fixture(scope="module")
def gunicorn_url():
    with ProductionServer(settings_module="tests.settings", collectstatic=False, log=print) as s:
        yield s.url


def test_it_serves_10_clients_for_3_seconds_without_a_single_error(gunicorn_url):
    mix = loadtest.parse_mix(loadtest.DEFAULT_MIX)

    results = loadtest.run(gunicorn_url, CLIENTS, SECONDS, mix, max_requests=5_000)

    report = loadtest.format_report(results)
    assert results["total"]["errors"] == 0, report
    assert not any(s["failed"] for s in results["skipped"]), report
    assert "home" in results["endpoints"], report  # the home page exists on every branch
    # Sane: at least 10 requests a second overall, and every client stopped on time.
    assert results["total"]["requests"] >= 10 * SECONDS, report
    assert results["wall_s"] < SECONDS + 5, report
    for key, stats in results["endpoints"].items():
        assert stats["requests"] > 0, key
    assert loadtest.passed(results)

"""Playwright fixtures that drive the system Chromium against pytest-django's live server.

The browser is found through CHROMIUM_PATH, then `chromium` on PATH, then /usr/bin/chromium.
Without one, browser tests skip with the reason, except in CI (CI=true), where .ci/run has
installed Chromium and a missing browser is a failure.
"""

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; the ORM calls made by test set-up
# are still synchronous and safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = [
    "--no-sandbox",  # CI runs as root
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]


def find_chromium() -> str | None:
    candidates = [os.environ.get("CHROMIUM_PATH"), shutil.which("chromium"), "/usr/bin/chromium"]
    for candidate in candidates:
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser() -> Iterator:
    executable = find_chromium()
    if executable is None:
        message = "No Chromium found: install it (apt-get install -y chromium) or set CHROMIUM_PATH"
        if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=executable, headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(request, browser, live_server) -> Iterator:
    # Service workers fetch pages in the background, after a test has moved on; the live
    # server shares one in-memory SQLite connection, so such a late request can collide with
    # the database reset between tests. Only the offline tests (marked) let the worker run.
    workers = "allow" if request.node.get_closest_marker("service_worker") else "block"
    context = browser.new_context(
        base_url=live_server.url, accept_downloads=True, service_workers=workers
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def axe_check():
    """Run axe-core on the current page and fail with a readable list of any violations."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()

    def check(page) -> None:
        results = axe.run(page)
        violations = results.response["violations"]
        details = "\n".join(
            f"{v['id']} ({v['impact']}): {v['help']} -> "
            + "; ".join(n["target"][0] if n["target"] else "?" for n in v["nodes"][:5])
            for v in violations
        )
        assert not violations, f"axe found {len(violations)} violation(s) on {page.url}:\n{details}"

    return check

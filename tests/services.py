"""Real servers for the tests that need them: a throw-away Redis, and the site itself under
gunicorn with a task worker, each in its own process on loopback, stopped at the end.

A missing ``redis-server`` skips those tests on a developer's machine but fails them in CI
(``CI=true``), where ``.ci/run`` installs it.
"""

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def skip_or_fail(reason: str) -> None:
    """Skip on a developer's machine; fail in CI, where everything must be there."""
    if IN_CI:
        pytest.fail(f"{reason} (CI=true: .ci/run installs it)")
    pytest.skip(reason)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def stop(process: subprocess.Popen, seconds: float = 10) -> None:
    """SIGTERM, then SIGKILL if it has not gone after ``seconds``."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(seconds)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextmanager
def redis_server() -> Iterator[str]:
    """A Redis of our own on a free loopback port, in a temporary folder; yields its URL."""
    binary = shutil.which("redis-server")
    if binary is None:
        skip_or_fail("redis-server is not installed (apt-get install redis-server)")
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="portal-redis-") as folder:
        process = subprocess.Popen(
            [
                binary,
                "--port",
                str(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                folder,
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            wait_for_port(port, process, "redis-server")
            yield f"redis://127.0.0.1:{port}/0"
        finally:
            stop(process)


def wait_for_port(port: int, process: subprocess.Popen, name: str, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{name} exited with {process.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"{name} did not listen on {port} within {seconds} s")


def get(url: str, timeout: float = 5, headers: dict | None = None) -> tuple[int, bytes, dict]:
    """(status, body, headers) of a GET, whatever the status."""
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read(), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read(), dict(error.headers)


def post(url: str, data: dict, timeout: float = 5) -> int:
    """The status of a form POST, redirects not followed."""
    body = urllib.parse.urlencode(data).encode()

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(urllib.request.Request(url, data=body), timeout=timeout) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def production_env(**extra: str) -> dict:
    """The production settings (DEBUG off) on loopback over plain http, as `make load` uses."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST"))}
    env.pop("BEHIND_TLS_PROXY", None)
    env.pop("CSRF_TRUSTED_ORIGINS", None)
    env.update(
        DJANGO_SETTINGS_MODULE="isatuximab_portal.settings",
        DEBUG="0",
        SECURE_SSL_REDIRECT="0",
        SECRET_KEY="serving-test-only-key-7f3a9c1e5b2d4f6a8c0e2b4d6f8a0c2e4b6d8f0a",
        ALLOWED_HOSTS="127.0.0.1",
        SITE_URL="http://127.0.0.1",
        LOG_LEVEL="WARNING",
    )
    env.update(extra)
    return env


def manage(env: dict, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def start(env: dict, *args: str, log: Path) -> subprocess.Popen:
    """A process of the site (gunicorn or manage.py ...), its output in ``log``."""
    with open(log, "ab") as out:
        return subprocess.Popen(args, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)


def gunicorn(env: dict, port: int, workers: int, log: Path) -> subprocess.Popen:
    binary = str(Path(sys.executable).parent / "gunicorn")
    process = start(
        env, binary, "isatuximab_portal.wsgi", "--bind", f"127.0.0.1:{port}",
        "--workers", str(workers), "--timeout", "60", "--no-control-socket", log=log,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited: {log.read_text()[-3000:]}")
        try:
            if get(f"http://127.0.0.1:{port}/health/", timeout=2)[0] == 200:
                return process
        except OSError:
            pass
        time.sleep(0.2)
    stop(process)
    raise RuntimeError(f"gunicorn did not answer within 60 s: {log.read_text()[-3000:]}")


def db_worker(env: dict, log: Path) -> subprocess.Popen:
    return start(
        env, sys.executable, "manage.py", "db_worker", "--interval", "0.2", "-v", "2", log=log
    )

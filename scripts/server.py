"""Start the portal under gunicorn in production mode on loopback, for the benchmark and load test.

Production settings (DEBUG off, manifest static files with whitenoise, every security header)
with only what a throw-away loopback run needs changed: a SECRET_KEY generated for this run,
ALLOWED_HOSTS=127.0.0.1, a temporary migrated SQLite database (or --database-url), a temporary
STATIC_ROOT, and SECURE_SSL_REDIRECT=0 because the run is plain http on loopback (production
redirects to https; a TLS proxy would sit in front).
"""

from __future__ import annotations

import os
import secrets
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import TracebackType

from .web import fetch, free_port

ROOT = Path(__file__).resolve().parent.parent
WORKERS = 2  # as `make serve`

HTTP_NOTE = (
    "SECURE_SSL_REDIRECT=0 for this run: it is plain http on loopback. "
    "In production the app redirects http to https behind a TLS proxy."
)

# Never let the caller's development or test settings leak into a production-mode run.
_DROP = {
    "DEBUG",
    "DJANGO_SETTINGS_MODULE",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "DATABASE_URL",
    "STATIC_ROOT",
    "BEHIND_TLS_PROXY",
    "SECURE_SSL_REDIRECT",
}


def production_env(
    workdir: Path,
    database_url: str | None = None,
    settings_module: str = "isatuximab_portal.settings",
) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in _DROP}
    env.update(
        DJANGO_SETTINGS_MODULE=settings_module,
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="0",
        DATABASE_URL=database_url or f"sqlite:///{workdir / 'db.sqlite3'}",
        STATIC_ROOT=str(workdir / "static"),
        LOG_LEVEL="WARNING",
        PYTHONUNBUFFERED="1",
    )
    return env


class ProductionServer:
    """Context manager: set up, start gunicorn, wait for /health/, and clean up on exit."""

    def __init__(
        self,
        workers: int = WORKERS,
        database_url: str | None = None,
        log=print,
        settings_module: str = "isatuximab_portal.settings",
        collectstatic: bool = True,
    ) -> None:
        """settings_module/collectstatic are for the quick test in `make test` only: the test
        settings serve static files from the source folders, which saves collectstatic's ~30 s."""
        self.workers = workers
        self.database_url = database_url
        self.settings_module = settings_module
        self.collectstatic = collectstatic
        self.log = log
        self.notes: list[str] = [HTTP_NOTE]
        self.url = ""
        self.env: dict[str, str] = {}
        self._tmp: tempfile.TemporaryDirectory | None = None
        self._proc: subprocess.Popen | None = None

    def _manage(self, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
        )

    def _setup(self, workdir: Path) -> None:
        started = time.perf_counter()
        steps = [("migrate", "--noinput")]
        if self.collectstatic:
            steps.append(("collectstatic", "--noinput"))
        for args in steps:
            result = self._manage(*args, "--verbosity", "0")
            if result.returncode != 0:
                raise RuntimeError(f"manage.py {args[0]} failed:\n{result.stderr}")
        content = self._manage("load_initial_content")
        if content.returncode == 0:
            self.notes.append("Initial content loaded with `manage.py load_initial_content`.")
        elif "Unknown command" in content.stderr:
            self.notes.append("No load_initial_content command on this branch: database is empty.")
        else:
            raise RuntimeError(f"manage.py load_initial_content failed:\n{content.stderr}")
        done = ", ".join(step[0] for step in steps) + ", load_initial_content"
        self.log(f"  set up ({done}) in {time.perf_counter() - started:.1f} s")

    def _start(self, workdir: Path) -> None:
        for _attempt in range(3):
            port = free_port()
            self.url = f"http://127.0.0.1:{port}"
            errors = open(workdir / "gunicorn.log", "w")  # noqa: SIM115 - closed in stop()
            self._errors = errors
            self._proc = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "gunicorn",
                    "isatuximab_portal.wsgi",
                    "--bind",
                    f"127.0.0.1:{port}",
                    "--workers",
                    str(self.workers),
                    "--graceful-timeout",
                    "5",
                ],
                cwd=ROOT,
                env=self.env,
                stdout=errors,
                stderr=subprocess.STDOUT,
            )
            if self._wait_ready():
                return
            self.stop()
        log = (workdir / "gunicorn.log").read_text()
        raise RuntimeError(f"gunicorn did not start:\n{log}")

    def _wait_ready(self, seconds: float = 30.0) -> bool:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self._proc is None or self._proc.poll() is not None:
                return False
            try:
                if fetch(self.url, "GET", "/health/", timeout=2).status == 200:
                    return True
            except OSError:
                pass
            time.sleep(0.1)
        return False

    def stop(self) -> None:
        if self._proc is not None and self._proc.poll() is None:
            self._proc.send_signal(signal.SIGTERM)
            try:
                self._proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait()
        self._proc = None
        if getattr(self, "_errors", None):
            self._errors.close()
            self._errors = None

    def __enter__(self) -> ProductionServer:
        self._tmp = tempfile.TemporaryDirectory(prefix="isatuximab-bench-")
        workdir = Path(self._tmp.name)
        self.env = production_env(workdir, self.database_url, self.settings_module)
        mode = "production mode" if "tests" not in self.settings_module else self.settings_module
        self.log(f"Starting the app under gunicorn ({mode}) on loopback ...")
        try:
            self._setup(workdir)
            self._start(workdir)
        except BaseException:
            self.__exit__(None, None, None)
            raise
        self.log(f"  serving {self.url} with {self.workers} gunicorn workers")
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None

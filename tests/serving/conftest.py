"""Fixtures for the tests that run the site as in production: real gunicorn processes, a real
task worker (`manage.py db_worker`), each test with its own database, on loopback."""

import json
import tempfile
from pathlib import Path

import pytest

from tests.booklet.conftest import weasyprint_problem
from tests.services import manage, production_env, skip_or_fail

LIST_TASKS = """
import json
from django_tasks_db.models import DBTaskResult
print(json.dumps([[r.args_kwargs["args"], r.status, r.return_value]
                  for r in DBTaskResult.objects.order_by("enqueued_at")]))
"""


@pytest.fixture(scope="session")
def static_root():
    """collectstatic once for the session (the production storage needs its manifest)."""
    if problem := weasyprint_problem():
        skip_or_fail(problem)
    with tempfile.TemporaryDirectory(prefix="portal-serving-static-") as folder:
        env = production_env(STATIC_ROOT=folder, DATABASE_URL=f"sqlite:///{folder}/unused.db")
        manage(env, "collectstatic", "--noinput", "--verbosity", "0")
        yield folder


def task_rows(env: dict) -> list[tuple[tuple, str, str | None]]:
    """Every queued task in the site's database: (arguments, status, what it returned)."""
    rows = json.loads(manage(env, "shell", "-c", LIST_TASKS).strip().splitlines()[-1])
    return [(tuple(args), status, value) for args, status, value in rows]


def log_tail(*logs: Path) -> str:
    return "\n".join(f"--- {log.name}\n{log.read_text()[-4000:]}" for log in logs if log.exists())

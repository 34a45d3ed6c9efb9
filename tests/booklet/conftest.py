"""Fixtures for the booklet tests: WeasyPrint must be loadable, and PDFs are read back with
pypdf (text, font sizes, positions, structure tree).

Without WeasyPrint's system libraries (Pango) the PDF tests skip with the reason, except in
CI (CI=true), where .ci/run installs them and a missing library is a failure.
"""

import io
import math
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import pytest
from django.core.cache import cache
from django.db import connection, transaction
from pypdf import PdfReader

from education.cache import forget_version

A4_MEDIABOX = (595.3, 841.9)
LETTER_MEDIABOX = (612.0, 792.0)


def weasyprint_problem() -> str:
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError) as exc:
        return f"WeasyPrint cannot load (install libpango-1.0-0 libpangoft2-1.0-0): {exc}"
    return ""


@pytest.fixture(scope="session")
def needs_weasyprint() -> None:
    problem = weasyprint_problem()
    if problem:
        if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
            pytest.fail(problem)
        pytest.skip(problem)


@contextmanager
def content_rolled_back(django_db_blocker) -> Iterator[None]:
    """For a module-scoped booklet build: the database inside one transaction that is rolled
    back, with an empty cache and content version before and after. The connection is closed
    afterwards: a module fixture runs outside pytest-django's per-test handling, and a
    connection left open keeps PostgreSQL from dropping the test database at the end."""
    cache.clear()
    forget_version()
    try:
        with django_db_blocker.unblock(), transaction.atomic():
            yield
            transaction.set_rollback(True)
    finally:
        with django_db_blocker.unblock():
            connection.close()
        cache.clear()
        forget_version()


@dataclass(frozen=True)
class Run:
    """One piece of text as drawn: its effective size in points and its height on the page."""

    text: str
    size: float
    y: float


def runs_of(page) -> list[Run]:
    return read_page(page)[1]


def read_page(page) -> tuple[str, list[Run]]:
    """The page's text and its runs, in one pass (text extraction is the slow part)."""
    runs: list[Run] = []

    def visit(text, cm, tm, font_dict, font_size) -> None:
        if text.strip():
            scale = math.hypot(tm[0], tm[1]) * math.hypot(cm[0], cm[1])
            y = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
            runs.append(Run(text.strip(), round(font_size * scale, 2), round(y, 1)))

    text = page.extract_text(visitor_text=visit)
    return text, runs


def flat(text: str) -> str:
    """Text with every run of white space made one space (lines wrap differently per edition)."""
    return " ".join(text.split())


def pdf_text(pdf: bytes) -> str:
    return flat(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages))


def reader(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))

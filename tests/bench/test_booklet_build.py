"""The booklet build time per edition (what the task worker spends), run by `make bench`.

Each English edition of the shipped content is built as the worker builds it
(``store.make_booklet``: content, HTML, CSS, WeasyPrint); the PDF is checked to be tagged
(PDF/UA) and, for large print, to use nothing under 16 pt. pytest-benchmark times the wall
clock; the CPU time of each round (``time.process_time``, the issue's measure) is printed and
kept in the JSON as ``extra_info``. Few rounds: one build takes seconds.
"""

import statistics
import time
from io import StringIO

import pytest
from django.core.management import call_command

from education.booklet import store
from education.booklet.editions import EDITIONS
from tests.booklet.conftest import reader, runs_of, weasyprint_problem

pytestmark = pytest.mark.bench
CPU_TARGET = {"standard": 2.0, "large": 3.0}  # seconds of CPU, median (docs/performance.md)


@pytest.fixture
def shipped_content(db) -> None:
    if problem := weasyprint_problem():
        pytest.skip(problem)
    call_command("load_initial_content", stdout=StringIO())


@pytest.mark.parametrize("edition", EDITIONS, ids=[edition.key for edition in EDITIONS])
def test_booklet_build_time_per_edition(benchmark, shipped_content, edition):
    cpu: list[float] = []

    def build() -> bytes:
        started = time.process_time()
        booklet, _seconds = store.make_booklet(edition, "en")
        cpu.append(time.process_time() - started)
        return booklet.pdf

    pdf = benchmark.pedantic(build, rounds=3, iterations=1, warmup_rounds=1)
    pdf_reader = reader(pdf)
    root = pdf_reader.trailer["/Root"]
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"].value is True
    if edition.large:
        sizes = {run.size for page in pdf_reader.pages[:6] for run in runs_of(page)}
        assert min(sizes) >= 16, sorted(sizes)[:5]
    timed = cpu[-3:] if len(cpu) > 3 else cpu  # without the warm-up round
    median = statistics.median(timed)
    benchmark.extra_info.update(cpu_seconds=timed, pages=len(pdf_reader.pages))
    print(
        f"booklet {edition.key}: {len(pdf_reader.pages)} pages, {len(pdf) // 1024} KB, CPU "
        f"min {min(timed):.2f} s, median {median:.2f} s (target {CPU_TARGET[edition.size]} s)"
    )
    if benchmark.stats is not None:  # not under --benchmark-disable
        assert median <= CPU_TARGET[edition.size], f"CPU median {median:.2f} s"

"""The question builder keeps nothing a patient types: a probe question is sent through every
answer (the PDF on both papers, the print view, the error pages) with every logger open at
DEBUG and every query captured, and must then be found nowhere: not in any row of any database
table, any log record, any SQL statement, the server cache, a URL, a header or a cookie."""

import contextlib
import gzip
import io
import pickle

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection

from education.models import QuestionPrompt
from tests.test_privacy import URL_ATTRIBUTE, everything_recorded, html_of, pdf_text

PROBE = "Qwyzzlebrook infusion query 7Z4"
PROBES = (PROBE, "Qwyzzlebrook", "7Z4")


def every_row() -> str:
    """Every row of every table in the database, whatever model (or none) it belongs to."""
    rows = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            rows.append(f"{table}: {cursor.fetchall()!r}")
    return "\n".join(rows)


def cached_values() -> str:
    """The local-memory cache, values unpickled and unzipped where they can be."""
    out = []
    for key, value in cache._cache.items():
        out.append(key)
        with contextlib.suppress(Exception):  # keep the raw bytes when not a pickle
            value = pickle.loads(value)
        if isinstance(value, bytes):
            with contextlib.suppress(OSError):
                value = gzip.decompress(value)
        out.append(repr(value))
    return "\n".join(out)


@pytest.mark.django_db
def test_a_typed_question_is_kept_nowhere(client, caplog):
    call_command("load_initial_content", verbosity=0)
    asked = QuestionPrompt.objects.get(language="en", order=1).pk
    asked_es = QuestionPrompt.objects.get(language="es", order=1).pk
    own = {"asked": [asked], "own_2": PROBE}
    too_many = {f"own_{n}": f"{PROBE} {n}" for n in range(1, 7)}
    with everything_recorded(caplog) as (records, queries):
        responses = {
            "pdf-a4": client.post("/questions/", {**own, "output": "pdf"}),
            "pdf-letter": client.post(
                "/es/questions/", {**own, "asked": [asked_es], "paper": "letter"}
            ),
            "print": client.post("/questions/", {**own, "output": "print"}),
            "too-long": client.post("/questions/", {"own_1": PROBE + "x" * 1000}),
            "too-many": client.post("/questions/", too_many),
        }
    # Each reached its real answer, so a leak could not hide behind an early error.
    for name in ("pdf-a4", "pdf-letter"):
        assert PROBE in pdf_text(responses[name])
    html_of(responses["print"], PROBE, "Bring this to your visit.")
    html_of(responses["too-long"], "Keep each question to 200 characters or fewer.")
    html_of(responses["too-many"], "You can add up to 5 questions of your own.", f"{PROBE} 1")

    logged = "\n".join(
        f"{r.getMessage()} {r.args!r} {getattr(r, 'request', '')!r} {r.__dict__!r}" for r in records
    )
    sql = "\n".join(f"{q['sql']}" for q in queries.captured_queries)
    dump = io.StringIO()
    call_command("dumpdata", stdout=dump)
    places = {"tables": every_row(), "dumpdata": dump.getvalue(), "logs": logged, "sql": sql,
              "cache": cached_values()}  # fmt: skip
    for name, response in responses.items():
        assert "no-store" in response["Cache-Control"], name
        assert not response.cookies and not response.has_header("Set-Cookie"), name
        assert not response.has_header("Location"), name
        places[f"{name} headers"] = repr(sorted(response.items()))
        places[f"{name} urls"] = b" ".join(URL_ATTRIBUTE.findall(response.content)).decode()
    for place, text in places.items():
        for probe in PROBES:
            assert probe not in text, (probe, place)


@pytest.mark.django_db
def test_the_builder_posts_to_its_own_address(client):
    html = client.get("/questions/").content.decode()
    assert '<form method="post" action="/questions/"' in html
    response = client.get("/questions/?own_1=" + PROBE)  # a link can never fill the sheet
    assert PROBE not in response.content.decode()
    assert "no-store" in response["Cache-Control"] and not response.cookies

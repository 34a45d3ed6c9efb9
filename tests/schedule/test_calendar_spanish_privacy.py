"""The calendar's privacy guarantees hold under /es/ as they do in English: nothing typed (or
worked out from it, now also in Spanish words) is stored, logged, queried, cached or put in a
URL, and every answer is no-store with no cookie. Each submission first proves it reached its
real, Spanish answer."""

import datetime as dt
import io
from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone
from icalendar import Calendar
from pypdf import PdfReader

from tests.test_privacy import (
    CALENDAR,
    DOSE,
    SECRETS,
    START,
    TODAY,
    URL_ATTRIBUTE,
    everything_recorded,
)

SPANISH_SECRETS = [*SECRETS, "martes 17 de marzo de 2026", "17 mar 2026"]
URL = "/es/schedule/"


def page(response) -> None:
    html = response.content.decode()
    assert "<h1>Su calendario de tratamiento</h1>" in html
    assert DOSE in html and "martes 17 de marzo de 2026" in html


def calendar_file(response) -> None:
    events = Calendar.from_ical(response.content).walk("VEVENT")
    infusion = next(event for event in events if "-c1d1-clinic@" in str(event["UID"]))
    assert infusion.decoded("DTSTART") == dt.date.fromisoformat(START)
    assert "goteo (IV) de isatuximab, infusión 1" in str(infusion["DESCRIPTION"])


def handout(response) -> None:
    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    assert DOSE in text and "martes 17 de marzo de 2026" in text and "Sus medicamentos" in text


def refilled(response) -> None:
    html = response.content.decode()
    assert "Hacer mi calendario" in html and "Hay un problema" not in html


def error(response) -> None:
    html = response.content.decode()
    assert "Hay un problema" in html and "El peso debe ser un número mayor que 0" in html


SUBMISSIONS = [
    (CALENDAR, page),
    ({**CALENDAR, "format": "ics"}, calendar_file),
    ({**CALENDAR, "format": "pdf"}, handout),
    ({**CALENDAR, "format": "edit"}, refilled),
    ({**CALENDAR, "weight": "-87.3"}, error),
]


@pytest.fixture
def answers(client, caplog, monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *args: TODAY)
    with everything_recorded(caplog) as (records, queries):
        results = [client.post(URL, data) for data, _ in SUBMISSIONS]
    for response, (_, is_real_answer) in zip(results, SUBMISSIONS, strict=True):
        assert response.status_code == 200
        is_real_answer(response)
    return results, queries, records


@pytest.mark.django_db
def test_nothing_typed_under_es_is_stored_queried_or_logged(answers):
    _, queries, records = answers
    dump = StringIO()
    call_command("dumpdata", stdout=dump)
    sql = "\n".join(query["sql"] for query in queries.captured_queries)
    logged = "\n".join(
        f"{r.getMessage()} {r.args!r} {getattr(r, 'request', '')!r}" for r in records
    )
    for secret in SPANISH_SECRETS:
        assert secret not in dump.getvalue()
        assert secret not in sql
        assert secret not in logged


@pytest.mark.django_db
def test_nothing_typed_under_es_is_cached_or_put_in_a_url(answers):
    results, _, _ = answers
    stored = b"".join(
        key.encode() + (value if isinstance(value, bytes) else repr(value).encode())
        for key, value in cache._cache.items()  # the test settings' local-memory cache
    )
    for response in results:
        assert not response.has_header("Location")
        assert "no-store" in response["Cache-Control"]
        assert not response.cookies
        for url in URL_ATTRIBUTE.findall(response.content):
            for secret in SPANISH_SECRETS:
                assert secret.encode() not in url, url
    for secret in SPANISH_SECRETS:
        assert secret.encode() not in stored


@pytest.mark.django_db
def test_the_spanish_form_posts_to_the_spanish_address(client):
    html = client.get(URL).content.decode()
    assert '<form method="post" action="/es/schedule/"' in html
    assert 'action="/es/schedule/wallet-card/"' in client.post(URL, CALENDAR).content.decode()

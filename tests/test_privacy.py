"""What a patient or nurse types into the tools is never stored, logged, cached or put in a URL.

Each test submits distinctive values through every output of the calendar and the wallet card,
then looks for those values everywhere they could leak: every database table, every log record
at every level, every SQL statement, every URL in the responses, and the caching headers.
"""

import datetime as dt
import io
import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from icalendar import Calendar
from pypdf import PdfReader

TODAY = dt.date(2026, 3, 10)  # before START, so the calendar begins at cycle 1
WEIGHT = "87.3"
DOSE = "873 mg"  # 10 mg per kg of 87.3 kg: proof that the typed weight was used
START = "2026-03-17"
START_WORDS = "Tuesday 17 March 2026"
NAME = "Zephyrine Quaglio-Ødegård"
CENTRE = "Lindqvist Haematology Unit"
PHONE = "+44 7700 900123"
CONTACT = "Bartholomew Xu"
CONTACT_PHONE = "+1 555 0199 872"
SCREEN = "2026-03-02"
SECRETS = [
    *(WEIGHT, START, NAME, CENTRE, PHONE, CONTACT, CONTACT_PHONE, SCREEN, "Quaglio"),
    *("2026, 3, 17", "2026, 3, 2"),  # the dates as Python writes date objects
    *(DOSE, START_WORDS, "17 Mar 2026"),  # what the server worked out from them
]

CALENDAR = {
    "regimen": "isa-kd",
    "weight": WEIGHT,
    "weight_unit": "kg",
    "start_date": START,
    "paper": "a4",
}
CARD = {
    "name": NAME,
    "start_date": START,
    "centre": CENTRE,
    "centre_phone": PHONE,
    "blood_group": "AB-",
    "screen_date": SCREEN,
    "contact_name": CONTACT,
    "contact_phone": CONTACT_PHONE,
    "paper": "a4",
    "layout": "sheet",
}


def html_of(response, *phrases: str) -> str:
    assert response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    for phrase in phrases:
        assert phrase in html, phrase
    return html


def calendar_page(response) -> None:
    html_of(response, "<h1>Your treatment calendar</h1>", DOSE, START_WORDS, "infusion 1;")


def calendar_file(response) -> None:
    assert response["Content-Type"].startswith("text/calendar")
    events = Calendar.from_ical(response.content).walk("VEVENT")
    infusion = next(event for event in events if "-c1d1-clinic@" in str(event["UID"]))
    assert infusion.decoded("DTSTART") == dt.date.fromisoformat(START)
    assert "isatuximab" in str(infusion["DESCRIPTION"])


def pdf_text(response) -> str:
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def calendar_pdf(response) -> None:
    text = pdf_text(response)
    assert DOSE in text and START_WORDS in text


def calendar_form_refilled(response) -> None:
    html_of(response, "Make my calendar", f'value="{WEIGHT}"')
    assert "There is a problem" not in response.content.decode()


def calendar_error(response) -> None:
    html_of(response, "There is a problem", "The weight must be a number above 0")


def card_form_prefilled(response) -> None:
    html_of(response, "We filled in the date you started", f'value="{START}"')


def card_pdf(response) -> None:
    text = pdf_text(response)
    for value in (NAME, CENTRE, PHONE, CONTACT, CONTACT_PHONE, "17 Mar 2026", "2 Mar 2026"):
        assert value in text, value


def card_error(response) -> None:
    html_of(response, "There is a problem", "Use only numbers", CONTACT)


# Each submission with the check that proves it reached its real answer: a leak can only be
# caught in an answer that was actually produced.
SUBMISSIONS = [
    ("/schedule/", CALENDAR, calendar_page),
    ("/schedule/", {**CALENDAR, "format": "ics"}, calendar_file),
    ("/schedule/", {**CALENDAR, "format": "pdf"}, calendar_pdf),
    ("/schedule/", {**CALENDAR, "format": "edit"}, calendar_form_refilled),
    ("/schedule/", {**CALENDAR, "weight": "-87.3"}, calendar_error),
    ("/schedule/wallet-card/", {"start_date": START, "from_calendar": "1"}, card_form_prefilled),
    ("/schedule/wallet-card/", CARD, card_pdf),
    ("/schedule/wallet-card/", {**CARD, "contact_phone": "call " + CONTACT_PHONE}, card_error),
]
URL_ATTRIBUTE = re.compile(rb"""(?:href|src|action|formaction)\s*=\s*["']([^"']*)["']""")


class Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@contextmanager
def everything_recorded(caplog) -> Iterator[tuple[list[logging.LogRecord], CaptureQueriesContext]]:
    """Inside the block every logger is open at DEBUG and every database query is captured:
    yields (the log records, the queries) for the privacy tests to search."""
    caplog.set_level(logging.DEBUG)
    collect = Collect()
    root = logging.getLogger()
    root.addHandler(collect)
    try:
        with CaptureQueriesContext(connection) as queries:
            yield collect.records, queries
    finally:
        root.removeHandler(collect)


@pytest.fixture
def responses(client, caplog, monkeypatch):
    """Submit everything once, with every logger open at DEBUG and every query captured, and
    check that each submission got its real answer before any test looks for leaks."""
    monkeypatch.setattr(timezone, "localdate", lambda *args: TODAY)
    with everything_recorded(caplog) as (records, queries):
        results = [client.post(url, data) for url, data, _ in SUBMISSIONS]
    for response, (_, _, is_real_answer) in zip(results, SUBMISSIONS, strict=True):
        assert response.status_code == 200
        is_real_answer(response)
    return results, queries, records


@pytest.mark.django_db
def test_it_stores_nothing_typed_in_any_table(responses):
    dump = StringIO()
    call_command("dumpdata", stdout=dump)
    for secret in SECRETS:
        assert secret not in dump.getvalue()


@pytest.mark.django_db
def test_it_sends_nothing_typed_to_the_database(responses):
    _, queries, _ = responses
    for query in queries.captured_queries:
        for secret in SECRETS:
            assert secret not in query["sql"]


@pytest.mark.django_db
def test_it_logs_nothing_typed_at_any_level(responses):
    _, _, records = responses
    logged = "\n".join(
        f"{record.getMessage()} {record.args!r} {getattr(record, 'request', '')!r}"
        for record in records
    )
    for secret in SECRETS:
        assert secret not in logged


@pytest.mark.django_db
def test_it_keeps_nothing_typed_in_the_server_cache(responses):
    stored = b"".join(
        key.encode() + (value if isinstance(value, bytes) else repr(value).encode())
        for key, value in cache._cache.items()  # the test settings' local-memory cache
    )
    for secret in SECRETS:
        assert secret.encode() not in stored


@pytest.mark.django_db
def test_it_puts_nothing_typed_in_a_url_or_a_browser_cache(responses):
    results, _, _ = responses
    for response in results:
        assert not response.has_header("Location")
        assert "no-store" in response["Cache-Control"]
        assert not response.cookies
        for url in URL_ATTRIBUTE.findall(response.content):
            for secret in SECRETS:
                assert secret.encode() not in url, url


@pytest.mark.django_db
def test_the_forms_post_and_never_use_get(client):
    for url in ("/schedule/", "/schedule/wallet-card/"):
        html = client.get(url).content.decode()
        forms = re.findall(r"<form\b[^>]*>", html)
        patient_forms = [form for form in forms if "/search/" not in form]
        assert patient_forms
        assert all('method="post"' in form for form in patient_forms), patient_forms


@pytest.mark.django_db
def test_error_reports_hide_every_posted_value(client):
    from django.views.debug import SafeExceptionReporterFilter

    response = client.post("/schedule/wallet-card/", CARD)
    request = response.wsgi_request
    cleansed = SafeExceptionReporterFilter().get_post_parameters(request)
    for key in CARD:
        assert cleansed[key] == SafeExceptionReporterFilter.cleansed_substitute


# --- Alert card v2 (issue 13): the last-dose and results-held-at fields, and the phone image.
# Kept in one function of its own so it merges cleanly with the tests above.

LAST_DOSE = "2026-03-05"
RESULTS_AT = "Ystradgynlais Transfusion Lab"
CARD_V2 = {
    **CARD,
    "start_date": "2025-12-01",
    "screen_date": "2025-11-20",
    "last_dose_date": LAST_DOSE,
    "results_held_at": RESULTS_AT,
}
CARD_V2_SECRETS = [
    *(NAME, CENTRE, PHONE, CONTACT, CONTACT_PHONE, LAST_DOSE, RESULTS_AT, "Ystradgynlais"),
    *("2026, 3, 5", "5 Mar 2026", "5 Sep 2026"),  # as Python writes it; printed; carry-until
]


@pytest.mark.django_db
def test_the_card_v2_fields_and_the_phone_image_are_kept_nowhere(client, caplog, monkeypatch):
    import zxingcpp
    from PIL import Image

    monkeypatch.setattr(timezone, "localdate", lambda *args: TODAY)
    with everything_recorded(caplog) as (records, queries):
        pdf = client.post("/schedule/wallet-card/", CARD_V2)
        image = client.post("/schedule/wallet-card/", {**CARD_V2, "output": "image"})
        error = client.post("/schedule/wallet-card/", {**CARD_V2, "last_dose_date": "2027-01-01"})
    # Each reached its real answer: the PDF shows the new fields, the image is the card with
    # its QR code, the error page says what is wrong and refills the form.
    text = pdf_text(pdf)
    assert "5 Mar 2026" in text and "5 Sep 2026" in text and RESULTS_AT in text
    assert image["Content-Type"] == "image/png"
    picture = Image.open(io.BytesIO(image.content))
    assert picture.size == (1080, 2340)
    assert [code.text for code in zxingcpp.read_barcodes(picture)] == [
        "http://testserver/for-blood-banks/"
    ]
    html_of(error, "There is a problem", "cannot be in the future", f'value="{RESULTS_AT}"')

    dump = StringIO()
    call_command("dumpdata", stdout=dump)
    logged = "\n".join(f"{r.getMessage()} {r.args!r}" for r in records)
    sql = "\n".join(query["sql"] for query in queries.captured_queries)
    stored = repr(list(cache._cache.items()))
    for response in (pdf, image, error):
        assert "no-store" in response["Cache-Control"] and not response.cookies
        assert not response.has_header("Location")
        headers = repr(sorted(response.items()))
        urls = b" ".join(URL_ATTRIBUTE.findall(response.content)).decode("latin-1")
        for secret in CARD_V2_SECRETS:
            assert secret not in headers and secret not in urls, secret
    for secret in CARD_V2_SECRETS:
        for place in (dump.getvalue(), logged, sql, stored):
            assert secret not in place, secret

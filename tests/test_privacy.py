"""What a patient or nurse types into the tools is never stored, logged, cached or put in a URL.

Each test submits distinctive values through every output of the calendar and the wallet card,
then looks for those values everywhere they could leak: every database table, every log record
at every level, every SQL statement, every URL in the responses, and the caching headers.
"""

import logging
import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

WEIGHT = "87.3"
START = "2026-03-17"
NAME = "Zephyrine Quaglio-Ødegård"
CENTRE = "Lindqvist Haematology Unit"
PHONE = "+44 7700 900123"
CONTACT = "Bartholomew Xu"
CONTACT_PHONE = "+1 555 0199 872"
SCREEN = "2026-03-02"
SECRETS = [WEIGHT, START, NAME, CENTRE, PHONE, CONTACT, CONTACT_PHONE, SCREEN, "Quaglio"]

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
SUBMISSIONS = [
    ("/schedule/", CALENDAR),
    ("/schedule/", {**CALENDAR, "format": "ics"}),
    ("/schedule/", {**CALENDAR, "format": "pdf"}),
    ("/schedule/", {**CALENDAR, "format": "edit"}),
    ("/schedule/", {**CALENDAR, "weight": "-87.3"}),  # an error page echoes the form
    ("/schedule/wallet-card/", {"start_date": START, "from_calendar": "1"}),
    ("/schedule/wallet-card/", CARD),
    ("/schedule/wallet-card/", {**CARD, "contact_phone": "call " + CONTACT_PHONE}),
]
URL_ATTRIBUTE = re.compile(rb"""(?:href|src|action|formaction)\s*=\s*["']([^"']*)["']""")


class Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture
def responses(client, caplog):
    """Submit everything once, with every logger open at DEBUG and every query captured."""
    caplog.set_level(logging.DEBUG)
    collect = Collect()
    root = logging.getLogger()
    root.addHandler(collect)
    try:
        with CaptureQueriesContext(connection) as queries:
            results = [client.post(url, data) for url, data in SUBMISSIONS]
    finally:
        root.removeHandler(collect)
    return results, queries, collect.records


@pytest.mark.django_db
def test_it_stores_nothing_typed_in_any_table(responses):
    results, _, _ = responses
    assert all(response.status_code == 200 for response in results)
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
def test_it_puts_nothing_typed_in_a_url_or_a_cache(responses):
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

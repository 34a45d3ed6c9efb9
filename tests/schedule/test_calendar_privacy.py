"""The handout's typed lines (patient name, clinic name, 24-hour phone) and every other value of
the whole-regimen calendar reach the outputs they belong to and are never kept anywhere else.

Each test first checks the real answer (the PDF really prints the name, the page really carries
it in a hidden field), then looks for every typed value in every log record at every level,
every table, every SQL statement, every cached entry, every URL and every header.
"""

import io
import pickle
import re
from io import StringIO

import pytest
from django.core.cache import caches
from django.core.management import call_command
from pypdf import PdfReader

from tests.test_privacy import everything_recorded

NAME = "Wilhelmina Ąbrahamsdóttir"
CLINIC = "Quillfeather Myeloma Day Unit"
PHONE = "+44 7700 900456"
WEIGHT = "154"
DAYS = "1-13"
SECRETS = [NAME, CLINIC, PHONE, "Abrahamsd", "Quillfeather", "900456"]
FORM = {
    "regimen": "isa-pd",
    "weight": WEIGHT,
    "weight_unit": "kg",
    "start_date": "2026-02-17",
    "patient_name": NAME,
    "clinic_name": CLINIC,
    "clinic_phone": PHONE,
    "days_isa-pd_pomalidomide_0": DAYS,
    "delay1_number": "2",
    "delay1_days": "3",
    "holidays": "GB-SCT",
    "paper": "letter",
}
ANSWERED = {**FORM, "weight_checked": "154 lb"}
SUBMISSIONS = [
    ("question", FORM),
    ("page", ANSWERED),
    ("ics", {**ANSWERED, "format": "ics", "ics_tablets": "on", "ics_past": "on"}),
    ("pdf", {**ANSWERED, "format": "pdf"}),
    ("edit", {**ANSWERED, "format": "edit"}),
    ("error", {**ANSWERED, "delay1_days": "999"}),
]
URL_ATTRIBUTE = re.compile(rb"""(?:href|src|action|formaction)\s*=\s*["']([^"']*)["']""")


@pytest.fixture
def answers(client, caplog):
    with everything_recorded(caplog) as (records, queries):
        results = {kind: client.post("/schedule/", data) for kind, data in SUBMISSIONS}
    return results, queries, records


def pdf_text(response) -> str:
    reader = PdfReader(io.BytesIO(response.content))
    return "\n".join(page.extract_text() for page in reader.pages).replace("\n", " ")


@pytest.mark.django_db
def test_the_typed_lines_reach_the_handout_and_only_the_handout(answers):
    results, _, _ = answers
    assert "You entered 154 kg (340 lb)" in results["question"].content.decode()
    text = pdf_text(results["pdf"])
    assert f"For: {NAME}" in text and f"call {CLINIC} on {PHONE}" in text
    assert "699 mg" in text  # the answered question: 154 lb
    page = results["page"].content.decode()
    assert f'name="patient_name" value="{NAME}"' in page  # carried for the downloads only
    ics = results["ics"].content.decode()
    assert "BEGIN:VEVENT" in ics and "pomalidomide capsule" in ics
    # Issue 24: the clinic's own 24-hour number is in the .ics (to call on the day); nothing
    # about the patient is (a calendar is often synced elsewhere).
    assert f"day or night (24 hours): {PHONE}" in ics.replace("\r\n ", "")
    for secret in [NAME, CLINIC, "Abrahamsd", "Quillfeather", WEIGHT + " ", "699 mg"]:
        assert secret not in ics
    for kind in ("question", "edit", "error"):
        assert NAME in results[kind].content.decode()  # the form keeps what was typed


@pytest.mark.django_db
def test_nothing_typed_is_logged_stored_or_queried(answers):
    results, queries, records = answers
    assert all(response.status_code == 200 for response in results.values())
    logged = "\n".join(
        f"{r.getMessage()} {r.args!r} {getattr(r, 'request', '')!r} {r.exc_text or ''}"
        for r in records
    )
    dump = StringIO()
    call_command("dumpdata", stdout=dump)
    sql = "\n".join(query["sql"] for query in queries.captured_queries)
    for secret in SECRETS:
        assert secret not in logged
        assert secret not in dump.getvalue()
        assert secret not in sql


@pytest.mark.django_db
def test_nothing_typed_is_cached_or_put_in_a_url(answers):
    results, _, _ = answers
    for cache in caches.all():
        stored = getattr(cache, "_cache", {})
        blob = b"".join(pickle.dumps(value) for value in stored.values())
        for secret in SECRETS:
            assert secret.encode() not in blob
            assert not any(secret in str(key) for key in stored)
    for response in results.values():
        assert "no-store" in response["Cache-Control"]
        assert not response.has_header("Location")
        assert not response.cookies
        for header, value in response.items():
            for secret in SECRETS:
                assert secret not in value, header
        for url in URL_ATTRIBUTE.findall(response.content):
            for secret in SECRETS:
                assert secret.encode() not in url, url

"""Issue 10's speed targets (pytest-benchmark, `make bench` only, marker `bench`): a two-year
whole-regimen calendar (Isa-Kd, the most clinic days; every medicine; tablet reminders and past
days on; public holidays; the handout's typed lines) answered through the view. HTML and .ics
at most 50 ms each, the handout PDF at most 150 ms (median). Each benchmark first checks that
what it timed is the real answer."""

import io

import pytest
from django.utils import timezone
from icalendar import Calendar
from pypdf import PdfReader

from .data import TODAY, assert_within

pytestmark = [pytest.mark.bench, pytest.mark.django_db]
TWO_YEARS = {
    "regimen": "isa-kd",
    "weight": "70",
    "weight_unit": "kg",
    "start_date": TODAY.isoformat(),
    "first_cycle": "1",
    "last_cycle": "26",
    "holidays": "GB-ENG",
    "ics_tablets": "on",
    "ics_past": "on",
    "patient_name": "Ana Quintela Silva",
    "clinic_name": "City Hospital",
    "clinic_phone": "+1 (555) 010-0000",
    "paper": "a4",
}


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *args: TODAY)


def test_it_answers_the_two_year_result_page(benchmark, client):
    response = benchmark(client.post, "/schedule/", TWO_YEARS)
    html = response.content.decode()
    assert "Today is cycle 1, day 1." in html and "<caption>February 2028</caption>" in html
    assert html.count('<td class="is-clinic') >= 26 * 6
    assert_within(benchmark, 50)


def test_it_answers_the_two_year_ics(benchmark, client):
    response = benchmark(client.post, "/schedule/", {**TWO_YEARS, "format": "ics"})
    events = list(Calendar.from_ical(response.content).walk("VEVENT"))
    clinic = [e for e in events if str(e["SUMMARY"]).startswith("Clinic:")]
    home = [e for e in events if str(e["SUMMARY"]).startswith("At home:")]
    assert len(clinic) == 7 + 25 * 6 and len(home) == 1 + 25 * 2
    assert_within(benchmark, 50)


def test_it_answers_the_two_year_handout_pdf(benchmark, client):
    response = benchmark(client.post, "/schedule/", {**TWO_YEARS, "format": "pdf"})
    reader = PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) >= 25
    assert "For: Ana Quintela Silva" in reader.pages[0].extract_text()
    assert_within(benchmark, 150)

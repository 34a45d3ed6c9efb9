"""Issue 25: numbers the Spanish way on every Spanish output, through one helper
(``isatuximab_portal/lib/number_format.py``). At 112.5 kg the dose is 1125 mg: a Spanish reader
takes "1,125 mg" for about one milligram, so under /es/ it must read "1125 mg" and "112,5 kg"
on the page, the handout, the .ics and in the messages, and English stays as it was."""

import datetime as dt
import io
import re

import pytest
from django.utils import timezone
from icalendar import Calendar
from pypdf import PdfReader

from tests.schedule.test_calendar_spanish import VALID, text_of
from tests.schedule.test_card_views_spanish import FILLED as CARD

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 3, 10)
HEAVY = {**VALID, "weight": "112,5"}
MISREAD = re.compile(r"\b1[.,]125\b|\b112\.5\b|\b56\.3\b")


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *args: TODAY)


def pdf_text(response) -> str:
    reader = PdfReader(io.BytesIO(response.content))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_the_spanish_page_writes_the_dose_without_a_thousands_mark(client):
    text = text_of(client.post("/es/schedule/", HEAVY))
    assert "1125 mg" in text and "112,5 kg" in text and "56,3 mL" in text
    assert not MISREAD.search(text), MISREAD.search(text)


def test_the_spanish_page_accepts_a_decimal_point_too(client):
    text = text_of(client.post("/es/schedule/", {**HEAVY, "weight": "112.5"}))
    assert "1125 mg" in text and "112,5 kg" in text


def test_the_spanish_handout_writes_the_dose_the_spanish_way(client):
    text = pdf_text(client.post("/es/schedule/", {**HEAVY, "format": "pdf"}))
    assert "1125 mg" in text and "112,5 kg" in text
    assert "100,4" in text  # the fever threshold in °F on the help box
    assert not MISREAD.search(text) and "100.4" not in text


def test_the_spanish_ics_holds_no_misreadable_dose(client):
    """The .ics carries no weight or dose at all (schedule/ics.py: calendars are synced
    elsewhere), so at 112,5 kg it must hold neither form of the number, and its reminder
    says "Para mañana", never a bare "Mañana" (read as "morning")."""
    response = client.post("/es/schedule/", {**HEAVY, "format": "ics"})
    calendar = Calendar.from_ical(response.content)
    texts = " ".join(
        f"{event['SUMMARY']} {event.get('DESCRIPTION', '')}" for event in calendar.walk("VEVENT")
    )
    assert not MISREAD.search(texts) and "1125" not in texts and "112,5" not in texts
    alarms = [str(alarm["DESCRIPTION"]) for alarm in calendar.walk("VALARM")]
    assert alarms and all(alarm.startswith("Para mañana: ") for alarm in alarms)


def test_the_english_page_keeps_its_english_numbers(client):
    text = text_of(client.post("/schedule/", HEAVY))
    assert "1,125 mg" in text and "112.5 kg" in text and "56.3 mL" in text


def test_spanish_messages_and_pages_use_the_decimal_comma(client):
    text = text_of(client.post("/es/schedule/", {**HEAVY, "weight": "154"}))
    assert "69,9 kg" in text and "69.9" not in text
    page = text_of(client.get("/es/schedule/"))
    assert "70,5" in page and "70.5" not in page
    help_page = text_of(client.get("/es/get-help/"))
    assert "100,4" in help_page and "100.4" not in help_page
    assert "100.4" in text_of(client.get("/get-help/"))


def test_the_spanish_card_sheet_gives_the_card_size_with_decimal_commas(client):
    text = pdf_text(client.post("/es/schedule/wallet-card/", CARD))
    assert "85,6 mm" in text and "3,37" in text and "85.6" not in text

"""Issue 21: typed bortezomib days less than 72 hours apart are warned about (FACTS-backbone
6.7) on the result page and the handout, and never block the calendar."""

import datetime as dt
import io

import pytest
from django.utils import timezone
from pypdf import PdfReader

from schedule.plan import build_schedule

pytestmark = pytest.mark.django_db
URL = "/schedule/"
FORM = {
    "regimen": "isa-vrd",
    "weight": "83.4",
    "weight_unit": "kg",
    "start_date": "2026-01-05",
    "first_cycle": "1",
    "last_cycle": "1",
    "paper": "a4",
    "days_isa-vrd_bortezomib_0": "1, 2, 3, 8",
    # Only the bortezomib days are typed: the nurse ticks that the others are not shown (issue 24).
    "others_off": "on",
}
WARNING = "doses need at least 72 hours (3 days) between them"


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *args: dt.date(2026, 1, 1))


def test_three_days_running_warn_on_the_page_and_still_show_the_calendar(client):
    html = client.post(URL, FORM).content.decode()
    assert WARNING in html
    assert "Monday 5 January 2026 and Tuesday 6 January 2026" in html
    assert "Wednesday 7 January 2026" in html  # the typed days are still shown: never blocking


def test_the_handout_carries_the_same_warning(client):
    pdf = client.post(URL, {**FORM, "format": "pdf"}).content
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert WARNING in " ".join(text.split())


def test_the_usual_spacing_gives_no_warning(client):
    html = client.post(URL, {**FORM, "days_isa-vrd_bortezomib_0": "1, 4, 8, 11"}).content.decode()
    assert WARNING not in html
    schedule = build_schedule("isa-vrd-induction", dt.date(2026, 1, 5), dt.date(2026, 1, 1))
    assert not any(WARNING in note for note in schedule.notes)

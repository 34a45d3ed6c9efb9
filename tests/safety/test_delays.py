"""Issue 21: a delayed drip moves the drips and clinic visits; the home capsules are neither
dropped nor moved: the delay days ask the patient to check with the team, on the page, the
handout and in the .ics (FACTS-backbone 6.3, 6.8; FACTS-partner-drugs P1c)."""

import datetime as dt
import io

import pytest
from django.utils import timezone
from icalendar import Calendar
from pypdf import PdfReader

pytestmark = pytest.mark.django_db
ASK = "Ask your team whether to keep taking your capsules during the delay."
NOT_MOVED = "A capsule you miss is not moved to a later day."
# Isa-Pd, infusion 3 (cycle 1 day 15, Monday 19 January 2026) given 2 days late.
FORM = {
    "regimen": "isa-pd", "weight": "70", "weight_unit": "kg", "start_date": "2026-01-05",
    "first_cycle": "1", "last_cycle": "2", "paper": "a4", "delay1_kind": "infusion",
    "delay1_number": "3", "delay1_days": "2",
}  # fmt: skip


@pytest.fixture(autouse=True)
def today_is_the_delay(monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *args: dt.date(2026, 1, 19))


def test_the_capsules_of_the_delay_days_stay_in_the_next_7_days_with_the_question(client):
    html = " ".join(client.post("/schedule/", FORM).content.decode().split())
    for day in ("Monday 19 January 2026", "Tuesday 20 January 2026"):
        row = html[html.index(day) :]
        row = row[: row.index("</tr>")]
        assert "pomalidomide capsule" in row and ASK in row, day
    week = html[html.index('id="home-week"') :] if 'id="home-week"' in html else html
    assert "Mon 19 Jan" in week and "Tue 20 Jan" in week  # not dropped from the week
    assert NOT_MOVED in html
    assert "every later date of every medicine" not in html


def test_the_handout_and_the_ics_say_the_same(client):
    pdf = client.post("/schedule/", {**FORM, "format": "pdf"}).content
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())
    assert "Monday 19 January 2026: " + ASK in text and NOT_MOVED in text
    data = client.post("/schedule/", {**FORM, "format": "ics", "ics_tablets": "on"}).content
    events = Calendar.from_ical(data).walk("VEVENT")
    asked = {e.decoded("DTSTART") for e in events if ASK in str(e.get("DESCRIPTION"))}
    assert {dt.date(2026, 1, 19), dt.date(2026, 1, 20)} <= asked
    assert NOT_MOVED in str(Calendar.from_ical(data).get("DESCRIPTION"))
    uids = [str(e.get("UID")) for e in events]
    assert len(uids) == len(set(uids))

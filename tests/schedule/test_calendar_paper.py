"""Issue 24: calendars that never mislead, on paper and in the .ics.

The handout PDF is read back with pypdf (text) and pypdfium2 (each character's font size);
the .ics is parsed with icalendar."""

import dataclasses
import datetime as dt
import io
from decimal import Decimal

import pypdfium2 as pdfium
from icalendar import Calendar
from pypdf import PdfReader

from schedule.delays import CYCLE, Delay
from schedule.dose import calculate_dose
from schedule.ics import render_ics
from schedule.pdf.calendar import Handout, render_calendar_pdf
from schedule.plan import build_schedule
from schedule.public_holidays import holiday_lookup
from schedule.wording import describe_days

START = dt.date(2026, 1, 5)  # a Monday: the blood-test reminder (the day before) is a Sunday
BEFORE = dt.date(2025, 12, 1)
BANNER = "Your other medicines are NOT shown here."


def imroz(today=START):
    schedule = build_schedule("isa-vrd", START, today, first_cycle=1, last_cycle=2)
    return dataclasses.replace(schedule, others_missing=True)


NO_LINES = Handout()


def handout_pdf(schedule, handout=NO_LINES, made_on=START) -> bytes:
    return render_calendar_pdf(schedule, calculate_dose(Decimal(70)), "a4", handout, made_on)


def texts(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def test_the_imroz_handout_carries_the_banner_on_every_page_and_never_nothing():
    pages = texts(handout_pdf(imroz()))
    flat = [page.replace("\n", " ") for page in pages]
    assert all(BANNER in page for page in flat), "first page and every month page"
    joined = " ".join(flat)
    assert "Nothing" not in joined and "No tablets or capsules" not in joined
    assert "optional part of the form" not in joined  # the old team note is not shown


def test_a_complete_calendar_has_no_banner():
    schedule = build_schedule("isa-pd", START, START, first_cycle=1, last_cycle=1)
    assert BANNER not in " ".join(texts(handout_pdf(schedule))).replace("\n", " ")


def test_the_handout_states_its_cycles_and_print_date_and_never_today():
    schedule = build_schedule("isa-kd", START, dt.date(2026, 1, 9))
    pages = texts(handout_pdf(schedule, made_on=dt.date(2026, 1, 9)))
    first = pages[0].replace("\n", " ")
    assert f"Covers cycles 1 to {schedule.last_cycle} (Monday 5 January 2026 to " in first
    assert "Treatment usually goes on after this: ask for your next calendar." in first
    assert "Printed on Friday 9 January 2026." in first
    assert not any("TODAY" in page or "Today is" in page for page in pages)


def test_the_last_cycle_of_a_fixed_course_says_so():
    schedule = build_schedule("isa-vrd-induction", START, START, first_cycle=1, last_cycle=3)
    first = texts(handout_pdf(schedule))[0].replace("\n", " ")
    assert "This is the last cycle of Isa-VRd before transplant." in first
    assert "Treatment usually goes on" not in first


def test_month_cells_tell_clinic_and_home_apart_in_words_and_symbols():
    schedule = build_schedule("isa-pd", START, START, first_cycle=2, last_cycle=2)
    month = next(p for p in texts(handout_pdf(schedule)) if p.startswith("February 2026"))
    # Cycle 2 day 1 (2 February): isatuximab and dexamethasone at the clinic, pomalidomide home.
    # Cycle 2 day 8 (9 February): dexamethasone is a tablet at home.
    assert "✚ Clinic:\n● Isa 5\n■ Dex\n⌂ Home:\n○ Pom" in month
    assert "9\n⌂ Home:\n○ Pom\n■ Dex" in month


def cell_font_sizes(pdf: bytes, title: str) -> list[float]:
    """Font sizes of the medicine symbols and the "Clinic"/"Home" words on the month page that
    starts with `title` (they are only in the grid's cells: the key under it is bold)."""
    document = pdfium.PdfDocument(pdf)
    pages = [document[i] for i in range(len(document))]
    text = next(
        t for t in (p.get_textpage() for p in pages) if t.get_text_range().startswith(title)
    )
    sizes = []
    for index in range(text.count_chars()):
        if text.get_text_range(index, 1) in "●■○⌂✚":
            sizes.append(round(pdfium.raw.FPDFText_GetFontSize(text.raw, index), 1))
    return sizes


def test_the_large_print_handout_has_cells_of_14_points_or_more():
    schedule = build_schedule("isa-pd", START, START, first_cycle=1, last_cycle=1)
    standard = cell_font_sizes(handout_pdf(schedule), "January 2026")
    large = cell_font_sizes(handout_pdf(schedule, Handout(large_print=True)), "January 2026")
    assert standard and min(standard) < 10
    assert large and min(large) >= 14


def test_a_long_calendar_says_a_delay_once_per_cycle():
    delay = Delay(CYCLE, 2, 7, 1)
    schedule = build_schedule("isa-pd", START, START, None, (delay,), 1, 8)
    views = describe_days(schedule, None, START)
    moved = [v for v in views if v.moved]
    assert [v.day.cycle for v in moved] == list(range(2, 9))
    assert all(v.day.day == 1 for v in moved)


def ics(schedule, **options) -> Calendar:
    now = dt.datetime(2025, 12, 1, 8, 30, tzinfo=dt.UTC)
    return Calendar.from_ical(render_ics(schedule, now, **options))


def test_the_ics_carries_the_banner_and_the_clinic_phone():
    calendar = ics(imroz(BEFORE), phone="0123 456 789")
    assert BANNER in str(calendar["X-WR-CALDESC"])
    events = list(calendar.walk("VEVENT"))
    clinic = [e for e in events if str(e["SUMMARY"]).startswith("Clinic")]
    assert clinic and all(BANNER in str(e["DESCRIPTION"]) for e in clinic)
    assert all("day or night (24 hours): 0123 456 789." in str(e["DESCRIPTION"]) for e in events)


def test_the_blood_test_reminder_on_a_sunday_says_so():
    schedule = build_schedule("isa-pd", START, BEFORE, first_cycle=1, last_cycle=1)
    event = next(e for e in ics(schedule).walk("VEVENT") if "blood type" in str(e["SUMMARY"]))
    assert event.decoded("DTSTART") == dt.date(2026, 1, 4)
    assert "This is a Sunday: check the day with your team." in str(event["DESCRIPTION"])


def test_a_reminder_on_a_public_holiday_says_so():
    start = dt.date(2026, 12, 26)  # the reminder is on Christmas Day (a Friday)
    holidays = holiday_lookup("GB-ENG", range(2026, 2028))
    schedule = build_schedule("isa-pd", start, BEFORE, first_cycle=1, last_cycle=1)
    event = next(
        e for e in ics(schedule, holidays=holidays).walk("VEVENT") if "blood" in str(e["SUMMARY"])
    )
    assert "This is a public holiday (Christmas Day)" in str(event["DESCRIPTION"])


def test_without_a_phone_or_banner_the_ics_says_neither():
    schedule = build_schedule("isa-pd", START, BEFORE, first_cycle=1, last_cycle=1)
    calendar = ics(schedule)
    assert "X-WR-CALDESC" not in calendar
    assert "24 hours" not in calendar.to_ical().decode()


def test_ics_descriptions_say_clinic_and_home_in_words_and_symbols():
    schedule = build_schedule("isa-pd", START, BEFORE, first_cycle=1, last_cycle=1)
    events = list(ics(schedule, tablets=True).walk("VEVENT"))
    first = next(e for e in events if e.decoded("DTSTART") == START and "Clinic" in e["SUMMARY"])
    assert (
        "✚ At the clinic: isatuximab drip (IV), infusion 1; dexamethasone." in first["DESCRIPTION"]
    )
    assert "⌂ At home: pomalidomide capsule." in first["DESCRIPTION"]
    home = next(e for e in events if str(e["SUMMARY"]).startswith("At home: pomalidomide"))
    assert "⌂ At home: pomalidomide capsule." in str(home["DESCRIPTION"])

import datetime as dt
from decimal import Decimal

import pytest

from schedule import wording
from schedule.plan import PREMEDICINE_MINUTES, Delay, build_plan

START = dt.date(2026, 1, 5)


def make(slug="isa-vrd", first=1, last=17, delay=None, today=START):
    return build_plan(slug, START, Decimal("83.4"), "kg", today, first, last, delay)


@pytest.mark.parametrize(
    ("number", "text"),
    [
        (1, "about 3 hours 20 minutes"),
        (2, "about 1 hour 53 minutes"),
        (3, "about 75 minutes"),
        (40, "about 75 minutes"),
    ],
)
def test_it_gives_the_expected_infusion_time(number, text):
    row = wording.infusion_row(make().infusions[number - 1])
    assert row.expected_time == text


def test_it_formats_long_durations_in_hours():
    assert wording.duration_text(Decimal(120)) == "about 2 hours 0 minutes"
    assert wording.duration_text(Decimal(90)) == "about 90 minutes"


def test_it_takes_the_premedicine_window_from_its_constant():
    earliest, latest = PREMEDICINE_MINUTES
    assert f"medicines {earliest} to {latest} minutes before" in wording.PREMEDICINES
    assert wording.PREMEDICINES in wording.TIMES


def test_it_summarises_the_plan_in_one_list_for_the_page_and_the_pdf():
    items = {item.label: item.value for item in wording.summary_items(make(first=1, last=3))}
    assert items == {
        "Treatment": "Isa-VRd: isatuximab with bortezomib, lenalidomide and dexamethasone "
        "(approved in the US and the EU)",
        "First infusion (cycle 1, day 1)": "Monday 5 January 2026",
        "Shown here": "Cycles 1 to 3: 11 infusions",
        "Estimated dose": "834 mg (41.7 mL of medicine) for a weight of 83.4 kg",
    }


def test_it_counts_a_single_infusion_without_a_plural():
    plan = make(slug="isa-vrd", first=18, last=18)
    shown = wording.summary_items(plan)[2]
    assert shown.value == "Cycles 18 to 18: 1 infusion"


def test_it_describes_a_delay_and_marks_the_moved_rows():
    plan = make(slug="isa-pd", first=1, last=2, delay=Delay(3, 4))
    assert "Infusion 3 and every infusion after it are moved 4 days later." in (
        wording.status_lines(plan)
    )
    rows = [wording.infusion_row(infusion) for infusion in plan.infusions]
    assert [row.moved for row in rows] == [False, False, True, True, True, True]
    assert rows[2].date == "Friday 23 January 2026"


def test_it_writes_the_calendar_event_details():
    plan = make(slug="isa-pd", first=1, last=1)
    infusion = plan.infusions[2]
    assert wording.infusion_title(infusion) == "Isatuximab infusion 3 (cycle 1, day 15)"
    details = wording.infusion_details(plan, infusion)
    assert details[1].startswith("Expected infusion time: about 75 minutes if there is no")
    assert details[-1] == wording.DATE_ESTIMATE


def test_it_dates_the_made_on_line_in_words():
    assert wording.made_on(dt.date(2026, 3, 10)) == "Made on Tuesday 10 March 2026."

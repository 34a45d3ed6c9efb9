import datetime as dt
from decimal import Decimal

import pytest

from schedule import wording
from schedule.plan import build_schedule
from schedule.wording import PREMEDICINE_MINUTES

START = dt.date(2026, 1, 5)


def make(slug="isa-vrd", first=1, last=17, today=START):
    return build_schedule(slug, START, today, first_cycle=first, last_cycle=last)


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
    infusions = [day.infusion for day in make().days if day.infusion]
    assert wording.expected_time(infusions[number - 1]) == text


def test_it_formats_long_durations_in_hours():
    assert wording.duration_text(Decimal(120)) == "about 2 hours 0 minutes"
    assert wording.duration_text(Decimal(90)) == "about 90 minutes"


def test_it_takes_the_premedicine_window_from_its_constant():
    earliest, latest = PREMEDICINE_MINUTES
    assert f"medicines {earliest} to {latest} minutes before" in wording.PREMEDICINES
    assert wording.PREMEDICINES in wording.TIMES


def test_it_dates_the_made_on_line_in_words():
    assert wording.made_on(dt.date(2026, 3, 10)) == "Made on Tuesday 10 March 2026."


@pytest.mark.parametrize(
    ("today", "text"),
    [
        (dt.date(2025, 12, 30), "Your treatment starts on Monday 5 January 2026 (cycle 1, day 1)."),
        (dt.date(2026, 2, 4), "Today is cycle 1, day 31."),
        (dt.date(2026, 6, 1), "All the treatment days of Isa-VRd before transplant were before "
         "today. Your care team will tell you what comes next."),
    ],
)  # fmt: skip
def test_it_says_where_today_is_in_the_treatment(today, text):
    assert wording.today_text(make("isa-vrd-induction", 1, 3, today=today)) == text


def test_it_writes_each_day_and_the_legend_in_plain_words():
    schedule = make("isa-kd", 1, 1)
    first, last_home = schedule.days[0], schedule.days[-1]
    assert wording.items_text(first.clinic_items) == (
        "dexamethasone; isatuximab drip (IV), infusion 1; carfilzomib drip (IV)"  # FACTS 3a order
    )
    assert wording.items_text(last_home.home_items) == "dexamethasone tablet"
    assert wording.day_label(first) == "■ Dex ● Isa 1 ▲ Car"
    legend = [entry.text for entry in wording.legend(schedule)]
    assert (
        "carfilzomib drip (IV) at the clinic, days 1, 2, 8, 9, 15 and 16 of every cycle" in legend
    )
    assert wording.source_note(schedule) is None
    assert wording.source_note(make("isa-vrd-induction", 1, 1)) == wording.TRIAL_NOTE
    assert wording.source_note(make("isa-vrd", 1, 1)) == wording.TEAM_NOTE


def test_the_no_extra_dexamethasone_rule_is_said_only_where_the_label_confirms_it():
    assert wording.dexamethasone_note(make("isa-pd", 1, 1)) == wording.NO_EXTRA_DEX
    assert wording.dexamethasone_note(make("isa-kd", 1, 1)) == wording.NO_EXTRA_DEX
    assert wording.dexamethasone_note(make("isa-vrd-induction", 1, 1)) is None  # UNCONFIRMED
    assert wording.dexamethasone_note(make("isa-vrd", 1, 1)) is None

import datetime as dt
from decimal import Decimal

import pytest

from schedule.plan import Delay, PlanError, build_plan

START = dt.date(2026, 1, 5)  # FACTS.md 12e: C1D1 on a Monday


def make(slug="isa-pd", start=START, today=None, first=None, last=None, delay=None):
    return build_plan(slug, start, Decimal(70), "kg", today or start, first, last, delay)


def dates(plan):
    return [i.date.isoformat() for i in plan.infusions]


PD_C1_C3 = [
    "2026-01-05", "2026-01-12", "2026-01-19", "2026-01-26",
    "2026-02-02", "2026-02-16", "2026-03-02", "2026-03-16",
]  # fmt: skip
IMROZ_C1_C3 = [
    "2026-01-05", "2026-01-12", "2026-01-19", "2026-01-26", "2026-02-02",
    "2026-02-16", "2026-03-02", "2026-03-16",
    "2026-03-30", "2026-04-13", "2026-04-27",
]  # fmt: skip


@pytest.mark.parametrize(
    ("slug", "first", "last", "expected"),
    [
        ("isa-pd", 1, 3, PD_C1_C3),
        ("isa-kd", 1, 3, PD_C1_C3),
        ("isa-vrd", 1, 3, IMROZ_C1_C3),
        ("isa-vrd", 4, 4, ["2026-05-11", "2026-05-25", "2026-06-08"]),
        ("isa-vrd", 5, 5, ["2026-06-22", "2026-07-06"]),
        ("isa-vrd", 6, 6, ["2026-07-20", "2026-08-03"]),
        ("isa-vrd", 12, 12, ["2027-01-04", "2027-01-18"]),
        ("isa-vrd", 17, 17, ["2027-05-24", "2027-06-07"]),
        ("isa-vrd", 18, 18, ["2027-06-21"]),
        ("isa-vrd", 19, 19, ["2027-07-19"]),
        ("isa-vrd-induction", 1, 3, IMROZ_C1_C3),
    ],
)
def test_it_matches_the_facts_12e_vectors(slug, first, last, expected):
    assert dates(make(slug, first=first, last=last)) == expected


@pytest.mark.parametrize(
    ("slug", "cycle", "last_number"),
    [
        ("isa-pd", 3, 8),
        ("isa-kd", 3, 8),
        ("isa-vrd", 4, 14),
        ("isa-vrd", 17, 40),
        ("isa-vrd-induction", 3, 11),
    ],
)
def test_it_numbers_infusions_from_the_start_of_treatment(slug, cycle, last_number):
    plan = make(slug, first=cycle, last=cycle)
    assert plan.infusions[-1].number == last_number


def test_it_stops_the_induction_regimen_after_the_last_dose_on_27_april():
    plan = make("isa-vrd-induction", first=1, last=9)
    assert len(plan.infusions) == 11
    assert plan.infusions[-1].date == dt.date(2026, 4, 27)
    assert plan.last_cycle == 3
    assert any("only 3 cycles" in note for note in plan.notes)


def test_it_switches_from_42_to_28_day_cycles_at_study_day_169():
    plan = make("isa-vrd", first=4, last=6)
    c4_last, c5_first = plan.infusions[2], plan.infusions[3]
    assert (c4_last.cycle, c4_last.day, c5_first.cycle, c5_first.day) == (4, 29, 5, 1)
    assert (c5_first.date - START).days + 1 == 169
    assert (plan.infusions[5].date - c5_first.date).days == 28


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        # leap day as a cycle day, then as the start date itself
        (
            dt.date(2028, 2, 1),
            ["2028-02-01", "2028-02-08", "2028-02-15", "2028-02-22", "2028-02-29", "2028-03-14"],
        ),
        (
            dt.date(2028, 2, 29),
            ["2028-02-29", "2028-03-07", "2028-03-14", "2028-03-21", "2028-03-28", "2028-04-11"],
        ),
        # month and year end
        (
            dt.date(2026, 12, 31),
            ["2026-12-31", "2027-01-07", "2027-01-14", "2027-01-21", "2027-01-28", "2027-02-11"],
        ),
        (
            dt.date(2027, 1, 31),
            ["2027-01-31", "2027-02-07", "2027-02-14", "2027-02-21", "2027-02-28", "2027-03-14"],
        ),
    ],
)
def test_it_handles_month_ends_year_ends_and_leap_days(start, expected):
    assert dates(make("isa-pd", start=start, first=1, last=2)) == expected


def test_it_shifts_every_later_date_when_a_dose_is_delayed():
    # FACTS 12e: C2D15 (infusion 6) given 3 days late moves C3D1 to 2026-03-05.
    plan = make("isa-pd", first=1, last=3, delay=Delay(from_infusion=6, days=3))
    assert dates(plan) == [*PD_C1_C3[:5], "2026-02-19", "2026-03-05", "2026-03-19"]
    assert [i.delayed for i in plan.infusions] == [False] * 5 + [True] * 3


@pytest.mark.parametrize(
    ("delay", "field"),
    [(Delay(6, 0), "delay_days"), (Delay(6, 91), "delay_days"), (Delay(0, 3), "delay_from")],
)
def test_it_rejects_impossible_delays(delay, field):
    with pytest.raises(PlanError) as error:
        make("isa-pd", delay=delay)
    assert error.value.field == field


def test_it_rejects_a_delay_after_the_last_induction_infusion():
    with pytest.raises(PlanError, match="from 1 to 11"):
        make("isa-vrd-induction", delay=Delay(12, 3))


@pytest.mark.parametrize(
    ("today", "first", "last"),
    [
        (dt.date(2025, 12, 1), 1, 7),  # before treatment: cycle 1 and about six months
        (START, 1, 7),
        (dt.date(2026, 3, 1), 2, 8),  # last day of cycle 2
        (dt.date(2026, 3, 2), 3, 9),  # first day of cycle 3
    ],
)
def test_it_starts_the_default_calendar_at_the_current_cycle(today, first, last):
    plan = make("isa-pd", today=today)
    assert (plan.first_cycle, plan.last_cycle) == (first, last)
    assert plan.treatment_over is False


def test_it_covers_about_six_months_of_vrd_across_the_cycle_length_switch():
    plan = make("isa-vrd", today=dt.date(2026, 5, 11))  # C4D1
    assert plan.first_cycle == 4
    assert plan.last_cycle == 9  # C9 starts 168 days after C4, C10 196 days after


def test_it_says_when_the_whole_induction_treatment_is_over():
    plan = make("isa-vrd-induction", today=dt.date(2026, 6, 1))
    assert plan.treatment_over is True
    assert (plan.first_cycle, plan.last_cycle, len(plan.infusions)) == (1, 3, 11)


def test_it_is_not_over_on_the_day_of_the_last_induction_infusion():
    plan = make("isa-vrd-induction", today=dt.date(2026, 4, 27))
    assert plan.treatment_over is False
    assert plan.first_cycle == 3


@pytest.mark.parametrize(
    ("slug", "first", "last", "field"),
    [
        ("isa-pd", 1, 27, "last_cycle"),  # 27 x 28 days is more than two years
        ("isa-pd", 5, 4, "last_cycle"),
        ("isa-pd", 0, 3, "first_cycle"),
        ("isa-vrd-induction", 4, None, "first_cycle"),
    ],
)
def test_it_rejects_cycles_it_cannot_show(slug, first, last, field):
    with pytest.raises(PlanError) as error:
        make(slug, first=first, last=last)
    assert error.value.field == field
    assert "None" not in str(error.value)


def test_it_allows_up_to_two_years_and_suggests_what_fits():
    assert make("isa-pd", first=1, last=26).infusions[-1].number == 4 + 25 * 2
    with pytest.raises(PlanError, match="cycles 1 to 26"):
        make("isa-pd", first=1, last=27)


def test_it_turns_a_date_overflow_into_a_message():
    with pytest.raises(PlanError) as error:
        make("isa-pd", start=dt.date(9999, 12, 1), today=dt.date(9999, 12, 1))
    assert error.value.field == "start_date"


def test_it_copes_with_a_start_date_long_ago():
    plan = make("isa-vrd", start=dt.date(1, 1, 1), today=dt.date(2026, 1, 5))
    assert plan.infusions[0].cycle > 18
    assert plan.infusions[0].date <= dt.date(2026, 1, 5)

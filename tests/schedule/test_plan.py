import datetime as dt

import pytest

from schedule.backbone import BACKBONES, DayRule, with_days
from schedule.delays import CYCLE, INFUSION, Delay
from schedule.dose import PlanError
from schedule.plan import build_schedule
from schedule.wording import expected_time

from .backbone_vectors import VECTORS, expected

START = dt.date(2026, 1, 5)


def by_medicine(schedule):
    out: dict[tuple[str, str], list[dt.date]] = {}
    for day in schedule.days:
        for item in day.items:
            out.setdefault((item.medicine.name, item.where), []).append(day.date)
    return out


@pytest.mark.parametrize("vector", VECTORS, ids=lambda v: f"{v[0]}-c{v[1]}-{v[2]}")
def test_it_matches_the_facts_backbone_vectors(vector):
    slug, cycle, start, meds, clinic = expected(vector)
    schedule = build_schedule(slug, start, start, first_cycle=cycle, last_cycle=cycle)
    assert by_medicine(schedule) == meds
    assert [day.date for day in schedule.clinic_days] == clinic


def test_it_never_shows_dexamethasone_twice_on_a_day():
    for slug in ("isa-pd", "isa-kd", "isa-vrd-induction"):
        schedule = build_schedule(slug, START, START, first_cycle=1, last_cycle=3)
        for day in schedule.days:
            names = [item.medicine.name for item in day.items]
            assert names.count("dexamethasone") <= 1


def test_it_prefills_nothing_for_imroz():
    assert all(not rule.days for m in BACKBONES["isa-vrd"].medicines for rule in m.rules)
    schedule = build_schedule("isa-vrd", START, START, first_cycle=1, last_cycle=6)
    assert schedule.status == "team"
    assert {item.medicine.name for day in schedule.days for item in day.items} == {"isatuximab"}
    assert [d.date.isoformat() for d in schedule.days][:6] == [
        "2026-01-05", "2026-01-12", "2026-01-19", "2026-01-26", "2026-02-02", "2026-02-16",
    ]  # fmt: skip


def test_it_uses_days_the_care_team_typed_for_imroz():
    lenalidomide = BACKBONES["isa-vrd"].medicines[1]
    typed = with_days(lenalidomide, {0: (1, 2, 3), 1: (1,)})
    schedule = build_schedule("isa-vrd", START, START, (typed,), first_cycle=4, last_cycle=5)
    assert by_medicine(schedule)[("lenalidomide", "home")] == [
        dt.date(2026, 5, 11), dt.date(2026, 5, 12), dt.date(2026, 5, 13), dt.date(2026, 6, 22),
    ]  # fmt: skip


def test_it_numbers_infusions_across_cycles_and_gives_the_chair_time():
    schedule = build_schedule("isa-pd", START, START, first_cycle=1, last_cycle=2)
    infusions = [day.infusion for day in schedule.days if day.infusion]
    assert [i.infusion_number for i in infusions] == [1, 2, 3, 4, 5, 6]
    assert expected_time(infusions[0]) == "about 3 hours 20 minutes"
    assert expected_time(infusions[1]) == "about 1 hour 53 minutes"
    assert expected_time(infusions[2]) == "about 75 minutes"


@pytest.mark.parametrize(
    ("today", "cycle", "day"),
    [("2026-02-04", 2, 3), ("2026-01-05", 1, 1), ("2026-03-01", 2, 28), ("2026-03-02", 3, 1)],
)
def test_it_knows_where_today_is(today, cycle, day):
    schedule = build_schedule("isa-pd", START, dt.date.fromisoformat(today))
    assert (schedule.where_today.cycle, schedule.where_today.day) == (cycle, day)


def test_it_knows_before_the_start_and_after_the_end():
    before = build_schedule("isa-pd", START, dt.date(2026, 1, 1)).where_today
    assert (before.started, before.cycle) == (False, None)
    after = build_schedule("isa-vrd-induction", START, dt.date(2026, 5, 11)).where_today
    assert after.over
    last = build_schedule("isa-vrd-induction", START, dt.date(2026, 5, 10)).where_today
    assert (last.over, last.cycle, last.day) == (False, 3, 42)


def test_a_delayed_infusion_moves_drips_and_visits_but_not_home_capsules():
    # FACTS 12e: C2D15 (infusion 6, 2026-02-16) given 3 days late; C3D1 becomes 2026-03-05.
    # Issue 21 changed this test: it used to assert that EVERY medicine moves (home capsules
    # too), which dropped the capsules of the delay days. FACTS-backbone 6.3 and P1c: holding
    # one drug does not shift the others; the team decides, so the capsules stay on their days
    # and the delay days ask the patient to check with the team.
    delay = (Delay(INFUSION, 6, 3),)
    moved = build_schedule("isa-pd", START, START, delays=delay, first_cycle=2, last_cycle=3)
    plain = build_schedule("isa-pd", START, START, first_cycle=2, last_cycle=3)
    meds = by_medicine(moved)
    assert dt.date(2026, 2, 19) in meds[("isatuximab", "clinic")]
    assert meds[("isatuximab", "clinic")][2] == dt.date(2026, 3, 5)
    for key, dates in by_medicine(plain).items():
        for before, after in zip(dates, meds[key], strict=True):
            later = before >= (dt.date(2026, 3, 2) if key[1] == "home" else dt.date(2026, 2, 16))
            assert (after - before).days == (3 if later else 0), key
    asked = sorted(d.date for d in moved.days if d.ask_home)
    assert asked == [dt.date(2026, 2, 16), dt.date(2026, 2, 17), dt.date(2026, 2, 18)]
    assert all(d.home_items for d in moved.days if d.ask_home)


def test_it_adds_up_several_delays_and_counts_them_for_each_day():
    delays = tuple(Delay(CYCLE, cycle, cycle) for cycle in range(2, 8))  # 6 delays
    schedule = build_schedule("isa-kd", START, START, delays=delays, first_cycle=1, last_cycle=7)
    plain = build_schedule("isa-kd", START, START, first_cycle=1, last_cycle=7)
    for before, after in zip(plain.days, schedule.days, strict=True):
        expected_shift = sum(c for c in range(2, 8) if c <= before.cycle)
        assert (after.date - before.date).days == expected_shift
        assert after.delays_before == max(0, min(before.cycle, 7) - 1)
        assert [i.medicine.key for i in after.items] == [i.medicine.key for i in before.items]


@pytest.mark.parametrize(
    ("delays", "field", "words"),
    [
        ((Delay(CYCLE, 2, 3, 1), Delay(INFUSION, 6, 2, 2)), "delay2_number", "same point"),
        ((Delay(CYCLE, 4, 3, 1),), "delay1_number", "cycles 1 to 3"),
        ((Delay(INFUSION, 12, 3, 1),), "delay1_number", "infusions 1 to 11"),
        ((Delay(INFUSION, 0, 3, 1),), "delay1_number", "infusions 1 to 11"),
        ((Delay(CYCLE, 2, 0, 1),), "delay1_days", "1 to 90"),
        ((Delay(CYCLE, 2, 91, 3),), "delay3_days", "1 to 90"),
        ((Delay("week", 2, 4, 1),), "delay1_kind", "infusion or a cycle"),
        (tuple(Delay(CYCLE, c, 1, c) for c in range(1, 8)), None, "at most 6"),
    ],
)
def test_it_refuses_impossible_delays(delays, field, words):
    slug = "isa-vrd-induction" if len(delays) < 7 else "isa-pd"
    with pytest.raises(PlanError) as caught:
        build_schedule(slug, START, START, delays=delays)
    assert caught.value.field == field
    assert words in str(caught.value)


def test_it_flags_clinic_days_on_public_holidays_only():
    holidays = {dt.date(2026, 1, 19): "Martin Luther King Jr. Day", dt.date(2026, 1, 20): "X"}
    schedule = build_schedule("isa-pd", START, START, holidays=holidays.get)
    flagged = {day.date: day.holiday for day in schedule.days if day.holiday}
    assert flagged == {dt.date(2026, 1, 19): "Martin Luther King Jr. Day"}  # 01-20 is a home day


def test_it_keeps_the_two_year_limit():
    with pytest.raises(PlanError, match="more than 2 years"):
        build_schedule("isa-pd", START, START, first_cycle=1, last_cycle=40)
    two_years = build_schedule("isa-pd", START, START, first_cycle=1, last_cycle=26)
    assert two_years.days[-1].date < dt.date(2028, 1, 5)


def test_a_removed_medicine_leaves_the_calendar():
    pom, dex = BACKBONES["isa-pd"].medicines
    none = with_days(pom, {0: ()})
    schedule = build_schedule("isa-pd", START, START, (none, dex), first_cycle=1, last_cycle=1)
    assert "pomalidomide" not in {i.medicine.name for d in schedule.days for i in d.items}
    assert DayRule(1, None, ()).cycles_text == "cycle 1 onwards"


def test_it_says_when_the_care_team_changed_the_days():
    pom, dex = BACKBONES["isa-pd"].medicines
    assert build_schedule("isa-pd", START, START, (pom, dex)).status == "label"
    changed = build_schedule("isa-pd", START, START, (with_days(pom, {0: (1, 2)}), dex))
    assert changed.status == "edited"
    assert build_schedule("isa-vrd-induction", START, START).status == "trial"


# Isatuximab days of every regimen against FACTS.md 12e (ported from the single-drug engine).
PD_C1_C3 = [
    "2026-01-05", "2026-01-12", "2026-01-19", "2026-01-26",
    "2026-02-02", "2026-02-16", "2026-03-02", "2026-03-16",
]  # fmt: skip
IMROZ_C1_C3 = [
    "2026-01-05", "2026-01-12", "2026-01-19", "2026-01-26", "2026-02-02",
    "2026-02-16", "2026-03-02", "2026-03-16",
    "2026-03-30", "2026-04-13", "2026-04-27",
]  # fmt: skip


def make(slug="isa-pd", start=START, today=None, first=None, last=None, delays=()):
    return build_schedule(slug, start, today or start, None, delays, first, last)


def infusions(schedule):
    return [day.infusion for day in schedule.days if day.infusion]


def isa_dates(schedule):
    return [day.date.isoformat() for day in schedule.days if day.infusion]


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
def test_it_matches_the_facts_12e_isatuximab_vectors(slug, first, last, expected):
    assert isa_dates(make(slug, first=first, last=last)) == expected


@pytest.mark.parametrize(
    ("slug", "cycle", "last_number"),
    [("isa-pd", 3, 8), ("isa-kd", 3, 8), ("isa-vrd", 4, 14), ("isa-vrd", 17, 40),
     ("isa-vrd-induction", 3, 11)],
)  # fmt: skip
def test_it_numbers_infusions_from_the_start_of_treatment(slug, cycle, last_number):
    assert infusions(make(slug, first=cycle, last=cycle))[-1].infusion_number == last_number


def test_it_stops_the_induction_regimen_after_cycle_3():
    schedule = make("isa-vrd-induction", first=1, last=9)
    assert len(infusions(schedule)) == 11 and schedule.last_cycle == 3
    assert schedule.days[-1].date == dt.date(2026, 5, 3)  # lenalidomide C3D35, FACTS-backbone 4
    assert any("only 3 cycles" in note for note in schedule.notes)


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        (dt.date(2028, 2, 1),
         ["2028-02-01", "2028-02-08", "2028-02-15", "2028-02-22", "2028-02-29", "2028-03-14"]),
        (dt.date(2028, 2, 29),
         ["2028-02-29", "2028-03-07", "2028-03-14", "2028-03-21", "2028-03-28", "2028-04-11"]),
        (dt.date(2026, 12, 31),
         ["2026-12-31", "2027-01-07", "2027-01-14", "2027-01-21", "2027-01-28", "2027-02-11"]),
    ],
)  # fmt: skip
def test_it_handles_month_ends_year_ends_and_leap_days(start, expected):
    assert isa_dates(make("isa-pd", start=start, first=1, last=2)) == expected


@pytest.mark.parametrize(
    ("today", "first", "last"),
    [(dt.date(2025, 12, 1), 1, 7), (START, 1, 7), (dt.date(2026, 3, 1), 2, 8),
     (dt.date(2026, 3, 2), 3, 9)],
)  # fmt: skip
def test_it_starts_the_default_calendar_at_the_current_cycle(today, first, last):
    schedule = make("isa-pd", today=today)
    assert (schedule.first_cycle, schedule.last_cycle) == (first, last)


def test_it_covers_about_six_months_of_vrd_across_the_cycle_length_switch():
    schedule = make("isa-vrd", today=dt.date(2026, 5, 11))  # C4D1
    assert (schedule.first_cycle, schedule.last_cycle) == (4, 9)


@pytest.mark.parametrize(
    ("slug", "first", "last", "field"),
    [("isa-pd", 1, 27, "last_cycle"), ("isa-pd", 5, 4, "last_cycle"),
     ("isa-pd", 0, 3, "first_cycle"), ("isa-vrd-induction", 4, None, "first_cycle")],
)  # fmt: skip
def test_it_rejects_cycles_it_cannot_show(slug, first, last, field):
    with pytest.raises(PlanError) as error:
        make(slug, first=first, last=last)
    assert error.value.field == field
    assert "None" not in str(error.value)


def test_it_turns_a_date_overflow_into_a_message():
    with pytest.raises(PlanError) as error:
        make("isa-pd", start=dt.date(9999, 12, 1), today=dt.date(9999, 12, 1))
    assert error.value.field == "start_date"


def test_it_copes_with_a_start_date_long_ago():
    schedule = make("isa-vrd", start=dt.date(1, 1, 1), today=dt.date(2026, 1, 5))
    assert schedule.first_cycle > 18
    assert schedule.days[0].date <= dt.date(2026, 1, 5)

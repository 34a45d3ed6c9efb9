import datetime as dt

import pytest

from schedule.backbone import BACKBONES, DayRule, with_days
from schedule.delays import CYCLE, INFUSION, Delay
from schedule.plan import PlanError
from schedule.treatment import build_schedule

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
    assert infusions[0].expected_time == "about 3 hours 20 minutes"
    assert infusions[2].expected_time == "about 75 minutes"


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


def test_it_moves_every_medicine_from_a_delayed_infusion_on():
    # FACTS 12e: C2D15 (infusion 6, 2026-02-16) given 3 days late; C3D1 becomes 2026-03-05.
    delay = (Delay(INFUSION, 6, 3),)
    moved = build_schedule("isa-pd", START, START, delays=delay, first_cycle=2, last_cycle=3)
    plain = build_schedule("isa-pd", START, START, first_cycle=2, last_cycle=3)
    meds = by_medicine(moved)
    assert dt.date(2026, 2, 19) in meds[("isatuximab", "clinic")]
    assert meds[("isatuximab", "clinic")][2] == dt.date(2026, 3, 5)
    for key, dates in by_medicine(plain).items():
        for before, after in zip(dates, meds[key], strict=True):
            assert (after - before).days == (3 if before >= dt.date(2026, 2, 16) else 0)


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

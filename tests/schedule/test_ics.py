import datetime as dt

import pytest
from icalendar import Calendar

from schedule.delays import CYCLE, INFUSION, Delay
from schedule.ics import escape_text, fold, render_ics
from schedule.plan import build_schedule

from .backbone_vectors import VECTORS, expected

START = dt.date(2026, 1, 5)
NOW = dt.datetime(2025, 12, 1, 8, 30, tzinfo=dt.UTC)


def parse(schedule, **options) -> list:
    return list(Calendar.from_ical(render_ics(schedule, NOW, **options)).walk("VEVENT"))


def clinic_events(events) -> list:
    return [e for e in events if str(e["UID"]).split("@")[0].endswith("-clinic")]


def starts(events) -> list[dt.date]:
    return [e.decoded("DTSTART") for e in events]


@pytest.mark.parametrize("vector", VECTORS, ids=lambda v: f"{v[0]}-c{v[1]}-{v[2]}")
def test_it_has_one_event_per_clinic_day_of_the_vectors(vector):
    slug, cycle, start, meds, clinic = expected(vector)
    schedule = build_schedule(slug, start, start, first_cycle=cycle, last_cycle=cycle)
    events = parse(schedule)
    assert starts(events) == clinic  # tablet reminders are off unless asked
    for event in events:
        day = event.decoded("DTSTART")
        given = {
            name for (name, where), dates in meds.items() if where == "clinic" and day in dates
        }
        description = str(event["DESCRIPTION"])
        for name in given:
            assert name in str(event["SUMMARY"]) and name in description
        assert ("Expected isatuximab infusion time" in description) == ("isatuximab" in given)


@pytest.mark.parametrize("vector", VECTORS[:2] + VECTORS[6:7], ids=lambda v: f"{v[0]}-c{v[1]}")
def test_tablet_reminders_follow_the_vectors_when_asked(vector):
    slug, cycle, start, meds, _ = expected(vector)
    schedule = build_schedule(slug, start, start, first_cycle=cycle, last_cycle=cycle)
    events = [e for e in parse(schedule, tablets=True) if str(e["SUMMARY"]).startswith("At home")]
    for (name, where), dates in meds.items():
        if where == "home":
            mine = [e for e in events if name in str(e["SUMMARY"])]
            assert starts(mine) == dates


def test_it_gives_the_expected_chair_time_for_the_first_infusions():
    schedule = build_schedule("isa-pd", START, START, first_cycle=1, last_cycle=1)
    descriptions = [str(e["DESCRIPTION"]) for e in parse(schedule)]
    assert "about 3 hours 20 minutes" in descriptions[0]
    assert "about 1 hour 53 minutes" in descriptions[1]
    assert "about 75 minutes" in descriptions[2]


def test_it_leaves_out_past_days_unless_asked():
    today = dt.date(2026, 2, 10)
    schedule = build_schedule("isa-kd", START, today, first_cycle=1, last_cycle=2)
    assert min(starts(parse(schedule))) == dt.date(2026, 2, 10)
    assert min(starts(parse(schedule, past=True))) == START


def test_uids_are_stable_and_sequence_counts_the_delays():
    plain = build_schedule("isa-kd", START, START, first_cycle=1, last_cycle=3)
    delays = (Delay(INFUSION, 6, 3, 1), Delay(CYCLE, 3, 2, 2))
    moved = build_schedule("isa-kd", START, START, delays=delays, first_cycle=1, last_cycle=3)
    before = {str(e["UID"]): e for e in parse(plain)}
    after = {str(e["UID"]): e for e in parse(moved)}
    assert before.keys() == after.keys()
    assert {str(e["UID"]) for e in parse(plain)} == set(before)  # same again next time
    for uid, event in after.items():
        shift = (event.decoded("DTSTART") - before[uid].decoded("DTSTART")).days
        assert event["SEQUENCE"] == {0: 0, 3: 1, 5: 2}[shift]
        assert before[uid]["SEQUENCE"] == 0
    assert "isa-kd-2026-01-05-c2d15-clinic@" in " ".join(after)


def test_it_flags_holidays_only_for_a_chosen_place():
    holidays = {dt.date(2026, 1, 19): "Martin Luther King Jr. Day"}.get
    schedule = build_schedule(
        "isa-pd", START, START, first_cycle=1, last_cycle=1, holidays=holidays
    )
    flagged = [
        e for e in parse(schedule, place="Texas") if "Public holiday" in str(e["DESCRIPTION"])
    ]
    assert starts(flagged) == [dt.date(2026, 1, 19)]
    assert "Public holiday in Texas, Martin Luther King Jr. Day" in str(flagged[0]["DESCRIPTION"])
    plain = build_schedule("isa-pd", START, START, first_cycle=1, last_cycle=1)
    assert not any("Public holiday" in str(e["DESCRIPTION"]) for e in parse(plain, place="Texas"))


def test_imroz_events_list_isatuximab_only():
    schedule = build_schedule("isa-vrd", START, START, first_cycle=1, last_cycle=1)
    events = parse(schedule, tablets=True)
    assert starts(events) == [dt.date(2026, 1, d) for d in (5, 12, 19, 26)] + [dt.date(2026, 2, 2)]
    assert all(str(e["SUMMARY"]).startswith("Clinic: isatuximab (") for e in events)


def test_a_future_start_adds_the_blood_test_reminder_the_day_before():
    schedule = build_schedule("isa-pd", START, dt.date(2025, 12, 20), first_cycle=1, last_cycle=1)
    events = parse(schedule)
    assert "blood type and screen" in str(events[0]["SUMMARY"])
    assert events[0].decoded("DTSTART") == dt.date(2026, 1, 4)
    started = build_schedule("isa-pd", START, START, first_cycle=1, last_cycle=1)
    assert not any("blood type" in str(e["SUMMARY"]) for e in parse(started))


def test_it_has_the_calendar_properties_and_crlf_lines():
    raw = render_ics(build_schedule("isa-pd", START, START, first_cycle=1, last_cycle=1), NOW)
    calendar = Calendar.from_ical(raw)
    assert calendar["VERSION"] == "2.0"
    assert "Isatuximab" in str(calendar["PRODID"])
    assert b"DTSTART;VALUE=DATE:20260105\r\n" in raw
    assert b"\n" not in raw.replace(b"\r\n", b"")


@pytest.mark.parametrize(
    ("slug", "options"),
    [("isa-vrd-induction", {"tablets": True}), ("isa-kd", {"place": "Ødegård, 山田 🙂"})],
)
def test_it_writes_byte_for_byte_what_icalendar_writes_for_the_same_content(slug, options):
    holidays = {dt.date(2026, 1, 19): "Día de prueba; \\ a long holiday name, " * 3}.get
    delays = (Delay(CYCLE, 2, 3),)
    today = dt.date(2025, 12, 20)
    schedule = build_schedule(slug, START, today, None, delays, 1, 3, holidays)
    raw = render_ics(schedule, NOW, **options)
    assert Calendar.from_ical(raw).to_ical() == raw


def test_it_leaves_the_weight_dose_and_typed_lines_out_of_the_file():
    raw = render_ics(build_schedule("isa-pd", START, START, first_cycle=1, last_cycle=2), NOW)
    assert b" mg" not in raw and b" kg" not in raw and b"mg/m" not in raw


@pytest.mark.parametrize(
    "text", ["é" * 100, "a" * 73 + "€" * 30, "x" * 72 + ",;\\" * 40, "Ødegård, 山田 🙂 " * 12]
)
def test_it_folds_long_lines_without_cutting_a_character_or_an_escape(text):
    folded = fold(f"DESCRIPTION:{escape_text(text)}")
    lines = folded.split(b"\r\n")
    assert lines[-1] == b""
    for line in lines[:-1]:
        assert len(line) <= 75
        line.decode()  # each physical line is whole UTF-8
        assert (len(line) - len(line.rstrip(b"\\"))) % 2 == 0  # no escape cut in two
    assert all(line.startswith(b" ") for line in lines[1:-1])
    event = Calendar.from_ical(b"BEGIN:VEVENT\r\n" + folded + b"END:VEVENT\r\n")
    assert str(event["DESCRIPTION"]) == text

import datetime as dt
from decimal import Decimal

import pytest
from icalendar import Calendar

from schedule import wording
from schedule.ics import escape_text, fold, render_ics
from schedule.plan import Delay, build_plan

START = dt.date(2026, 1, 5)
NOW = dt.datetime(2025, 12, 1, 8, 30, tzinfo=dt.UTC)


def parse(plan):
    return Calendar.from_ical(render_ics(plan, now=NOW))


def events(calendar):
    return [c for c in calendar.walk("VEVENT")]


def infusion_events(calendar):
    return [e for e in events(calendar) if "infusion-" in str(e["UID"])]


def plan_for(slug, first, last, weight="70", today=START, delay=None):
    return build_plan(slug, START, Decimal(weight), "kg", today, first, last, delay)


@pytest.mark.parametrize(
    ("slug", "first", "last", "expected"),
    [
        ("isa-pd", 1, 3, ["2026-01-05", "2026-01-12", "2026-01-19", "2026-01-26",
                          "2026-02-02", "2026-02-16", "2026-03-02", "2026-03-16"]),
        ("isa-kd", 1, 3, ["2026-01-05", "2026-01-12", "2026-01-19", "2026-01-26",
                          "2026-02-02", "2026-02-16", "2026-03-02", "2026-03-16"]),
        ("isa-vrd", 4, 6, ["2026-05-11", "2026-05-25", "2026-06-08", "2026-06-22",
                           "2026-07-06", "2026-07-20", "2026-08-03"]),
        ("isa-vrd", 12, 12, ["2027-01-04", "2027-01-18"]),
        ("isa-vrd", 17, 19, ["2027-05-24", "2027-06-07", "2027-06-21", "2027-07-19"]),
        ("isa-vrd-induction", 1, 3, ["2026-01-05", "2026-01-12", "2026-01-19", "2026-01-26",
                                     "2026-02-02", "2026-02-16", "2026-03-02", "2026-03-16",
                                     "2026-03-30", "2026-04-13", "2026-04-27"]),
    ],
)  # fmt: skip
def test_it_writes_one_all_day_event_per_infusion_on_the_facts_dates(slug, first, last, expected):
    found = infusion_events(parse(plan_for(slug, first, last)))
    assert [e.decoded("DTSTART").isoformat() for e in found] == expected
    for event in found:
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        assert type(start) is dt.date and type(end) is dt.date
        assert end - start == dt.timedelta(days=1)  # DTEND is exclusive


def test_it_has_the_calendar_properties_and_crlf_lines():
    raw = render_ics(plan_for("isa-pd", 1, 1), now=NOW)
    calendar = Calendar.from_ical(raw)
    assert calendar["VERSION"] == "2.0"
    assert "Isatuximab" in str(calendar["PRODID"])
    assert b"DTSTART;VALUE=DATE:20260105\r\n" in raw
    assert b"\n" not in raw.replace(b"\r\n", b"")


def test_it_describes_each_infusion():
    event = infusion_events(parse(plan_for("isa-pd", 1, 1)))[2]
    assert str(event["SUMMARY"]) == "Isatuximab infusion 3 (cycle 1, day 15)"
    description = str(event["DESCRIPTION"])
    for phrase in ["about 75 minutes", "15 to 60 minutes before", "What to bring", "care team"]:
        assert phrase in description
    assert event.decoded("DTSTAMP") == NOW
    assert event["SEQUENCE"] == 0


def test_it_reminds_the_day_before():
    event = infusion_events(parse(plan_for("isa-pd", 1, 1)))[0]
    alarm = event.walk("VALARM")[0]
    assert alarm["ACTION"] == "DISPLAY"
    assert alarm.decoded("TRIGGER") == dt.timedelta(hours=-15)


def test_it_keeps_uids_stable_whatever_the_weight():
    light = infusion_events(parse(plan_for("isa-pd", 1, 2, weight="50")))
    heavy = infusion_events(parse(plan_for("isa-pd", 1, 2, weight="120")))
    assert [str(e["UID"]) for e in light] == [str(e["UID"]) for e in heavy]
    assert (
        str(light[0]["UID"]) == "isa-pd-2026-01-05-infusion-1@calendar.isatuximab-treatment-guide"
    )
    assert len({str(e["UID"]) for e in light}) == len(light)


def test_it_leaves_the_weight_dose_and_volume_out_of_the_file():
    plan = plan_for("isa-pd", 1, 2, weight="87.3")
    assert (plan.dose.text, plan.dose.volume_text) == ("873 mg", "43.7 mL")  # the values to find
    text = render_ics(plan, NOW).decode()
    for value in ("87.3", "873", "43.7", " mg", " mL", " kg"):
        assert value not in text, value


def test_it_gives_later_views_the_same_uid_for_the_same_infusion():
    whole = infusion_events(parse(plan_for("isa-pd", 1, 3)))
    later = infusion_events(parse(plan_for("isa-pd", 3, 3)))
    assert [str(e["UID"]) for e in whole[-2:]] == [str(e["UID"]) for e in later]


def test_it_moves_delayed_events_and_raises_their_sequence():
    found = infusion_events(parse(plan_for("isa-pd", 1, 3, delay=Delay(6, 3))))
    assert found[5].decoded("DTSTART") == dt.date(2026, 2, 19)
    assert found[6].decoded("DTSTART") == dt.date(2026, 3, 5)
    assert [e["SEQUENCE"] for e in found] == [0] * 5 + [1] * 3


def test_it_adds_a_blood_test_reminder_the_day_before_a_future_start():
    calendar = parse(plan_for("isa-pd", 1, 1, today=dt.date(2025, 12, 20)))
    reminder = next(e for e in events(calendar) if "blood-test" in str(e["UID"]))
    assert reminder.decoded("DTSTART") == dt.date(2026, 1, 4)
    assert "blood type and screen" in str(reminder["SUMMARY"])
    assert "Your care team sets the exact day." in str(reminder["DESCRIPTION"])


def test_it_puts_the_blood_test_reminder_today_when_treatment_starts_tomorrow():
    calendar = parse(plan_for("isa-pd", 1, 1, today=dt.date(2026, 1, 4)))
    reminder = next(e for e in events(calendar) if "blood-test" in str(e["UID"]))
    assert reminder.decoded("DTSTART") == dt.date(2026, 1, 4)


@pytest.mark.parametrize("today", [START, dt.date(2026, 2, 1)])
def test_it_adds_no_blood_test_reminder_once_treatment_has_started(today):
    calendar = parse(plan_for("isa-pd", 1, 1, today=today))
    assert not any("blood-test" in str(e["UID"]) for e in events(calendar))


@pytest.mark.parametrize(
    "plan",
    [
        plan_for("isa-vrd", 1, 12),
        plan_for("isa-pd", 1, 3, delay=Delay(6, 3), today=dt.date(2025, 12, 20)),
    ],
)
def test_it_writes_byte_for_byte_what_icalendar_writes_for_the_same_content(plan):
    raw = render_ics(plan, NOW)
    assert Calendar.from_ical(raw).to_ical() == raw


def test_it_keeps_every_sentence_intact_through_escaping_and_folding():
    plan = plan_for("isa-pd", 1, 1)
    event = infusion_events(parse(plan))[0]
    assert str(event["DESCRIPTION"]) == "\n\n".join(
        wording.infusion_details(plan, plan.infusions[0])
    )
    assert str(event["SUMMARY"]) == "Isatuximab infusion 1 (cycle 1, day 1)"


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

"""The whole-regimen calendar as an iCalendar (.ics) file (RFC 5545), written out directly.

- One all-day event per clinic day, listing everything given there; an isatuximab day keeps
  its expected infusion time in the description. A public holiday is flagged there too.
- Optional reminders for tablets and capsules at home (off unless asked), one per medicine
  per day.
- Only today and later days, unless past days are asked for.
- UIDs depend only on the regimen, the start date, the cycle day and (for home reminders) the
  medicine, so a second download updates the same events instead of adding copies.
- SEQUENCE is the number of delays that moved the event: adding a delay moves later events
  and raises their SEQUENCE, so calendar apps take the new date.
- No weight, dose, name, clinic or phone number goes in: calendars are often synced elsewhere.

The lines are written here rather than through the `icalendar` library, whose general line
folding made a two-year calendar take most of a second; the tests parse every file with
`icalendar`. Text is escaped (RFC 5545 3.3.11), lines are folded at 75 octets without
splitting a UTF-8 character (3.1) and end in CRLF.
"""

import datetime as dt
import functools

from . import glance
from .treatment import Item, Schedule, TreatmentDay

PRODID = "-//Isatuximab treatment guide//Treatment calendar v2//EN"
UID_DOMAIN = "calendar.isatuximab-treatment-guide"
REMINDER_BEFORE = "-PT15H"  # 9:00 the day before an all-day event
CONFIRM = "This date is an estimate. Confirm every date with your care team."
MAX_OCTETS = 75


def render_ics(
    schedule: Schedule,
    now: dt.datetime,
    place: str | None = None,
    tablets: bool = False,
    past: bool = False,
) -> bytes:
    """The calendar file; `now` (timezone-aware) becomes every event's DTSTAMP."""
    stamp = now.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = [b"BEGIN:VCALENDAR\r\n", b"VERSION:2.0\r\n", _line("PRODID", PRODID),
             b"CALSCALE:GREGORIAN\r\n", b"METHOD:PUBLISH\r\n",
             _line("X-WR-CALNAME", "Treatment calendar")]  # fmt: skip
    if not schedule.where_today.started and schedule.first_cycle == 1:
        lines += _blood_test_event(schedule, stamp)
    for day in schedule.days:
        if day.date < schedule.today and not past:
            continue
        if day.is_clinic:
            lines += _clinic_event(schedule, day, stamp, place)
        if tablets:
            for item in day.home_items:
                lines += _home_event(schedule, day, item, stamp)
    lines.append(b"END:VCALENDAR\r\n")
    return b"".join(lines)


def escape_text(value: str) -> str:
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


@functools.lru_cache(maxsize=2048)
def _line(name: str, text: str) -> bytes:
    """One folded content line for a TEXT property (cached: many events repeat their text)."""
    raw = f"{name}:{escape_text(text)}".encode()
    if len(raw) <= MAX_OCTETS:
        return raw + b"\r\n"
    pieces, start, room = [], 0, MAX_OCTETS
    while start < len(raw):
        end = min(start + room, len(raw))
        while end < len(raw) and raw[end] & 0xC0 == 0x80:  # never cut a character in two
            end -= 1
        pieces.append(raw[start:end])
        start, room = end, MAX_OCTETS - 1
    return b"\r\n ".join(pieces) + b"\r\n"


def _uid(schedule: Schedule, day: TreatmentDay, what: str) -> str:
    start = schedule.start_date.isoformat()
    return f"{schedule.regimen.slug}-{start}-c{day.cycle}d{day.day}-{what}@{UID_DOMAIN}"


def _event(uid: str, day: TreatmentDay, summary: str, lines: list, stamp: str) -> list[bytes]:
    return _all_day(uid, day.date, summary, lines, stamp, day.delays_before)


def _all_day(uid: str, date: dt.date, summary: str, lines: list, stamp: str, sequence: int):
    description = "\n\n".join(line for line in lines if line)
    return [
        b"BEGIN:VEVENT\r\n",
        _line("UID", uid),
        f"DTSTAMP:{stamp}\r\n".encode(),
        f"DTSTART;VALUE=DATE:{date:%Y%m%d}\r\n".encode(),
        f"DTEND;VALUE=DATE:{date + dt.timedelta(days=1):%Y%m%d}\r\n".encode(),
        _line("SUMMARY", summary),
        _line("DESCRIPTION", description),
        b"TRANSP:TRANSPARENT\r\n",
        f"SEQUENCE:{sequence}\r\n".encode(),
        b"BEGIN:VALARM\r\n",
        b"ACTION:DISPLAY\r\n",
        f"TRIGGER:{REMINDER_BEFORE}\r\n".encode(),
        _line("DESCRIPTION", f"Tomorrow: {summary}"),
        b"END:VALARM\r\n",
        b"END:VEVENT\r\n",
    ]


def _clinic_event(
    schedule: Schedule, day: TreatmentDay, stamp: str, place: str | None
) -> list[bytes]:
    names = ", ".join(item.medicine.name for item in day.clinic_items)
    summary = f"Clinic: {names} ({glance.cycle_day(day)})"
    lines = [
        f"{schedule.regimen.name}, {glance.cycle_day(day)}.",
        "At the clinic: " + glance.items_text(day.clinic_items) + ".",
        glance.chair_time(day),
        ("At home: " + glance.items_text(day.home_items) + ".") if day.home_items else None,
        glance.holiday_text(day, place),
        glance.AS_PRESCRIBED,
        CONFIRM,
    ]
    return _event(_uid(schedule, day, "clinic"), day, summary, lines, stamp)


def _home_event(schedule: Schedule, day: TreatmentDay, item: Item, stamp: str) -> list[bytes]:
    text = glance.item_text(item)
    summary = f"At home: {text} ({glance.cycle_day(day)})"
    lines = [f"{schedule.regimen.name}, {glance.cycle_day(day)}.", glance.AS_PRESCRIBED, CONFIRM]
    return _event(_uid(schedule, day, item.medicine.key), day, summary, lines, stamp)


def _blood_test_event(schedule: Schedule, stamp: str) -> list[bytes]:
    # FACTS 6 says only "before the first dose", so the reminder sits on the day before cycle 1
    # day 1 (or today) and says the care team sets the real day; no date is invented.
    day = max(schedule.start_date - dt.timedelta(days=1), schedule.today)
    summary = "Reminder: blood type and screen test before your first isatuximab infusion"
    lines = [
        "Isatuximab can affect the blood tests used to match blood for a transfusion, so a blood "
        "type and screen test is done before your first infusion. Your care team sets the exact "
        "day.",
        CONFIRM,
    ]
    uid = f"{schedule.regimen.slug}-{schedule.start_date.isoformat()}-blood-test@{UID_DOMAIN}"
    return _all_day(uid, day, summary, lines, stamp, 0)

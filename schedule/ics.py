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
- No weight, dose or name goes in: calendars are often synced elsewhere. The clinic's phone
  number (typed on the form, else the site's approved 24-hour number) is in every clinic
  event, so it is at hand on the day; it is the clinic's number, not the patient's.
- When the other medicines are left off (see coverage.py) the calendar and every event say so.
- A clinic day or the blood-test reminder on a weekend or public holiday says so.

The file is a handful of fixed-format lines, so it is written here rather than through the
`icalendar` library, whose general-purpose line folding was many times slower; the tests parse
every file with `icalendar` to hold this writer to the standard. Text values are escaped (RFC
5545 3.3.11) and long lines folded (3.1) exactly as `icalendar` does it, which a test checks
byte for byte; lines end in CRLF.
"""

import datetime as dt
import functools

from isatuximab_portal.lib.language import gettext, gettext_noop

from . import wording
from .coverage import others_banner
from .plan import Holidays, Item, Schedule, TreatmentDay

PRODID = "-//Isatuximab treatment guide//Treatment calendar//EN"
UID_DOMAIN = "calendar.isatuximab-treatment-guide"
CALENDAR_NAME = gettext_noop("Isatuximab treatment")
REMINDER_BEFORE = "-PT15H"  # 9:00 the day before an all-day event
MAX_OCTETS = 75  # per line, before the CRLF (RFC 5545 3.1)


def render_ics(
    schedule: Schedule,
    now: dt.datetime,
    place: str | None = None,
    tablets: bool = False,
    past: bool = False,
    red_flags: tuple[tuple[str, str], ...] = (),
    phone: str = "",
    holidays: Holidays | None = None,
) -> bytes:
    """The calendar file; `now` (timezone-aware) becomes every event's DTSTAMP. `red_flags`
    ((tier, text) pairs from the one governed source, read by the view) go in the calendar's
    description (RFC 7986 DESCRIPTION, and X-WR-CALDESC for older apps)."""
    stamp = now.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = [b"BEGIN:VCALENDAR\r\n", b"VERSION:2.0\r\n", _line("PRODID", PRODID),
             b"CALSCALE:GREGORIAN\r\n", b"METHOD:PUBLISH\r\n",
             _line("X-WR-CALNAME", gettext(CALENDAR_NAME))]  # fmt: skip
    banner = others_banner(schedule)
    description = "\n\n".join(
        text for text in (banner, help_description(red_flags) if red_flags else "") if text
    )
    if description:
        lines += [_line("DESCRIPTION", description), _line("X-WR-CALDESC", description)]
    extra = (banner, phone_text(phone))
    if not schedule.where_today.started and schedule.first_cycle == 1:
        lines += _blood_test_event(schedule, stamp, extra, holidays)
    for day in schedule.days:
        if day.date < schedule.today and not past:
            continue
        if day.is_clinic:
            lines += _clinic_event(schedule, day, stamp, place, extra)
        if tablets:
            for item in day.home_items:
                lines += _home_event(schedule, day, item, stamp)
    lines.append(b"END:VCALENDAR\r\n")
    return b"".join(lines)


def help_description(red_flags: tuple[tuple[str, str], ...]) -> str:
    """ "When to get help" as plain text: each tier's heading, then its signs, one a line."""
    headings = {
        "emergency": gettext("Emergency: call your emergency number now if you have:"),
        "call_now": gettext(
            "Urgent, day or night: call your 24-hour number straight away if you have:"
        ),
        "next_visit": gettext("Not urgent: tell your team at your next visit about:"),
    }
    parts = [gettext("When to get help")]
    for tier in wording.TIERS:
        signs = [text for t, text in red_flags if t == tier]
        if signs:
            parts.append("\n".join([headings[tier], *(f"- {sign}" for sign in signs)]))
    parts += [gettext(wording.CAPSULE_NOT_MOVED), gettext(wording.INTENDED_USE)]
    return "\n\n".join(parts)


def escape_text(value: str) -> str:
    r"""A TEXT value as RFC 5545 writes it.

    >>> escape_text("Cycle 1, day 1; see notes\\here\nnext")
    'Cycle 1\\, day 1\\; see notes\\\\here\\nnext'
    """
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


@functools.lru_cache(maxsize=1024)
def _line(name: str, text: str) -> bytes:
    """One folded content line for a TEXT property. Cached: most events repeat their text."""
    return fold(f"{name}:{escape_text(text)}")


def fold(line: str) -> bytes:
    """`line` as UTF-8 in pieces of at most 74 octets, each later one after a space (so 75 with
    it), as `icalendar` folds. A cut never splits a character or an escape such as "\\,"."""
    raw = line.encode()
    if len(raw) < MAX_OCTETS:
        return raw + b"\r\n"
    pieces, start = [], 0
    while start < len(raw):
        end = min(start + MAX_OCTETS - 1, len(raw))
        while end < len(raw) and raw[end] & 0xC0 == 0x80:  # inside a UTF-8 character
            end -= 1
        if end < len(raw) and _ends_mid_escape(raw[start:end]):  # keep "\\," together
            end -= 1
        pieces.append(raw[start:end])
        start = end
    return b"\r\n ".join(pieces) + b"\r\n"


def _ends_mid_escape(piece: bytes) -> bool:
    """True when the last backslash of `piece` starts an escape (an odd run of them)."""
    return (len(piece) - len(piece.rstrip(b"\\"))) % 2 == 1


def _uid(schedule: Schedule, day: TreatmentDay, what: str) -> str:
    start = schedule.start_date.isoformat()
    return f"{schedule.regimen.slug}-{start}-c{day.cycle}d{day.day}-{what}@{UID_DOMAIN}"


def _event(uid: str, day: TreatmentDay, summary: str, lines: list, stamp: str) -> list[bytes]:
    return _all_day(uid, day.date, summary, lines, stamp, day.delays_before)


def _all_day(uid: str, date: dt.date, summary: str, lines: list, stamp: str, sequence: int):
    description = "\n\n".join(line for line in lines if line)
    return [
        b"BEGIN:VEVENT\r\n",
        _line("SUMMARY", summary),
        f"DTSTART;VALUE=DATE:{date:%Y%m%d}\r\n".encode(),
        f"DTEND;VALUE=DATE:{date + dt.timedelta(days=1):%Y%m%d}\r\n".encode(),
        f"DTSTAMP:{stamp}\r\n".encode(),
        _line("UID", uid),
        f"SEQUENCE:{sequence}\r\n".encode(),
        _line("DESCRIPTION", description),
        b"TRANSP:TRANSPARENT\r\n",
        b"BEGIN:VALARM\r\n",
        b"ACTION:DISPLAY\r\n",
        _line("DESCRIPTION", wording.reminder(summary)),
        f"TRIGGER:{REMINDER_BEFORE}\r\n".encode(),
        b"END:VALARM\r\n",
        b"END:VEVENT\r\n",
    ]


def _clinic_event(
    schedule: Schedule, day: TreatmentDay, stamp: str, place: str | None, extra=(None, None)
) -> list[bytes]:
    names = ", ".join(item.medicine.local_name for item in day.clinic_items)
    when = wording.cycle_day(day)
    home = wording.items_text(day.home_items)
    lines = [
        _regimen_line(schedule, day),
        _at_clinic(wording.items_text(day.clinic_items)),
        wording.chair_time(day),
        _at_home(home) if home else None,
        gettext(wording.ASK_ABOUT_CAPSULES) if day.ask_home else None,
        wording.holiday_text(day, place),
        None if day.holiday else weekend_text(day.date, None),
        extra[0],
        gettext(wording.AS_PRESCRIBED),
        extra[1],
        gettext(wording.DATE_ESTIMATE),
    ]
    # Translators: an event title, "Clinic: isatuximab, carfilzomib (cycle 1, day 1)".
    summary = gettext("Clinic: {medicines} ({cycle_day})").format(medicines=names, cycle_day=when)
    return _event(_uid(schedule, day, "clinic"), day, summary, lines, stamp)


def _home_event(schedule: Schedule, day: TreatmentDay, item: Item, stamp: str) -> list[bytes]:
    text, when = wording.item_text(item), wording.cycle_day(day)
    # Translators: an event title, "At home: pomalidomide capsule (cycle 1, day 2)".
    summary = gettext("At home: {medicine} ({cycle_day})").format(medicine=text, cycle_day=when)
    lines = [
        _regimen_line(schedule, day),
        _at_home(text),
        gettext(wording.AS_PRESCRIBED),
        gettext(wording.DATE_ESTIMATE),
    ]
    if day.ask_home:
        lines.insert(1, gettext(wording.ASK_ABOUT_CAPSULES))
    what = item.medicine.key if item.day in (0, day.day) else f"{item.medicine.key}-d{item.day}"
    return _event(_uid(schedule, day, what), day, summary, lines, stamp)


def _blood_test_event(schedule: Schedule, stamp: str, extra, holidays) -> list[bytes]:
    # FACTS 6 says only "before the first dose", so the reminder sits on the day before cycle 1
    # day 1 (or today) and says the care team sets the real day; no date is invented.
    day = max(schedule.start_date - dt.timedelta(days=1), schedule.today)
    holiday = holidays(day) if holidays else None
    lines = [weekend_text(day, holiday), gettext(wording.BLOOD_TEST_DETAILS), extra[1],
             gettext(wording.DATE_ESTIMATE)]  # fmt: skip
    uid = f"{schedule.regimen.slug}-{schedule.start_date.isoformat()}-blood-test@{UID_DOMAIN}"
    return _all_day(uid, day, gettext(wording.BLOOD_TEST_TITLE), lines, stamp, 0)


def _regimen_line(schedule: Schedule, day: TreatmentDay) -> str:
    # Translators: "Isa-Kd, cycle 1, day 1."
    text = gettext("{regimen}, {cycle_day}.")
    return text.format(regimen=schedule.regimen.local_name, cycle_day=wording.cycle_day(day))


def phone_text(phone: str) -> str | None:
    """'Your care team, day or night (24 hours): 0123 456 789.' when a number is known."""
    if not phone:
        return None
    return gettext("Your care team, day or night (24 hours): {phone}.").format(phone=phone)


def weekend_text(day: dt.date, holiday: str | None) -> str | None:
    """A reminder on a Saturday, Sunday or public holiday says so: clinics are often closed."""
    if holiday:
        # Translators: {holiday} is the holiday's name, like "Christmas Day".
        text = gettext("This is a public holiday ({holiday}): check the day with your team.")
        return text.format(holiday=holiday)
    if day.weekday() == 5:
        return gettext("This is a Saturday: check the day with your team.")
    if day.weekday() == 6:
        return gettext("This is a Sunday: check the day with your team.")
    return None


def _at_clinic(items: str) -> str:
    """'✚ At the clinic: ...': clinic and home told apart by a word and a symbol everywhere."""
    return f"{wording.CLINIC_MARK} " + gettext("At the clinic: {items}.").format(items=items)


def _at_home(items: str) -> str:
    return f"{wording.HOME_MARK} " + gettext("At home: {items}.").format(items=items)

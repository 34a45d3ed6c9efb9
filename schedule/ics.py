"""The treatment calendar as an iCalendar (.ics) file (RFC 5545), written out directly.

One all-day event per infusion with an exclusive DTEND (the next day) and a reminder the day
before. UIDs depend only on the regimen, the start date and the infusion number, so downloading
again updates the same events instead of adding copies. The weight and dose are left out: a
calendar is often synced to other services, and the date is all it needs.

The file is a handful of fixed-format lines, so it is written here rather than through the
`icalendar` library, whose general-purpose line folding made a year's calendar take about
10 ms; the tests parse every file with `icalendar` to hold this writer to the standard.
Text values are escaped (RFC 5545 3.3.11) and long lines folded (3.1) exactly as `icalendar`
does it, which a test checks byte for byte; lines end in CRLF.
"""

import datetime as dt
import functools

from . import wording
from .plan import Infusion, Plan

PRODID = "-//Isatuximab treatment guide//Treatment calendar//EN"
UID_DOMAIN = "calendar.isatuximab-treatment-guide"
CALENDAR_NAME = "Isatuximab treatment"
# 15 hours before an all-day event's midnight start: 9:00 the day before.
REMINDER_BEFORE = "-PT15H"
MAX_OCTETS = 75  # per line, before the CRLF (RFC 5545 3.1)


def render_ics(plan: Plan, now: dt.datetime) -> bytes:
    """The calendar file for `plan`; `now` (timezone-aware) becomes every event's DTSTAMP."""
    stamp = now.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        b"BEGIN:VCALENDAR\r\n",
        b"VERSION:2.0\r\n",
        _line("PRODID", PRODID),
        b"CALSCALE:GREGORIAN\r\n",
        b"METHOD:PUBLISH\r\n",
        _line("X-WR-CALNAME", CALENDAR_NAME),
    ]
    if plan.starts_in_future and plan.first_cycle == 1:
        lines += _blood_test_event(plan, stamp)
    for infusion in plan.infusions:
        lines += _infusion_event(plan, infusion, stamp)
    lines.append(b"END:VCALENDAR\r\n")
    return b"".join(lines)


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


def _uid(plan: Plan, what: str) -> str:
    return f"{plan.regimen.slug}-{plan.start_date.isoformat()}-{what}@{UID_DOMAIN}"


def _all_day(
    uid: str, day: dt.date, summary: str, description: str, stamp: str, sequence: int
) -> list[bytes]:
    return [
        b"BEGIN:VEVENT\r\n",
        _line("SUMMARY", summary),
        f"DTSTART;VALUE=DATE:{day:%Y%m%d}\r\n".encode(),
        f"DTEND;VALUE=DATE:{day + dt.timedelta(days=1):%Y%m%d}\r\n".encode(),
        f"DTSTAMP:{stamp}\r\n".encode(),
        _line("UID", uid),
        # A delayed dose moves the event; a higher SEQUENCE tells calendar apps it is newer.
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


def _infusion_event(plan: Plan, infusion: Infusion, stamp: str) -> list[bytes]:
    description = "\n\n".join(wording.infusion_details(plan, infusion))
    uid = _uid(plan, f"infusion-{infusion.number}")
    title = wording.infusion_title(infusion)
    return _all_day(uid, infusion.date, title, description, stamp, int(infusion.delayed))


def _blood_test_event(plan: Plan, stamp: str) -> list[bytes]:
    # FACTS 6 says only "before the first dose", so the event sits on the day before C1D1 and
    # says the care team sets the real day; no date is invented.
    day = max(plan.start_date - dt.timedelta(days=1), plan.today)
    description = f"{wording.BLOOD_TEST_DETAILS} {wording.DATE_ESTIMATE}"
    uid = _uid(plan, "blood-test")
    return _all_day(uid, day, wording.BLOOD_TEST_TITLE, description, stamp, 0)

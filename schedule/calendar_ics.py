"""The whole-regimen calendar as an iCalendar (.ics) file (RFC 5545, through `icalendar`).

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
"""

import datetime as dt

from icalendar import Alarm, Calendar, Event

from . import glance
from .treatment import Item, Schedule, TreatmentDay

PRODID = "-//Isatuximab treatment guide//Treatment calendar v2//EN"
UID_DOMAIN = "calendar.isatuximab-treatment-guide"
REMINDER_BEFORE = dt.timedelta(hours=-15)  # 9:00 the day before an all-day event
CONFIRM = "This date is an estimate. Confirm every date with your care team."


def render_ics(
    schedule: Schedule,
    now: dt.datetime,
    place: str | None = None,
    tablets: bool = False,
    past: bool = False,
) -> bytes:
    """The calendar file; `now` (timezone-aware) becomes every event's DTSTAMP."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", "Treatment calendar")
    for day in schedule.days:
        if day.date < schedule.today and not past:
            continue
        if day.is_clinic:
            calendar.add_component(_clinic_event(schedule, day, now, place))
        if tablets:
            for item in day.home_items:
                calendar.add_component(_home_event(schedule, day, item, now))
    return calendar.to_ical()


def _uid(schedule: Schedule, day: TreatmentDay, what: str) -> str:
    start = schedule.start_date.isoformat()
    return f"{schedule.regimen.slug}-{start}-c{day.cycle}d{day.day}-{what}@{UID_DOMAIN}"


def _event(uid: str, day: TreatmentDay, summary: str, lines: list[str], now: dt.datetime) -> Event:
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", now)
    event.add("dtstart", day.date)
    event.add("dtend", day.date + dt.timedelta(days=1))
    event.add("summary", summary)
    event.add("description", "\n\n".join(line for line in lines if line))
    event.add("transp", "TRANSPARENT")
    event.add("sequence", day.delays_before)
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("trigger", REMINDER_BEFORE)
    alarm.add("description", f"Tomorrow: {summary}")
    event.add_component(alarm)
    return event


def _clinic_event(
    schedule: Schedule, day: TreatmentDay, now: dt.datetime, place: str | None
) -> Event:
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
    return _event(_uid(schedule, day, "clinic"), day, summary, lines, now)


def _home_event(schedule: Schedule, day: TreatmentDay, item: Item, now: dt.datetime) -> Event:
    text = glance.item_text(item)
    summary = f"At home: {text} ({glance.cycle_day(day)})"
    lines = [f"{schedule.regimen.name}, {glance.cycle_day(day)}.", glance.AS_PRESCRIBED, CONFIRM]
    return _event(_uid(schedule, day, item.medicine.key), day, summary, lines, now)

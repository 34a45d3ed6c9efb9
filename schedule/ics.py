"""The treatment calendar as an iCalendar (.ics) file (RFC 5545, through `icalendar`).

One all-day event per infusion with an exclusive DTEND (the next day) and a reminder the day
before. UIDs depend only on the regimen, the start date and the infusion number, so downloading
again updates the same events instead of adding copies. The weight and dose are left out: a
calendar is often synced to other services, and the date is all it needs.
"""

import datetime as dt

from icalendar import Alarm, Calendar, Event

from . import wording
from .plan import Infusion, Plan

PRODID = "-//Isatuximab treatment guide//Treatment calendar//EN"
UID_DOMAIN = "calendar.isatuximab-treatment-guide"
# 15 hours before an all-day event's midnight start: 9:00 the day before.
REMINDER_BEFORE = dt.timedelta(hours=-15)


def render_ics(plan: Plan, now: dt.datetime) -> bytes:
    """The calendar file for `plan`; `now` (timezone-aware) becomes every event's DTSTAMP."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", "Isatuximab treatment")
    if plan.starts_in_future and plan.first_cycle == 1:
        calendar.add_component(_blood_test_event(plan, now))
    for infusion in plan.infusions:
        calendar.add_component(_infusion_event(plan, infusion, now))
    return calendar.to_ical()


def _uid(plan: Plan, what: str) -> str:
    return f"{plan.regimen.slug}-{plan.start_date.isoformat()}-{what}@{UID_DOMAIN}"


def _all_day(uid: str, day: dt.date, summary: str, description: str, now: dt.datetime) -> Event:
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", now)
    event.add("dtstart", day)
    event.add("dtend", day + dt.timedelta(days=1))
    event.add("summary", summary)
    event.add("description", description)
    event.add("transp", "TRANSPARENT")
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("trigger", REMINDER_BEFORE)
    alarm.add("description", wording.reminder(summary))
    event.add_component(alarm)
    return event


def _infusion_event(plan: Plan, infusion: Infusion, now: dt.datetime) -> Event:
    description = "\n\n".join(wording.infusion_details(plan, infusion))
    uid = _uid(plan, f"infusion-{infusion.number}")
    event = _all_day(uid, infusion.date, wording.infusion_title(infusion), description, now)
    # A delayed dose moves the event; a higher SEQUENCE tells calendar apps this is a newer version.
    event.add("sequence", 1 if infusion.delayed else 0)
    return event


def _blood_test_event(plan: Plan, now: dt.datetime) -> Event:
    # FACTS 6 says only "before the first dose", so the event sits on the day before C1D1 and
    # says the care team sets the real day; no date is invented.
    day = max(plan.start_date - dt.timedelta(days=1), plan.today)
    description = f"{wording.BLOOD_TEST_DETAILS} {wording.DATE_ESTIMATE}"
    event = _all_day(_uid(plan, "blood-test"), day, wording.BLOOD_TEST_TITLE, description, now)
    event.add("sequence", 0)
    return event

"""Every sentence the treatment calendar says, shared by the result page, the PDF and the .ics.

Each sentence is written once here and the three outputs take it from here, so they cannot
drift apart. Whole sentences with placeholders only, each translated as one string: the
constants are marked with ``gettext_noop`` (their value stays English) and translated where they
are used; the functions write in the current language (see ``language.py``). Clinical numbers
come from their named constants, never retyped. No backbone dose is ever written: "as prescribed
by your team". How each medicine is named (the legend, a day's items, the notes on the other
medicines) is in ``medicine_wording.py``; its names are importable from here too.
"""

import dataclasses
import datetime as dt
import functools
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from isatuximab_portal.lib.dates import long_date, weekday_day_month
from isatuximab_portal.lib.help_box import TIERS as TIERS  # the red-flag tiers, most urgent first
from isatuximab_portal.lib.language import current_language, gettext, gettext_noop, ngettext

# A name imported `as` itself is re-exported: callers keep using `wording.legend`,
# `wording.TRIAL_NOTE` and the rest, from before the medicine sentences had their own module.
from .backbone import TEAM_NOTE as TEAM_NOTE
from .backbone import TRIAL_NOTE as TRIAL_NOTE
from .medicine_wording import NO_EXTRA_DEX as NO_EXTRA_DEX
from .medicine_wording import dexamethasone_note as dexamethasone_note
from .medicine_wording import how_and_where as how_and_where
from .medicine_wording import item_text, items_text
from .medicine_wording import legend as legend
from .medicine_wording import source_note as source_note
from .plan import Item, Schedule, TreatmentDay, expected_minutes

PREMEDICINE_MINUTES = (15, 60)  # medicines 15 to 60 minutes before each infusion (FACTS 4c)

ESTIMATE = gettext_noop("This is an estimate. Confirm every date and dose with your care team.")
# The .ics file carries dates only (no dose), so its notice speaks of dates only.
DATE_ESTIMATE = gettext_noop("This date is an estimate. Confirm every date with your care team.")
ROUNDING_RULE = gettext_noop(
    "How it is worked out: 10 mg for each kilogram of body weight. A weight in pounds is changed "
    "to kilograms (1 lb = 0.45359237 kg), the weight is rounded to the nearest 0.1 kg, and the "
    "amount of liquid medicine (20 mg in each mL) to the nearest 0.1 mL."
)
EXACT_DOSE = gettext_noop(
    "Your pharmacy prepares the exact dose. Your weight is checked at the start of every cycle, "
    "so your dose can change."
)
IV_ONLY = gettext_noop(
    "This is only for isatuximab given as a drip into a vein (IV). The shot under the skin is "
    "the same dose for everyone. This estimate is not for the shot."
)
_EARLIEST, _LATEST = PREMEDICINE_MINUTES
_PREMEDICINES = gettext_noop(
    "You get medicines {earliest} to {latest} minutes before each infusion starts, so plan "
    "for a longer visit."
)
PREMEDICINES = _PREMEDICINES.format(earliest=_EARLIEST, latest=_LATEST)  # English
_NO_REACTION = gettext_noop("These times are for when there is no reaction.")
TIMES = f"{_NO_REACTION} {PREMEDICINES}"
BLOOD_TEST_TITLE = gettext_noop(
    "Reminder: blood type and screen test before your first isatuximab infusion"
)
BLOOD_TEST_DETAILS = gettext_noop(
    "Isatuximab can affect the blood tests used to match blood for a transfusion, so a blood "
    "type and screen test is done before your first infusion. Your care team sets the "
    "exact day."
)


def duration_text(minutes: Decimal) -> str:
    """Minutes in words, in hours past 90 minutes.

    >>> duration_text(Decimal(200)), duration_text(Decimal("112.5")), duration_text(Decimal(75))
    ('about 3 hours 20 minutes', 'about 1 hour 53 minutes', 'about 75 minutes')
    """
    whole = int(minutes.to_integral_value(rounding=ROUND_HALF_UP))
    if whole <= 90:
        return gettext("about {minutes} minutes").format(minutes=whole)
    hours, rest = divmod(whole, 60)
    text = ngettext(
        "about {hours} hour {minutes} minutes", "about {hours} hours {minutes} minutes", hours
    )
    return text.format(hours=hours, minutes=rest)


def premedicines() -> str:
    """PREMEDICINES in the current language."""
    return gettext(_PREMEDICINES).format(earliest=_EARLIEST, latest=_LATEST)


def made_on(day: dt.date) -> str:
    return gettext("Made on {date}.").format(date=long_date(day))


def reminder(title: str) -> str:
    # Translators: the text of a calendar alarm the day before an event; {title} is its title.
    return gettext("Tomorrow: {title}").format(title=title)


AS_PRESCRIBED = gettext_noop("Take or have every other medicine as prescribed by your team.")
# FACTS 5 and 12e (isatuximab keeps its interval), FACTS-backbone 6.2-6.3 and 6.8, and
# FACTS-partner-drugs P1c (home capsules: the team decides; a missed capsule is not made up).
LATE_DOSE = gettext_noop(
    "If a drip is given late, your later drips and clinic visits move by the same number of "
    "days. Tablets and capsules you take at home do not move by themselves: your team decides. "
    "Your care team will give you new dates. They can enter delays in the optional part of the "
    "form to see the new dates."
)
ASK_ABOUT_CAPSULES = gettext_noop(
    "Ask your team whether to keep taking your capsules during the delay."
)
CAPSULE_NOT_MOVED = gettext_noop("A capsule you miss is not moved to a later day.")
INTENDED_USE = gettext_noop(
    "This calendar is for learning and planning. The dose shown is an estimate to talk about "
    "with your team; the pharmacy works out your real dose. Your care team's plan comes first."
)
WEEK_DAYS = 7


def cycle_day(day: TreatmentDay) -> str:
    return gettext("cycle {cycle}, day {day}").format(cycle=day.cycle, day=day.day)


def chair_time(day: TreatmentDay) -> str | None:
    """'Expected infusion time: about 75 minutes if there is no reaction. Add 15 to 60 ...'"""
    infusion = day.infusion
    return None if infusion is None else _chair_time(expected_time(infusion))


def infusion_time(day: TreatmentDay) -> str | None:
    """The short form for tables: 'Isatuximab infusion: about 75 minutes if no reaction.'"""
    infusion = day.infusion
    if infusion is None:
        return None
    text = gettext("Isatuximab infusion: {time} if there is no reaction.")
    return text.format(time=expected_time(infusion))


def expected_time(item: Item) -> str:
    """'about 3 hours 20 minutes' for infusion 1, 'about 75 minutes' from infusion 3."""
    return duration_text(expected_minutes(item.infusion_number or 3))


def _chair_time(expected: str) -> str:
    return _chair_time_in(expected, current_language())


@functools.lru_cache(maxsize=16)
def _chair_time_in(expected: str, language: str) -> str:
    text = gettext("Expected isatuximab infusion time: {time} if there is no reaction.")
    return f"{text.format(time=expected)} {premedicines()}"


def holiday_text(day: TreatmentDay, place: str | None) -> str | None:
    if not day.holiday or not place:
        return None
    # Translators: {holiday} is the holiday's name, like "Christmas Day".
    text = gettext("Public holiday in {place}, {holiday}: your clinic may move this visit.")
    return text.format(place=place, holiday=day.holiday)


def today_text(schedule: Schedule) -> str:
    now = schedule.where_today
    if not now.started:
        text = gettext("Your treatment starts on {date} (cycle 1, day 1).")
        return text.format(date=long_date(schedule.start_date))
    if now.over:
        return gettext(
            "All the treatment days of {regimen} were before today. Your care team will tell "
            "you what comes next."
        ).format(regimen=schedule.regimen.local_name)
    if now.day is None:
        text = gettext("Today is in cycle {cycle}. A delay has moved your next treatment day.")
        return text.format(cycle=now.cycle)
    return gettext("Today is cycle {cycle}, day {day}.").format(cycle=now.cycle, day=now.day)


def next_visits(schedule: Schedule, count: int = 1) -> tuple[TreatmentDay, ...]:
    return schedule.upcoming(clinic_only=True)[:count]


@dataclass(frozen=True)
class HomeWeekLine:
    text: str  # "pomalidomide capsule"
    dates: tuple[dt.date, ...]

    @property
    def dates_text(self) -> str:
        """'Mon 23 Mar, Tue 24 Mar' (names from `dates`, never the server locale)."""
        return ", ".join(weekday_day_month(d) for d in self.dates)


def home_this_week(schedule: Schedule) -> list[HomeWeekLine]:
    """Tablets and capsules due at home from today for 7 days, one line per medicine."""
    end = schedule.today + dt.timedelta(days=WEEK_DAYS - 1)
    by_text: dict[str, list[dt.date]] = {}
    for day in schedule.days:
        if schedule.today <= day.date <= end:
            for item in day.home_items:
                by_text.setdefault(item_text(item), []).append(day.date)
    return [HomeWeekLine(text, tuple(dates)) for text, dates in by_text.items()]


def day_label(day: TreatmentDay) -> str:
    """Short labels for a month-grid cell: '● Isa 3 ▲ Car ■ Dex'."""
    parts = []
    for item in day.items:
        number = f" {item.infusion_number}" if item.infusion_number else ""
        parts.append(f"{item.medicine.symbol} {item.medicine.label}{number}")
    return " ".join(parts)


def moved_text(day: TreatmentDay) -> str | None:
    if not day.moved_days:
        return None
    text = ngettext("moved {n} day by delays", "moved {n} days by delays", day.moved_days)
    return text.format(n=day.moved_days)


def delay_text(kind: str, number: int, days: int) -> str:
    """'Delay: infusion 3 and everything after it moved 7 days later.'"""
    if kind == "cycle":
        text = ngettext(
            "Delay: cycle {number} and everything after it moved {days} day later.",
            "Delay: cycle {number} and everything after it moved {days} days later.",
            days,
        )
    else:
        text = ngettext(
            "Delay: infusion {number} and the drips and clinic visits after it moved {days} "
            "day later.",
            "Delay: infusion {number} and the drips and clinic visits after it moved {days} "
            "days later.",
            days,
        )
    return text.format(number=number, days=days)


@dataclass(frozen=True)
class DayView:
    """Everything a page says about one treatment day, ready to print."""

    day: TreatmentDay
    date_text: str
    cycle_day: str
    clinic: str | None
    home: str | None
    chair_time: str | None
    holiday: str | None
    moved: str | None
    marks: tuple[tuple[str, str], ...]  # (symbol, short label) per medicine
    is_past: bool
    is_today: bool

    @property
    def clinic_marks(self) -> tuple[tuple[str, str], ...]:
        return _marks(self.day.clinic_items)

    @property
    def home_marks(self) -> tuple[tuple[str, str], ...]:
        return _marks(self.day.home_items)


# Clinic and home are told apart in words and in these symbols on every output (issue 24).
CLINIC_MARK, HOME_MARK = "✚", "⌂"
# With their colon, as the cells print them (and so not mistaken for a menu's "Home").
CLINIC_WORD, HOME_WORD = gettext_noop("Clinic:"), gettext_noop("Home:")


def clinic_word() -> str:
    """'Clinic' in the current language, as a month cell heads its clinic medicines."""
    return gettext(CLINIC_WORD).rstrip(":")


def home_word() -> str:
    return gettext(HOME_WORD).rstrip(":")


def _marks(items: tuple[Item, ...]) -> tuple[tuple[str, str], ...]:
    return tuple(
        (i.medicine.symbol, f"{i.medicine.label} {i.infusion_number or ''}".strip()) for i in items
    )


def printed_on(day: dt.date) -> str:
    """'Printed on 7 December 2026.': a handout is read for months, so never 'today'."""
    return gettext("Printed on {date}.").format(date=long_date(day))


def covers_text(schedule: Schedule) -> str:
    """What a handout covers and what comes after it."""
    first, last = schedule.days[0].date, schedule.days[-1].date
    text = gettext("Covers cycles {first} to {last} ({start} to {end}).").format(
        first=schedule.first_cycle, last=schedule.last_cycle,
        start=long_date(first), end=long_date(last),
    )  # fmt: skip
    final = schedule.regimen.last_cycle
    if final is not None and schedule.last_cycle >= final:
        more = gettext("This is the last cycle of {regimen}.").format(
            regimen=schedule.regimen.local_name
        )
    else:
        more = gettext("Treatment usually goes on after this: ask for your next calendar.")
    return f"{text} {more}"


def describe_days(schedule: Schedule, place: str | None, today: dt.date) -> list[DayView]:
    """Every day described; a delay is said once per block: on the first day of a cycle
    shown, or where the amount moved changes, never again on every later row."""
    views, said = [], None
    for day in schedule.days:
        view = describe(day, place, today)
        block = (day.cycle, day.moved_days)
        if view.moved and block == said:
            view = dataclasses.replace(view, moved=None)
        said = block
        views.append(view)
    return views


def home_text(day: TreatmentDay) -> str | None:
    """The home doses; during a delayed drip, with the question for the team (FACTS-backbone
    6.3: holding one drug does not shift the others, the team decides)."""
    home = items_text(day.home_items)
    if home and day.ask_home:
        return f"{home}. {gettext(ASK_ABOUT_CAPSULES)}"
    return home or None


def delay_notes(schedule: Schedule) -> list[str]:
    """For a calendar with delays: each home-dose day during a delayed drip, with the question
    for the team, then the rule that a missed capsule is not moved (FACTS-backbone 6.8, P1c)."""
    if not schedule.shifts:
        return []
    asks = [
        gettext("{date}: {note}").format(date=long_date(d.date), note=gettext(ASK_ABOUT_CAPSULES))
        for d in schedule.days
        if d.ask_home
    ]
    return [*asks, gettext(CAPSULE_NOT_MOVED)]


def describe(day: TreatmentDay, place: str | None, today: dt.date) -> DayView:
    return DayView(
        day=day,
        date_text=long_date(day.date),
        cycle_day=cycle_day(day).capitalize(),
        clinic=items_text(day.clinic_items) or None,
        home=home_text(day),
        chair_time=chair_time(day),
        holiday=holiday_text(day, place),
        moved=moved_text(day),
        marks=_marks(day.items),
        is_past=day.date < today,
        is_today=day.date == today,
    )

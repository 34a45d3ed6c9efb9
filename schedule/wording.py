"""Every sentence the treatment calendar says, shared by the result page, the PDF and the .ics.

Each sentence is written once here and the three outputs take it from here, so they cannot
drift apart. Whole sentences with placeholders only, so that each can later be translated as
one string. Clinical numbers come from their named constants, never retyped. No backbone dose
is ever written: "as prescribed by your team".
"""

import datetime as dt
import functools
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from .backbone import AT_CLINIC_DAYS, CLINIC, EDITED_NOTE, TEAM_NOTE, TRIAL_NOTE, Medicine
from .dates import NAMES, long_date
from .day_syntax import days_in_words
from .plan import Item, Schedule, TreatmentDay, expected_minutes

PREMEDICINE_MINUTES = (15, 60)  # medicines 15 to 60 minutes before each infusion (FACTS 4c)

ESTIMATE = "This is an estimate. Confirm every date and dose with your care team."
# The .ics file carries dates only (no dose), so its notice speaks of dates only.
DATE_ESTIMATE = "This date is an estimate. Confirm every date with your care team."
ROUNDING_RULE = (
    "How it is worked out: 10 mg for each kilogram of body weight. A weight in pounds is changed "
    "to kilograms (1 lb = 0.45359237 kg), the weight is rounded to the nearest 0.1 kg, and the "
    "amount of liquid medicine (20 mg in each mL) to the nearest 0.1 mL."
)
EXACT_DOSE = (
    "Your pharmacy prepares the exact dose. Your weight is checked at the start of every cycle, "
    "so your dose can change."
)
IV_ONLY = (
    "This is only for isatuximab given as a drip into a vein (IV). The shot under the skin is "
    "the same dose for everyone. This estimate is not for the shot."
)
DOSE_NOTES = (ROUNDING_RULE, EXACT_DOSE, IV_ONLY)
_EARLIEST, _LATEST = PREMEDICINE_MINUTES
PREMEDICINES = (
    f"You get medicines {_EARLIEST} to {_LATEST} minutes before each infusion starts, so plan "
    "for a longer visit."
)
TIMES = f"These times are for when there is no reaction. {PREMEDICINES}"
BRING = (
    "What to bring: your list of medicines, your blood transfusion alert card, "
    "a drink, a snack and something to pass the time."
)
BLOOD_TEST_TITLE = "Reminder: blood type and screen test before your first isatuximab infusion"
BLOOD_TEST_DETAILS = (
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
        return f"about {whole} minutes"
    hours, rest = divmod(whole, 60)
    return f"about {hours} hour{'s' if hours > 1 else ''} {rest} minutes"


def made_on(day: dt.date) -> str:
    return f"Made on {long_date(day)}."


def reminder(title: str) -> str:
    return f"Tomorrow: {title}"


AS_PRESCRIBED = "Take or have every other medicine as prescribed by your team."
NO_EXTRA_DEX = (
    "On a clinic day, the dexamethasone you get before the infusion is that day's dose. Do not "
    "take an extra dexamethasone tablet at home that day unless your team tells you to."
)
LATE_DOSE = (
    "If a dose is given late, every later date of every medicine moves by the same number of "
    "days. Your care team will give you new dates. They can enter delays in the optional part "
    "of the form to see the new dates."
)
WEEK_DAYS = 7


@dataclass(frozen=True)
class LegendEntry:
    symbol: str
    label: str
    name: str
    text: str


# The premedication dexamethasone is the day's regimen dose only for Isa-Pd and Isa-Kd (label);
# for Isa-VRd that rule is UNCONFIRMED (FACTS-backbone 0, 9.4), so the sentence is not shown.
NO_EXTRA_DEX_REGIMENS = ("isa-pd", "isa-kd")


def dexamethasone_note(schedule: Schedule) -> str | None:
    """NO_EXTRA_DEX where the label confirms it and dexamethasone is on the calendar."""
    shown = any(m.key == "dexamethasone" for m in schedule.medicines)
    return NO_EXTRA_DEX if shown and schedule.regimen.slug in NO_EXTRA_DEX_REGIMENS else None


def how_and_where(medicine: Medicine) -> str:
    """'pomalidomide capsule at home', 'dexamethasone at the clinic on clinic days, ...'."""
    if medicine.where == AT_CLINIC_DAYS:
        return (
            f"{medicine.name} at the clinic on clinic days and as a {medicine.how} at home on "
            "the other days"
        )
    where = "at the clinic" if medicine.where == CLINIC else "at home"
    return f"{medicine.name} {medicine.how} {where}"


def medicine_days_text(medicine: Medicine, schedule: Schedule) -> str:
    """'days 1 to 21 of every cycle', 'days 1, 8, 15 and 22 in cycle 1; days 1 and 15 from
    cycle 2 onwards' (isatuximab days come from the regimen's phases)."""
    if medicine.rules:
        raw = [(r.first_cycle, r.last_cycle, r.days) for r in medicine.rules]
    else:
        raw = [(p.first_cycle, p.last_cycle, p.infusion_days) for p in schedule.regimen.phases]
    rules: list[tuple[int, int | None, tuple[int, ...]]] = []
    for first, last, days in raw:
        if days and rules and rules[-1][2] == days and rules[-1][1] == first - 1:
            rules[-1] = (rules[-1][0], last, days)  # the same days in the next cycles: one entry
        elif days:
            rules.append((first, last, days))
    if len(rules) == 1 and rules[0][0] == 1 and rules[0][1] is None:
        return f"{days_in_words(rules[0][2])} of every cycle"
    parts = []
    for first, last, days in rules:
        if last is None:
            cycles = f"from cycle {first} on"
        elif first == last:
            cycles = f"in cycle {first}"
        else:
            cycles = f"in cycles {first} to {last}"
        parts.append(f"{days_in_words(days)} {cycles}")
    return "; ".join(parts)


def legend(schedule: Schedule) -> list[LegendEntry]:
    """Every medicine with how and where it is taken: 'pomalidomide capsule at home, days 1 to
    21 of every cycle'."""
    return [
        LegendEntry(
            m.symbol, m.label, m.name, f"{how_and_where(m)}, {medicine_days_text(m, schedule)}"
        )
        for m in schedule.medicines
    ]


def source_note(schedule: Schedule) -> str | None:
    """Where the other medicines' days come from, when that needs saying."""
    if schedule.status == "trial":
        return TRIAL_NOTE
    if schedule.status == "team":
        return TEAM_NOTE
    if schedule.status == "edited":
        return EDITED_NOTE
    return None


def item_text(item: Item) -> str:
    """'isatuximab drip (IV), infusion 3', 'pomalidomide capsule', 'dexamethasone'."""
    medicine = item.medicine
    if item.infusion_number is not None:
        return f"{medicine.name} {medicine.how}, infusion {item.infusion_number}"
    if medicine.where == AT_CLINIC_DAYS:
        return medicine.name if item.where == CLINIC else f"{medicine.name} tablet"
    return f"{medicine.name} {medicine.how}"


@functools.lru_cache(maxsize=512)
def items_text(items: tuple[Item, ...]) -> str:
    return "; ".join(item_text(item) for item in items)


def cycle_day(day: TreatmentDay) -> str:
    return f"cycle {day.cycle}, day {day.day}"


def chair_time(day: TreatmentDay) -> str | None:
    """'Expected infusion time: about 75 minutes if there is no reaction. Add 15 to 60 ...'"""
    infusion = day.infusion
    return None if infusion is None else _chair_time(expected_time(infusion))


def infusion_time(day: TreatmentDay) -> str | None:
    """The short form for tables: 'Isatuximab infusion: about 75 minutes if no reaction.'"""
    infusion = day.infusion
    if infusion is None:
        return None
    return f"Isatuximab infusion: {expected_time(infusion)} if there is no reaction."


def expected_time(item: Item) -> str:
    """'about 3 hours 20 minutes' for infusion 1, 'about 75 minutes' from infusion 3."""
    return duration_text(expected_minutes(item.infusion_number or 3))


@functools.lru_cache(maxsize=8)
def _chair_time(expected: str) -> str:
    return f"Expected isatuximab infusion time: {expected} if there is no reaction. {PREMEDICINES}"


def holiday_text(day: TreatmentDay, place: str | None) -> str | None:
    if not day.holiday or not place:
        return None
    return f"Public holiday in {place}, {day.holiday}: your clinic may move this visit."


def today_text(schedule: Schedule) -> str:
    now = schedule.where_today
    if not now.started:
        return f"Your treatment starts on {long_date(schedule.start_date)} (cycle 1, day 1)."
    if now.over:
        return (
            f"All the treatment days of {schedule.regimen.name} were before today. Your care "
            "team will tell you what comes next."
        )
    if now.day is None:
        return f"Today is in cycle {now.cycle}. A delay has moved your next treatment day."
    return f"Today is cycle {now.cycle}, day {now.day}."


def next_visits(schedule: Schedule, count: int = 1) -> tuple[TreatmentDay, ...]:
    return schedule.upcoming(clinic_only=True)[:count]


@dataclass(frozen=True)
class HomeWeekLine:
    text: str  # "pomalidomide capsule"
    dates: tuple[dt.date, ...]

    @property
    def dates_text(self) -> str:
        """'Mon 23 Mar, Tue 24 Mar' (names from dates.NAMES, never the server locale)."""
        return ", ".join(
            f"{NAMES.short_days[d.weekday()]} {d.day} {NAMES.short_months[d.month - 1]}"
            for d in self.dates
        )


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
    return f"moved {day.moved_days} day{'s' if day.moved_days != 1 else ''} by delays"


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


@functools.lru_cache(maxsize=512)
def _marks(items: tuple[Item, ...]) -> tuple[tuple[str, str], ...]:
    return tuple(
        (
            i.medicine.symbol,
            i.medicine.label + (f" {i.infusion_number}" if i.infusion_number else ""),
        )
        for i in items
    )


def describe(day: TreatmentDay, place: str | None, today: dt.date) -> DayView:
    return DayView(
        day=day,
        date_text=long_date(day.date),
        cycle_day=cycle_day(day).capitalize(),
        clinic=items_text(day.clinic_items) or None,
        home=items_text(day.home_items) or None,
        chair_time=chair_time(day),
        holiday=holiday_text(day, place),
        moved=moved_text(day),
        marks=tuple(
            (
                i.medicine.symbol,
                i.medicine.label + (f" {i.infusion_number}" if i.infusion_number else ""),
            )
            for i in day.items
        ),
        is_past=day.date < today,
        is_today=day.date == today,
    )

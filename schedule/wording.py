"""Every sentence the treatment calendar says, shared by the result page, the PDF and the .ics.

Each sentence is written once here and the three outputs take it from here, so they cannot
drift apart. Whole sentences with placeholders only, so that each can later be translated as
one string. Clinical numbers come from their named constants, never retyped.
"""

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from .dates import long_date
from .plan import MAX_DELAY_DAYS, PREMEDICINE_MINUTES, Infusion, Plan

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
DELAYS = (
    "If a dose is given late, every later date moves by the same number of days. Your care team "
    f"will give you new dates. You can enter a delay of up to {MAX_DELAY_DAYS} days on the form "
    "to see the new dates."
)
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
MOVED = "(moved by the delay)"
INFUSION_COLUMNS = ("Date", "Infusion", "Cycle and day", "Expected infusion time")
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


@dataclass(frozen=True)
class SummaryItem:
    label: str
    value: str
    strong: bool = False


def summary_items(plan: Plan) -> list[SummaryItem]:
    """The plan at a glance: the page shows it as a list of terms, the PDF as lines."""
    regimen, dose, count = plan.regimen, plan.dose, len(plan.infusions)
    return [
        SummaryItem(
            "Treatment",
            f"{regimen.name}: {regimen.partners} (approved in {regimen.approved_text})",
        ),
        SummaryItem("First infusion (cycle 1, day 1)", long_date(plan.start_date)),
        SummaryItem(
            "Shown here",
            f"Cycles {plan.first_cycle} to {plan.last_cycle}: "
            f"{count} infusion{'s' if count != 1 else ''}",
        ),
        SummaryItem(
            "Estimated dose",
            f"{dose.text} ({dose.volume_text} of medicine) for a weight of {dose.weight_text}",
            strong=True,
        ),
    ]


def status_lines(plan: Plan) -> list[str]:
    """Notes about this plan: clipped cycles, a delay, a treatment already over."""
    lines = list(plan.notes)
    if plan.delay:
        lines.append(
            f"Infusion {plan.delay.from_infusion} and every infusion after it are moved "
            f"{plan.delay.days} days later."
        )
    if plan.treatment_over:
        last = plan.infusions[-1].date
        lines.append(
            f"All infusions of this treatment were before today. The last one was on "
            f"{long_date(last)}. Your care team will tell you what comes next."
        )
    return lines


@dataclass(frozen=True)
class InfusionRow:
    """One infusion as the page's and the PDF's table show it (see INFUSION_COLUMNS)."""

    date: str
    moved: bool
    name: str
    cycle_day: str
    expected_time: str


def infusion_row(infusion: Infusion) -> InfusionRow:
    return InfusionRow(
        date=long_date(infusion.date),
        moved=infusion.delayed,
        name=f"Infusion {infusion.number}",
        cycle_day=f"Cycle {infusion.cycle}, day {infusion.day}",
        expected_time=duration_text(infusion.expected_minutes),
    )


def infusion_title(infusion: Infusion) -> str:
    return f"Isatuximab infusion {infusion.number} (cycle {infusion.cycle}, day {infusion.day})"


def infusion_details(plan: Plan, infusion: Infusion) -> list[str]:
    """The paragraphs of one calendar event's description."""
    regimen = plan.regimen
    return [
        f"{regimen.name}: {regimen.partners}.",
        f"Expected infusion time: {duration_text(infusion.expected_minutes)} if there is no "
        f"reaction. {PREMEDICINES}",
        BRING,
        DATE_ESTIMATE,
    ]


def reminder(title: str) -> str:
    return f"Tomorrow: {title}"

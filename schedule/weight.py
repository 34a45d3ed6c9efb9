"""Reading a typed weight so it cannot silently go wrong (no Django).

Rules:
- A unit typed with the number ("154 lb", "70kg") is used whatever unit was chosen.
- With no unit typed and none chosen, the person is asked to choose one (nothing is guessed).
- When the number is unusual for the chosen unit but usual for the other one (154 kg against
  154 lb), the answer is a question with both choices, "You entered 154 kg (340 lb). Is that
  right?", and no dose is shown until it is answered. A unit typed by hand is never questioned.
- Outside the hard limits for the unit it is an error with a plain message.
"""

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from isatuximab_portal.lib.language import gettext
from isatuximab_portal.lib.number_format import format_number

from .dose import KG_PER_LB, WEIGHT_LIMITS, Dose, PlanError, calculate_dose

# Usual adult weights: outside these the number is checked with the person (not refused).
USUAL = {"kg": (Decimal(35), Decimal(140)), "lb": (Decimal(77), Decimal(309))}
OTHER = {"kg": "lb", "lb": "kg"}
_NUMBER = re.compile(r"\d{1,6}(?:\.\d{0,3}|,\d{1,2})?")  # "1,200" is not a decimal
_TYPED = re.compile(
    r"(?P<number>.*?)\s*(?P<unit>kgs?|kilos?|kilograms?|kilogramos?|lbs?|pounds?|libras?)?\.?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Typed:
    number: Decimal
    unit: str | None  # the unit typed with the number, if any


@dataclass(frozen=True)
class Question:
    number: Decimal
    unit: str

    @property
    def text(self) -> str:
        other = convert(self.number, self.unit)
        text = gettext("You entered {weight} ({other}). Is that right?")
        return text.format(weight=self.label(self.unit), other=other)

    def label(self, unit: str) -> str:
        return f"{format_number(self.number)} {unit}"

    def choices(self) -> list[tuple[str, str]]:
        """(value to post back, button text) for 'yes' and for the other unit."""
        other = OTHER[self.unit]
        right = gettext("Yes, {weight} is right").format(weight=self.label(self.unit))
        meant = gettext("No, I meant {weight} ({other})").format(
            weight=self.label(other), other=convert(self.number, other)
        )
        return [(self.label(self.unit), right), (self.label(other), meant)]


def parse(text: str) -> Typed:
    """'70', '70.5', '70,5', '154 lb', '70kg' -> Typed; raises PlanError for anything else."""
    text = (text or "").strip()
    if not text:
        raise PlanError(gettext("Enter your weight, like 70 or 70.5."), "weight")
    match = _TYPED.fullmatch(text)
    number = match["number"] if match else text
    unit = (
        {"k": "kg", "l": "lb", "p": "lb"}.get((match["unit"] or "")[:1].lower()) if match else None
    )
    if number.startswith("-"):
        raise PlanError(gettext("The weight must be a number above 0, like 70."), "weight")
    if not _NUMBER.fullmatch(number):
        raise PlanError(gettext("Enter the weight as a number, like 70 or 70.5."), "weight")
    return Typed(Decimal(number.replace(",", ".")), unit)


def convert(number: Decimal, unit: str) -> str:
    """The same weight in the other unit, for showing both: 154 kg -> '340 lb'."""
    if unit == "kg":
        value = (number / KG_PER_LB).quantize(Decimal(1), rounding=ROUND_HALF_UP)
        return f"{format_number(value)} lb"
    value = (number * KG_PER_LB).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return f"{format_number(value)} kg"


def _usual(number: Decimal, unit: str) -> bool:
    low, high = USUAL[unit]
    return low <= number <= high


def _possible(number: Decimal, unit: str) -> bool:
    low, high = WEIGHT_LIMITS[unit]
    return low <= number <= high


def read_weight(
    text: str, chosen_unit: str | None, confirmed: str | None = None
) -> Dose | Question:
    """The dose for a typed weight, or a Question to ask first. Raises PlanError."""
    typed = parse(text)
    if confirmed:
        answer = parse(confirmed)
        if answer.number == typed.number and answer.unit:
            return calculate_dose(typed.number, answer.unit)
    unit = typed.unit or chosen_unit
    if unit not in WEIGHT_LIMITS:
        text = gettext(
            "Choose kilograms (kg) or pounds (lb), or type the unit after the number, like 70 kg."
        )
        raise PlanError(text, "weight_unit")
    other = OTHER[unit]
    asks = not typed.unit and not _usual(typed.number, unit) and _usual(typed.number, other)
    if asks and _possible(typed.number, unit):
        return Question(typed.number, unit)
    if not _possible(typed.number, unit) and _possible(typed.number, other) and not typed.unit:
        text = gettext(
            "{number} {unit} is outside the range we can estimate for. "
            "If you meant {number} {other}, choose {other}."
        )
        raise PlanError(
            text.format(number=format_number(typed.number), unit=unit, other=other), "weight"
        )
    return calculate_dose(typed.number, unit)

"""The estimated IV dose of isatuximab from body weight (no Django).

One rule, with its rounding written out in `calculate_dose`. The result is an estimate: the
pharmacy prepares the real dose from the weight measured at each cycle.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from isatuximab_portal.lib.language import gettext, gettext_noop
from isatuximab_portal.lib.number_format import format_number

# Dose (FACTS 3, 12g): 10 mg per kg of actual body weight; concentrate is 20 mg per mL (4a).
MG_PER_KG = Decimal(10)
MG_PER_ML = Decimal(20)
KG_PER_LB = Decimal("0.45359237")  # the international pound
WEIGHT_STEP = Decimal("0.1")  # weights are rounded to the nearest 0.1 kg
VOLUME_STEP = Decimal("0.1")
# Sensible limits for an adult weight; outside them the person has most likely mistyped.
WEIGHT_LIMITS = {"kg": (Decimal(30), Decimal(250)), "lb": (Decimal(66), Decimal(551))}
UNIT_NAMES = {"kg": gettext_noop("kilograms (kg)"), "lb": gettext_noop("pounds (lb)")}


class PlanError(ValueError):
    """Bad input; `field` names the form field the message belongs to."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class Dose:
    weight_kg: Decimal
    dose_mg: Decimal
    volume_ml: Decimal

    @property
    def text(self) -> str:
        return f"{format_number(self.dose_mg)} mg"

    @property
    def volume_text(self) -> str:
        return f"{format_number(self.volume_ml)} mL"

    @property
    def weight_text(self) -> str:
        return f"{format_number(self.weight_kg)} kg"


def calculate_dose(weight: Decimal, unit: str = "kg") -> Dose:
    """Estimate one IV dose from body weight.

    Rounding rule: pounds become kilograms (1 lb = 0.45359237 kg), the weight is rounded to the
    nearest 0.1 kg (halves round up), the dose is 10 mg per kg of that weight, so a whole number
    of mg, and the volume of 20 mg/mL concentrate is rounded to the nearest 0.1 mL.
    Raises ValueError (PlanError) for bad input.

    >>> dose = calculate_dose(Decimal("83.4"))
    >>> dose.text, dose.volume_text
    ('834 mg', '41.7 mL')
    >>> calculate_dose(Decimal(154), "lb").weight_text  # 69.853 kg
    '69.9 kg'
    """
    if unit not in WEIGHT_LIMITS:
        raise PlanError(gettext("Choose kilograms (kg) or pounds (lb)."), "weight_unit")
    if not isinstance(weight, Decimal) or not weight.is_finite():
        raise PlanError(gettext("Enter the weight as a number, like 70 or 70.5."), "weight")
    low, high = WEIGHT_LIMITS[unit]
    if not low <= weight <= high:
        text = gettext(
            "With {units} chosen, enter a weight between {low} and {high} {unit}. "
            "Check the number and the unit."
        )
        units = gettext(UNIT_NAMES[unit])
        raise PlanError(text.format(units=units, low=low, high=high, unit=unit), "weight")
    kg = weight * KG_PER_LB if unit == "lb" else weight
    kg = kg.quantize(WEIGHT_STEP, rounding=ROUND_HALF_UP)
    dose = (kg * MG_PER_KG).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    volume = (dose / MG_PER_ML).quantize(VOLUME_STEP, rounding=ROUND_HALF_UP)
    return Dose(weight_kg=kg, dose_mg=dose, volume_ml=volume)

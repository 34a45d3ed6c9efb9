from decimal import Decimal

import pytest

from schedule.dose import PlanError, calculate_dose, format_number


@pytest.mark.parametrize(
    ("weight", "unit", "kg", "dose", "volume"),
    [
        ("50", "kg", "50.0", "500 mg", "25 mL"),
        ("70", "kg", "70.0", "700 mg", "35 mL"),
        ("83.4", "kg", "83.4", "834 mg", "41.7 mL"),
        ("120", "kg", "120.0", "1,200 mg", "60 mL"),
        ("83.45", "kg", "83.5", "835 mg", "41.8 mL"),  # halves round up
        ("70.1", "kg", "70.1", "701 mg", "35.1 mL"),  # 35.05 mL rounds up
        ("154", "lb", "69.9", "699 mg", "35 mL"),  # 154 lb = 69.853 kg
        ("66", "lb", "29.9", "299 mg", "15 mL"),
    ],
)
def test_it_estimates_the_dose_with_the_documented_rounding(weight, unit, kg, dose, volume):
    result = calculate_dose(Decimal(weight), unit)
    assert result.weight_kg == Decimal(kg)
    assert (result.text, result.volume_text) == (dose, volume)


@pytest.mark.parametrize(
    ("weight", "unit"),
    [
        ("29.9", "kg"), ("250.1", "kg"), ("0", "kg"), ("-70", "kg"), ("1e309", "kg"),
        ("NaN", "kg"), ("Infinity", "kg"), ("65.9", "lb"), ("552", "lb"), ("300", "kg"),
    ],
)  # fmt: skip
def test_it_rejects_weights_outside_the_limits(weight, unit):
    with pytest.raises(ValueError) as error:
        calculate_dose(Decimal(weight), unit)
    assert error.value.field == "weight"


def test_it_names_the_assumed_unit_in_the_range_message():
    with pytest.raises(PlanError, match=r"pounds \(lb\) chosen.*66 and 551 lb"):
        calculate_dose(Decimal(30), "lb")


def test_it_rejects_an_unknown_unit():
    with pytest.raises(PlanError, match="kilograms"):
        calculate_dose(Decimal(70), "stone")


@pytest.mark.parametrize(
    ("value", "text"), [("1200.0", "1,200"), ("41.70", "41.7"), ("25.0", "25"), ("0.5", "0.5")]
)
def test_it_formats_numbers_without_trailing_zeros(value, text):
    assert format_number(Decimal(value)) == text

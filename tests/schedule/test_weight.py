from decimal import Decimal

import pytest

from schedule.dose import Dose, PlanError
from schedule.weight import Question, convert, read_weight


def test_it_asks_before_using_154_kg():
    answer = read_weight("154", "kg")
    assert isinstance(answer, Question)
    assert answer.text == "You entered 154 kg (340 lb). Is that right?"
    assert [value for value, _ in answer.choices()] == ["154 kg", "154 lb"]
    assert "No, I meant 154 lb (69.9 kg)" in dict(answer.choices()).values()


@pytest.mark.parametrize(("text", "unit"), [("70", "kg"), ("70.5", "kg"), ("154", "lb")])
def test_it_does_not_ask_for_usual_weights(text, unit):
    assert isinstance(read_weight(text, unit), Dose)


@pytest.mark.parametrize(
    ("text", "chosen", "mg"),
    [("154 lb", "kg", 699), ("154lb", None, 699), ("70 kg", "lb", 700), ("154 pounds", "kg", 699)],
)
def test_a_typed_unit_wins_and_is_never_questioned(text, chosen, mg):
    answer = read_weight(text, chosen)
    assert isinstance(answer, Dose)
    assert answer.dose_mg == Decimal(mg)


@pytest.mark.parametrize(("confirmed", "mg"), [("154 kg", 1540), ("154 lb", 699)])
def test_the_answer_to_the_question_is_used(confirmed, mg):
    assert read_weight("154", "kg", confirmed).dose_mg == Decimal(mg)


def test_an_answer_for_another_number_is_ignored():
    assert isinstance(read_weight("160", "kg", "154 kg"), Question)


def test_it_asks_for_a_light_weight_in_pounds():
    assert read_weight("70", "lb").text == "You entered 70 lb (31.8 kg). Is that right?"


@pytest.mark.parametrize(
    ("text", "chosen", "field", "words"),
    [
        ("154", None, "weight_unit", "Choose kilograms"),
        ("", "kg", "weight", "Enter your weight"),
        ("-70", "kg", "weight", "above 0"),
        ("seventy", "kg", "weight", "as a number"),
        ("300", "kg", "weight", "If you meant 300 lb"),
        ("9000", "kg", "weight", "between"),
    ],
)
def test_it_explains_bad_weights(text, chosen, field, words):
    with pytest.raises(PlanError, match=words) as caught:
        read_weight(text, chosen)
    assert caught.value.field == field


def test_it_converts_for_showing_both_units():
    assert convert(Decimal(70), "kg") == "154 lb"
    assert convert(Decimal(154), "lb") == "69.9 kg"

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from schedule.forms import CalendarForm

TODAY = dt.date(2026, 3, 10)
VALID = {
    "regimen": "isa-pd",
    "weight": "70",
    "weight_unit": "kg",
    "start_date": "2026-01-05",
    "paper": "a4",
}


def bound(**changes):
    data = {**VALID, **changes}
    return CalendarForm({k: v for k, v in data.items() if v is not None}, today=TODAY)


def test_it_builds_a_plan_from_valid_input():
    form = bound()
    assert form.is_valid(), form.errors
    assert form.plan.regimen.slug == "isa-pd"
    assert form.plan.first_cycle == 3  # 10 March 2026 is in cycle 3
    assert form.plan.dose.text == "700 mg"


@pytest.mark.parametrize(
    ("typed", "unit", "dose"),
    [
        ("70,5", "kg", "705 mg"),
        ("70 kg", "kg", "700 mg"),
        (" 83.4 ", "kg", "834 mg"),
        ("70.", "kg", "700 mg"),
        ("70.5KG", "kg", "705 mg"),
        ("154 lbs", "lb", "699 mg"),
        ("154 pounds", "lb", "699 mg"),
    ],
)
def test_it_accepts_common_ways_of_typing_a_weight(typed, unit, dose):
    form = bound(weight=typed, weight_unit=unit)
    assert form.is_valid(), form.errors
    assert form.plan.dose.text == dose


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("weight", "", "Enter your weight"),
        ("weight", None, "Enter your weight"),
        ("weight", "seventy", "as a number"),
        ("weight", "-70", "above 0"),
        ("weight", "0", "between 30 and 250 kg"),
        ("weight", "NaN", "as a number"),
        ("weight", "Infinity", "as a number"),
        ("weight", "1e309", "as a number"),
        ("weight", "9" * 10_000, "as a number"),
        ("weight", "1,200", "as a number"),
        ("weight", "🙂", "as a number"),
        ("weight", "700", "between 30 and 250 kg"),
        ("weight", "70 lb", "You typed lb but chose kg"),
        ("weight_unit", "stone", "kilograms (kg) or pounds (lb)"),
        ("weight_unit", None, "kilograms (kg) or pounds (lb)"),
        ("regimen", "", "Choose your treatment"),
        ("regimen", "isa-sc", "Choose one of the treatments"),
        ("start_date", "", "Enter the date of your first infusion"),
        ("start_date", "05/01/2026", "5 January or 1 May"),
        ("start_date", "2026-02-30", "does not exist"),
        ("start_date", "yesterday", "YYYY-MM-DD"),
        ("start_date", "x" * 10_000, "YYYY-MM-DD"),
        ("start_date", "9999-12-31", "no more than 1 year from today"),
        ("start_date", "0001-01-01", "within the last 5 years"),
        ("start_date", "99999-01-01", "YYYY-MM-DD"),
        ("first_cycle", "0", "1 or more"),
        ("first_cycle", "two", "whole number"),
        ("first_cycle", "1e309", "whole number"),
        ("first_cycle", "99999999999999999999", "999 or less"),
        ("last_cycle", "1", "same as or after the first"),
        ("last_cycle", "40", "more than 2 years"),
        ("paper", "A4", "A4 or US Letter"),  # the keys are lower case
    ],
)
def test_it_explains_bad_input_next_to_the_field(field, value, message):
    form = bound(**{field: value})
    assert not form.is_valid()
    assert any(message in error for error in form.errors[field]), form.errors


def test_it_says_which_unit_was_assumed_for_a_kg_looking_weight_in_pounds():
    form = bound(weight="50", weight_unit="lb")
    assert not form.is_valid()
    assert "With pounds (lb) chosen" in form.errors["weight"][0]


def test_it_accepts_the_date_limits_exactly():
    assert bound(start_date="2021-03-10").is_valid()
    assert bound(start_date="2027-03-10").is_valid()
    assert not bound(start_date="2021-03-09").is_valid()
    assert not bound(start_date="2027-03-11").is_valid()


def test_it_clips_cycles_past_the_end_of_induction_with_a_note():
    form = bound(regimen="isa-vrd-induction", first_cycle="1", last_cycle="9")
    assert form.is_valid(), form.errors
    assert form.plan.last_cycle == 3
    assert form.plan.notes


def test_it_rejects_a_first_cycle_after_the_end_of_induction():
    form = bound(regimen="isa-vrd-induction", first_cycle="4")
    assert not form.is_valid()
    assert "from 1 to 3" in form.errors["first_cycle"][0]


def test_it_applies_a_delay_from_the_form():
    form = bound(first_cycle="1", last_cycle="3", delay_from="6", delay_days="3")
    assert form.is_valid(), form.errors
    assert form.plan.infusions[6].date == dt.date(2026, 3, 5)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"delay_from": "6"}, "delay_days"),
        ({"delay_days": "3"}, "delay_from"),
        ({"delay_from": "6", "delay_days": "91"}, "delay_days"),
        ({"regimen": "isa-vrd-induction", "delay_from": "12", "delay_days": "3"}, "delay_from"),
    ],
)
def test_it_needs_both_parts_of_a_delay(changes, field):
    form = bound(**changes)
    assert not form.is_valid()
    assert field in form.errors


def test_it_defaults_paper_to_a4_when_missing():
    form = bound(paper=None)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["paper"] == "a4"


def test_every_field_has_help_text_and_autocomplete_off():
    form = CalendarForm(today=TODAY)
    for name, field in form.fields.items():
        assert field.help_text, name
        assert field.widget.attrs.get("autocomplete") == "off", name


def test_it_labels_each_regimen_with_where_it_is_approved():
    labels = dict(CalendarForm(today=TODAY).fields["regimen"].choices)
    assert "approved in the EU only" in labels["isa-vrd-induction"]
    assert "approved in the US and the EU" in labels["isa-kd"]


def test_it_cleans_weight_to_a_decimal():
    form = bound(weight="70,5")
    assert form.is_valid()
    assert form.cleaned_data["weight"] == (Decimal("70.5"), None)


TEXT = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["NaN", "-Infinity", "1e309", "9" * 5000, "0001-01-01", "9999-12-31", "🙂"]),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
)


def mostly(sensible: str):
    """Usually the sensible value, so the plan itself is reached and fuzzed too."""
    choices = [st.just(sensible)] * 6 + [SMALL, TEXT]
    return st.integers(0, len(choices) - 1).flatmap(lambda index: choices[index])


FIELDS = [*VALID, "first_cycle", "last_cycle", "delay_from", "delay_days"]
SMALL = st.integers(min_value=-5, max_value=60).map(str)


@settings(max_examples=200, deadline=None)
@given(data=st.fixed_dictionaries({name: mostly(VALID.get(name, "")) for name in FIELDS}))
def test_it_never_crashes_on_any_input(data):
    form = CalendarForm(data, today=TODAY)
    event("valid" if form.is_valid() else "invalid")
    if form.is_valid():
        assert form.plan is not None
    else:
        assert form.errors


def test_the_calendar_and_the_card_offer_the_same_paper_keys_as_the_pdfs():
    from schedule.card_forms import WalletCardForm
    from schedule.pdf.paper import PAPER_SIZES

    calendar = CalendarForm.base_fields["paper"].choices
    card = WalletCardForm.base_fields["paper"].choices
    assert calendar == card
    assert [key for key, _ in calendar] == list(PAPER_SIZES)


@pytest.mark.parametrize(("start", "valid"), [("2021-03-10", True), ("2021-03-09", False)])
def test_the_calendar_and_the_card_share_one_start_date_rule(start, valid):
    from schedule.card_forms import WalletCardForm

    card = WalletCardForm({"start_date": start}, today=TODAY)
    assert bound(start_date=start).is_valid() is valid
    assert card.is_valid() is valid

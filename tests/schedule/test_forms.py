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


def test_it_builds_a_schedule_and_a_dose_from_valid_input():
    form = bound()
    assert form.is_valid(), form.errors
    assert form.schedule.regimen.slug == "isa-pd" and form.dose.dose_mg == Decimal(700)
    assert form.question is None


@pytest.mark.parametrize(
    ("typed", "unit", "mg"),
    [("70", "kg", 700), ("70,5", "kg", 705), ("154 lb", "kg", 699), ("70kg", None, 700),
     ("154 pounds", None, 699)],
)  # fmt: skip
def test_it_accepts_common_ways_of_typing_a_weight(typed, unit, mg):
    form = bound(weight=typed, weight_unit=unit)
    assert form.is_valid(), form.errors
    assert form.dose.dose_mg == Decimal(mg)


def test_it_asks_instead_of_guessing_for_154_kg():
    form = bound(weight="154")
    assert form.is_valid()
    assert form.dose is None and form.question.text.startswith("You entered 154 kg (340 lb)")


def test_it_uses_the_care_teams_days_and_delays():
    form = bound(**{"days_isa-pd_pomalidomide_0": "1-14", "delay1_number": "2",
                    "delay1_days": "3", "delay1_kind": "cycle"})  # fmt: skip
    assert form.is_valid(), form.errors
    pom = [d.date for d in form.schedule.days if any(i.medicine.key == "pomalidomide"
                                                      for i in d.items)]  # fmt: skip
    assert len(pom) == 14 * (form.schedule.last_cycle - form.schedule.first_cycle + 1)
    assert form.schedule.shifts[0].position == (2, 1)


def test_every_visible_field_has_a_label_and_autocomplete_off():
    form = CalendarForm(today=TODAY)
    for name, field in form.fields.items():
        assert field.widget.attrs.get("autocomplete") == "off", name
        assert field.label or name == "weight_checked", name


FIELDS = [*VALID, "first_cycle", "last_cycle", "delay1_number", "delay1_days",
          "days_isa-pd_pomalidomide_0", "holidays", "patient_name"]  # fmt: skip
TEXT = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["NaN", "-Infinity", "1e309", "9" * 5000, "0001-01-01", "9999-12-31", "🙂"]),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
)
SMALL = st.integers(min_value=-5, max_value=60).map(str)


def mostly(sensible: str):
    """Usually the sensible value, so the schedule itself is reached and fuzzed too."""
    choices = [st.just(sensible)] * 6 + [SMALL, TEXT]
    return st.integers(0, len(choices) - 1).flatmap(lambda index: choices[index])


@settings(max_examples=150, deadline=None)
@given(data=st.fixed_dictionaries({name: mostly(VALID.get(name, "")) for name in FIELDS}))
def test_it_never_crashes_on_any_input(data):
    form = CalendarForm(data, today=TODAY)
    event("valid" if form.is_valid() else "invalid")
    if form.is_valid():
        assert (form.dose is None) != (form.question is None)
        assert form.schedule is not None
    else:
        assert form.errors


def test_the_calendar_and_the_card_offer_the_same_paper_keys_as_the_pdfs():
    from card.forms import WalletCardForm
    from isatuximab_portal.lib.paper import PAPER_SIZES

    calendar = CalendarForm.base_fields["paper"].choices
    card = WalletCardForm.base_fields["paper"].choices
    assert calendar == card
    assert [key for key, _ in calendar] == list(PAPER_SIZES)


@pytest.mark.parametrize(("start", "valid"), [("2021-03-10", True), ("2021-03-09", False)])
def test_the_calendar_and_the_card_share_one_start_date_rule(start, valid):
    from card.forms import WalletCardForm

    card = WalletCardForm({"start_date": start}, today=TODAY)
    assert bound(start_date=start, regimen="isa-vrd-induction").is_valid() is valid
    assert card.is_valid() is valid

"""Fixtures for the benchmarks: the 12-cycle calendar form and a filled wallet-card form."""

import pytest

from card.forms import WalletCardForm
from schedule.forms import CalendarForm

from .data import CARD_DATA, TODAY, calendar_data


@pytest.fixture(scope="module")
def calendar_form() -> CalendarForm:
    """A valid form: `.schedule` (every medicine's days) and `.dose` (the isatuximab estimate)."""
    form = CalendarForm(calendar_data(), today=TODAY)
    assert form.is_valid(), form.errors
    assert form.schedule is not None and form.dose is not None
    return form


@pytest.fixture(scope="module")
def card_form() -> WalletCardForm:
    form = WalletCardForm(CARD_DATA, today=TODAY)
    assert form.is_valid(), form.errors
    return form

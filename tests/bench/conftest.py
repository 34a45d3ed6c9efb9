"""Fixtures for the benchmarks: the 12-cycle calendar plan and a filled wallet-card form."""

import pytest

from schedule.card_forms import WalletCardForm
from schedule.forms import CalendarForm
from schedule.plan import Plan

from .data import CARD_DATA, TODAY, calendar_data


@pytest.fixture(scope="module")
def plan() -> Plan:
    form = CalendarForm(calendar_data(), today=TODAY)
    assert form.is_valid(), form.errors
    return form.plan


@pytest.fixture(scope="module")
def card_form() -> WalletCardForm:
    form = WalletCardForm(CARD_DATA, today=TODAY)
    assert form.is_valid(), form.errors
    return form

"""Issue 25: under /es/ a date typed day/month/year (dd/mm/aaaa, dd-mm-aaaa, d/m/aa) is read,
since in Spanish that is its only reading; the date picker stays; English keeps refusing
05/01/2026 as ambiguous."""

import datetime as dt

import pytest
from django.utils import timezone, translation

from isatuximab_portal.lib.fields import IsoDateField
from tests.schedule.test_calendar_spanish import VALID, text_of
from tests.schedule.test_card_views_spanish import FILLED as CARD

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *args: dt.date(2026, 11, 1))


@pytest.mark.parametrize(
    "typed",
    ["13/11/2026", "13-11-2026", "13.11.2026", "13/11/26", " 13 / 11 / 2026 ", "2026-11-13"],
)
def test_spanish_reads_day_month_year(typed):
    with translation.override("es"):
        assert IsoDateField().clean(typed) == dt.date(2026, 11, 13)


def test_spanish_reads_05_01_as_the_fifth_of_january():
    with translation.override("es"):
        assert IsoDateField().clean("5/1/26") == dt.date(2026, 1, 5)


@pytest.mark.parametrize("typed", ["31/02/2026", "13/13/2026"])
def test_spanish_refuses_a_day_that_does_not_exist_without_the_english_ambiguity(typed):
    with translation.override("es"), pytest.raises(Exception) as error:
        IsoDateField().clean(typed)
    assert "La fecha no existe" in str(error.value) or "no existe" in str(error.value)
    assert "puede ser el 5 de enero" not in str(error.value)


def test_english_keeps_its_ambiguity_rule():
    with translation.override("en"), pytest.raises(Exception) as error:
        IsoDateField().clean("13/11/2026")
    assert "can mean 5 January or 1 May" in str(error.value)


def test_13_11_2026_makes_a_calendar_under_es(client):
    text = text_of(client.post("/es/schedule/", {**VALID, "start_date": "13/11/2026"}))
    assert "viernes 13 de noviembre de 2026" in text
    assert "puede ser el 5 de enero" not in text


def test_the_spanish_form_still_offers_the_date_picker_and_a_day_first_hint(client):
    page = client.get("/es/schedule/").content.decode()
    assert 'type="date"' in page
    assert "dd/mm/aaaa" in text_of(client.get("/es/schedule/"))


def test_the_spanish_card_reads_day_month_year(client):
    response = client.post(
        "/es/schedule/wallet-card/",
        {**CARD, "start_date": "05/01/2026", "last_dose_date": "", "layout": "card"},
    )
    assert response["Content-Type"] == "application/pdf"


def test_the_english_calendar_refuses_13_11_2026(client):
    text = text_of(client.post("/schedule/", {**VALID, "start_date": "13/11/2026"}))
    assert "can mean 5 January or 1 May" in text

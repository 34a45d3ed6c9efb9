"""Issue 24 in real Chromium at phone size (390 x 844): the IMROZ calendar is refused until
the care team ticks "the other medicines are not on this calendar" (message by the field),
then says so in a banner; each day card says "At the clinic" / "At home"; axe stays at 0."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

pytestmark = pytest.mark.browser
TODAY = dt.date(2026, 3, 10)
BANNER = "Your other medicines are NOT shown here."


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *args: TODAY)


def fill_imroz(page) -> None:
    page.goto("/schedule/")
    page.select_option("#id_regimen", "isa-vrd")
    page.fill("#id_weight", "70")
    page.check("#id_weight_unit_0")
    page.fill("#id_start_date", "2026-01-05")
    page.fill("#id_first_cycle", "2")
    page.fill("#id_last_cycle", "2")


def test_imroz_on_a_phone_needs_the_tick_then_shows_the_banner_and_labelled_cards(page, axe_check):
    page.set_viewport_size({"width": 390, "height": 844})
    fill_imroz(page)
    page.click("main button[type=submit]")
    error = page.locator("#id_others_off_error")
    error.wait_for()
    expect(error).to_contain_text("The days of the other medicines are empty.", use_inner_text=True)
    axe_check(page)
    page.check("#id_others_off")
    page.click("main button[type=submit]")
    page.wait_for_selector("#next-visit")
    expect(page.locator(".others-banner")).to_be_visible()
    expect(page.locator(".others-banner")).to_contain_text(BANNER, use_inner_text=True)
    row = page.locator(".day-table tbody tr").first
    for words in ("At the clinic:", "At home:", "Other medicines not shown"):
        expect(row).to_contain_text(words, use_inner_text=True)
    for part in (".day-table", ".at-a-glance"):  # visually hidden words are in innerText too
        expect(page.locator(part)).not_to_contain_text("Nothing", use_inner_text=True)
    expect(page.locator(".at-a-glance")).not_to_contain_text(
        "No tablets or capsules", use_inner_text=True
    )
    axe_check(page)


def test_on_a_wide_screen_the_headings_label_the_columns_instead(page):
    page.set_viewport_size({"width": 1280, "height": 900})
    fill_imroz(page)
    page.check("#id_others_off")
    page.click("main button[type=submit]")
    page.wait_for_selector("#next-visit")
    expect(page.locator(".day-table .cell-label").first).to_be_hidden()

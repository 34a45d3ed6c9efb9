"""The treatment calendar in real Chromium: axe on every state, and keyboard-only use."""

import datetime as dt
import io
from pathlib import Path

import pytest
from django.utils import timezone
from icalendar import Calendar
from pypdf import PdfReader

TODAY = dt.date(2026, 3, 10)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    # The live server runs in a thread of this process, so it sees the same fixed date.
    monkeypatch.setattr(timezone, "localdate", lambda *args: TODAY)


@pytest.fixture
def us_page(browser, live_server):
    """A page with a fixed en-US locale, so the date picker's segments are month, day, year."""
    context = browser.new_context(base_url=live_server.url, accept_downloads=True, locale="en-US")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def tab_to(page, selector: str, limit: int = 60) -> None:
    """Press Tab until `selector` has focus, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def fill_form_with_keyboard(page) -> None:
    page.goto("/schedule/")
    tab_to(page, "#id_regimen")
    page.keyboard.type("Isa-K")
    tab_to(page, "#id_weight")
    page.keyboard.type("70,5")
    tab_to(page, "#id_start_date")
    page.keyboard.type("01052026")  # the date picker's month, day, year segments (en-US)
    tab_to(page, "#id_first_cycle")
    page.keyboard.type("1")
    page.keyboard.press("Tab")
    page.keyboard.type("3")
    assert page.input_value("#id_regimen") == "isa-kd"
    assert page.input_value("#id_start_date") == "2026-01-05"
    tab_to(page, "main button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_selector("h1:has-text('Your treatment calendar')")


def test_it_has_no_axe_violations_on_the_form(page, axe_check):
    page.goto("/schedule/")
    assert page.locator("h1").count() == 1
    axe_check(page)


def test_it_focuses_the_error_summary_and_has_no_axe_violations(page, axe_check):
    page.goto("/schedule/")
    tab_to(page, "main button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_selector("#error-summary")
    assert page.evaluate("document.activeElement.id") == "error-summary"
    assert page.locator("#error-summary a").count() >= 3
    axe_check(page)
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # follow the first link to its field
    assert page.evaluate("document.activeElement.id") == "id_regimen"


def test_it_makes_a_calendar_and_downloads_it_with_the_keyboard_only(us_page, axe_check):
    page = us_page
    fill_form_with_keyboard(page)
    assert page.url.endswith("/schedule/")  # nothing typed ends up in the address
    assert "705 mg" in page.inner_text("main")
    assert page.locator("table.month-grid caption").first.inner_text() == "January 2026"
    axe_check(page)

    tab_to(page, "button[value=pdf]")
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    download = info.value
    assert download.suggested_filename == "isatuximab-calendar.pdf"
    reader = PdfReader(io.BytesIO(Path(download.path()).read_bytes()))
    text = "\n".join(p.extract_text() for p in reader.pages)
    assert "Monday 5 January 2026" in text and "Monday 16 March 2026" in text
    assert "705 mg" in text

    tab_to(page, "button[value=ics]")
    with page.expect_download() as info:
        page.keyboard.press("Space")
    download = info.value
    assert download.suggested_filename == "isatuximab-calendar.ics"
    calendar = Calendar.from_ical(Path(download.path()).read_bytes())
    starts = [e.decoded("DTSTART").isoformat() for e in calendar.walk("VEVENT")]
    assert starts == [
        "2026-01-05", "2026-01-12", "2026-01-19", "2026-01-26",
        "2026-02-02", "2026-02-16", "2026-03-02", "2026-03-16",
    ]  # fmt: skip


@pytest.mark.parametrize("width", [320, 1280])
def test_the_result_page_does_not_scroll_sideways(us_page, width):
    page = us_page
    page.set_viewport_size({"width": width, "height": 800})
    fill_form_with_keyboard(page)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0


def test_it_prints_without_navigation_or_buttons(us_page):
    page = us_page
    fill_form_with_keyboard(page)
    page.emulate_media(media="print")
    assert not page.locator(".site-nav").is_visible()
    assert not page.locator("button[value=pdf]").is_visible()
    assert page.locator("table.month-grid").first.is_visible()
    assert page.get_by_text("Confirm every date and dose with your care team").first.is_visible()

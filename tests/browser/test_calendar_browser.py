"""The treatment calendar in real Chromium: axe on every state, and keyboard-only use."""

import datetime as dt
import io
import re
from pathlib import Path

import pytest
from django.utils import timezone
from icalendar import Calendar
from playwright.sync_api import expect
from pypdf import PdfReader

TODAY = dt.date(2026, 3, 10)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    # The live server runs in a thread of this process, so it sees the same fixed date.
    monkeypatch.setattr(timezone, "localdate", lambda *args: TODAY)


@pytest.fixture
def us_page(browser, live_server):
    """A page with a fixed en-US locale, so the date picker's segments are month, day, year."""
    context = browser.new_context(
        service_workers="block", base_url=live_server.url, accept_downloads=True, locale="en-US"
    )
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


def fill_form_with_keyboard(page, weight: str = "70,5") -> None:
    page.goto("/schedule/")
    tab_to(page, "#id_regimen")
    page.keyboard.type("Isa-K")
    tab_to(page, "#id_weight")
    page.keyboard.type(weight)
    tab_to(page, "#id_weight_unit_0")
    page.keyboard.press("Space")  # no unit is chosen until the person chooses one
    tab_to(page, "#id_start_date")
    page.keyboard.type("01052026")  # the date picker's month, day, year segments (en-US)
    tab_to(page, "#id_first_cycle")
    page.keyboard.type("1")
    page.keyboard.press("Tab")
    page.keyboard.type("3")
    assert page.input_value("#id_regimen") == "isa-kd"
    assert page.input_value("#id_start_date") == "2026-01-05"
    assert page.is_checked("#id_weight_unit_0")
    tab_to(page, "main button[type=submit]", limit=120)
    page.keyboard.press("Enter")


def test_it_has_no_axe_violations_on_the_form_with_the_optional_section_open(page, axe_check):
    page.goto("/schedule/")
    expect(page.locator("h1")).to_have_count(1)
    axe_check(page)
    page.locator("#other-medicines > summary").click()
    expect(page.locator("#id_days_isa-pd_pomalidomide_0")).to_be_visible()
    assert page.input_value("#id_days_isa-pd_pomalidomide_0") == "1-21"
    axe_check(page)


def test_it_focuses_the_error_summary_and_has_no_axe_violations(page, axe_check):
    page.goto("/schedule/")
    tab_to(page, "main button[type=submit]", limit=120)
    page.keyboard.press("Enter")
    page.wait_for_selector("#error-summary")
    expect(page.locator("#error-summary")).to_be_focused()
    expect(page.locator("#error-summary a").nth(2)).to_be_attached()
    axe_check(page)
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # follow the first link to its field
    expect(page.locator("#id_regimen")).to_be_focused()


def test_it_asks_about_an_unusual_weight_with_no_axe_violations(us_page, axe_check):
    page = us_page
    fill_form_with_keyboard(page, weight="154")
    page.wait_for_selector("text=You entered 154 kg (340 lb). Is that right?")
    assert "mg" not in page.inner_text("main")
    axe_check(page)
    # Neither answer is chosen or highlighted (issue 24).
    expect(page.locator("input[name='weight_checked']:checked")).to_have_count(0)
    expect(page.locator(".weight-question .btn-primary")).to_have_text(
        "Continue", use_inner_text=True
    )
    tab_to(page, ".weight-question button.btn-primary")
    page.keyboard.press("Enter")  # no answer chosen: asked again, the message by the question
    page.wait_for_selector("#weight-question-error")
    expect(page.locator("#weight-question-error")).to_contain_text("Choose one answer")
    axe_check(page)
    tab_to(page, "input[value='154 kg']")  # the radio group's one tab stop
    page.keyboard.press("ArrowDown")  # moves to, and chooses, "No, I meant 154 lb"
    assert page.is_checked("input[value='154 lb']")
    tab_to(page, ".weight-question button.btn-primary")
    page.keyboard.press("Enter")
    page.wait_for_selector("#next-visit")
    expect(page.locator("main")).to_contain_text("699 mg", use_inner_text=True)


def test_it_makes_a_calendar_and_downloads_it_with_the_keyboard_only(us_page, axe_check):
    page = us_page
    fill_form_with_keyboard(page)
    page.wait_for_selector("h1:has-text('Your treatment calendar')")
    # Nothing typed ends up in the address.
    expect(page).to_have_url(re.compile(re.escape("/schedule/") + "$"))
    expect(page.locator("main")).to_contain_text("705 mg", use_inner_text=True)
    expect(page.locator("table.month-grid caption").first).to_have_text(
        "January 2026", use_inner_text=True
    )
    axe_check(page)

    tab_to(page, "a[href='#next-visit']")
    page.keyboard.press("Enter")
    expect(page.locator("#next-visit")).to_be_focused()
    panel = page.inner_text("#next-visit")
    assert "Tuesday 10 March 2026 (cycle 3, day 9): today" in panel
    assert "At the clinic: dexamethasone; carfilzomib drip (IV)." in panel
    assert "Monday 16 March 2026: dexamethasone; isatuximab drip (IV), infusion 8" in panel

    tab_to(page, "button[value=pdf]")
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    download = info.value
    assert download.suggested_filename == "isatuximab-calendar.pdf"
    reader = PdfReader(io.BytesIO(Path(download.path()).read_bytes()))
    text = "\n".join(p.extract_text() for p in reader.pages)
    assert "Monday 16 March 2026" in text and "705 mg" in text
    assert "carfilzomib drip (IV) at the clinic" in text.replace("\n", " ")

    tab_to(page, "button[value=ics]")
    with page.expect_download() as info:
        page.keyboard.press("Space")
    download = info.value
    assert download.suggested_filename == "isatuximab-calendar.ics"
    calendar = Calendar.from_ical(Path(download.path()).read_bytes())
    starts = [e.decoded("DTSTART").isoformat() for e in calendar.walk("VEVENT")]
    assert starts == ["2026-03-10", "2026-03-16", "2026-03-17"]  # clinic days from today


@pytest.mark.parametrize("width", [320, 1280])
def test_the_result_page_does_not_scroll_sideways(us_page, width):
    page = us_page
    page.set_viewport_size({"width": width, "height": 800})
    fill_form_with_keyboard(page)
    page.wait_for_selector("#next-visit")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0


def test_it_prints_cleanly_in_black_and_white(us_page, axe_check):
    page = us_page
    fill_form_with_keyboard(page)
    page.wait_for_selector("#next-visit")
    page.emulate_media(media="print")
    expect(page.locator(".site-nav")).to_be_hidden()
    expect(page.locator("button[value=pdf]")).to_be_hidden()
    expect(page.locator("table.month-grid").first).to_be_visible()
    expect(
        page.get_by_text("Confirm every date and dose with your care team").first
    ).to_be_visible()
    overflowing = page.evaluate(
        """() => [...document.querySelectorAll('.month-grid td, .day-table td')]
              .filter(td => td.scrollWidth > td.clientWidth + 1).length"""
    )
    assert overflowing == 0
    styles = page.evaluate(
        """() => [...document.querySelectorAll('main h2, main h3')]
              .map(h => getComputedStyle(h).breakAfter)"""
    )
    assert set(styles) == {"avoid"}  # no heading stranded at the foot of a page
    clinic = page.locator(".month-grid td.is-clinic").first
    assert clinic.evaluate("td => getComputedStyle(td).borderTopStyle") == "solid"
    axe_check(page)


def test_the_optional_section_shows_only_the_chosen_treatments_boxes(page):
    page.goto("/schedule/")
    page.locator("#other-medicines > summary").click()
    page.select_option("#id_regimen", "isa-vrd-induction")
    expect(page.locator("#id_days_isa-vrd-induction_lenalidomide_0")).to_be_visible()
    assert page.input_value("#id_days_isa-vrd-induction_lenalidomide_0") == "1-14, 22-35"
    expect(page.locator("#id_days_isa-pd_pomalidomide_0")).to_be_hidden()
    assert page.input_value("#id_days_isa-vrd_lenalidomide_0") == ""  # IMROZ: nothing prefilled

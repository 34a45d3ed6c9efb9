"""Glossary words on a touch screen, search results and the printable diary, in real Chromium."""

import io
import re

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from tests.education.conftest import make_page, make_term

PHONE = {"width": 375, "height": 667}
BODY = "You have the medicine as an infusion in hospital.\n\nMore text here about your visit."


@pytest.fixture
def glossary_page(live_server):
    make_term("infusion", "Medicine given slowly through a drip into a vein.")
    return make_page(title="Infusion day", slug="infusion-day", body=BODY)


def touch_context(browser, live_server, **options):
    return browser.new_context(
        service_workers="block",
        base_url=live_server.url,
        viewport=PHONE,
        has_touch=True,
        is_mobile=True,
        **options,
    )


def test_a_tap_shows_the_definition_in_place_and_a_second_tap_opens_the_glossary(
    browser, live_server, glossary_page
):
    context = touch_context(browser, live_server)
    page = context.new_page()
    page.goto("/learn/infusion-day/")
    term = page.locator("a.glossary-term", has_text="infusion")
    definition = page.locator("#glossary-def-infusion")
    expect(definition).to_be_hidden()
    term.tap()
    expect(definition).to_be_visible()
    expect(definition).to_contain_text("through a drip into a vein", use_inner_text=True)
    expect(page).to_have_url(re.compile(re.escape("/learn/infusion-day/") + "$"))
    expect(term).to_have_attribute("aria-expanded", "true")
    page.locator("h1").tap()
    expect(definition).to_be_hidden()
    expect(term).to_have_attribute("aria-expanded", "false")
    term.tap()
    expect(definition).to_be_visible()
    term.tap()
    page.wait_for_url("**/glossary/#infusion")
    expect(page.locator("h1")).to_have_text("Glossary of medical words", use_inner_text=True)
    context.close()


def test_without_javascript_a_tap_still_goes_to_the_glossary(browser, live_server, glossary_page):
    context = touch_context(browser, live_server, java_script_enabled=False)
    page = context.new_page()
    page.goto("/learn/infusion-day/")
    page.locator("a.glossary-term", has_text="infusion").tap()
    page.wait_for_url("**/glossary/#infusion")
    context.close()


def test_a_mouse_click_still_follows_the_link(page, glossary_page):
    page.goto("/learn/infusion-day/")
    page.locator("a.glossary-term", has_text="infusion").click()
    page.wait_for_url("**/glossary/#infusion")


def test_search_results_mark_the_words_and_pass_axe(page, axe_check, live_server):
    make_page(title="Tablets", body="Some people take dexamethasone tablets once a week.")
    page.goto("/search/?q=dex")
    marks = page.locator("main .search-results mark")
    expect(marks.first).to_have_text("dexamethasone", use_inner_text=True)
    axe_check(page)


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_the_printed_diary_page_is_one_page_in_black_and_white(page, axe_check, paper):
    page.goto("/diary/")
    axe_check(page)
    page.emulate_media(media="print")
    axe_check(page)
    expect(page.locator(".diary-form")).to_be_hidden()
    expect(page.locator(".diary-table")).to_be_visible()
    reader = PdfReader(io.BytesIO(page.pdf(format=paper)))
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    assert "Symptom and temperature diary" in text
    assert "Questions for my care team" in text
    assert "Day 7" in text


def test_the_diary_pdf_downloads_from_the_form(page):
    page.goto("/diary/")
    page.get_by_label("US Letter (USA and Canada)").check()
    page.get_by_label("Number of weeks").fill("2")
    with page.expect_request("**/diary/pdf/**") as info:
        page.get_by_role("button", name="Get the PDF diary").click()
    url = info.value.url
    assert info.value.method == "GET"
    assert "paper=letter" in url and "weeks=2" in url
    response = page.request.get(url)
    assert response.headers["content-type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.body()))
    assert len(reader.pages) == 2 + 1  # two weeks, then "When to get help"
    assert "When to get help" in reader.pages[-1].extract_text()
    assert round(float(reader.pages[0].mediabox.height)) == 792

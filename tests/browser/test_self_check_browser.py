"""'Check what you understood' with JavaScript in real Chromium: answered in place by keyboard
only, announced (aria-live), axe-clean before and after, no cookie, nothing in the address."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from playwright.sync_api import expect


@pytest.fixture
def content(live_server):
    call_command("load_initial_content", stdout=StringIO())


def answer_two_by_keyboard(page, unanswered: int):
    """Choose the second option of question 1 (arrow key) and "True" in question 2 (space
    bar), Tab past the ``unanswered`` questions to the button, press Enter; returns the
    summary once the answer is in place."""
    radios = page.locator("[data-self-check] input[type=radio]")
    radios.first.focus()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    for _ in range(unanswered + 1):  # Tab skips a group with nothing chosen
        page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_have_attribute("type", "submit")
    page.keyboard.press("Enter")
    summary = page.locator("#self-check-summary")
    summary.wait_for()
    return summary


@pytest.mark.parametrize(
    ("url", "score"),
    [
        ("/learn/infusion-day/", "You got 2 of 3."),
        ("/es/learn/infusion-day/", "Ha acertado 2 de 3."),
    ],
)
def test_a_self_check_is_answered_in_place_by_keyboard(page, axe_check, content, url, score):
    page.goto(url)
    axe_check(page)
    # question 1: the second choice (right); question 2: "True" (right); question 3 unanswered
    summary = answer_two_by_keyboard(page, unanswered=1)
    expect(summary).to_contain_text(score, use_inner_text=True)
    expect(page.locator("#self-check-summary")).to_be_focused()
    status = page.locator("[data-self-check-status]")
    expect(status).to_have_attribute("aria-live", "polite")
    expect(status).to_contain_text(score, use_inner_text=True)
    # The answers went in the request body, not the address.
    expect(page).to_have_url(re.compile(re.escape(url) + "$"))
    expect(page.locator(".self-check__feedback")).to_have_count(3)
    assert page.context.cookies() == []
    axe_check(page)


@pytest.mark.parametrize(
    ("url", "score"),
    [("/get-help/", "You got 1 of 4."), ("/es/get-help/", "Ha acertado 1 de 4.")],
)
def test_the_get_help_self_check_sends_the_reader_back_to_a_tier(
    page, axe_check, content, url, score
):
    page.goto(url)
    # question 1: "Call your 24-hour number now" (right); question 2: "True" (wrong: call even
    # without a fever); questions 3 and 4 unanswered
    summary = answer_two_by_keyboard(page, unanswered=2)
    expect(summary).to_contain_text(score, use_inner_text=True)
    again = summary.locator('a[href="#call-now"]')
    expect(again).to_have_count(1)
    again.press("Enter")  # the link takes the reader to the 24-hour tier of this same page
    expect(page).to_have_url(re.compile(re.escape(f"{url}#call-now") + "$"))
    expect(page.locator("#call-now")).to_be_visible()
    assert page.context.cookies() == []
    axe_check(page)

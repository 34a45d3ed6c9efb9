"""The issue-11 content in real Chromium: new pages on screen and in print, checklist headings."""

from io import StringIO

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from education.models import Page

NEW_PAGES = [
    "your-other-medicines", "pomalidomide", "lenalidomide", "dexamethasone", "bortezomib",
    "carfilzomib", "blood-clots", "steroid-effects", "nerve-damage", "heart-and-blood-pressure",
    "vaccines",
]  # fmt: skip


@pytest.fixture
def content(live_server):
    call_command("load_initial_content", stdout=StringIO())
    return {p.slug: p for p in Page.objects.published().for_language("en")}


def test_the_new_pages_are_listed_and_have_no_axe_violations_on_screen_or_in_print(
    page, axe_check, content
):
    assert set(NEW_PAGES) <= set(content)
    page.goto("/learn/")
    listed = set(page.locator("main .page-list a").evaluate_all("els => els.map(e => e.pathname)"))
    for slug in NEW_PAGES:
        assert f"/learn/{slug}/" in listed, slug
        page.emulate_media(media="screen")
        assert page.goto(f"/learn/{slug}/").status == 200
        expect(page.locator("h1")).to_have_text(content[slug].title, use_inner_text=True)
        axe_check(page)
        page.emulate_media(media="print")
        axe_check(page)


def test_the_checklist_shows_its_headings_and_explains_a_word_on_focus(page, axe_check, content):
    page.goto("/checklist/")
    headings = page.locator(".checklist h2").all_inner_texts()
    assert headings == [
        "Before treatment starts",
        "On infusion days",
        "Every day",
        "Call your team straight away",
    ]
    term = page.locator(".checklist__why a.glossary-term").first
    definition = page.locator(f"#{term.get_attribute('aria-describedby')}")
    expect(definition).to_be_hidden()
    term.focus()
    expect(definition).to_be_visible()
    assert definition.inner_text().strip()
    page.keyboard.press("Escape")
    expect(definition).to_be_hidden()
    page.emulate_media(media="print")
    axe_check(page)


def test_the_get_help_page_passes_axe_in_print(page, axe_check, content):
    page.goto("/get-help/")
    page.emulate_media(media="print")
    expect(page.get_by_text("new confusion")).to_be_visible()
    axe_check(page)

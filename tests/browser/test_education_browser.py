"""The education pages in real Chromium: axe, navigation, print, checklist ticks, glossary."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from education.models import CANONICAL_URL_NAMES, GlossaryTerm, Page


@pytest.fixture
def content(live_server):
    """The shipped content, loaded into the live server's (per-test) database."""
    call_command("load_initial_content", stdout=StringIO())
    if not GlossaryTerm.objects.filter(term__iexact="infusion").exists():
        GlossaryTerm.objects.create(
            term="infusion", definition="Medicine given slowly through a drip into a vein."
        )
    return list(Page.objects.published().for_language("en"))


def test_every_education_page_has_no_axe_violations(page, axe_check, content):
    urls = ["/", "/learn/", "/checklist/", "/glossary/", "/get-help/", "/intended-use/",
            "/search/?q=infusion",
            "/search/?q="] + [p.get_absolute_url() for p in content]  # fmt: skip
    for url in urls:
        response = page.goto(url)
        assert response.status == 200, url
        expect(page.locator("h1"), url).to_have_count(1)
        axe_check(page)


def test_every_section_is_reachable_from_the_navigation(page, content):
    page.goto("/")
    for link, heading in [
        ("Learn", "Learn about isatuximab"),
        ("Checklist", "Do's and don'ts"),
        ("Glossary", "Glossary of medical words"),
        ("For blood banks", None),
    ]:
        page.get_by_role("navigation", name="Main").get_by_role("link", name=link).click()
        if heading:
            expect(page.locator("h1")).to_have_text(heading, use_inner_text=True)
    expect(page).to_have_url(re.compile(re.escape("/for-blood-banks/") + "$"))
    page.get_by_role("link", name="Get help now").click()
    expect(page.locator("h1")).to_have_text("When to get help", use_inner_text=True)
    page.get_by_role("searchbox", name="Search this site").fill("infusion")
    page.get_by_role("search", name="Site").get_by_role("button", name="Search").click()
    expect(page).to_have_url(re.compile(r"[?&]q=infusion"))
    expect(page.locator("main .search-results li").nth(0)).to_be_attached()


def test_every_page_is_linked_from_the_learn_index(page, content):
    page.goto("/learn/")
    hrefs = set(page.locator("main .page-list a").evaluate_all("els => els.map(e => e.pathname)"))
    expected = {p.get_absolute_url() for p in content if p.slug not in CANONICAL_URL_NAMES}
    assert expected <= hrefs


def test_a_content_page_prints_without_navigation_and_with_review_dates(page, content):
    target = (
        next(p for p in content if p.show_help) if any(p.show_help for p in content) else content[0]
    )
    page.goto(target.get_absolute_url())
    page.emulate_media(media="print")
    expect(page.locator(".site-nav")).to_be_hidden()
    expect(page.locator(".header-search")).to_have_count(1)  # one search box, shown at every width
    expect(page.locator(".header-search")).to_be_hidden()
    expect(page.locator(".site-menu")).to_be_hidden()
    expect(page.get_by_text("Page last reviewed:")).to_be_visible()
    expect(page.get_by_text("Next review due:")).to_be_visible()
    expect(page.locator(".print-address")).to_be_visible()
    expect(page.locator(".print-address")).to_contain_text(
        target.get_absolute_url(), use_inner_text=True
    )
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")


def test_the_checklist_prints_with_its_boxes_and_without_navigation(page, content):
    page.goto("/checklist/")
    page.emulate_media(media="print")
    expect(page.locator(".site-nav")).to_be_hidden()
    expect(page.locator(".checklist__box").first).to_be_visible()
    expect(page.get_by_role("button", name="Clear all my ticks")).to_be_hidden()


def test_checklist_ticks_stay_in_this_browser_only(page, content):
    page.goto("/checklist/")
    boxes = page.locator(".checklist__box")
    expect(boxes.nth(1)).to_be_attached()
    boxes.nth(1).check()
    page.reload()
    expect(page.locator(".checklist__box").nth(1)).to_be_checked()
    expect(page.locator(".checklist__box").nth(0)).not_to_be_checked()
    page.get_by_role("button", name="Clear all my ticks").click()
    page.reload()
    expect(page.locator(".checklist__box").nth(1)).not_to_be_checked()


def test_checklist_boxes_tick_without_javascript(browser, live_server, content):
    context = browser.new_context(
        service_workers="block", base_url=live_server.url, java_script_enabled=False
    )
    try:
        page = context.new_page()
        page.goto("/checklist/")
        first = page.locator(".checklist__box").first
        page.locator(".checklist__label").first.click()
        expect(first).to_be_checked()
        expect(page.get_by_role("button", name="Clear all my ticks")).to_have_count(0)
    finally:
        context.close()


def test_a_glossary_definition_shows_on_keyboard_focus_and_escape_hides_it(page, content):
    target = next(
        (p for p in content if "infusion" in p.body.lower() and p.slug != "for-blood-banks"), None
    )
    assert target is not None
    page.goto(target.get_absolute_url())
    term = page.locator("a.glossary-term").first
    definition_id = term.get_attribute("aria-describedby")
    definition = page.locator(f"#{definition_id}")
    expect(definition).to_be_hidden()
    term.focus()
    expect(definition).to_be_visible()
    assert definition.inner_text().strip() != ""
    page.keyboard.press("Escape")
    expect(definition).to_be_hidden()
    page.keyboard.press("Tab")
    term.focus()
    expect(definition).to_be_visible()


def test_content_pages_do_not_scroll_sideways_on_a_small_phone(page, content):
    page.set_viewport_size({"width": 320, "height": 640})
    for url in ["/", "/checklist/", "/get-help/", "/search/?q=drip"] + [
        p.get_absolute_url() for p in content
    ]:
        page.goto(url)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, url

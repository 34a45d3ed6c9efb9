"""Issue 24 on a phone (390 x 844) in real Chromium: the fever panel and a number that dials
on the first screen of "When to get help" (English and Spanish), the alert card in reach,
44 px tap targets, search in the phone header, axe at 0 on every page and state touched."""

from io import StringIO

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from education.models import HelpSettings, Page

PHONE = {"width": 390, "height": 844}
MIN_TAP = 44
NUMBER = "0161 496 0000"


@pytest.fixture
def content(live_server):
    call_command("load_initial_content", stdout=StringIO())
    return list(Page.objects.published())


@pytest.fixture
def numbers(content):
    settings = HelpSettings.load()
    settings.phone_24h = NUMBER
    settings.centre_name = "City Hospital"
    settings.save()
    return settings


@pytest.fixture
def phone(browser, live_server):
    context = browser.new_context(service_workers="block", base_url=live_server.url, viewport=PHONE)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def box(locator) -> dict:
    found = locator.bounding_box()
    assert found is not None, "not rendered"
    return found


@pytest.mark.parametrize(
    ("url", "question"),
    [
        ("/get-help/", "Temperature of 38 °C (100.4 °F) or more, or feeling very unwell?"),
        ("/es/get-help/", "¿Temperatura de 38 °C (100,4 °F) o más, o se siente muy mal?"),
    ],
)
def test_the_fever_panel_and_a_number_that_dials_are_on_the_first_screen(
    phone, axe_check, numbers, url, question
):
    phone.goto(url)
    panel = phone.locator(".fever-call")
    expect(panel.locator("h2")).to_have_text(question)  # spaces and line breaks count as one
    button = panel.locator("a[href^='tel:']")
    expect(button).to_have_attribute("href", "tel:01614960000")
    # The number is shown as text, not only dialled.
    expect(button).to_contain_text(NUMBER, use_inner_text=True)
    found = box(button)
    assert found["y"] + found["height"] <= PHONE["height"], found  # within the first screen
    assert box(panel)["y"] + box(panel)["height"] <= PHONE["height"]
    assert found["height"] >= MIN_TAP and found["width"] >= PHONE["width"] * 0.6, found
    picture = "A thermometer" if url == "/get-help/" else "Un termómetro"
    expect(panel.get_by_role("img", name=picture)).to_be_visible()
    axe_check(phone)


def test_without_a_number_the_panel_sends_the_patient_to_the_card_and_the_diary(
    phone, axe_check, content
):
    phone.goto("/get-help/")
    panel = phone.locator(".fever-call")
    expect(panel.locator("a[href^='tel:']")).to_have_count(0)
    expect(panel).to_contain_text("No number yet?", use_inner_text=True)
    card = panel.get_by_role("link", name="alert card")
    expect(card).to_have_attribute("href", "/schedule/wallet-card/")
    expect(panel.get_by_role("link", name="diary")).to_have_attribute("href", "/diary/")
    assert box(card)["height"] >= MIN_TAP
    # The emergency numbers dial too, and show as numbers.
    for number in ("999", "112", "911"):
        link = phone.locator(f"main a[href='tel:{number}']")
        expect(link).to_have_text(number, use_inner_text=True)
    axe_check(phone)


def test_the_phone_header_dials_the_number_on_other_pages(phone, axe_check, numbers):
    phone.goto("/learn/")
    line = phone.locator("header .header-fever-call__link")
    expect(line).to_have_attribute("href", "tel:01614960000")
    expect(line).to_contain_text(NUMBER, use_inner_text=True)
    expect(line).to_contain_text("38", use_inner_text=True)
    assert box(line)["height"] >= MIN_TAP
    assert box(line)["y"] + box(line)["height"] <= PHONE["height"]
    axe_check(phone)


def test_the_alert_card_is_linked_from_home_menu_and_checklist(phone, axe_check, content):
    phone.goto("/")
    home_link = phone.locator("main .task-list").get_by_role("link", name="Make your alert card")
    expect(home_link).to_have_attribute("href", "/schedule/wallet-card/")
    phone.locator("summary.site-menu__toggle").click()
    menu = phone.get_by_role("navigation", name="Main")
    expect(menu.get_by_role("link", name="Alert card")).to_have_attribute(
        "href", "/schedule/wallet-card/"
    )
    axe_check(phone)
    phone.goto("/checklist/")
    item = phone.locator(".checklist__item", has_text="Carry your alert card")
    link = item.locator("a.checklist__action-link")
    expect(link).to_have_attribute("href", "/schedule/wallet-card/")
    assert box(link)["height"] >= MIN_TAP
    expect(item.get_by_role("img", name="An alert card, the size of a bank card")).to_be_visible()
    axe_check(phone)


def test_home_task_links_and_glossary_words_are_44_px_tall_to_tap(phone, content):
    phone.goto("/")
    links = phone.locator("main .task-list a")
    expect(links.nth(5)).to_be_attached()
    heights = [box(links.nth(i))["height"] for i in range(links.count())]
    assert min(heights) >= MIN_TAP, heights
    phone.goto("/learn/side-effects/")
    term = phone.locator("a.glossary-term").first
    term.scroll_into_view_if_needed()
    assert box(term)["height"] >= MIN_TAP, box(term)
    # The word is still the thing tapped at its middle (the padding does not hide it).
    middle = box(term)
    hit = phone.evaluate(
        "([x, y]) => document.elementFromPoint(x, y).closest('a.glossary-term') !== null",
        [middle["x"] + middle["width"] / 2, middle["y"] + middle["height"] / 2],
    )
    assert hit


def test_search_is_visible_in_the_phone_header_and_finds_the_card(phone, axe_check, content):
    phone.goto("/learn/")
    searchbox = phone.get_by_role("searchbox", name="Search this site")
    expect(searchbox).to_be_visible()
    assert box(searchbox)["y"] + box(searchbox)["height"] <= 200
    assert box(searchbox)["height"] >= MIN_TAP
    searchbox.fill("wallet card")
    searchbox.press("Enter")
    phone.wait_for_url("**/search/?q=wallet+card")
    first = phone.locator("a.search-results__title").first
    expect(first).to_have_attribute("href", "/schedule/wallet-card/")
    axe_check(phone)


def test_the_card_form_offers_the_phone_picture_first(phone, axe_check, content):
    phone.goto("/schedule/wallet-card/")
    first = phone.locator("form.wallet-card-form input").first
    expect(first).to_have_attribute("id", "id_output_0")
    expect(first).to_have_attribute("value", "image")
    assert box(first)["y"] < box(phone.locator("#id_name"))["y"]
    axe_check(phone)


@pytest.mark.parametrize(
    "url",
    [
        "/learn/side-effects/",
        "/learn/infusion-day/",
        "/learn/trial-results/",
        "/es/learn/side-effects/",
        "/es/learn/infusion-day/",
        "/es/checklist/",
        "/es/",
    ],
)
def test_the_pages_changed_by_issue_24_have_no_axe_violations(phone, axe_check, numbers, url):
    phone.goto(url)
    expect(phone.locator("h1")).to_have_count(1)
    axe_check(phone)


def test_infusion_day_shows_the_drip_picture_with_its_alt_text(phone, content):
    phone.goto("/learn/infusion-day/")
    picture = phone.get_by_role("img", name="A drip bag and tube going into an arm")
    expect(picture).to_be_visible()
    assert box(picture)["y"] + box(picture)["height"] <= PHONE["height"]

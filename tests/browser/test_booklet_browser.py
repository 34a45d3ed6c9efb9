"""The booklet in real Chromium: the pages that link to it have no axe violations, the link is
reachable by keyboard, hidden on paper, and leads to the PDF."""

from io import StringIO

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from education.models import CANONICAL_URL_NAMES, Page
from tests.booklet.conftest import needs_weasyprint  # noqa: F401 (fixture)


@pytest.fixture
def content(live_server) -> list[Page]:
    call_command("load_initial_content", stdout=StringIO())
    # the learn pages (not the ones with their own address: get-help, the blood-bank sheet)
    return list(Page.objects.published().exclude(slug__in=CANONICAL_URL_NAMES))


def test_the_booklet_page_and_the_pages_linking_to_it_have_no_axe_violations(
    page, axe_check, content
):
    for url in ["/booklet/", "/learn/", content[0].get_absolute_url()]:
        response = page.goto(url)
        assert response.status == 200, url
        expect(page.locator("h1"), url).to_have_count(1)
        assert page.locator("a[href='/booklet/']").count() >= (0 if url == "/booklet/" else 1)
        axe_check(page)


@pytest.mark.usefixtures("needs_weasyprint")
def test_the_booklet_link_is_reached_by_keyboard_and_gives_the_pdf(page, content):
    page.goto(content[0].get_absolute_url())
    link = page.get_by_role("link", name="Print the whole guide as one booklet (PDF, A4 paper)")
    for _ in range(80):
        page.keyboard.press("Tab")
        if link.evaluate("el => el === document.activeElement"):
            break
    else:
        raise AssertionError("Tab never reached the booklet link")
    # The first request builds the booklet (WeasyPrint): allow for a machine busy with other
    # test workers, well beyond Playwright's 30 s default.
    response = page.request.get(link.get_attribute("href"), timeout=120_000)
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF")


def test_the_booklet_link_is_not_printed(page, content):
    page.goto("/learn/")
    expect(page.locator(".booklet-link")).to_be_visible()
    page.emulate_media(media="print")
    expect(page.locator(".booklet-link")).to_be_hidden()


def test_the_booklet_page_offers_every_edition(page, content):
    page.goto("/learn/")
    page.get_by_role("link", name="choose US Letter paper or large print").click()
    expect(page.locator("h1")).to_have_text(
        "Print the whole guide as a booklet", use_inner_text=True
    )
    expect(page.locator("main .booklet-choices a")).to_have_text(
        [
            "Booklet for A4 paper (PDF)",
            "Large print booklet for A4 paper (PDF)",
            "Booklet for US Letter paper (PDF)",
            "Large print booklet for US Letter paper (PDF)",
        ],
        use_inner_text=True,
    )

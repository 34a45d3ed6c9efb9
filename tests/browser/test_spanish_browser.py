"""The Spanish edition in real Chromium: axe-clean, lang set, and the language link works."""

from io import StringIO

import pytest
from django.core.management import call_command

from education.models import Page

SAMPLE = [
    "/es/", "/es/learn/", "/es/learn/what-is-isatuximab/", "/es/learn/side-effects/",
    "/es/learn/pomalidomide/", "/es/learn/questions/",
    "/es/checklist/", "/es/glossary/", "/es/get-help/", "/es/search/?q=infusi%C3%B3n",
    "/es/for-blood-banks/", "/es/schedule/", "/es/schedule/wallet-card/", "/es/no-such-page/",
    "/es/diary/", "/es/booklet/",
]  # fmt: skip


@pytest.fixture
def content(live_server):
    call_command("load_initial_content", stdout=StringIO())
    assert Page.objects.filter(language="es", slug="what-is-isatuximab").exists()


def test_spanish_pages_have_no_axe_violations_and_say_they_are_spanish(page, axe_check, content):
    for path in SAMPLE:
        page.goto(path)
        assert page.locator("html").get_attribute("lang") == "es", path
        axe_check(page)


def test_the_language_link_opens_the_same_page_in_the_other_language(page, content):
    page.goto("/learn/what-is-isatuximab/")
    page.get_by_role("link", name="Español").click()
    page.wait_for_url("**/es/learn/what-is-isatuximab/")
    assert page.locator("h1").inner_text() == "¿Qué es el isatuximab?"
    english_link = page.locator("a.language-link")
    assert english_link.get_attribute("lang") == "en"
    english_link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/learn/what-is-isatuximab/")
    assert page.locator("html").get_attribute("lang") == "en-GB"
    assert page.context.cookies() == []

"""The Spanish edition in real Chromium: every public /es/ address axe-clean, lang set, and
the language link works."""

from io import StringIO

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from education.models import Page
from tests.test_i18n import public_paths

# Besides every public address: answers to bad input and a missing page.
EXTRA = ["/es/search/?q=infusi%C3%B3n", "/es/no-such-page/", "/es/diary/pdf/?weeks=0"]


@pytest.fixture
def content(live_server):
    call_command("load_initial_content", stdout=StringIO())
    assert Page.objects.filter(language="es", slug="what-is-isatuximab").exists()
    return [f"/es{path}" for path in public_paths(list(Page.objects.filter(language="en")))]


def test_every_spanish_page_has_no_axe_violations_and_says_it_is_spanish(page, axe_check, content):
    assert len(content) >= 35
    for path in content + EXTRA:
        page.goto(path)
        expect(page.locator("html"), path).to_have_attribute("lang", "es")
        assert page.locator("main").get_attribute("lang") is None, path
        expect(page.locator(".translation-note"), path).to_have_count(0)
        axe_check(page)


def test_the_spanish_diary_form_shows_spanish_errors_by_keyboard(page, content):
    page.goto("/es/diary/")
    weeks = page.get_by_label("Número de semanas")
    weeks.fill("99")
    weeks.press("Enter")
    page.wait_for_url("**/es/diary/pdf/?*")
    message = "Puede imprimir como máximo 12 semanas a la vez."
    summary = page.locator("#error-summary")
    expect(summary).to_contain_text("Hay un problema", use_inner_text=True)
    expect(summary).to_contain_text(message, use_inner_text=True)
    expect(page.locator("form.diary-form")).to_contain_text(message, use_inner_text=True)
    summary.get_by_role("link").click()  # the summary's link takes focus to the field
    expect(page.locator("#id_weeks")).to_be_focused()


def test_the_language_link_opens_the_same_page_in_the_other_language(page, content):
    page.goto("/learn/what-is-isatuximab/")
    page.get_by_role("link", name="Español").click()
    page.wait_for_url("**/es/learn/what-is-isatuximab/")
    expect(page.locator("h1")).to_have_text("¿Qué es el isatuximab?", use_inner_text=True)
    english_link = page.locator("a.language-link")
    expect(english_link).to_have_attribute("lang", "en")
    english_link.focus()
    page.keyboard.press("Enter")
    # ("**/learn/…" would match the Spanish address we are leaving, and race the navigation)
    page.wait_for_url(lambda url: url.endswith("/learn/what-is-isatuximab/") and "/es/" not in url)
    expect(page.locator("html")).to_have_attribute("lang", "en-GB")
    assert page.context.cookies() == []


def test_the_spanish_feedback_pages_have_no_axe_violations(page, axe_check, content):
    page.goto("/es/get-help/")
    page.get_by_role("button", name="No", exact=True).click()
    expect(page.locator("html")).to_have_attribute("lang", "es")
    axe_check(page)
    page.get_by_role("radio").first.check()
    page.get_by_role("button", name="Enviar").click()
    page.wait_for_url("**/es/feedback/thanks/?*")
    expect(page.locator("h1")).to_have_text("Gracias por su opinión", use_inner_text=True)
    axe_check(page)

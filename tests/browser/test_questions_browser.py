"""The question builder in real Chromium: axe-clean (form, errors, print view on screen and in
print), ticked and typed with the keyboard only, the PDF downloaded, the print view one page."""

import io
from pathlib import Path

import pytest
from django.core.management import call_command
from playwright.sync_api import expect
from pypdf import PdfReader

OWN = "Can I still go swimming?"


@pytest.fixture
def shipped(live_server):
    call_command("load_initial_content", verbosity=0)


def test_tick_type_and_download_with_the_keyboard(page, axe_check, shipped):
    page.goto("/questions/")
    axe_check(page)
    first = page.get_by_label("What is my main problem?")
    first.focus()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")  # the next question in the list
    page.keyboard.press("Space")
    expect(first).to_be_checked()
    expect(page.get_by_label("What do I need to do?")).to_be_checked()
    page.get_by_label("Your question 1").focus()
    page.keyboard.type(OWN)
    page.get_by_label("US Letter (USA and Canada)").focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Get the PDF sheet").focus()
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    download = info.value
    assert download.suggested_filename == "questions-for-my-visit-letter.pdf"
    reader = PdfReader(io.BytesIO(Path(download.path()).read_bytes()))
    text = " ".join(reader.pages[0].extract_text().split())
    for phrase in ("What is my main problem?", "What do I need to do?", OWN,
                   "Bring this to your visit."):  # fmt: skip
        assert phrase in text
    assert len(reader.pages) == 1 and round(float(reader.pages[0].mediabox.height)) == 792
    assert "own_1" not in page.url and "?" not in page.url


def test_errors_are_announced_by_the_field_and_axe_clean(page, axe_check, shipped):
    page.goto("/questions/")
    page.get_by_label("Your question 2").fill("x" * 250)  # maxlength stops at 200 in a browser
    page.evaluate("document.getElementById('id_own_2').removeAttribute('maxlength')")
    page.get_by_label("Your question 2").fill("x" * 250)
    page.get_by_role("button", name="Get the PDF sheet").click()
    expect(page.locator("#error-summary")).to_be_visible()
    expect(page.locator("#id_own_2")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("main")).to_contain_text(
        "Keep each question to 200 characters or fewer.", use_inner_text=True
    )
    axe_check(page)


def test_the_print_view_is_one_page_and_axe_clean(page, axe_check, shipped):
    page.goto("/es/questions/")
    page.get_by_label("¿Cuál es mi problema principal?").check()
    page.get_by_label("Su pregunta 1").fill(OWN)
    page.get_by_role("button", name="Ver una página para imprimir").click()
    expect(page.locator("h1")).to_have_text("Preguntas para mi próxima visita", use_inner_text=True)
    axe_check(page)
    page.emulate_media(media="print")
    axe_check(page)
    reader = PdfReader(io.BytesIO(page.pdf(format="A4")))
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    assert OWN in text and "Traiga esto a su visita." in text

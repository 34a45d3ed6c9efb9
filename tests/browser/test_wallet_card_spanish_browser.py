"""The Spanish wallet-card page in real Chromium: Spanish, axe-clean, usable with the keyboard,
and the card it downloads is bilingual."""

from playwright.sync_api import expect
from pypdf import PdfReader

URL = "/es/schedule/wallet-card/"


def test_the_spanish_form_has_no_axe_violations_and_is_not_marked_english(page, axe_check):
    page.goto(URL)
    expect(page.locator("html")).to_have_attribute("lang", "es")
    assert page.locator("main").get_attribute("lang") is None
    expect(page.locator("h1")).to_have_text(
        "Tarjeta de alerta para transfusiones de sangre", use_inner_text=True
    )
    expect(page.locator(".translation-note")).to_have_count(0)
    axe_check(page)


def test_the_spanish_error_state_has_no_axe_violations(page, axe_check):
    page.goto(URL)
    page.locator("#id_centre_phone").fill("llame")
    page.locator("#id_contact_phone").fill("12")
    page.locator("#id_last_dose_date").fill("2099-01-01")
    page.get_by_role("button", name="Crear mi tarjeta").click()
    summary = page.locator("#error-summary")
    expect(summary).to_contain_text("Hay un problema", use_inner_text=True)
    expect(summary).to_contain_text("Use solo números", use_inner_text=True)
    error = page.locator("#id_last_dose_date_error")
    expect(error).to_contain_text("no puede ser en el futuro", use_inner_text=True)
    summary.get_by_role("link", name="Teléfono 24 horas del centro de tratamiento").click()
    expect(page.locator("#id_centre_phone")).to_be_focused()
    axe_check(page)


def test_a_keyboard_user_downloads_a_bilingual_card(page, tmp_path):
    page.goto(URL)
    page.locator("#id_name").focus()
    page.keyboard.type("Zoë Ångström")
    page.locator("#id_blood_group").focus()
    page.keyboard.type("O RhD neg")  # type-ahead picks the Spanish option
    expect(page.locator("#id_blood_group")).to_have_value("O-")
    page.locator("#id_start_date").fill("2026-01-05")
    page.locator("#id_output_1").check()  # the card to print
    button = page.get_by_role("button", name="Crear mi tarjeta")
    button.focus()
    with page.expect_download() as download_info:
        page.keyboard.press("Enter")
    target = tmp_path / "card.pdf"
    download_info.value.save_as(target)
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(target).pages)
    assert "ALERTA PARA TRANSFUSIONES" in text and "Nombre: Zoë Ångström" in text
    assert "O RhD negativo" in text and "5 ene 2026" in text
    assert "In English: isatuximab interferes with" in text
    assert "/es/for-blood-banks/" in text

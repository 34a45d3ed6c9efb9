"""The Spanish treatment calendar in real Chromium: every state axe-clean, the page and <main>
in Spanish (no lang="en" left from the "not translated yet" days), and the downloads Spanish."""

import datetime as dt
import io
import re
from pathlib import Path

import pytest
from django.utils import timezone
from icalendar import Calendar
from playwright.sync_api import expect
from pypdf import PdfReader

TODAY = dt.date(2026, 3, 20)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    # The live server runs in a thread of this process, so it sees the same fixed date.
    monkeypatch.setattr(timezone, "localdate", lambda *args: TODAY)


def assert_spanish(page) -> None:
    expect(page.locator("html")).to_have_attribute("lang", "es")
    assert page.locator("main").get_attribute("lang") is None
    expect(page.locator(".translation-note")).to_have_count(0)


def fill_form(page, weight: str = "70") -> None:
    page.goto("/es/schedule/")
    page.select_option("#id_regimen", "isa-pd")
    page.fill("#id_weight", weight)
    page.check("#id_weight_unit_0")
    page.fill("#id_start_date", "2026-03-16")
    page.select_option("#id_holidays", "ES-MD")
    page.get_by_role("button", name="Hacer mi calendario").click()


def test_the_spanish_form_and_its_errors_have_no_axe_violations(page, axe_check):
    page.goto("/es/schedule/")
    expect(page.locator("h1")).to_have_text(
        "Haga su calendario de tratamiento", use_inner_text=True
    )
    assert_spanish(page)
    axe_check(page)
    page.locator("#other-medicines > summary").click()
    expect(
        page.get_by_label("Isa-Pd: cápsula de pomalidomida en casa, desde el ciclo 1")
    ).to_be_visible()
    axe_check(page)
    page.select_option("#id_regimen", "isa-pd")
    page.fill("#id_days_isa-pd_pomalidomide_0", "1-40")
    page.get_by_role("button", name="Hacer mi calendario").click()
    page.wait_for_selector("#error-summary")
    summary = page.locator("#error-summary")
    for message in (
        "Hay un problema",
        "Escriba su peso, como 70 o 70,5.",
        "El día 40 está después del final del ciclo.",
    ):
        expect(summary).to_contain_text(message, use_inner_text=True)
    assert_spanish(page)
    axe_check(page)


def test_the_spanish_weight_question_has_no_axe_violations(page, axe_check):
    fill_form(page, weight="154")
    page.wait_for_selector("text=Escribió 154 kg (340 lb). ¿Es correcto?")
    assert_spanish(page)
    axe_check(page)
    expect(page.locator("input[name='weight_checked']:checked")).to_have_count(0)
    page.get_by_label("No, quise decir 154 lb (69,9 kg)").check()
    page.get_by_role("button", name="Continuar").click()
    page.wait_for_selector("#next-visit")
    expect(page.locator("main")).to_contain_text("699 mg", use_inner_text=True)


def test_the_spanish_result_page_has_no_axe_violations_and_spanish_downloads(page, axe_check):
    fill_form(page)
    page.wait_for_selector("h1:has-text('Su calendario de tratamiento')")
    expect(page).to_have_url(re.compile(re.escape("/es/schedule/") + "$"))
    assert_spanish(page)
    main = page.locator("main")
    expect(main).to_contain_text("Hoy es el ciclo 1, día 5.", use_inner_text=True)
    expect(main).to_contain_text("lunes 23 de marzo de 2026", use_inner_text=True)
    expect(page.locator("table.month-grid caption").first).to_have_text(
        "marzo de 2026", use_inner_text=True
    )
    axe_check(page)

    with page.expect_download() as pdf_download:
        page.get_by_role("button", name="Descargar la hoja (PDF)").click()
    pdf = PdfReader(io.BytesIO(Path(pdf_download.value.path()).read_bytes()))
    assert "Sus próximas visitas a la clínica" in pdf.pages[0].extract_text()

    with page.expect_download() as ics_download:
        page.get_by_role("button", name="Añadir los días de clínica a mi calendario").click()
    events = Calendar.from_ical(Path(ics_download.value.path()).read_bytes()).walk("VEVENT")
    assert all(str(e["SUMMARY"]).startswith(("Clínica:", "Recordatorio:")) for e in events)
    assert page.context.cookies() == []

"""The wallet-card page under /es/: Spanish form, help and messages; the bilingual PDF and phone
image; the QR code and link to the Spanish blood-bank page; English unchanged."""

import datetime as dt
import io
import re

import pytest
from django.test import Client
from django.utils import timezone
from pypdf import PdfReader

from education.text.readability import plain_text, spanish_score

# The page header reads the approved 24-hour number (education/templatetags/help_numbers.py).
pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 3, 10)
URL = "/es/schedule/wallet-card/"
BLOOD_BANK_PAGE = "http://testserver/es/for-blood-banks/"
FILLED = {
    "name": "Ana Quintela Silva",
    "start_date": "2026-01-05",
    "centre": "Hospital Central",
    "centre_phone": "+34 91 000 0000",
    "blood_group": "A-",
    "screen_date": "2025-12-20",
    "contact_name": "Rui Silva",
    "contact_phone": "600 100 100",
    "last_dose_date": "2026-03-02",
    "results_held_at": "Banco de sangre, Hospital Central",
    "paper": "a4",
    "layout": "sheet",
}
# English sentences the Spanish page must not show any more.
ENGLISH_LEFT_OVER = [
    "Blood transfusion alert card",
    "This tool is not translated yet",
    "Esta herramienta",
    "Every box is optional",
    "We do not keep what you type",
    "Download the card (PDF)",
    "Your name",
    "Up to 60 characters",
    "Leave blank (write it by hand)",
    "Pick the paper in your printer",
    "How to print it",
]


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *args: TODAY)


@pytest.fixture
def client() -> Client:
    return Client(enforce_csrf_checks=True)


def pdf_text(response) -> str:
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def main_of(html: str) -> str:
    return html[html.index("<main") : html.index("</main>")]


def test_the_spanish_page_is_spanish_and_no_longer_marked_english(client):
    response = client.get(URL)
    html = response.content.decode()
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    assert not response.cookies
    assert '<html lang="es">' in html
    assert re.search(r"<main [^>]*>", html) and 'lang="en"' not in re.search(
        r"<main [^>]*>", html
    ).group(0)
    assert "translation-note" not in html
    main = main_of(html)
    for phrase in (
        "<h1>Tarjeta de alerta para transfusiones de sangre</h1>",
        "Todas las casillas son opcionales.",
        "No guardamos lo que escribe.",
        "Crear mi tarjeta",
        "Una imagen de la tarjeta para mi teléfono (no hace falta impresora)",
        "Una tarjeta para imprimir (PDF)",
        "Su nombre",
        "La persona que lleva la tarjeta. Hasta 58 caracteres.",
        "Solo números, espacios, + ( ) y -. Hasta 19 caracteres.",
        "AB RhD negativo (AB-)",
        "Las líneas para el personal del banco de sangre también van en inglés",
        'href="/es/for-blood-banks/"',
        'action="/es/schedule/wallet-card/"',
    ):
        assert phrase in main, phrase
    for english in ENGLISH_LEFT_OVER:
        assert english not in main, english
    assert 'maxlength="58"' in html and 'maxlength="19"' in html


def test_the_english_page_keeps_its_english_limits_and_text(client):
    html = client.get("/schedule/wallet-card/").content.decode()
    assert "<h1>Blood transfusion alert card</h1>" in html
    assert "The person who carries the card. Up to 60 characters." in html
    assert 'maxlength="60"' in html and 'maxlength="58"' not in html
    assert "Las líneas" not in html and 'href="/for-blood-banks/"' in html


def test_the_spanish_page_reads_easily(client):
    main = main_of(client.get(URL).content.decode())
    prose = plain_text(re.sub(r"<form.*?</form>", "", main, flags=re.S))
    assert spanish_score(re.sub(r"<[^>]+>", " ", prose)) >= 70  # "bastante fácil" or easier


def test_a_spanish_submit_downloads_the_bilingual_card(client):
    response = client.post(URL, {**FILLED, "layout": "card"})
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    assert response["Content-Disposition"] == 'attachment; filename="isatuximab-alert-card.pdf"'
    text = pdf_text(response)
    for phrase in (
        "ALERTA PARA TRANSFUSIONES",
        "Puede dar falsos positivos en el Coombs indirecto",
        "Muestre esta tarjeta a cualquier médico, enfermera o banco de sangre.",
        "Nombre: Ana Quintela Silva",
        "Última dosis: 2 mar 2026",
        "Al menos hasta: 2 sept 2026",
        "Inicio del tratamiento: 5 ene 2026",
        "Grupo de sangre (solo informativo): A RhD negativo",
        "In English: isatuximab interferes with IAT, antibody screen, AHG crossmatch. ABO/RhD "
        "usually unaffected.",
        "Anti-CD38 class practice: 0.2 M DTT-treated reagent cells; then K-negative units "
        "unless known K+.",
        BLOOD_BANK_PAGE,
    ):
        assert phrase in text, phrase
    assert "BLOOD TRANSFUSION ALERT" not in text and "Show this card" not in text
    reader = PdfReader(io.BytesIO(response.content))
    assert reader.trailer["/Root"]["/Lang"] == "es"


def test_a_spanish_picture_is_bilingual_and_its_qr_opens_the_spanish_blood_bank_page(client):
    import zxingcpp
    from PIL import Image

    response = client.post(URL, {**FILLED, "output": "image"})
    assert response["Content-Type"] == "image/png" and "no-store" in response["Cache-Control"]
    image = Image.open(io.BytesIO(response.content))
    assert image.size == (1080, 2340) and image.mode == "L"
    assert [code.text for code in zxingcpp.read_barcodes(image)] == [BLOOD_BANK_PAGE]


def test_an_english_submit_still_gives_the_english_card(client):
    text = pdf_text(client.post("/schedule/wallet-card/", FILLED))
    assert "BLOOD TRANSFUSION ALERT" in text and "Blood bank: anti-CD38" in text
    assert "ALERTA" not in text and "In English:" not in text
    assert "http://testserver/for-blood-banks/" in text


BAD = [
    ({"centre_phone": "llame"}, "centre_phone", "Use solo números, espacios, + ( ) y -."),
    ({"contact_phone": "12"}, "contact_phone", "Escriba el número de teléfono completo."),
    (
        {"last_dose_date": "2026-03-11"},
        "last_dose_date",
        "La última dosis no puede ser en el futuro.",
    ),
    (
        {"last_dose_date": "2025-08-01", "start_date": "", "screen_date": ""},
        "last_dose_date",
        "Eso fue hace más de 6 meses: la tarjeta hacía falta hasta el 1 feb 2026.",
    ),
    (
        {"screen_date": "2026-01-06"},
        "screen_date",
        "Esta prueba se hace antes de la primera infusión.",
    ),
    (
        {"last_dose_date": "2026-01-04", "screen_date": ""},
        "last_dose_date",
        "La última dosis no puede ser antes de la fecha en que empezó el isatuximab.",
    ),
    (
        {"last_dose_date": "2025-12-10", "start_date": ""},
        "last_dose_date",
        "La última dosis tiene que ser después del análisis de sangre de antes del tratamiento.",
    ),
    (
        {"contact_name": "‱" * 21},
        "contact_name",
        "Esto es demasiado ancho para caber en la tarjeta.",
    ),
    ({"name": "W" * 59}, "name", "58"),  # Django's own length message, in Spanish
]


@pytest.mark.parametrize(("change", "field", "message"), BAD)
def test_bad_input_gets_a_spanish_message_next_to_the_field_and_in_the_summary(
    client, change, field, message
):
    response = client.post(URL, {**FILLED, **change})
    html = response.content.decode()
    assert response.status_code == 200 and response["Content-Type"].startswith("text/html")
    assert "<title>Error: " in html
    summary = html[html.index('class="error-summary"') : html.index("<h1>")]
    assert "Hay un problema" in summary and f'href="#id_{field}"' in summary
    assert message in summary
    beside = html[html.index(f'id="id_{field}_error"') :][:400]  # the message by the field
    assert message in beside
    assert "There is a problem" not in html
    assert 'value="Rui Silva"' in html or field == "contact_name"


def test_the_spanish_length_limit_is_spanish_only(client):
    spanish = client.post(URL, {**FILLED, "name": "W" * 59}).content.decode()
    assert "Asegúrese de que este valor tenga menos de 58 caracteres (tiene 59)" in spanish
    english = client.post("/schedule/wallet-card/", {**FILLED, "name": "W" * 59})
    assert english["Content-Type"] == "application/pdf"


def test_the_calendar_hands_over_its_start_date_in_spanish(client):
    response = client.post(URL, {"start_date": "2026-01-05", "from_calendar": "1"})
    html = response.content.decode()
    assert 'value="2026-01-05"' in html
    assert "Pusimos la fecha en que empezó, tomada de su calendario." in html
    assert "Hay un problema" not in html

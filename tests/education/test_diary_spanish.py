"""The symptom diary under /es/: the page, the PDF (read back with pypdf) and the messages for
bad choices are Spanish; the same addresses without /es/ stay English."""

import io
import re

import pytest
from django.utils import translation
from pypdf import PdfReader

from education.models import HelpSettings

from .test_diary import pages_text

pytestmark = pytest.mark.django_db
# Shared with the calendar's and card's paper choices (their branches translate them too): read
# from the catalogue, so the test follows whichever wording the merged catalogue keeps.
SHARED = ("A4 (most countries)", "US Letter (USA and Canada)", "Choose A4 or US Letter.")


def spanish(message: str) -> str:
    with translation.override("es"):
        translated = translation.gettext(message)
    assert translated != message
    return translated


ENGLISH_SENTENCES = (
    "Symptom and temperature diary",
    "If your temperature is",
    "call your care team's 24-hour number",
    "Questions for my care team",
    "Get the PDF diary",
    "Paper size",
    "Number of weeks",
    "Week starting on",
    "not medical advice",
)


def test_the_spanish_diary_page_is_spanish(client):
    html = client.get("/es/diary/").content.decode()
    assert "<h1>Diario de síntomas y temperatura</h1>" in html
    assert (
        "Si su temperatura es de 38\u00a0°C (100,4\u00a0°F) o más, llame enseguida al número de "
        "24 horas de su equipo de salud, de día o de noche." in html
    )
    assert html.count('<th scope="row">Día ') == 7
    words = ["Temperatura", "Mañana", "Noche", "Medicamentos que tomé", "Número de semanas",
             "Descargar el diario en PDF", spanish("Paper size"), spanish(SHARED[0]),
             spanish(SHARED[1])]  # fmt: skip
    for word in words:
        assert word in html, word
    assert 'action="/es/diary/pdf/"' in html
    main = html.split("<main")[1].split("</main>")[0]
    assert not re.search(r'^[^>]*lang="en', main)
    for sentence in ENGLISH_SENTENCES:
        assert sentence not in main, sentence


def test_the_spanish_pdf_is_spanish_with_its_language_set(client):
    HelpSettings(phone_24h="0100 555 0000").save()
    response = client.get("/es/diary/pdf/", {"paper": "letter", "weeks": "2"})
    assert response.status_code == 200
    *texts, last = pages_text(response.content)
    assert len(texts) == 2
    assert "Cuándo pedir ayuda" in last and "Semana" not in last
    for sentence in ENGLISH_SENTENCES:
        assert sentence not in last, sentence
    for number, text in enumerate(texts, start=1):
        assert text.startswith("Diario de síntomas y temperatura")
        assert re.findall(r"Semana \d+\b", text) == [f"Semana {number}"]
        assert "Si su temperatura es de 38 °C (100,4 °F) o más" in text
        assert "Número de 24 horas de mi equipo de salud: 0100 555 0000" in text
        assert "Preguntas para mi equipo de salud" in text
        assert all(f"Día {n}" in text for n in range(1, 8))
        assert "No es un consejo médico" in text
        for sentence in ENGLISH_SENTENCES:
            assert sentence not in text, sentence
    reader = PdfReader(io.BytesIO(response.content))
    assert reader.trailer["/Root"]["/Lang"] == "es"
    assert reader.metadata.title == "Diario de síntomas y temperatura"


def test_the_english_pdf_stays_english_after_a_spanish_one(client):
    client.get("/es/diary/pdf/")
    (first, *_) = pages_text(client.get("/diary/pdf/").content)
    assert first.startswith("Symptom and temperature diary")
    assert "Semana" not in first


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"weeks": "cuatro"}, "Escriba un número entero de semanas del 1 al 12, por ejemplo 4."),
        ({"weeks": "0"}, "Escriba un número entero de semanas del 1 al 12, por ejemplo 4."),
        ({"weeks": "99"}, "Puede imprimir como máximo 12 semanas a la vez."),
        ({"weeks": "🙂"}, "Escriba un número entero de semanas"),
        ({"paper": "a3"}, SHARED[2]),
    ],
)
def test_bad_choices_get_a_spanish_message_in_the_summary_and_by_the_field(client, query, message):
    message = spanish(message) if message in SHARED else message
    response = client.get("/es/diary/pdf/", query)
    html = response.content.decode()
    assert response.status_code == 400
    assert "<title>Error: Diario de síntomas y temperatura" in html
    summary = html[
        html.index('id="error-summary"') : html.index("</ul>", html.index("error-summary"))
    ]
    assert "Hay un problema" in summary
    assert message in summary
    field = html[html.index("</h2>", html.index("Descargue el diario en PDF")) :]
    assert message in field.split("</form>")[0]
    assert "Type a whole number" not in html and "Choose A4" not in html

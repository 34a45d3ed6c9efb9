"""The treatment calendar under /es/: the page, its errors, the handout PDF and the .ics file
speak Spanish, with Spanish dates, and no English sentence the catalogue translates is left in
them. Every check reads the real answer: the HTML, the PDF's extracted text, the parsed .ics."""

import datetime as dt
import html as html_lib
import io
import re
from decimal import Decimal
from pathlib import Path

import polib
import pytest
from django.utils import timezone, translation
from icalendar import Calendar
from pypdf import PdfReader

from isatuximab_portal.lib.language import speaking
from schedule.day_syntax import days_in_words, parse_days
from schedule.wording import duration_text

TODAY = dt.date(2026, 3, 20)
URL = "/es/schedule/"
VALID = {
    "regimen": "isa-pd",
    "weight": "70",
    "weight_unit": "kg",
    "start_date": "2026-03-16",
    "holidays": "ES-MD",
    "delay1_kind": "infusion",
    "delay1_number": "3",
    "delay1_days": "7",
    "days_isa-pd_pomalidomide_0": "1-21",
    "days_isa-pd_dexamethasone_0": "1, 8, 15, 22",
}
CATALOGUE = Path(__file__).resolve().parents[2] / "locale" / "es" / "LC_MESSAGES" / "django.po"
# The calendar's own sources: their English sentences must not survive in a Spanish answer.
CALENDAR_SOURCES = re.compile(
    r"schedule/(wording|medicine_wording|backbone|day_syntax|delays|plan|weight|regimens|ics|dose|"
    r"fields|forms|calendar_fields|public_holidays|views|pdf/calendar|"
    r"templatetags/calendar_html)\.py|"
    r"schedule/templates/schedule/(calendar_form|calendar_result|weight_question|_ics_help)"
)
pytestmark = pytest.mark.django_db
ENGLISH_DATE_WORDS = re.compile(r"\b(Monday|Tuesday|Friday|Sunday|March|April|May|June)\b")


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *args: TODAY)


def post(client, url: str = URL, **changes):
    data = {k: v for k, v in {**VALID, **changes}.items() if v is not None}
    return client.post(url, data)


def text_of(response) -> str:
    """The visible text of an HTML answer, tags removed and spaces collapsed."""
    body = response.content.decode()
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", body, flags=re.S)
    return " ".join(html_lib.unescape(re.sub(r"<[^>]+>", " ", body)).split())


def pdf_text(response) -> str:
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def english_leftovers() -> list[str]:
    """Long literal pieces of every calendar sentence the catalogue translates differently."""
    pieces = set()
    for entry in polib.pofile(str(CATALOGUE)):
        if entry.obsolete or not any(CALENDAR_SOURCES.search(f) for f, _ in entry.occurrences):
            continue
        translated = entry.msgstr or entry.msgstr_plural.get(0, "")
        for msgid in filter(None, (entry.msgid, entry.msgid_plural)):
            for piece in re.split(r"\{\w+\}|%\(\w+\)s|<[^>]+>", msgid):
                piece = " ".join(piece.split()).strip(" .,:;()")
                if len(piece) >= 14 and " " in piece and piece not in translated:
                    pieces.add(piece)
    return sorted(pieces)


def assert_no_english(text: str) -> None:
    leftovers = [piece for piece in english_leftovers() if piece in text]
    assert not leftovers, leftovers
    assert not ENGLISH_DATE_WORDS.search(text), ENGLISH_DATE_WORDS.search(text)


def test_the_leftover_check_knows_the_calendars_english_sentences():
    pieces = english_leftovers()
    assert "This is an estimate. Confirm every date and dose with your care team" in pieces
    assert "if there is no reaction" in pieces
    assert len(pieces) > 150


def test_the_form_is_spanish_with_no_untranslated_note(client):
    response = client.get(URL)
    page = response.content.decode()
    assert '<html lang="es"' in page
    assert re.search(r'<main id="main"[^>]*tabindex="-1">', page)  # no lang="en" on <main>
    assert "translation-note" not in page
    text = text_of(response)
    for phrase in [
        "Haga su calendario de tratamiento",
        "No se guarda nada de lo que escribe.",
        "Isa-Pd: mieloma que ha vuelto después de al menos 2 tratamientos anteriores "
        "(aprobado en EE. UU. y en la UE)",
        "Isa-VRd antes del trasplante",
        "Fecha de su primera infusión (ciclo 1, día 1)",
        "Isa-Pd: cápsula de pomalidomida en casa, desde el ciclo 1",
        "Para su equipo de salud: días de los otros medicamentos y retrasos (opcional)",
        "Retraso 1: número de infusión o de ciclo",
        "Días festivos de (opcional)",
        "Reino Unido",
        "Hacer mi calendario",
    ]:
        assert phrase in text, phrase
    assert_no_english(text)


def test_the_result_page_is_spanish_with_spanish_dates(client):
    response = post(client)
    assert response.status_code == 200
    page = response.content.decode()
    assert re.search(r'<main id="main"[^>]*tabindex="-1">', page)
    assert "translation-note" not in page
    text = text_of(response)
    for phrase in [
        "Su calendario de tratamiento",
        "Esto es un cálculo aproximado. Confirme cada fecha y cada dosis con su equipo de salud.",
        "Hoy es el ciclo 1, día 5.",
        "Ciclo 1, día 1: lunes 16 de marzo de 2026.",
        "lunes 23 de marzo de 2026 (ciclo 1, día 8)",
        "En la clínica: goteo (IV) de isatuximab, infusión 2; dexametasona.",
        "alrededor de 1 hora y 53 minutos si no hay una reacción",
        "Cápsula de pomalidomida: vie 20 mar, sáb 21 mar",
        "Dosis aproximada de isatuximab: 700 mg (35 mL de medicamento) para un peso de 70 kg "
        "(154 lb).",
        "cápsula de pomalidomida en casa, días 1 a 21 de cada ciclo",
        "dexametasona en la clínica los días de clínica y en pastilla en casa los demás días",
        "No tome otra pastilla de dexametasona en casa ese día",
        "Retraso: la infusión 3 y todo lo que sigue se movió 7 días más tarde.",
        "lunes 6 de abril de 2026 (movido 7 días por retrasos)",
        "viernes 20 de marzo de 2026 (hoy)",
        "<caption>marzo de 2026</caption>",
        "● Isa es isatuximab",
        "«! Festivo» marca una visita a la clínica en un día festivo de Madrid.",
        "Añadir los días de clínica a mi calendario (archivo .ics)",
        "Hecho el viernes 20 de marzo de 2026.",
    ]:
        assert phrase in (page if phrase.startswith("<") else text), phrase
    assert '<span class="visually-hidden">Nada</span>' in page
    assert '<strong class="today-word">Hoy</strong>' in page
    assert_no_english(text)


def test_a_holiday_is_flagged_in_spanish_with_the_holidays_spanish_name(client):
    text = text_of(post(client, regimen="isa-kd", start_date="2026-12-07"))
    assert (
        "Día festivo en Madrid, Inmaculada Concepción: su clínica puede cambiar esta visita."
        in text
    )


def test_the_handout_pdf_is_spanish(client):
    response = post(client, format="pdf", patient_name="José Núñez")
    text = pdf_text(response)
    for phrase in [
        "Calendario de tratamiento: Isa-Pd",
        "Para: José Núñez",
        "Isa-Pd: isatuximab con pomalidomida y dexametasona.",
        "Hoy es el ciclo 1, día 5.",
        "Sus próximas visitas a la clínica",
        "lunes 23 de marzo de 2026",
        "Infusión de isatuximab: alrededor de 1 hora y 53 minutos si no hay una reacción.",
        "Cuándo pedir ayuda",
        "Hecho el viernes 20 de marzo de 2026.",
        "Página 1 de",
        "marzo de 2026 lun mar mié jue vie sáb dom",
        "HOY",
        "Los días sombreados y con marco son visitas a la clínica.",
    ]:
        assert phrase in text, phrase
    assert_no_english(text)
    reader = PdfReader(io.BytesIO(response.content))
    assert reader.metadata.title == "Calendario de tratamiento: Isa-Pd"
    assert reader.trailer["/Root"]["/Lang"] == "es"


def test_the_ics_summaries_and_descriptions_are_spanish(client, monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *args: dt.date(2026, 3, 10))
    response = post(client, format="ics", ics_tablets="on")
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    assert str(calendar["X-WR-CALNAME"]) == "Tratamiento con isatuximab"
    events = {str(event["UID"]): event for event in calendar.walk("VEVENT")}
    blood = next(event for uid, event in events.items() if "blood-test" in uid)
    assert str(blood["SUMMARY"]).startswith("Recordatorio: prueba de grupo y anticuerpos")
    first = next(event for uid, event in events.items() if "-c1d1-clinic@" in uid)
    assert str(first["SUMMARY"]) == "Clínica: isatuximab, dexametasona (ciclo 1, día 1)"
    description = str(first["DESCRIPTION"])
    for phrase in [
        "Isa-Pd, ciclo 1, día 1.",
        "En la clínica: goteo (IV) de isatuximab, infusión 1; dexametasona.",
        "alrededor de 3 horas y 20 minutos",
        "En casa: cápsula de pomalidomida.",
        "Esta fecha es aproximada. Confirme cada fecha con su equipo de salud.",
    ]:
        assert phrase in description, phrase
    home = next(event for uid, event in events.items() if "-c1d2-pomalidomide@" in uid)
    assert str(home["SUMMARY"]) == "En casa: cápsula de pomalidomida (ciclo 1, día 2)"
    alarm = first.walk("VALARM")[0]
    assert str(alarm["DESCRIPTION"]).startswith("Para mañana: Clínica: isatuximab")
    everything = " ".join(f"{event['SUMMARY']} {event['DESCRIPTION']}" for event in events.values())
    assert_no_english(everything)
    assert "Clinic:" not in everything and "At home" not in everything


def test_the_weight_question_is_spanish(client):
    response = post(client, weight="154")
    text = text_of(response)
    assert "Revise su peso" in text
    assert "Escribió 154 kg (340 lb). ¿Es correcto?" in text
    assert "Sí, 154 kg es correcto" in text and "No, quise decir 154 lb (69,9 kg)" in text
    assert "mg" not in text.split("Revise su peso", 1)[1].split("¿Le fue útil")[0]
    assert_no_english(text)


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"regimen": None}, "regimen", "Elija su tratamiento de la lista."),
        ({"weight": ""}, "weight", "Escriba su peso, como 70 o 70,5."),
        ({"weight": "-70"}, "weight", "El peso debe ser un número mayor que 0, como 70."),
        ({"weight": "abc"}, "weight", "Escriba el peso con números, como 70 o 70,5."),
        ({"weight": "600", "weight_unit": "kg"}, "weight",
         "Si eligió kilos (kg), escriba un peso entre 30 y 250 kg."),
        ({"weight_unit": None}, "weight_unit", "Elija kilos (kg) o libras (lb), o escriba"),
        ({"start_date": ""}, "start_date", "Escriba la fecha de su primera infusión. Use el "
         "selector de fecha o escriba la fecha como día/mes/año"),
        ({"start_date": "5 de enero"}, "start_date", "Escriba una fecha real."),
        ({"start_date": "2026-02-30"}, "start_date", "Esa fecha no existe."),
        ({"start_date": "2015-01-01"}, "start_date", "Escriba una fecha de los últimos 5 años."),
        ({"first_cycle": "0"}, "first_cycle", "Escriba un número de 1 o más."),
        ({"first_cycle": "3", "last_cycle": "2"}, "last_cycle",
         "El último ciclo debe ser el mismo que el primer ciclo"),
        ({"days_isa-pd_pomalidomide_0": "1-29"}, "days_isa-pd_pomalidomide_0",
         "El día 29 está después del final del ciclo. Estos ciclos tienen 28 días."),
        ({"days_isa-pd_pomalidomide_0": "5-1"}, "days_isa-pd_pomalidomide_0",
         "En 5-1 el primer día debe ir primero: 1-5."),
        ({"days_isa-pd_pomalidomide_0": "lunes"}, "days_isa-pd_pomalidomide_0",
         "«lunes» no es un día ni un grupo de días."),
        ({"delay1_days": None}, "delay1_days", "Escriba cuántos días más tarde."),
        ({"regimen": "isa-vrd-induction", "delay1_number": "20"}, "delay1_number",
         "Isa-VRd antes del trasplante tiene las infusiones 1 a 11. Escriba una de ellas."),
        ({"regimen": "isa-vrd-induction", "first_cycle": "4"}, "first_cycle",
         "Isa-VRd antes del trasplante tiene 3 ciclos. Elija un primer ciclo del 1 al 3."),
        ({"delay1_kind": "cycle", "delay1_number": "0"}, "delay1_number",
         "Escriba un número de 1 o más."),
        ({"delay2_kind": "infusion", "delay2_number": "3", "delay2_days": "2"}, "delay2_number",
         "El retraso 2 empieza en el mismo punto que el retraso 1."),
        ({"delay1_days": "91"}, "delay1_days", "Escriba un número de 90 o menos."),
        ({"patient_name": "x" * 81}, "patient_name", "Use 80 caracteres como máximo."),
        ({"holidays": "XX"}, "holidays", "Elija un lugar de la lista."),
    ],
)  # fmt: skip
def test_bad_input_gets_a_spanish_message_next_to_the_field_and_in_the_summary(
    client, changes, field, message
):
    response = post(client, **changes)
    assert response.status_code == 200
    page = html_lib.unescape(response.content.decode())
    start = page.index('id="error-summary"')
    summary = page[start : page.index("</ul>", start)]
    assert "Hay un problema" in page[start - 300 : start + 300]
    assert f'href="#id_{field}' in summary  # radio buttons link to their first button
    assert message in summary
    assert page.count(message) >= 2  # once in the summary, once next to the field
    assert "<title>Error: Haga su calendario de tratamiento" in page
    assert_no_english(text_of(response))


def test_english_stays_english_after_a_spanish_answer(client):
    """The translated sentences are cached per language, so answers cannot mix."""
    spanish = text_of(post(client))
    english = text_of(post(client, url="/schedule/"))
    assert "goteo (IV) de isatuximab, infusión 2" in spanish
    assert "isatuximab drip (IV), infusion 2; dexamethasone" in english
    assert "Expected isatuximab infusion time: about 1 hour 53 minutes" in english
    assert "Public holiday in Madrid" not in english or "Monday" in english
    for word in ("goteo", "infusión", "ciclo", "lunes", "alrededor de", "Festivo"):
        assert word not in english, word


def test_every_placeholder_of_the_calendar_survives_translation():
    """A translation that drops or renames a {placeholder} would fail at run time."""
    for entry in polib.pofile(str(CATALOGUE)):
        if entry.obsolete or not any(CALENDAR_SOURCES.search(f) for f, _ in entry.occurrences):
            continue
        wanted = set(re.findall(r"\{\w*\}", entry.msgid))
        for translated in [entry.msgstr, *entry.msgstr_plural.values()]:
            if translated:
                assert set(re.findall(r"\{\w*\}", translated)) == wanted, entry.msgid


@pytest.mark.parametrize(
    ("text", "days"),
    [("1 a 21", tuple(range(1, 22))), ("1 y 8", (1, 8)), ("1, 8 y 15", (1, 8, 15)),
     ("Ninguno", ()), ("ninguna", ())],
)  # fmt: skip
def test_the_day_boxes_read_spanish_words(text, days):
    assert parse_days(text, 28, allow_none=True) == days


def test_the_pure_modules_write_spanish_inside_a_spanish_view_only():
    with translation.override("es"), speaking("es", translation.gettext, translation.ngettext):
        assert days_in_words((1, 8, 15, 22)) == "días 1, 8, 15 y 22"
        assert days_in_words(tuple(range(1, 22))) == "días 1 a 21"
        assert duration_text(Decimal(200)) == "alrededor de 3 horas y 20 minutos"
        assert duration_text(Decimal("112.5")) == "alrededor de 1 hora y 53 minutos"
    assert days_in_words((1, 8, 15, 22)) == "days 1, 8, 15 and 22"
    assert duration_text(Decimal("112.5")) == "about 1 hour 53 minutes"


def characters_outside_the_margins(pdf: bytes, margin_pt: float) -> list[tuple[int, str]]:
    """(page number, character) for every printed character not inside the page's margins."""
    import pypdfium2

    outside = []
    document = pypdfium2.PdfDocument(pdf)
    for number, page in enumerate(document, start=1):
        width, height = page.get_size()
        text = page.get_textpage()
        for index in range(text.count_chars()):
            left, bottom, right, top = text.get_charbox(index)
            if right > left and not (
                margin_pt - 1 <= left
                and right <= width - margin_pt + 1
                and bottom >= 0
                and top <= height
            ):
                outside.append((number, text.get_text_range(index, 1)))
    return outside


@pytest.mark.parametrize("url", ["/schedule/", URL])
@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_every_word_of_the_handout_fits_inside_the_page_margins(client, url, paper):
    """The Spanish footer is longer than the English one: it must wrap, not run off the page."""
    response = post(client, url, format="pdf", paper=paper)
    assert response["Content-Type"] == "application/pdf"
    outside = characters_outside_the_margins(response.content, margin_pt=15 * 72 / 25.4)
    assert not outside, outside[:20]
    if url == URL:
        text = pdf_text(response)
        with translation.override("es"):
            estimate = translation.gettext(
                "This is an estimate. Confirm every date and dose with your care team."
            )
        pages = len(PdfReader(io.BytesIO(response.content)).pages)
        assert text.count(estimate) >= pages  # on every page's footer, whole

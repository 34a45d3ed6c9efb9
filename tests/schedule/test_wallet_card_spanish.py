"""The wallet card in Spanish: a bilingual card (Spanish first, the blood-bank lines also in
English) that keeps every guarantee of the English one, in the PDF and in the phone image."""

import datetime
import io
import itertools

import pytest
import zxingcpp
from django.core.management import call_command
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image
from pypdf import PdfReader
from pypdf.generic import ContentStream
from reportlab import rl_config
from reportlab.pdfbase.pdfmetrics import stringWidth

from card import fields as card_fields
from card.fields import (
    CARD_WIDTH,
    LINE_PITCH,
    MIN_FONT_SIZE,
    CardDetails,
    blood_group_on_card,
    boxes,
    card_values,
    field_boxes,
    fit,
    max_lengths,
)
from card.pdf import image as card_image
from card.pdf import wallet_card
from isatuximab_portal.lib.fonts import register_fonts
from isatuximab_portal.lib.language import speaking

URL = "https://guide.example.org/es/for-blood-banks/"
FULL = CardDetails(
    name="María Fernanda Rodríguez",
    start_date=datetime.date(2026, 1, 5),
    centre="Hospital Universitario La Paz, Hematología",
    centre_phone="+34 91 727 70 00",
    blood_group="AB RhD negativo",
    screen_date=datetime.date(2025, 12, 20),
    contact_name="José Rodríguez",
    contact_phone="600 123 456",
    last_dose_date=datetime.date(2026, 8, 31),
    results_held_at="Banco de sangre del Hospital La Paz",
)
SPANISH = [
    "ALERTA PARA TRANSFUSIONES",
    "Recibo, o recibí en los últimos 6 meses, isatuximab (Sarclisa), un anticuerpo anti-CD38 "
    "para el mieloma.",
    "Puede dar falsos positivos en el Coombs indirecto, el escrutinio de anticuerpos "
    "y la prueba cruzada con antiglobulina.",
    "La tipificación ABO y RhD no suele verse afectada.",
    "Muestre esta tarjeta a cualquier médico, enfermera o banco de sangre.",
    "Llévela durante el tratamiento y 6 meses más tras la última dosis.",
    "Grupo de sangre (del informe):",
    "Fecha de la prueba de grupo y anticuerpos:",
    "Resultados previos en:",
]
# The blood-bank statements in English, as real text: what the medicine does to the tests and
# what to do about it.
ENGLISH = [
    "In English: isatuximab interferes with IAT, antibody screen, AHG crossmatch. ABO/RhD "
    "typing not affected.",
    "Anti-CD38 class practice: 0.2 M DTT-treated reagent cells; then K-negative units "
    "unless known K+.",
]
# English sentences that must not be left on the Spanish card.
NOT_LEFT_IN_ENGLISH = [
    "BLOOD TRANSFUSION ALERT",
    "I am having",
    "Show this card",
    "Carry it during treatment",
    "Name:",
    "Emergency contact:",
    "Treatment centre:",
    "Blood bank:",
]


@pytest.fixture
def spanish():
    """Inside a Spanish request, as `lib.private.in_page_language` runs a tool view."""
    with translation.override("es"), speaking("es", translation.gettext, translation.ngettext):
        yield


def text_of(pdf: bytes) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages]


def operations(pdf: bytes) -> list[tuple[list, bytes]]:
    reader = PdfReader(io.BytesIO(pdf))
    ops = []
    for page in reader.pages:
        ops += ContentStream(page.get_contents(), reader).operations
    return ops


# --- the printed card --------------------------------------------------------------------


@pytest.mark.parametrize("layout", ["sheet", "card"])
def test_the_card_is_spanish_first_with_the_blood_bank_lines_also_in_english(spanish, layout):
    pages = text_of(wallet_card.render(FULL, URL, "a4", layout))
    text = " ".join(pages)
    for statement in SPANISH + ENGLISH + [URL]:
        assert statement in text, statement
    for english in NOT_LEFT_IN_ENGLISH:
        assert english not in text, english
    assert text.index("ALERTA PARA TRANSFUSIONES") < text.index("In English:")
    if layout == "card":  # the front is all Spanish; the English lines are on the back
        assert "In English" not in pages[0] and "In English:" in pages[1]


def test_the_card_prints_spanish_dates_labels_and_values(spanish):
    front, back = text_of(wallet_card.render(FULL, URL, "a4", "card"))
    assert "Nombre: María Fernanda Rodríguez" in front
    assert "Última dosis: 31 ago 2026" in front and "Al menos hasta: 1 mar 2027" in front
    assert "Contacto de urgencia: José Rodríguez" in front
    assert "Fecha de la prueba de grupo y anticuerpos: 20 dic 2025" in back
    assert "Inicio del tratamiento: 5 ene 2026" in back
    assert "Grupo de sangre (del informe): AB RhD negativo" in back


def test_the_sheet_tells_how_to_print_in_spanish(spanish):
    (text,) = text_of(wallet_card.render(FULL, URL, "letter", "sheet"))
    assert text.startswith("Su tarjeta de alerta para transfusiones de sangre")
    assert 'Imprima esta página a "Tamaño real" o "100%".' in text
    assert "Doble por la línea de rayas" in text and "FRENTE" in text and "DORSO" in text
    assert text.count("ALERTA PARA TRANSFUSIONES") == 2 and text.count("In English:") == 2
    assert "Print this page" not in text and "FRONT" not in text


def test_the_pdf_says_it_is_spanish_and_has_a_spanish_title(spanish):
    reader = PdfReader(io.BytesIO(wallet_card.render(FULL, URL, "a4", "card")))
    assert reader.trailer["/Root"]["/Lang"] == "es"
    assert reader.metadata.title == "Tarjeta de alerta para transfusiones de sangre (isatuximab)"
    assert "Rodríguez" not in str(dict(reader.metadata))


def test_the_blood_group_is_printed_in_spanish_words(spanish):
    assert blood_group_on_card("AB-") == "AB RhD negativo"
    assert blood_group_on_card("O+") == "O RhD positivo"
    assert blood_group_on_card("unknown") == "No se sabe"
    assert blood_group_on_card("") == ""


# --- the same guarantees as the English card ----------------------------------------------


def test_the_spanish_front_statements_end_above_the_name_box(spanish):
    assert wallet_card.front_text_bottom() > boxes()["name"].y + max(card_fields.VALUE_SIZES) + 2
    heading = translation.gettext(wallet_card.HEADING)
    width = stringWidth(heading, register_fonts()[1], wallet_card.HEADING_SIZE)
    assert 15 + width <= CARD_WIDTH - 2 * card_fields.SAFE


def _bottom(box) -> float:
    return box.y - (box.lines - 1) * LINE_PITCH - 2.5


@pytest.mark.parametrize("side", ["front", "back"])
def test_spanish_boxes_keep_clear_of_each_other_the_edges_and_the_qr_code(spanish, side):
    safe = card_fields.SAFE
    qr_left, qr_top = CARD_WIDTH - safe - card_fields.QR_SIZE, safe + card_fields.QR_SIZE
    side_boxes = [box for box in field_boxes() if box.side == side]
    assert side_boxes[0].label not in {box.label for box in card_fields.FIELD_BOXES}
    for a, b in itertools.combinations(side_boxes, 2):
        if abs(a.y - b.y) < 0.01:
            left, right = sorted((a, b), key=lambda box: box.x)
            assert left.x + left.width + 3 <= right.x, (a.key, b.key)
        else:
            upper, lower = sorted((a, b), key=lambda box: -box.y)
            assert upper.y - (upper.lines - 1) * LINE_PITCH - lower.y >= 12, (a.key, b.key)
    for box in side_boxes:
        assert box.x >= safe and box.x + box.width <= CARD_WIDTH - safe + 0.01, box.key
        assert _bottom(box) >= safe - 0.01, box.key
        assert box.value_x + 20 < box.x + box.width, box.key  # the label leaves room to write
        if side == "back":
            assert _bottom(box) > qr_top or box.x + box.width < qr_left, box.key


def test_the_english_blood_bank_lines_fit_between_the_last_row_and_the_address(spanish):
    heights = [height for _, height in wallet_card.blood_bank_paragraphs()]
    assert len(heights) == 2 and all(h <= 2 * wallet_card.SMALL_LEADING for h in heights)
    bottom = wallet_card.BLOOD_BANK_TOP - sum(height + 1 for height in heights)
    assert bottom > card_fields.SAFE + 1 + 7 + 0.75 * wallet_card.SMALL_SIZE
    assert wallet_card.url_lines_for(URL) == [URL]


@pytest.mark.parametrize("key", ["name", "centre", "centre_phone", "contact_name",
                                 "contact_phone", "results_held_at"])  # fmt: skip
def test_the_longest_allowed_spanish_text_fits_its_box(spanish, key):
    limit = max_lengths()[key]
    assert limit <= card_fields.MAX_LENGTHS[key]
    box = boxes()[key]
    regular = register_fonts()[0]
    for text in ("W" * limit, "Щ" * limit, ("WM " * limit)[:limit].strip(), "8" * limit):
        fitted = fit(text, box.value_width, box.lines)
        assert not fitted.shortened, (key, text)
        for line in fitted.lines:
            assert stringWidth(line, regular, fitted.size) <= box.value_width


@pytest.mark.parametrize("key", ["start_date", "screen_date", "last_dose_date", "carry_until"])
def test_every_spanish_date_fits_its_box_at_full_size(spanish, key):
    box = boxes()[key]
    for month in range(1, 13):
        text = card_values(CardDetails(start_date=datetime.date(2028, month, 28)))["start_date"]
        fitted = fit(text, box.value_width, box.lines)
        assert fitted.size == max(card_fields.VALUE_SIZES) and len(fitted.lines) == 1, text
    assert text == "28 dic 2028"


def test_no_text_on_the_spanish_card_is_smaller_than_6_points(spanish):
    sizes = set()
    for layout in ("sheet", "card"):
        pdf = wallet_card.render(FULL, URL, "a4", layout)
        sizes |= {float(o[1]) for o, operator in operations(pdf) if operator == b"Tf"}
    assert sizes and min(sizes) >= MIN_FONT_SIZE


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(key=st.sampled_from(sorted(card_fields.MAX_LENGTHS)), data=st.data())
def test_any_spanish_text_within_the_limit_fits_or_is_shortened_inside_its_box(key, data):
    with translation.override("es"), speaking("es", translation.gettext, translation.ngettext):
        text = data.draw(st.text(max_size=max_lengths()[key]))
        box = boxes()[key]
        fitted = fit(text, box.value_width, box.lines)
    assert len(fitted.lines) <= box.lines and fitted.size >= MIN_FONT_SIZE
    for line in fitted.lines:
        assert stringWidth(line, register_fonts()[0], fitted.size) <= box.value_width


def test_the_english_card_is_the_same_whether_or_not_a_view_speaks_english(monkeypatch):
    monkeypatch.setattr(rl_config, "invariant", 1)
    plain = wallet_card.render(FULL, URL, "a4", "sheet")
    with translation.override("en"), speaking("en", translation.gettext, translation.ngettext):
        spoken = wallet_card.render(FULL, URL, "a4", "sheet")
    assert plain == spoken
    assert "BLOOD TRANSFUSION ALERT" in text_of(plain)[0]


# --- the phone image ----------------------------------------------------------------------


def image_text(details: CardDetails) -> str:
    page = PdfReader(io.BytesIO(card_image.phone_pdf(details, URL))).pages[0]
    return " ".join(page.extract_text().split())


def test_the_phone_image_is_spanish_first_with_the_english_lines(spanish):
    text = image_text(FULL)
    for statement in SPANISH + ENGLISH + [URL]:
        assert statement in text, statement
    for english in NOT_LEFT_IN_ENGLISH:
        assert english not in text, english
    assert "Lleve esta tarjeta al menos hasta el 1 mar 2027." in text  # the large print
    assert "In English: see the back of the card." in text
    assert text.count("ALERTA PARA TRANSFUSIONES") == 2  # large print, then the card
    assert text.index("ALERTA PARA TRANSFUSIONES") < text.index("In English")


def test_the_phone_image_is_a_black_and_white_png_whose_qr_opens_the_spanish_page(spanish):
    image = Image.open(io.BytesIO(card_image.render_image(FULL, URL)))
    assert image.format == "PNG" and image.size == (1080, 2340) and image.mode == "L"
    codes = zxingcpp.read_barcodes(image)
    assert [code.text for code in codes] == [URL]


def test_the_spanish_large_print_ends_above_the_card_for_every_month(spanish):
    for month in range(1, 13):  # the longest month names make the longest carry-until line
        details = CardDetails(last_dose_date=datetime.date(2026, month, 28))
        assert card_image.large_print_bottom(details) > card_image.faces_top(), month


def test_the_command_line_writes_spanish_samples(tmp_path):
    out = tmp_path / "muestra.pdf"
    call_command("wallet_card", "--out", str(out), "--language", "es", "--start-date", "2026-01-05")
    text = " ".join(text_of(out.read_bytes()))
    assert "ALERTA PARA TRANSFUSIONES" in text and "5 ene 2026" in text
    assert "In English:" in text and "http://127.0.0.1:8000/es/for-blood-banks/" in text
    picture = tmp_path / "muestra.png"
    call_command(
        "wallet_card",
        "--image",
        "--out",
        str(picture),
        "--language",
        "es",
        "--last-dose-date",
        "2026-01-05",
    )
    codes = zxingcpp.read_barcodes(Image.open(picture))
    assert [code.text for code in codes] == ["http://127.0.0.1:8000/es/for-blood-banks/"]

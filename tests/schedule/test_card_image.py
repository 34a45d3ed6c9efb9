"""The wallet card as a phone image: size, statements, fields and a QR code that decodes."""

import datetime
import io

import pytest
import zxingcpp
from django.core.management import call_command
from PIL import Image
from pypdf import PdfReader

from card.fields import CardDetails
from card.pdf import image as card_image
from card.pdf.image import faces_top, large_print_bottom, phone_pdf, render_image

URL = "https://guide.example.org/for-blood-banks/"
FULL = CardDetails(
    name="Maria Fernanda Rodriguez",
    start_date=datetime.date(2026, 1, 5),
    centre="Queen Elizabeth Hospital, Haematology Day Unit",
    centre_phone="+44 (0)20 7946 0000",
    blood_group="AB RhD negative",
    screen_date=datetime.date(2025, 12, 20),
    contact_name="Jo Rodriguez",
    contact_phone="07700 900123",
    last_dose_date=datetime.date(2026, 8, 31),
    results_held_at="Queen Elizabeth Hospital blood",
)
STATEMENTS = [
    "BLOOD TRANSFUSION ALERT",
    "I am having, or have had in the last 6 months, isatuximab (Sarclisa)",
    "the antibody screen and the antiglobulin crossmatch falsely positive.",
    "ABO and RhD typing are not affected.",
    "Show this card to any doctor, nurse or blood bank.",
    "Class practice: 0.2 M DTT-treated reagent cells; then K-negative units unless known K+.",
    URL,
]


@pytest.fixture(scope="module")
def image() -> Image.Image:
    return Image.open(io.BytesIO(render_image(FULL, URL)))


def image_text(details: CardDetails) -> str:
    """The text drawn into the image: the page the pixels are made from, read back."""
    page = PdfReader(io.BytesIO(phone_pdf(details, URL))).pages[0]
    return " ".join(page.extract_text().split())


def test_it_is_a_png_sized_for_a_phone_held_upright(image):
    assert image.format == "PNG"
    assert image.size == (1080, 2340)
    assert image.mode == "L"  # black on white, like the printed card


def test_its_qr_code_decodes_to_the_blood_bank_page(image):
    codes = zxingcpp.read_barcodes(image)
    assert [code.text for code in codes] == [URL]
    assert codes[0].format == zxingcpp.BarcodeFormat.QRCode


def test_it_shows_the_statements_the_fields_and_the_carry_until_date():
    text = image_text(FULL)
    for statement in STATEMENTS:
        assert statement in text
    for value in ("Maria Fernanda Rodriguez", "AB RhD negative", "20 Dec 2025", "07700 900123"):
        assert value in text
    assert "Carry this card until at least 1 Mar 2027." in text  # the large print
    assert "Carry until at least: 1 Mar 2027" in text  # the card's own box
    assert text.count("BLOOD TRANSFUSION ALERT") == 2  # large print, then the card


def test_without_a_last_dose_there_is_no_carry_until_date():
    text = image_text(CardDetails())
    assert "Carry this card until" not in text
    assert "Carry it during treatment and for 6 months after the last dose." in text


def test_the_large_print_ends_above_the_card_and_is_drawn(image):
    assert large_print_bottom(FULL) > faces_top()
    pixels_per_point = card_image.PIXELS_PER_POINT
    large = image.crop((0, 0, 1080, int((card_image.PAGE_HEIGHT - faces_top()) * pixels_per_point)))
    dark = sum(large.histogram()[:128])
    assert dark > 20_000  # the large print is really there, not a blank band
    assert card_image.LARGE_SIZE * pixels_per_point >= 45  # about 8-9 pt print on a phone


def test_unusual_names_render_and_the_command_line_writes_a_sample(tmp_path):
    text = image_text(CardDetails(name="Zoë Ångström 山田 \U0001f600"))
    assert "Zoë Ångström" in text
    out = tmp_path / "card.png"
    call_command(
        "wallet_card",
        "--image",
        "--out",
        str(out),
        "--name",
        "Ana Silva",
        "--last-dose-date",
        "2026-01-05",
    )
    assert Image.open(out).size == (1080, 2340)


def test_the_phone_picture_leaves_out_the_boxes_left_empty():
    """Nobody can write on a picture: a box with no value is not drawn (issue 24)."""
    text = image_text(CardDetails(name="Ana Silva", centre_phone="0161 496 0000"))
    assert "Name: Ana Silva" in text
    assert "Centre 24-hour phone: 0161 496 0000" in text
    for label in (
        "Their phone:",
        "Emergency contact:",
        "Last dose:",
        "Carry until at least:",
        "Blood group (from the lab report):",
        "Type and screen (group and screen) on:",
        "Pre-treatment results held at:",
        "Treatment centre:",
        "Treatment started:",
    ):
        assert label not in text, label
    empty = image_text(CardDetails())
    assert "Name:" not in empty and "BLOOD TRANSFUSION ALERT" in empty  # the statements stay


def test_the_printed_card_keeps_its_write_in_boxes():
    from card.pdf.wallet_card import render

    pdf = render(CardDetails(), URL, "a4", "sheet")
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages)
    for label in ("Name:", "Their phone:", "Blood group (from the lab report):"):
        assert label in text, label

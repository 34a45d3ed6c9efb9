"""The wallet card renderer and form: sizes, wording, fields, limits and odd input."""

import datetime
import io
import itertools

import pytest
from django.core.management import call_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from pypdf.generic import ContentStream
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from card import fields as card_fields
from card.fields import (
    BOXES,
    CARD_HEIGHT,
    CARD_WIDTH,
    FIELD_BOXES,
    LINE_PITCH,
    MAX_LENGTHS,
    MIN_FONT_SIZE,
    CardDetails,
    clean,
    fit,
    fits,
)
from card.forms import WalletCardForm, calendar_prefill
from card.pdf import qr, wallet_card
from card.pdf.wallet_card import render, sheet_placements
from isatuximab_portal.lib.fonts import register_fonts

URL = "https://guide.example.org/for-blood-banks/"
TODAY = datetime.date(2026, 1, 10)
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
    results_held_at="Queen Elizabeth Hospital blood bank",
)
SHEET_SIZES = {"a4": (595.28, 841.89), "letter": (612.0, 792.0)}


def pdf(details=FULL, paper="a4", layout="sheet") -> PdfReader:
    return PdfReader(io.BytesIO(render(details, URL, paper, layout)))


def page_text(page) -> str:
    return " ".join(page.extract_text().split())


def operations(reader: PdfReader, page_number: int) -> list[tuple[list, bytes]]:
    page = reader.pages[page_number]
    return ContentStream(page.get_contents(), reader).operations


def close(a: float, b: float) -> bool:
    return abs(float(a) - float(b)) < 0.01


# --- sizes --------------------------------------------------------------------------------


def test_it_uses_the_id1_card_size():
    assert close(CARD_WIDTH / mm, 85.60) and close(CARD_HEIGHT / mm, 53.98)
    assert close(CARD_WIDTH, 242.65) and close(CARD_HEIGHT, 153.01)


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_it_prints_the_sheet_on_one_page_of_the_chosen_paper(paper):
    reader = pdf(paper=paper)
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert close(box.width, SHEET_SIZES[paper][0]) and close(box.height, SHEET_SIZES[paper][1])


def test_it_prints_two_card_size_pages_for_card_printers():
    reader = pdf(layout="card")
    assert len(reader.pages) == 2
    for page in reader.pages:
        assert close(page.mediabox.width, 242.65) and close(page.mediabox.height, 153.01)
    assert "BLOOD TRANSFUSION ALERT" in page_text(reader.pages[0])
    assert URL in page_text(reader.pages[1])


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_it_puts_two_true_size_copies_side_by_side_on_the_sheet(paper):
    page_width, page_height = SHEET_SIZES[paper]
    placements = sheet_placements(paper)
    assert len(placements) == 2
    rectangles = {
        tuple(round(float(n), 2) for n in operands)
        for operands, operator in operations(pdf(paper=paper), 0)
        if operator == b"re"
    }
    for placement in placements:
        (fx, fy), (bx, by) = placement.front, placement.back
        assert close(bx - fx, CARD_WIDTH) and close(by, fy)  # the fold is their shared edge
        assert fx > 0 and bx + CARD_WIDTH < page_width and 0 < fy < page_height - CARD_HEIGHT
        for x, y in (placement.front, placement.back):
            drawn = (round(x, 2), round(y, 2), 242.65, 153.01)
            assert drawn in rectangles
            assert close(drawn[2] / mm, 85.60) and close(drawn[3] / mm, 53.98)
    first, second = placements
    assert first.front[1] - second.front[1] > CARD_HEIGHT  # the copies do not overlap


def test_it_draws_corner_cut_marks_and_a_dashed_fold_line():
    ops = operations(pdf(), 0)
    placement = sheet_placements("a4")[0]
    fold_x = placement.back[0]
    dashes = [operands for operands, operator in ops if operator == b"d"]
    assert any(operands[0] for operands in dashes)  # a dash pattern is set for the fold
    moves = [(float(o[0]), float(o[1])) for o, operator in ops if operator == b"m"]
    assert any(close(x, fold_x) and y < placement.back[1] for x, y in moves)
    left, bottom = placement.front
    # A mark 3 pt outside the bottom-left corner, along the bottom edge.
    assert any(close(x, left - 3) and close(y, bottom) for x, y in moves)


# --- wording ----------------------------------------------------------------------------


MANDATORY = [
    "BLOOD TRANSFUSION ALERT",
    "I am having, or have had in the last 6 months, isatuximab (Sarclisa), an anti-CD38 "
    "antibody medicine for myeloma.",
    "the indirect antiglobulin (Coombs) test, the antibody screen and the antiglobulin "
    "crossmatch falsely positive.",
    "ABO and RhD typing are not affected.",
    "Show this card to any doctor, nurse or blood bank.",
    "Carry it during treatment and for 6 months after the last dose.",
    "Type and screen (group and screen) on:",
    "Blood group (from the lab report):",
    "Pre-treatment results held at:",
    "Blood bank: anti-CD38 interference in IAT, antibody screen, AHG crossmatch. ABO/RhD typing "
    "not affected.",
    "Class practice: 0.2 M DTT-treated reagent cells; then K-negative units unless known K+.",
    URL,
]


@pytest.mark.parametrize("layout", ["sheet", "card"])
def test_it_prints_the_mandatory_statements(layout):
    text = " ".join(page_text(page) for page in pdf(layout=layout).pages)
    for statement in MANDATORY:
        assert statement in text
    assert "blood typing" not in text.lower()  # FACTS 11, row 4.27
    assert "I am receiving" not in text  # untrue in the 6 months after the last dose


def test_the_sheet_tells_how_to_print_cut_fold_and_keep_it():
    text = page_text(pdf().pages[0])
    assert '"Actual size" or "100%"' in text and "Fit to page" in text
    assert "Fold along the dashed line" in text and "corner marks" in text
    assert "Tell your family where you keep this card." in text
    assert text.count("BLOOD TRANSFUSION ALERT") == 2  # two copies


def test_the_front_statements_end_above_the_name_box():
    name = BOXES["name"]
    assert wallet_card.front_text_bottom() > name.y + max(card_fields.VALUE_SIZES) + 2
    heading = stringWidth(wallet_card.HEADING, register_fonts()[1], wallet_card.HEADING_SIZE)
    assert 15 + heading <= CARD_WIDTH - 2 * card_fields.SAFE


def _bottom(box) -> float:
    return box.y - (box.lines - 1) * LINE_PITCH - 2.5  # the lowest writing line


@pytest.mark.parametrize("side", ["front", "back"])
def test_boxes_keep_clear_of_each_other_the_edges_and_the_qr_code(side):
    safe = card_fields.SAFE
    qr_left, qr_top = CARD_WIDTH - safe - card_fields.QR_SIZE, safe + card_fields.QR_SIZE
    boxes = [box for box in FIELD_BOXES if box.side == side]
    for a, b in itertools.combinations(boxes, 2):
        if close(a.y, b.y):  # one row: side by side, with a gap
            left, right = sorted((a, b), key=lambda box: box.x)
            assert left.x + left.width + 3 <= right.x, (a.key, b.key)
        else:
            upper, lower = sorted((a, b), key=lambda box: -box.y)
            assert upper.y - (upper.lines - 1) * LINE_PITCH - lower.y >= 12, (a.key, b.key)
    for box in boxes:
        assert box.x >= safe and box.x + box.width <= CARD_WIDTH - safe, box.key
        assert _bottom(box) >= safe - 0.01, box.key
        assert box.y + 0.75 * max(card_fields.VALUE_SIZES) <= CARD_HEIGHT - safe, box.key
        if side == "back":
            assert _bottom(box) > qr_top or box.x + box.width < qr_left, box.key


def test_the_blood_bank_lines_sit_between_the_last_row_and_a_two_line_address():
    start = BOXES["start_date"]
    top = wallet_card.BLOOD_BANK_TOP
    assert top < _bottom(start) - 1
    heights = [height for _, height in wallet_card.blood_bank_paragraphs()]
    assert len(heights) == 2 and all(height <= 2 * wallet_card.SMALL_LEADING for height in heights)
    bottom = top - sum(height + 1 for height in heights)
    two_line_address_top = card_fields.SAFE + 1 + 7 + 0.75 * wallet_card.SMALL_SIZE
    assert bottom > two_line_address_top
    assert card_fields.BESIDE_QR < CARD_WIDTH - 2 * card_fields.SAFE - card_fields.QR_SIZE


# --- fields -----------------------------------------------------------------------------


def test_it_prints_every_filled_field():
    text = " ".join(page_text(page) for page in pdf(layout="card").pages)
    for value in [
        "Maria Fernanda Rodriguez",
        "5 Jan 2026",
        "Queen Elizabeth Hospital, Haematology",
        "+44 (0)20 7946 0000",
        "AB RhD negative",
        "20 Dec 2025",
        "Jo Rodriguez",
        "07700 900123",
        "Last dose: 31 Aug 2026",
        "Carry until at least: 1 Mar 2027",
        "Queen Elizabeth Hospital blood",
    ]:
        assert value in text


def _lines(ops) -> set[tuple[float, float, float]]:
    """Horizontal segments as (x1, x2, y) from m ... l pairs."""
    segments, start = set(), None
    for operands, operator in ops:
        if operator == b"m":
            start = (float(operands[0]), float(operands[1]))
        elif operator == b"l" and start and close(start[1], operands[1]):
            segments.add((round(start[0], 2), round(float(operands[0]), 2), round(start[1], 2)))
    return segments


def test_empty_fields_leave_labelled_blank_lines_to_write_on():
    reader = pdf(CardDetails(), layout="card")
    text = " ".join(page_text(page) for page in reader.pages)
    for box in FIELD_BOXES:
        assert box.label in text
        segments = _lines(operations(reader, 0 if box.side == "front" else 1))
        for index in range(box.lines):
            y = box.y - index * LINE_PITCH - 2.5
            assert (round(box.value_x, 2), round(box.x + box.width, 2), round(y, 2)) in segments
    assert "Jan" not in text and "RhD negative" not in text and "RhD positive" not in text


def test_the_qr_code_opens_the_blood_bank_page(monkeypatch):
    given_values = []

    class SpyWidget(qr.QrCodeWidget):
        def __init__(self, value, **kwargs):
            given_values.append(value)
            super().__init__(value, **kwargs)

    monkeypatch.setattr(qr, "QrCodeWidget", SpyWidget)
    qr.qr_rectangles.cache_clear()
    text = page_text(pdf().pages[0])
    assert given_values == [URL]  # encoded once, drawn on both copies
    assert text.count(URL) == 2


def test_the_qr_code_is_what_reportlabs_qr_widget_draws():
    size = card_fields.QR_SIZE
    widget = qr.QrCodeWidget(URL, barLevel="M", barBorder=2, barWidth=size, barHeight=size)
    drawn = [(r.x, r.y, r.width, r.height) for r in widget.draw().contents if r.fillColor]
    ours = qr.qr_rectangles(URL)
    assert len(ours) == len(drawn) > 100
    for mine, theirs in zip(ours, drawn, strict=True):
        assert mine == pytest.approx(theirs)


def test_no_text_is_smaller_than_6_points():
    sizes = set()
    for layout in ("sheet", "card"):
        reader = pdf(layout=layout)
        for number in range(len(reader.pages)):
            sizes |= {
                float(o[1]) for o, operator in operations(reader, number) if operator == b"Tf"
            }
    assert sizes and min(sizes) >= MIN_FONT_SIZE == 6
    assert min(card_fields.VALUE_SIZES) >= 6 and wallet_card.SMALL_SIZE >= 6


def test_it_has_a_title_and_no_personal_data_in_its_metadata():
    reader = pdf()
    metadata = reader.metadata
    assert "alert card" in metadata.title
    assert reader.trailer["/Root"]["/Lang"] == "en"
    assert "Rodriguez" not in str(dict(metadata))


# --- limits -----------------------------------------------------------------------------


@pytest.mark.parametrize("key", sorted(MAX_LENGTHS))
def test_the_longest_allowed_text_fits_its_box(key):
    limit = MAX_LENGTHS[key]
    box = BOXES[key]
    regular = register_fonts()[0]
    for text in ("W" * limit, "Щ" * limit, ("WM " * limit)[:limit].strip(), "8" * limit):
        fitted = fit(text, box.value_width, box.lines)
        assert not fitted.shortened, (key, text)
        assert len(fitted.lines) <= box.lines
        for line in fitted.lines:
            assert stringWidth(line, regular, fitted.size) <= box.value_width
        assert "".join(fitted.lines).replace(" ", "") == text.replace(" ", "")


@pytest.mark.parametrize("key", ["start_date", "screen_date", "last_dose_date", "carry_until"])
def test_every_date_fits_its_box_at_full_size(key):
    box = BOXES[key]
    for month in range(1, 13):
        text = card_fields.card_values(CardDetails(start_date=datetime.date(2028, month, 28)))
        fitted = fit(text["start_date"], box.value_width, box.lines)
        assert fitted.size == max(card_fields.VALUE_SIZES) and len(fitted.lines) == 1, text


def test_text_too_wide_for_the_box_is_shortened_never_overflowing():
    box = BOXES["contact_name"]
    fitted = fit("‱" * 24, box.value_width, box.lines)
    assert fitted.shortened and fitted.lines[-1].endswith("...")
    assert stringWidth(fitted.lines[-1], register_fonts()[0], MIN_FONT_SIZE) <= box.value_width
    assert not fits("contact_name", "‱" * 24)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(key=st.sampled_from(sorted(MAX_LENGTHS)), data=st.data())
def test_any_text_within_the_limit_fits_or_is_shortened_inside_its_box(key, data):
    text = data.draw(st.text(max_size=MAX_LENGTHS[key]))
    box = BOXES[key]
    fitted = fit(text, box.value_width, box.lines)
    assert len(fitted.lines) <= box.lines and fitted.size >= MIN_FONT_SIZE
    for line in fitted.lines:
        assert stringWidth(line, register_fonts()[0], fitted.size) <= box.value_width


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    name=st.text(max_size=MAX_LENGTHS["name"]),
    centre=st.text(max_size=MAX_LENGTHS["centre"]),
    contact=st.text(max_size=MAX_LENGTHS["contact_name"]),
)
def test_it_renders_any_unicode_within_the_limits(name, centre, contact):
    details = CardDetails(name=name, centre=centre, contact_name=contact)
    reader = PdfReader(io.BytesIO(render(details, URL, "a4", "card")))
    assert "BLOOD TRANSFUSION ALERT" in page_text(reader.pages[0])


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Zoë Ångström", "Zoë Ångström"),
        ("Дмитрий Иванов", "Дмитрий Иванов"),
        ("山田 Anna", "?? Anna"),
        ("Ana \U0001f600\u200d", "Ana"),
        ("A\x00B\x07C\nD\tE", "ABC D E"),
    ],
)
def test_unusual_names_render_or_degrade_gracefully(name, expected):
    assert expected in page_text(pdf(CardDetails(name=name), layout="card").pages[0])


def test_right_to_left_text_is_put_in_visual_order():
    assert clean("שרה כהן") == "ןהכ הרש"
    assert clean("  Ana\n  Silva ") == "Ana Silva"


def test_it_rejects_an_unknown_paper_or_layout():
    with pytest.raises(ValueError):
        render(FULL, URL, "a3")
    with pytest.raises(ValueError):
        render(FULL, URL, "a4", "poster")


def test_the_command_line_writes_a_sample(tmp_path):
    out = tmp_path / "sample.pdf"
    call_command(
        "wallet_card", "--out", str(out), "--name", "Ana Silva", "--start-date", "2026-01-05"
    )
    text = page_text(PdfReader(out).pages[0])
    assert "Ana Silva" in text and "5 Jan 2026" in text


# --- form -------------------------------------------------------------------------------


def form(**data) -> WalletCardForm:
    return WalletCardForm({"paper": "a4", "layout": "sheet", **data}, today=TODAY)


def test_an_empty_form_is_valid_and_gives_a_blank_card():
    empty = WalletCardForm({}, today=TODAY)
    assert empty.is_valid(), empty.errors
    assert empty.details() == CardDetails()
    assert empty.cleaned_data["paper"] == "a4" and empty.cleaned_data["layout"] == "sheet"


def test_every_field_has_help_text_and_autocomplete_off():
    for name, field in WalletCardForm.base_fields.items():
        assert field.help_text, name
        if name not in ("output", "paper", "layout"):  # radio choices, nothing typed
            assert field.widget.attrs["autocomplete"] == "off", name


def test_a_full_form_becomes_card_details():
    filled = form(
        name="Ana Silva",
        start_date="2026-01-05",
        centre="City Hospital",
        centre_phone="+1 (555) 010-0000",
        blood_group="O-",
        screen_date="2025-12-20",
        contact_name="Rui Silva",
        contact_phone="555 0100",
        last_dose_date="2026-01-08",
        results_held_at="City Hospital blood bank",
    )
    assert filled.is_valid(), filled.errors
    details = filled.details()
    assert details.blood_group == "O RhD negative"
    assert details.start_date == datetime.date(2026, 1, 5)
    assert details.last_dose_date == datetime.date(2026, 1, 8)
    assert details.results_held_at == "City Hospital blood bank"
    assert card_fields.card_values(details)["carry_until"] == "8 Jul 2026"


@pytest.mark.parametrize(
    ("last_dose", "message"),
    [
        ("2026-01-11", "cannot be in the future"),  # TODAY is 10 Jan 2026
        ("2025-07-09", "more than 6 months ago: the card was needed until 9 Jan 2026"),
        ("2024-03-01", "more than 6 months ago"),
        ("2026-02-30", "That date does not exist"),
        ("10/01/2026", "can mean 5 January or 1 May"),
    ],
)
def test_it_rejects_a_last_dose_in_the_future_or_too_long_ago(last_dose, message):
    bound = form(last_dose_date=last_dose)
    assert not bound.is_valid()
    assert message in bound.errors["last_dose_date"][0]


@pytest.mark.parametrize("last_dose", ["2026-01-10", "2025-07-10", "2025-12-01"])
def test_it_accepts_a_last_dose_whose_six_months_have_not_ended(last_dose):
    assert form(last_dose_date=last_dose).is_valid()


def test_the_last_dose_comes_after_the_start_and_the_blood_test():
    bound = form(start_date="2026-01-05", last_dose_date="2026-01-04")
    assert "cannot be before the date you started" in bound.errors["last_dose_date"][0]
    bound = form(screen_date="2026-01-06", last_dose_date="2026-01-05")
    assert "after the blood test done before treatment" in bound.errors["last_dose_date"][0]
    assert form(start_date="2026-01-05", last_dose_date="2026-01-05").is_valid()


@pytest.mark.parametrize("key", sorted(MAX_LENGTHS))
def test_it_rejects_text_longer_than_the_limit(key):
    value = "1" * (MAX_LENGTHS[key] + 1)
    bound = form(**{key: value})
    assert not bound.is_valid()
    assert "at most" in bound.errors[key][0]


def test_it_rejects_text_too_wide_for_the_card():
    bound = form(contact_name="‱" * 20)
    assert not bound.is_valid()
    assert "too wide to fit on the card" in bound.errors["contact_name"][0]


@pytest.mark.parametrize(
    ("phone", "message"),
    [
        ("call me", "Use only numbers"),
        ("020 7946 0000 ext.2", "Use only numbers"),
        ("+ ( ) -", "whole phone number"),
        ("12", "whole phone number"),
    ],
)
def test_it_rejects_a_bad_phone_number(phone, message):
    bound = form(centre_phone=phone, contact_phone=phone)
    assert not bound.is_valid()
    assert message in bound.errors["centre_phone"][0]
    assert message in bound.errors["contact_phone"][0]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2026-02-30", "That date does not exist"),
        ("next week", "Enter a real date"),
        ("05/01/2026", "5 January or 1 May"),
        ("2021-01-09", "within the last 5 years"),
        ("2027-01-11", "no more than 1 year from today"),
    ],
)
def test_it_rejects_a_bad_date(value, message):
    bound = form(start_date=value, screen_date=value)
    assert not bound.is_valid()
    assert message in bound.errors["start_date"][0]
    assert message in bound.errors["screen_date"][0]


def test_it_accepts_dates_from_five_years_back_to_a_year_ahead():
    assert form(start_date="2027-01-10", screen_date="2021-01-10").is_valid()


def test_the_blood_test_must_be_on_or_before_the_start_date():
    assert form(start_date="2026-01-05", screen_date="2026-01-05").is_valid()
    bound = form(start_date="2026-01-05", screen_date="2026-01-06")
    assert not bound.is_valid()
    assert "on or before the date you started" in bound.errors["screen_date"][0]


def test_it_rejects_an_unknown_blood_group():
    assert not form(blood_group="C+").is_valid()
    assert set(card_fields.BLOOD_GROUP_ON_CARD) == {value for value, _ in card_fields.BLOOD_GROUPS}


def test_the_calendar_prefill_keeps_only_a_readable_start_date():
    assert calendar_prefill({"start_date": "2026-01-05"}) == {
        "start_date": datetime.date(2026, 1, 5)
    }
    assert calendar_prefill({"start_date": "junk"}) == {}
    assert calendar_prefill({}) == {}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    name=st.text(max_size=80),
    phone=st.text(alphabet="0123456789 +()-x", max_size=25),
    start=st.text(max_size=12),
)
def test_any_form_input_is_accepted_to_fit_or_rejected_with_a_message(name, phone, start):
    bound = form(name=name, centre_phone=phone, start_date=start)
    if bound.is_valid():
        assert fits("name", bound.cleaned_data["name"])
        assert fits("centre_phone", bound.cleaned_data["centre_phone"])
        render(bound.details(), URL, "a4", "card")
    else:
        assert all(messages and all(messages) for messages in bound.errors.values())


def test_a_long_site_address_wraps_beside_the_qr_code():
    url = "https://isatuximab-treatment-guide.hospital-trust.example.org/for-blood-banks/"
    lines = wallet_card.url_lines_for(url)
    assert len(lines) == 2 and "".join(lines) == url
    text = page_text(PdfReader(io.BytesIO(render(FULL, url, "a4", "card"))).pages[1])
    assert lines[0] in text and lines[1] in text
    with pytest.raises(ValueError):
        wallet_card.url_lines_for("https://" + "x" * 200 + ".org/for-blood-banks/")

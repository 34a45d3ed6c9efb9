"""The blood-transfusion alert wallet card as a PDF (ReportLab). Returns bytes; no HTTP here.

The card is ID-1 size (85.60 x 53.98 mm, a bank card), front and back:

- front: the heading "BLOOD TRANSFUSION ALERT", what the medicine does to blood-bank tests
  (true during treatment and for 6 months after it), "show this card to any doctor, nurse or
  blood bank", how long to carry it, the holder's name, the date of the last dose with the
  date to carry the card until, and an emergency contact;
- back: blood group, the date of the type and screen (group and screen) done before treatment
  and where those results are held, treatment centre and its 24-hour phone, treatment start
  date, two lines for the blood bank (the anti-CD38 interference; DTT and K-negative units as
  class practice), and a QR code plus the printed address of the site's page for blood banks
  (no personal data in either).

Two layouts: "sheet" puts two fold-over copies on one A4 or US Letter page with cut marks,
a fold line and printing instructions; "card" gives two pages at exactly card size (front,
then back) for card printers. Facts: shared FACTS.md sections 6, 11 (row 4.27) and 15b, and
FACTS-partner-drugs.md P8. `card_image.py` draws the same two sides into a phone image.

The card is written in the current language (`schedule/language.py`; a view under /es/ makes
it Spanish). A card in another language is bilingual: everything in that language first, and
the back's two blood-bank lines stay in English under "In English:", so staff anywhere can read
them (the front's statement says the same in the card's language). The fields, their boxes and
the fitting of text into them live in `schedule/card_fields.py`; this module only draws.

Sample: python -m schedule.pdf.wallet_card --out sample.pdf --name "Ana Silva"
"""

import argparse
import datetime
import gettext as catalogues
import io
from contextlib import AbstractContextManager
from dataclasses import dataclass, fields
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from ..card_fields import (
    BESIDE_QR,
    BOXES,
    CARD_HEIGHT,
    CARD_WIDTH,
    FULL_WIDTH,
    LABEL_SIZE,
    LINE_PITCH,
    QR_SIZE,
    SAFE,
    CardDetails,
    card_values,
    field_boxes,
    fit,
    wrap,
)
from ..language import current_language, gettext, gettext_noop, speaking
from .fonts import register_fonts
from .paper import PAPER_SIZES
from .qr import draw_qr_code

LAYOUTS = ("sheet", "card")
HEADING_SIZE = 11
BODY_SIZE = 6.5
BODY_LEADING = 7.8
SMALL_SIZE = 6
SMALL_LEADING = 6.9
PARAGRAPH_GAP = 1.5  # between the front statements
SHEET_SIZE = 10
SHEET_TITLE_SIZE = 16

HEADING = gettext_noop("BLOOD TRANSFUSION ALERT")
# FACTS.md 6 and 15b, FACTS-partner-drugs.md P8: true during treatment and for 6 months after
# the last dose; names the tests the US label lists; ABO/RhD typing is class data.
STATEMENT = gettext_noop(
    # Translators: card text with <b> tags; keep the tags around the medicine's name.
    "I am having, or have had in the last 6 months, <b>isatuximab (Sarclisa)</b>, an anti-CD38 "
    "antibody medicine for myeloma. It can make the indirect antiglobulin (Coombs) test, the "
    "antibody screen and the antiglobulin crossmatch falsely positive. ABO and RhD typing are "
    "not affected."
)
SHOW = gettext_noop("Show this card to any doctor, nurse or blood bank.")
CARRY = gettext_noop("Carry it during treatment and for 6 months after the last dose.")
# The two lines a blood bank needs without scanning (P8 "HCP side"), at SMALL_SIZE.
BLOOD_BANK_LINES = (
    "<b>Blood bank:</b> anti-CD38 interference in IAT, antibody screen, AHG crossmatch. "
    "ABO/RhD typing not affected.",
    "<b>Class practice:</b> 0.2 M DTT-treated reagent cells; then K-negative units unless "
    "known K+.",
)
# On a card in another language the same two lines stay in English (not translated), so blood
# bank staff anywhere can read them; the first one says so in place of "Blood bank:".
IN_ENGLISH = "<b>In English:</b>"
ENGLISH_BLOOD_BANK_LINES = (
    BLOOD_BANK_LINES[0].replace("<b>Blood bank:</b>", IN_ENGLISH),
    BLOOD_BANK_LINES[1],
)
TITLE = gettext_noop("Blood transfusion alert card (isatuximab)")
SUBJECT = gettext_noop("Isatuximab can make blood-bank compatibility tests falsely positive")
AUTHOR = gettext_noop("Isatuximab treatment guide")


def blood_bank_lines() -> tuple[str, ...]:
    """The back's lines for blood bank staff: always English, marked as such on a card in
    another language (whose front says the same in that language)."""
    return BLOOD_BANK_LINES if current_language() == "en" else ENGLISH_BLOOD_BANK_LINES


def render(details: CardDetails, url: str, paper: str = "a4", layout: str = "sheet") -> bytes:
    """The card as PDF bytes. `url` is the absolute address of the blood-bank page."""
    if paper not in PAPER_SIZES or layout not in LAYOUTS:
        raise ValueError(f"unknown paper {paper!r} or layout {layout!r}")
    register_fonts()
    buffer = io.BytesIO()
    pagesize = (CARD_WIDTH, CARD_HEIGHT) if layout == "card" else PAPER_SIZES[paper]
    canvas = Canvas(buffer, pagesize=pagesize, lang=current_language())
    canvas.setTitle(gettext(TITLE))
    canvas.setSubject(gettext(SUBJECT))
    canvas.setAuthor(gettext(AUTHOR))
    canvas.setCreator(gettext(AUTHOR))
    values = card_values(details)
    if layout == "card":
        draw_front(canvas, 0, 0, values)
        canvas.showPage()
        draw_back(canvas, 0, 0, values, url)
        canvas.showPage()
    else:
        _sheet(canvas, pagesize, values, url)
    canvas.save()
    return buffer.getvalue()


@dataclass(frozen=True)
class Placement:
    """Where one fold-over copy sits on the sheet: the bottom-left corners of its two halves."""

    front: tuple[float, float]
    back: tuple[float, float]


def sheet_placements(paper: str) -> tuple[Placement, ...]:
    """Two copies, front and back side by side, centred across the page, below the steps."""
    page_width, page_height = PAPER_SIZES[paper]
    left = (page_width - 2 * CARD_WIDTH) / 2
    first = page_height - 290 - CARD_HEIGHT
    bottoms = (first, first - CARD_HEIGHT - 60)
    return tuple(Placement((left, bottom), (left + CARD_WIDTH, bottom)) for bottom in bottoms)


def paragraph_style(size: float, leading: float, bold: bool = False) -> ParagraphStyle:
    regular, heavy = register_fonts()
    return ParagraphStyle(
        "card", fontName=heavy if bold else regular, fontSize=size, leading=leading
    )


FRONT_TEXT_TOP = CARD_HEIGHT - SAFE - 17  # below the heading and its rule


def _front_paragraphs() -> list[tuple[Paragraph, float]]:
    """The fixed front statements, each with its height in points when wrapped to the card."""
    out = []
    for text, bold_text in ((STATEMENT, False), (SHOW, True), (CARRY, False)):
        paragraph = Paragraph(gettext(text), paragraph_style(BODY_SIZE, BODY_LEADING, bold_text))
        out.append((paragraph, paragraph.wrap(FULL_WIDTH, CARD_HEIGHT)[1]))
    return out


def front_text_bottom() -> float:
    """Lowest point of the front statements, in card points from the bottom edge."""
    return FRONT_TEXT_TOP - sum(height + PARAGRAPH_GAP for _, height in _front_paragraphs())


def draw_front(canvas: Canvas, x0: float, y0: float, values: dict[str, str]) -> None:
    bold = register_fonts()[1]
    top = y0 + CARD_HEIGHT - SAFE
    _warning_sign(canvas, x0 + SAFE, top - 11)
    canvas.setFont(bold, HEADING_SIZE)
    canvas.drawString(x0 + SAFE + 15, top - 10, gettext(HEADING))
    canvas.setLineWidth(1.5)
    canvas.line(x0 + SAFE, top - 14, x0 + CARD_WIDTH - SAFE, top - 14)
    y = y0 + FRONT_TEXT_TOP
    for paragraph, height in _front_paragraphs():
        paragraph.drawOn(canvas, x0 + SAFE, y - height)
        y -= height + PARAGRAPH_GAP
    _fields(canvas, x0, y0, "front", values)


def blood_bank_paragraphs() -> list[tuple[Paragraph, float]]:
    """The back's blood-bank lines beside the QR code, each with its wrapped height."""
    out = []
    for text in blood_bank_lines():
        paragraph = Paragraph(text, paragraph_style(SMALL_SIZE, SMALL_LEADING))
        out.append((paragraph, paragraph.wrap(BESIDE_QR, CARD_HEIGHT)[1]))
    return out


BLOOD_BANK_TOP = BOXES["start_date"].y - 5  # below the last row beside the QR code


def draw_back(canvas: Canvas, x0: float, y0: float, values: dict[str, str], url: str) -> None:
    regular = register_fonts()[0]
    _fields(canvas, x0, y0, "back", values)
    qr_x = x0 + CARD_WIDTH - SAFE - QR_SIZE
    draw_qr_code(canvas, qr_x, y0 + SAFE, url)
    y = y0 + BLOOD_BANK_TOP
    for paragraph, height in blood_bank_paragraphs():
        paragraph.drawOn(canvas, x0 + SAFE, y - height)
        y -= height + 1
    canvas.setFont(regular, SMALL_SIZE)
    y = y0 + SAFE + 1 + 7 * len(url_lines_for(url))
    for line in url_lines_for(url):
        y -= 7
        canvas.drawString(x0 + SAFE, y, line)


def url_lines_for(url: str) -> list[str]:
    """The blood-bank address broken to fit beside the QR code, at most two lines."""
    lines = wrap(url, BESIDE_QR, SMALL_SIZE)
    if len(lines) > 2:
        raise ValueError("the site address is too long to print on the card")
    return lines


def _fields(canvas: Canvas, x0: float, y0: float, side: str, values: dict[str, str]) -> None:
    regular, bold = register_fonts()
    canvas.setLineWidth(0.4)
    for box in (box for box in field_boxes() if box.side == side):
        canvas.setFont(bold, LABEL_SIZE)
        canvas.drawString(x0 + box.x, y0 + box.y, box.label)
        fitted = fit(values[box.key], box.value_width, box.lines)
        for index in range(box.lines):
            baseline = y0 + box.y - index * LINE_PITCH
            canvas.line(x0 + box.value_x, baseline - 2.5, x0 + box.x + box.width, baseline - 2.5)
            if index < len(fitted.lines):
                canvas.setFont(regular, fitted.size)
                canvas.drawString(x0 + box.value_x, baseline, fitted.lines[index])


def _warning_sign(canvas: Canvas, x: float, y: float) -> None:
    """A black triangle with a white "!": decoration; the heading says it in words."""
    path = canvas.beginPath()
    path.moveTo(x, y)
    path.lineTo(x + 12, y)
    path.lineTo(x + 6, y + 11)
    path.close()
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.setFillGray(1)
    canvas.setFont(register_fonts()[1], 8)
    canvas.drawCentredString(x + 6, y + 1.5, "!")
    canvas.setFillGray(0)


SHEET_STEPS = (
    gettext_noop(
        'Print this page at "Actual size" or "100%". Do not choose "Fit to page" or "Shrink".'
    ),
    gettext_noop(
        "Check the size: each half of a card is 85.6 mm by 54 mm (3.37 by 2.13 inches), "
        "the size of a bank card. The line below should be 10 cm (3.94 inches) long."
    ),
    gettext_noop("Cut around the outside edge of a card. The corner marks show where to cut."),
    gettext_noop(
        "Fold along the dashed line so the printing is on the outside. Glue or tape it shut."
    ),
    gettext_noop("Keep it in your wallet or purse. The second copy is a spare."),
    gettext_noop("Tell your family where you keep this card."),
)
SHEET_TITLE = gettext_noop("Your blood transfusion alert card")


def _sheet(canvas: Canvas, pagesize: tuple[float, float], values: dict, url: str) -> None:
    regular, bold = register_fonts()
    page_width, page_height = pagesize
    margin = 54
    canvas.setFont(bold, SHEET_TITLE_SIZE)
    canvas.drawString(margin, page_height - margin, gettext(SHEET_TITLE))
    y = page_height - margin - 24
    for number, step in enumerate(SHEET_STEPS, start=1):
        paragraph = Paragraph(f"{number}. {gettext(step)}", paragraph_style(SHEET_SIZE, 13))
        _, height = paragraph.wrap(page_width - 2 * margin, page_height)
        paragraph.drawOn(canvas, margin, y - height)
        y -= height + 3
    canvas.setLineWidth(1)
    canvas.line(margin, y - 10, margin + 100 * mm, y - 10)
    for end in (margin, margin + 100 * mm):
        canvas.line(end, y - 14, end, y - 6)
    canvas.setFont(regular, SHEET_SIZE)
    canvas.drawString(margin, y - 24, "10 cm")
    paper = next(key for key, size in PAPER_SIZES.items() if size == pagesize)
    for placement in sheet_placements(paper):
        draw_front(canvas, *placement.front, values)
        draw_back(canvas, *placement.back, values, url)
        _guides(canvas, placement)


def _guides(canvas: Canvas, placement: Placement) -> None:
    """Card outlines (light), a dashed fold line, corner cut marks and side names."""
    (fx, fy), (bx, by) = placement.front, placement.back
    canvas.setLineWidth(0.3)
    canvas.setStrokeGray(0.6)
    canvas.rect(fx, fy, CARD_WIDTH, CARD_HEIGHT)
    canvas.rect(bx, by, CARD_WIDTH, CARD_HEIGHT)
    canvas.setStrokeGray(0)
    canvas.setLineWidth(0.6)
    canvas.setDash(3, 2)
    canvas.line(bx, fy - 10, bx, fy + CARD_HEIGHT + 10)
    canvas.setDash()
    right, top = bx + CARD_WIDTH, fy + CARD_HEIGHT
    for x, y, dx, dy in (
        (fx, fy, -1, -1),
        (fx, top, -1, 1),
        (right, fy, 1, -1),
        (right, top, 1, 1),
    ):
        canvas.line(x + dx * 3, y, x + dx * 15, y)
        canvas.line(x, y + dy * 3, x, y + dy * 15)
    canvas.setFont(register_fonts()[0], SMALL_SIZE + 1)
    # Translators: the names of the card's two sides and of the fold, printed beside them.
    canvas.drawCentredString(fx + CARD_WIDTH / 2, top + 5, gettext("FRONT"))
    canvas.drawCentredString(bx + CARD_WIDTH / 2, top + 5, gettext("BACK"))
    canvas.drawCentredString(bx, top + 14, gettext("fold"))


def parse_args(argv: list[str] | None, description: str) -> argparse.Namespace:
    """Command-line options for a sample card: one per card field, plus output and address."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--paper", choices=sorted(PAPER_SIZES), default="a4")
    parser.add_argument("--layout", choices=LAYOUTS, default="sheet")
    parser.add_argument("--language", choices=("en", "es"), default="en")
    parser.add_argument("--url", help="default: the local server's blood-bank page")
    for field in fields(CardDetails):
        date = field.name.endswith("_date")
        kind = {"type": datetime.date.fromisoformat, "default": None} if date else {"default": ""}
        parser.add_argument(f"--{field.name.replace('_', '-')}", **kind)
    args = parser.parse_args(argv)
    prefix = "" if args.language == "en" else f"{args.language}/"
    args.url = args.url or f"http://127.0.0.1:8000/{prefix}for-blood-banks/"
    return args


def details_from(args: argparse.Namespace) -> CardDetails:
    return CardDetails(**{field.name: getattr(args, field.name) for field in fields(CardDetails)})


def in_language(language: str) -> AbstractContextManager[str]:
    """Write the sample in `language`, from the compiled catalogue the site uses (no Django)."""
    if language == "en":
        return speaking("en")
    locale = Path(__file__).resolve().parents[2] / "locale"
    catalogue = catalogues.translation("django", locale, languages=[language])
    return speaking(language, catalogue.gettext, catalogue.ngettext)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv, "Write a sample wallet card PDF.")
    with in_language(args.language):
        pdf = render(details_from(args), args.url, args.paper, args.layout)
    args.out.write_bytes(pdf)


if __name__ == "__main__":
    main()

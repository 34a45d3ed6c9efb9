"""The blood-transfusion alert wallet card as a PDF (ReportLab). Returns bytes; no HTTP here.

The card is ID-1 size (85.60 x 53.98 mm, a bank card), front and back:

- front: the heading "BLOOD TRANSFUSION ALERT", what the medicine does to blood-bank tests,
  "tell the blood bank", how long to carry the card, and the holder's name;
- back: treatment centre and its 24-hour phone, blood group, the date of the type-and-screen
  test done before treatment, treatment start date, an emergency contact, and a QR code plus
  the printed address of the site's page for blood banks (no personal data in either).

Two layouts: "sheet" puts two fold-over copies on one A4 or US Letter page with cut marks,
a fold line and printing instructions; "card" gives two pages at exactly card size (front,
then back) for card printers. Facts: shared FACTS.md section 6 and section 11 row 4.27.

Every filled value is fitted into its box: the font shrinks from 8 pt to no less than 6 pt
and wraps onto the box's lines. The form refuses text that still does not fit (`fits()`);
the renderer itself never overflows (it shortens with "..." as a last resort) and never
crashes on any Unicode input (`printable()` swaps what the font cannot draw).

Sample: python -m schedule.pdf.wallet_card --out sample.pdf --name "Ana Silva"
"""

import argparse
import datetime
import functools
import io
from collections.abc import Iterator
from dataclasses import dataclass, fields
from pathlib import Path

from bidi import get_display
from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from .fonts import printable, register_fonts

CARD_WIDTH = 85.60 * mm  # ISO/IEC 7810 ID-1, 242.65 pt
CARD_HEIGHT = 53.98 * mm  # 153.01 pt
SAFE = 3 * mm  # keep text this far from the card edge (cutting and card-printer tolerance)
PAPERS = {"a4": A4, "letter": LETTER}
LAYOUTS = ("sheet", "card")

# Type sizes in points. Nothing on the card or the sheet is smaller than MIN_FONT_SIZE.
MIN_FONT_SIZE = 6
HEADING_SIZE = 11
BODY_SIZE = 7.5
LABEL_SIZE = 6.5
VALUE_SIZES = (8, 7.5, 7, 6.5, 6)  # tried in turn until the value fits its box
MULTILINE_MAX_SIZE = 7.5  # a value on two lines must fit the 8.5 pt line pitch
LINE_PITCH = 8.5
SMALL_SIZE = 6
SHEET_SIZE = 10
SHEET_TITLE_SIZE = 16

HEADING = "BLOOD TRANSFUSION ALERT"
STATEMENT = (
    "I am receiving <b>isatuximab (Sarclisa)</b>, an anti-CD38 antibody medicine for myeloma. "
    "It can make the indirect antiglobulin (Coombs) test, the antibody screen and the "
    "crossmatch falsely positive."
)
TELL = "Tell the blood bank before any transfusion."
CARRY = "Carry this card during treatment and until 6 months after the last dose."
SEE_BACK = "Blood bank: please scan the QR code on the back."
URL_INTRO = "Blood bank: scan the QR code or go to"

QR_SIZE = 50  # points, about 17.6 mm


@dataclass(frozen=True)
class CardDetails:
    """What the holder or nurse typed; every field may be empty (written by hand later)."""

    name: str = ""
    start_date: datetime.date | None = None
    centre: str = ""
    centre_phone: str = ""
    blood_group: str = ""
    screen_date: datetime.date | None = None
    contact_name: str = ""
    contact_phone: str = ""


@dataclass(frozen=True)
class FieldBox:
    """A labelled blank on one side of the card; x, y are the label baseline in card points."""

    key: str
    label: str
    side: str  # "front" or "back"
    x: float
    y: float
    width: float  # from the label start to the right end of the writing line
    lines: int = 1

    @property
    def value_x(self) -> float:
        return self.x + stringWidth(self.label, register_fonts()[1], LABEL_SIZE) + 3

    @property
    def value_width(self) -> float:
        return self.x + self.width - self.value_x


def _row(n: int) -> float:
    """Baseline of the n-th 13.5 pt row on the back; row 0 (the centre) has a second line."""
    return CARD_HEIGHT - SAFE - 9 - 13.5 * n - (LINE_PITCH if n else 0)


_FULL = CARD_WIDTH - 2 * SAFE
_BESIDE_QR = _FULL - QR_SIZE - 6
FIELD_BOXES = (
    FieldBox("name", "Name:", "front", SAFE, SAFE + 11, _FULL, lines=2),
    FieldBox("centre", "Treatment centre:", "back", SAFE, _row(0), _FULL, lines=2),
    FieldBox("centre_phone", "Centre 24-hour phone:", "back", SAFE, _row(1), _FULL),
    FieldBox("contact_name", "Emergency contact:", "back", SAFE, _row(2), _FULL),
    FieldBox("contact_phone", "Their phone:", "back", SAFE, _row(3), _FULL),
    FieldBox("blood_group", "Blood group:", "back", SAFE, _row(4), _FULL),
    FieldBox("screen_date", "Pre-treatment type and screen on:", "back", SAFE, _row(5), _BESIDE_QR),
    FieldBox("start_date", "Treatment started:", "back", SAFE, _row(6), _BESIDE_QR),
)
BOXES = {box.key: box for box in FIELD_BOXES}


@dataclass(frozen=True)
class Fitted:
    size: float
    lines: tuple[str, ...]
    shortened: bool = False


def clean(text: str) -> str:
    """One line of drawable text: unknown glyphs swapped, whitespace collapsed, RTL reordered."""
    return get_display(" ".join(printable(text).split()))


def _width(text: str, size: float) -> float:
    return stringWidth(text, register_fonts()[0], size)


def _wrap(text: str, width: float, size: float) -> list[str]:
    """Greedy word wrap; a word wider than the box is broken between characters."""
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        candidate = f"{current} {word}" if current else word
        if _width(candidate, size) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        current = ""
        for char in word:
            if _width(current + char, size) > width and current:
                lines.append(current)
                current = ""
            current += char
    if current:
        lines.append(current)
    return lines


def fit(text: str, width: float, max_lines: int) -> Fitted:
    """Largest size from VALUE_SIZES at which `text` fits `max_lines` lines of `width` points.

    >>> fit("Ana Silva", 200, 1).size
    8
    """
    text = clean(text)
    for size in VALUE_SIZES:
        lines = _wrap(text, width, size)
        if len(lines) <= 1 or (len(lines) <= max_lines and size <= MULTILINE_MAX_SIZE):
            return Fitted(size, tuple(lines))
    lines = _wrap(text, width, MIN_FONT_SIZE)[:max_lines]
    last = lines[-1]
    while last and _width(last + "...", MIN_FONT_SIZE) > width:
        last = last[:-1]
    return Fitted(MIN_FONT_SIZE, (*lines[:-1], last + "..."), shortened=True)


def fits(key: str, text: str) -> bool:
    """True when `text` fits the box for field `key` without being shortened."""
    box = BOXES[key]
    return not fit(text, box.value_width, box.lines).shortened


def format_date(value: datetime.date | None) -> str:
    """Day, short month, year: the same in every country. 2026-01-05 -> '5 Jan 2026'."""
    return f"{value.day} {value:%b %Y}" if value else ""


def _values(details: CardDetails) -> dict[str, str]:
    values = {}
    for field in fields(details):
        value = getattr(details, field.name)
        is_date = isinstance(value, datetime.date) or value is None
        values[field.name] = format_date(value) if is_date else value
    return values


def render(details: CardDetails, url: str, paper: str = "a4", layout: str = "sheet") -> bytes:
    """The card as PDF bytes. `url` is the absolute address of the blood-bank page."""
    if paper not in PAPERS or layout not in LAYOUTS:
        raise ValueError(f"unknown paper {paper!r} or layout {layout!r}")
    register_fonts()
    buffer = io.BytesIO()
    pagesize = (CARD_WIDTH, CARD_HEIGHT) if layout == "card" else PAPERS[paper]
    canvas = Canvas(buffer, pagesize=pagesize, lang="en")
    canvas.setTitle("Blood transfusion alert card (isatuximab)")
    canvas.setSubject("Isatuximab can make blood-bank compatibility tests falsely positive")
    canvas.setAuthor("Isatuximab treatment guide")
    canvas.setCreator("Isatuximab treatment guide")
    values = _values(details)
    if layout == "card":
        _front(canvas, 0, 0, values)
        canvas.showPage()
        _back(canvas, 0, 0, values, url)
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
    page_width, page_height = PAPERS[paper]
    left = (page_width - 2 * CARD_WIDTH) / 2
    first = page_height - 290 - CARD_HEIGHT
    bottoms = (first, first - CARD_HEIGHT - 60)
    return tuple(Placement((left, bottom), (left + CARD_WIDTH, bottom)) for bottom in bottoms)


def _style(size: float, leading: float, bold: bool = False) -> ParagraphStyle:
    regular, heavy = register_fonts()
    return ParagraphStyle(
        "card", fontName=heavy if bold else regular, fontSize=size, leading=leading
    )


FRONT_TEXT_TOP = CARD_HEIGHT - SAFE - 17  # below the heading and its rule


def _front_paragraphs() -> list[tuple[Paragraph, float]]:
    """The fixed front statements, each with its height in points when wrapped to the card."""
    out = []
    for text, bold_text in ((STATEMENT, False), (TELL, True), (CARRY, False), (SEE_BACK, False)):
        paragraph = Paragraph(text, _style(BODY_SIZE, 9, bold_text))
        out.append((paragraph, paragraph.wrap(_FULL, CARD_HEIGHT)[1]))
    return out


def front_text_bottom() -> float:
    """Lowest point of the front statements, in card points from the bottom edge."""
    return FRONT_TEXT_TOP - sum(height + 2.5 for _, height in _front_paragraphs())


def _front(canvas: Canvas, x0: float, y0: float, values: dict[str, str]) -> None:
    bold = register_fonts()[1]
    top = y0 + CARD_HEIGHT - SAFE
    _warning_sign(canvas, x0 + SAFE, top - 11)
    canvas.setFont(bold, HEADING_SIZE)
    canvas.drawString(x0 + SAFE + 15, top - 10, HEADING)
    canvas.setLineWidth(1.5)
    canvas.line(x0 + SAFE, top - 14, x0 + CARD_WIDTH - SAFE, top - 14)
    y = y0 + FRONT_TEXT_TOP
    for paragraph, height in _front_paragraphs():
        paragraph.drawOn(canvas, x0 + SAFE, y - height)
        y -= height + 2.5
    _fields(canvas, x0, y0, "front", values)


def _back(canvas: Canvas, x0: float, y0: float, values: dict[str, str], url: str) -> None:
    regular, bold = register_fonts()
    _fields(canvas, x0, y0, "back", values)
    qr_x = x0 + CARD_WIDTH - SAFE - QR_SIZE
    renderPDF.draw(qr_drawing(url, QR_SIZE), canvas, qr_x, y0 + SAFE)
    url_lines = url_lines_for(url)
    y = y0 + SAFE + 1 + 7 * len(url_lines)
    canvas.setFont(bold, SMALL_SIZE)
    canvas.drawString(x0 + SAFE, y, URL_INTRO)
    canvas.setFont(regular, SMALL_SIZE)
    for line in url_lines:
        y -= 7
        canvas.drawString(x0 + SAFE, y, line)


def url_lines_for(url: str) -> list[str]:
    """The blood-bank address broken to fit beside the QR code, at most two lines."""
    lines = _wrap(url, _BESIDE_QR, SMALL_SIZE)
    if len(lines) > 2:
        raise ValueError("the site address is too long to print on the card")
    return lines


@functools.lru_cache(maxsize=16)
def qr_drawing(url: str, size: float) -> Drawing:
    """A `size`-point square QR code that opens `url`.

    Kept per address: encoding the QR code was most of the time it took to make a card, and
    the address is the same for every card a site prints (drawing it does not change it)."""
    widget = QrCodeWidget(url, barLevel="M", barBorder=2)
    x1, y1, x2, y2 = widget.getBounds()
    drawing = Drawing(size, size, transform=[size / (x2 - x1), 0, 0, size / (y2 - y1), 0, 0])
    drawing.add(widget)
    return drawing


def _fields(canvas: Canvas, x0: float, y0: float, side: str, values: dict[str, str]) -> None:
    regular, bold = register_fonts()
    canvas.setLineWidth(0.4)
    for box in (box for box in FIELD_BOXES if box.side == side):
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
    'Print this page at "Actual size" or "100%". Do not choose "Fit to page" or "Shrink".',
    "Check the size: each half of a card is 85.6 mm by 54 mm (3.37 by 2.13 inches), "
    "the size of a bank card. The line below should be 10 cm (3.94 inches) long.",
    "Cut around the outside edge of a card. The corner marks show where to cut.",
    "Fold along the dashed line so the printing is on the outside. Glue or tape it shut.",
    "Keep it in your wallet or purse. The second copy is a spare.",
    "Tell your family where you keep this card.",
)


def _sheet(canvas: Canvas, pagesize: tuple[float, float], values: dict, url: str) -> None:
    regular, bold = register_fonts()
    page_width, page_height = pagesize
    margin = 54
    canvas.setFont(bold, SHEET_TITLE_SIZE)
    canvas.drawString(margin, page_height - margin, "Your blood transfusion alert card")
    y = page_height - margin - 24
    for number, step in enumerate(SHEET_STEPS, start=1):
        paragraph = Paragraph(f"{number}. {step}", _style(SHEET_SIZE, 13))
        _, height = paragraph.wrap(page_width - 2 * margin, page_height)
        paragraph.drawOn(canvas, margin, y - height)
        y -= height + 3
    canvas.setLineWidth(1)
    canvas.line(margin, y - 10, margin + 100 * mm, y - 10)
    for end in (margin, margin + 100 * mm):
        canvas.line(end, y - 14, end, y - 6)
    canvas.setFont(regular, SHEET_SIZE)
    canvas.drawString(margin, y - 24, "10 cm")
    paper = "a4" if pagesize == A4 else "letter"
    for placement in sheet_placements(paper):
        _front(canvas, *placement.front, values)
        _back(canvas, *placement.back, values, url)
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
    canvas.drawCentredString(fx + CARD_WIDTH / 2, top + 5, "FRONT")
    canvas.drawCentredString(bx + CARD_WIDTH / 2, top + 5, "BACK")
    canvas.drawCentredString(bx, top + 14, "fold")


def _parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Write a sample wallet card PDF.")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--paper", choices=sorted(PAPERS), default="a4")
    parser.add_argument("--layout", choices=LAYOUTS, default="sheet")
    parser.add_argument("--url", default="http://127.0.0.1:8000/for-blood-banks/")
    for field in fields(CardDetails):
        parser.add_argument(f"--{field.name.replace('_', '-')}", default="")
    return parser.parse_args(argv)


def _iter_details(args: argparse.Namespace) -> Iterator[tuple[str, object]]:
    for field in fields(CardDetails):
        value = getattr(args, field.name)
        if field.name.endswith("_date"):
            value = datetime.date.fromisoformat(value) if value else None
        yield field.name, value


def main(argv: list[str] | None = None) -> None:
    args = _parse_args(argv)
    details = CardDetails(**dict(_iter_details(args)))
    args.out.write_bytes(render(details, args.url, args.paper, args.layout))


if __name__ == "__main__":
    main()

"""The wallet card's printing sheet: two fold-over copies on one A4 or US Letter page.

Each copy is the card's front and back side by side (`faces.py` draws them), with light
outlines, corner cut marks, a dashed fold line and the sides' names; above them a title, the
numbered printing steps and a 10 cm line to check the printer kept the size.
"""

from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from isatuximab_portal.lib.fonts import register_fonts
from isatuximab_portal.lib.language import gettext, gettext_noop
from isatuximab_portal.lib.paper import PAPER_SIZES

from ..fields import CARD_HEIGHT, CARD_WIDTH
from .faces import SMALL_SIZE, draw_back, draw_front, paragraph_style

SHEET_SIZE = 10
SHEET_TITLE_SIZE = 16


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


def draw_sheet(
    canvas: Canvas, pagesize: tuple[float, float], values: dict[str, str], url: str
) -> None:
    """The whole sheet on one page of `pagesize` (A4 or US Letter, from `PAPER_SIZES`)."""
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

"""The blood-transfusion alert card as one PNG for a phone screen. Returns bytes; no HTTP.

The image is made from the card's own drawing (`faces.draw_front` and `draw_back`, the
same layout, fields and QR code as the printed card), scaled up on a page shaped like a phone
screen, with the card's heading and main statements repeated in large print on top so they
can be read at arm's length. Boxes left empty are not drawn: a write-in line is no use on a
picture. PDFium (pypdfium2) turns that page into pixels; nothing is
fetched and nothing is kept. In another language (a Spanish request) the large print is in
that language and ends with one English line sending blood bank staff to the card's English
lines on the back.

Size: PAGE_WIDTH x PAGE_HEIGHT points at PIXELS_PER_POINT, 1080 x 2340 pixels (19.5:9, a phone
held upright). The large print is 15 points, 45 pixels: on a screen 65-70 mm wide, about as big
as 8-9 point print on paper. The card's smallest text (6 pt) becomes 25 pixels, to zoom into.

Sample: python manage.py wallet_card --image --out card.png --name "Ana Silva"
"""

import io

import pypdfium2
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from isatuximab_portal.lib.fonts import register_fonts
from isatuximab_portal.lib.language import current_language, gettext, gettext_noop

from ..fields import CARD_HEIGHT, CARD_WIDTH, CardDetails, card_values
from .faces import HEADING, SHOW, STATEMENT, draw_back, draw_front, paragraph_style
from .wallet_card import TITLE

PAGE_WIDTH, PAGE_HEIGHT = 360, 780  # points
PIXELS_PER_POINT = 3
MARGIN = 12
GAP = 6
HEADING_SIZE = 21
LARGE_SIZE = 15
CARD_SCALE = (PAGE_WIDTH - 2 * MARGIN) / CARD_WIDTH  # the card faces fill the width
CARRY_UNTIL = gettext_noop("Carry this card until at least {date}.")
# On an image in another language, blood bank staff are sent to the card's English lines.
ENGLISH_POINTER = "In English: see the back of the card."


def large_print(values: dict[str, str]) -> list[tuple[str, bool]]:
    """The statements shown in large print, with whether each is bold (the card's own text)."""
    lines = [(gettext(HEADING), True), (gettext(STATEMENT), False), (gettext(SHOW), True)]
    if values["carry_until"]:
        lines.append((gettext(CARRY_UNTIL).format(date=values["carry_until"]), True))
    if current_language() != "en":
        lines.append((ENGLISH_POINTER, True))
    return lines


def _large_paragraphs(values: dict[str, str]) -> list[tuple[Paragraph, float]]:
    out = []
    for index, (text, bold) in enumerate(large_print(values)):
        size = HEADING_SIZE if index == 0 else LARGE_SIZE
        paragraph = Paragraph(text, paragraph_style(size, size * 1.25, bold))
        out.append((paragraph, paragraph.wrap(PAGE_WIDTH - 2 * MARGIN, PAGE_HEIGHT)[1]))
    return out


def large_print_bottom(details: CardDetails) -> float:
    """Lowest point of the large print, in page points from the bottom."""
    paragraphs = _large_paragraphs(card_values(details))
    return PAGE_HEIGHT - MARGIN - sum(height + GAP for _, height in paragraphs)


def faces_top() -> float:
    """Top edge of the card's front, in page points from the bottom (the back is below it)."""
    return MARGIN + 2 * CARD_HEIGHT * CARD_SCALE + GAP


def phone_pdf(details: CardDetails, url: str) -> bytes:
    """The one-page PDF the image is made from (its text is the image's text)."""
    register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(PAGE_WIDTH, PAGE_HEIGHT), lang=current_language())
    canvas.setTitle(gettext(TITLE))
    values = card_values(details)
    y = PAGE_HEIGHT - MARGIN
    for paragraph, height in _large_paragraphs(values):
        paragraph.drawOn(canvas, MARGIN, y - height)
        y -= height + GAP
    face_height = CARD_HEIGHT * CARD_SCALE
    _face(canvas, MARGIN + face_height + GAP, values, url, back=False)
    _face(canvas, MARGIN, values, url, back=True)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _face(canvas: Canvas, bottom: float, values: dict[str, str], url: str, back: bool) -> None:
    """One side of the card, scaled to the page width, with a thin outline like a card edge."""
    canvas.saveState()
    canvas.translate(MARGIN, bottom)
    canvas.scale(CARD_SCALE, CARD_SCALE)
    canvas.setLineWidth(0.5)
    canvas.setStrokeGray(0.5)
    canvas.roundRect(0, 0, CARD_WIDTH, CARD_HEIGHT, 8)
    canvas.setStrokeGray(0)
    # Nobody can write on a picture, so boxes left empty are not drawn (issue 24).
    if back:
        draw_back(canvas, 0, 0, values, url, omit_blank=True)
    else:
        draw_front(canvas, 0, 0, values, omit_blank=True)
    canvas.restoreState()


def render_image(details: CardDetails, url: str) -> bytes:
    """The card as PNG bytes, black on white, PAGE_WIDTH x PAGE_HEIGHT x PIXELS_PER_POINT."""
    document = pypdfium2.PdfDocument(phone_pdf(details, url))
    try:
        bitmap = document[0].render(scale=PIXELS_PER_POINT, grayscale=True)
        image = bitmap.to_pil()
    finally:
        document.close()
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")  # "optimize" makes it 4 times slower for 5% less
    return buffer.getvalue()

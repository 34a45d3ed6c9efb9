"""The two sides of the blood-transfusion alert wallet card, drawn at any place on a canvas.

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

Facts: shared FACTS.md sections 6, 11 (row 4.27) and 15b, and FACTS-partner-drugs.md P8. The
PDF (`wallet_card.py`, its printing sheet in `sheet.py`) and the phone image
(`image.py`) draw the card with `draw_front` and `draw_back`.

The card is written in the current language (`lib/language.py`; a view under /es/ makes
it Spanish). A card in another language is bilingual: everything in that language first, and
the back's two blood-bank lines stay in English under "In English:", so staff anywhere can read
them (the front's statement says the same in the card's language). The fields, their boxes and
the fitting of text into them live in `card/fields.py`; this module only draws.
"""

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from isatuximab_portal.lib.fonts import register_fonts
from isatuximab_portal.lib.language import current_language, gettext, gettext_noop

from ..fields import (
    BESIDE_QR,
    BOXES,
    CARD_HEIGHT,
    CARD_WIDTH,
    FULL_WIDTH,
    LABEL_SIZE,
    LINE_PITCH,
    QR_SIZE,
    SAFE,
    field_boxes,
    fit,
    wrap,
)
from .qr import draw_qr_code

HEADING_SIZE = 11
BODY_SIZE = 6.5
BODY_LEADING = 7.8
SMALL_SIZE = 6
SMALL_LEADING = 6.9
PARAGRAPH_GAP = 1.5  # between the front statements

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
# bank staff anywhere can read them; the first one says so in place of "Blood bank:" and names
# the medicine, which a reader of English finds nowhere else on that card (issue 25); to keep
# two lines each, "anti-CD38" moves to the second line.
IN_ENGLISH = "<b>In English:</b>"
ENGLISH_BLOOD_BANK_LINES = (
    BLOOD_BANK_LINES[0]
    .replace("<b>Blood bank:</b>", IN_ENGLISH)
    .replace("anti-CD38 interference in", "isatuximab interferes with"),
    BLOOD_BANK_LINES[1].replace("<b>Class practice:</b>", "<b>Anti-CD38 class practice:</b>"),
)


def blood_bank_lines() -> tuple[str, ...]:
    """The back's lines for blood bank staff: always English, marked as such on a card in
    another language (whose front says the same in that language)."""
    return BLOOD_BANK_LINES if current_language() == "en" else ENGLISH_BLOOD_BANK_LINES


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


def draw_front(
    canvas: Canvas, x0: float, y0: float, values: dict[str, str], omit_blank: bool = False
) -> None:
    """The front at (x0, y0). ``omit_blank`` leaves out the boxes with no value (the phone
    picture, where nobody can write on a line); the printed card keeps them to fill by hand."""
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
    _fields(canvas, x0, y0, "front", values, omit_blank)


def blood_bank_paragraphs() -> list[tuple[Paragraph, float]]:
    """The back's blood-bank lines beside the QR code, each with its wrapped height."""
    out = []
    for text in blood_bank_lines():
        paragraph = Paragraph(text, paragraph_style(SMALL_SIZE, SMALL_LEADING))
        out.append((paragraph, paragraph.wrap(BESIDE_QR, CARD_HEIGHT)[1]))
    return out


BLOOD_BANK_TOP = BOXES["start_date"].y - 5  # below the last row beside the QR code


def draw_back(
    canvas: Canvas,
    x0: float,
    y0: float,
    values: dict[str, str],
    url: str,
    omit_blank: bool = False,
) -> None:
    """The back at (x0, y0); ``omit_blank`` as for `draw_front`."""
    regular = register_fonts()[0]
    _fields(canvas, x0, y0, "back", values, omit_blank)
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


def _fields(
    canvas: Canvas, x0: float, y0: float, side: str, values: dict[str, str], omit_blank: bool
) -> None:
    regular, bold = register_fonts()
    canvas.setLineWidth(0.4)
    for box in (box for box in field_boxes() if box.side == side):
        if omit_blank and not values[box.key].strip():
            continue
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

"""The blood-transfusion alert wallet card as a PDF (ReportLab). Returns bytes; no HTTP here.

The card's two sides, what they say and how they are drawn, are in `faces.py`. Two
layouts: "sheet" puts two fold-over copies on one A4 or US Letter page with cut marks, a fold
line and printing instructions (`sheet.py`); "card" gives two pages at exactly card size
(front, then back) for card printers. `image.py` draws the same two sides into a phone
image. The card is written in the current language (`lib/language.py`).

Sample: python manage.py wallet_card --out sample.pdf --name "Ana Silva"
"""

import io

from reportlab.pdfgen.canvas import Canvas

from isatuximab_portal.lib.fonts import register_fonts
from isatuximab_portal.lib.language import current_language, gettext, gettext_noop
from isatuximab_portal.lib.paper import PAPER_SIZES

from ..fields import CARD_HEIGHT, CARD_WIDTH, CardDetails, card_values

# A name imported `as` itself is re-exported: callers import it from here, as they did before
# the card's sides and its printing sheet had modules of their own.
from .faces import BLOOD_BANK_TOP as BLOOD_BANK_TOP
from .faces import HEADING as HEADING
from .faces import HEADING_SIZE as HEADING_SIZE
from .faces import SMALL_LEADING as SMALL_LEADING
from .faces import SMALL_SIZE as SMALL_SIZE
from .faces import blood_bank_paragraphs as blood_bank_paragraphs
from .faces import draw_back, draw_front
from .faces import front_text_bottom as front_text_bottom
from .faces import url_lines_for as url_lines_for
from .sheet import draw_sheet
from .sheet import sheet_placements as sheet_placements

LAYOUTS = ("sheet", "card")
TITLE = gettext_noop("Blood transfusion alert card (isatuximab)")
SUBJECT = gettext_noop("Isatuximab can make blood-bank compatibility tests falsely positive")
AUTHOR = gettext_noop("Isatuximab treatment guide")


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
        draw_sheet(canvas, pagesize, values, url)
    canvas.save()
    return buffer.getvalue()

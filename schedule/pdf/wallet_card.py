"""The blood-transfusion alert wallet card as a PDF (ReportLab). Returns bytes; no HTTP here.

The card's two sides, what they say and how they are drawn, are in `card_faces.py`. Two
layouts: "sheet" puts two fold-over copies on one A4 or US Letter page with cut marks, a fold
line and printing instructions (`card_sheet.py`); "card" gives two pages at exactly card size
(front, then back) for card printers. `card_image.py` draws the same two sides into a phone
image. The card is written in the current language (`lib/language.py`).

Sample: python -m schedule.pdf.wallet_card --out sample.pdf --name "Ana Silva"
"""

import argparse
import datetime
import gettext as catalogues
import io
from contextlib import AbstractContextManager
from dataclasses import fields
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from isatuximab_portal.lib.fonts import register_fonts
from isatuximab_portal.lib.language import current_language, gettext, gettext_noop, speaking
from isatuximab_portal.lib.paper import PAPER_SIZES

from ..card_fields import CARD_HEIGHT, CARD_WIDTH, CardDetails, card_values

# A name imported `as` itself is re-exported: callers import it from here, as they did before
# the card's sides and its printing sheet had modules of their own.
from .card_faces import BLOOD_BANK_TOP as BLOOD_BANK_TOP
from .card_faces import HEADING as HEADING
from .card_faces import HEADING_SIZE as HEADING_SIZE
from .card_faces import SMALL_LEADING as SMALL_LEADING
from .card_faces import SMALL_SIZE as SMALL_SIZE
from .card_faces import blood_bank_paragraphs as blood_bank_paragraphs
from .card_faces import draw_back, draw_front
from .card_faces import front_text_bottom as front_text_bottom
from .card_faces import url_lines_for as url_lines_for
from .card_sheet import draw_sheet
from .card_sheet import sheet_placements as sheet_placements

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

"""The paper sizes both PDFs offer, keyed like the forms' "paper" choices."""

from reportlab.lib.pagesizes import A4, LETTER

PAPER_SIZES = {"a4": A4, "letter": LETTER}

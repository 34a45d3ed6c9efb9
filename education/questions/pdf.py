"""The question sheet as a PDF (ReportLab Platypus), on A4 or US Letter.

Returns bytes and knows nothing of HTTP. Every question (the patient's own included) goes
through ``printable()`` and is escaped before it becomes a Paragraph, in the embedded font the
other PDFs share; the PDF's /Lang and title are set. The sheet aims at one page: it tries
``ANSWER_LINES`` lines for each answer, then fewer (tighter spacing); when even one line each
does not fit, the questions run on to more pages, each headed "(continued)", with the 24-hour
number and "Bring this to your visit" in the footer of every page (the form says so).
"""

import io

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    KeepTogether,
    PageTemplate,
    Spacer,
    Table,
    TableStyle,
)

from isatuximab_portal.lib.fonts import paragraph as _para
from isatuximab_portal.lib.fonts import printable, register_fonts
from isatuximab_portal.lib.language import gettext
from isatuximab_portal.lib.paper import PAPER_SIZES

from .wording import SheetText

MARGIN = 14 * mm
ANSWER_LINES = (4, 3, 2, 1)  # lines per answer, tried in turn until the sheet fits one page
LINE_HEIGHT = 7.5 * mm


def _styles() -> dict[str, ParagraphStyle]:
    regular, bold = register_fonts()
    body = ParagraphStyle("body", fontName=regular, fontSize=11, leading=14, spaceAfter=2)
    return {
        "title": ParagraphStyle("title", parent=body, fontName=bold, fontSize=18, leading=22),
        "body": body,
        "bring": ParagraphStyle("bring", parent=body, fontName=bold, fontSize=13, leading=16,
                                borderColor=colors.black, borderWidth=1.5, borderPadding=5,
                                spaceBefore=6, spaceAfter=10),
        "question": ParagraphStyle("question", parent=body, fontName=bold, spaceBefore=4),
        "label": ParagraphStyle("label", parent=body, fontSize=9, leading=11, spaceAfter=0),
    }  # fmt: skip


def render_sheet_pdf(
    text: SheetText, questions: list[str], paper: str, language: str | None = None
) -> tuple[bytes, int]:
    """The sheet for ``questions`` on "a4" or "letter"; returns (the PDF, its page count).
    ``language`` (e.g. "es") is written in the PDF's catalogue for screen readers."""
    if paper not in PAPER_SIZES:
        raise ValueError("Paper must be a4 or letter.")
    for lines in ANSWER_LINES:
        pdf, pages = _render(text, questions, paper, language, lines)
        if pages == 1:
            break
    return pdf, pages


def _render(
    text: SheetText, questions: list[str], paper: str, language: str | None, lines: int
) -> tuple[bytes, int]:
    styles = _styles()
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer, pagesize=PAPER_SIZES[paper], title=text.title, lang=language,
        author=gettext("Isatuximab treatment guide"), leftMargin=MARGIN, rightMargin=MARGIN,
        topMargin=MARGIN, bottomMargin=MARGIN + 6 * mm,
    )  # fmt: skip

    def footer(canvas, document) -> None:
        """Drawn at the end of each page, so it comes last in the text order too."""
        canvas.setFont(styles["label"].fontName, 8)
        canvas.drawString(MARGIN, MARGIN, printable(f"{text.bring} {text.phone_line}"))
        canvas.drawString(MARGIN, MARGIN - 4 * mm, printable(text.footer))

    def continued(canvas, document) -> None:
        if document.page > 1:
            canvas.setFont(styles["label"].fontName, 9)
            canvas.drawString(MARGIN, document.pagesize[1] - MARGIN + 3 * mm, text.continued)

    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="sheet")
    doc.addPageTemplates(
        [PageTemplate(id="sheet", frames=[frame], onPage=continued, onPageEnd=footer)]
    )
    story = [
        _para(text.title, styles["title"]),
        _para(text.bring, styles["bring"]),
        _para(text.made_on, styles["body"]),
        _para(text.phone_line, styles["body"]),
        Spacer(0, 3 * mm),
    ]
    for number, question in enumerate(questions, start=1):
        story.append(_question(number, question, text, styles, doc.width, lines))
    doc.build(story)
    return buffer.getvalue(), doc.page


def _question(number: int, question: str, text: SheetText, styles, width: float, lines: int):
    """A question in bold, then ruled lines for the answer, kept together on one page."""
    rules = Table(
        [[_para(text.answer_label, styles["label"])], *[[""] for _ in range(lines)]],
        colWidths=[width],
        rowHeights=[None] + [LINE_HEIGHT] * lines,
    )
    rules.setStyle(
        TableStyle(
            [("LINEBELOW", (0, 1), (-1, -1), 0.6, colors.black),
             ("LEFTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, 0), 0)]
        )
    )  # fmt: skip
    return KeepTogether([_para(f"{number}. {question}", styles["question"]), rules])

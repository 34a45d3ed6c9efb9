"""The blank symptom and temperature diary as a PDF (ReportLab Platypus): one week per page,
then (when the view passes the red flags) a last page "When to get help", printed by the same
function as the calendar handout's (``lib.help_box``).

Returns bytes and knows nothing of HTTP. The text is real, selectable text in the embedded
font shared with the other PDFs; every string goes through ``printable()`` and is escaped
before it becomes a Paragraph. Black on white, so it photocopies well.
"""

import io

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    PageBreak,
    PageTemplate,
    Spacer,
    Table,
    TableStyle,
)

from isatuximab_portal.lib.fonts import paragraph as _para
from isatuximab_portal.lib.fonts import printable, register_fonts
from isatuximab_portal.lib.help_box import help_box
from isatuximab_portal.lib.language import gettext

from .wording import BLANK_CELLS_PER_DAY, DAYS_PER_WEEK, MAX_WEEKS, DiaryText

PAGE_SIZES = {"a4": A4, "letter": LETTER}
MARGIN = 12 * mm
# Row and question-box heights that fit one week on a page of each size.
ROW_HEIGHTS = {"a4": 20 * mm, "letter": 18 * mm}
QUESTIONS_HEIGHT = 42 * mm
# Share of the page width for each column: day, date, two temperatures, symptoms, medicines.
COLUMN_SHARES = (0.07, 0.13, 0.13, 0.13, 0.30, 0.24)


def _styles() -> dict[str, ParagraphStyle]:
    regular, bold = register_fonts()
    body = ParagraphStyle("body", fontName=regular, fontSize=10.5, leading=14, spaceAfter=3)
    return {
        "title": ParagraphStyle("title", parent=body, fontName=bold, fontSize=17, leading=21),
        "week": ParagraphStyle("week", parent=body, fontName=bold, fontSize=14, leading=18),
        "body": body,
        "rule": ParagraphStyle("rule", parent=body, fontName=bold, borderColor=colors.black,
                               borderWidth=1.5, borderPadding=5, spaceBefore=6, spaceAfter=10),
        "head": ParagraphStyle("head", parent=body, fontName=bold, fontSize=9, leading=11),
        "cell": ParagraphStyle("cell", parent=body, fontSize=10, leading=12, spaceAfter=0),
        "footer": ParagraphStyle("footer", parent=body, fontSize=8, leading=10),
        "h2": ParagraphStyle("h2", parent=body, fontName=bold, fontSize=14, leading=18),
        "bold": ParagraphStyle("bold", parent=body, fontName=bold),
    }  # fmt: skip


def render_diary_pdf(text: DiaryText, paper: str, weeks: int, language: str | None = None) -> bytes:
    """A diary of ``weeks`` pages (1 to MAX_WEEKS) on "a4" or "letter" paper; ``language``
    (e.g. "es") is written in the PDF's catalogue for screen readers."""
    if paper not in PAGE_SIZES:
        raise ValueError("Paper must be a4 or letter.")
    if not 1 <= weeks <= MAX_WEEKS:
        raise ValueError(f"Weeks must be from 1 to {MAX_WEEKS}.")
    styles = _styles()
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer, pagesize=PAGE_SIZES[paper], title=text.title, lang=language,
        author=gettext("Isatuximab treatment guide"), leftMargin=MARGIN, rightMargin=MARGIN,
        topMargin=MARGIN, bottomMargin=MARGIN + 4 * mm,
    )  # fmt: skip

    def footer(canvas, document) -> None:
        """Drawn at the end of each page, so the footer comes last in the text order too."""
        canvas.setFont(styles["footer"].fontName, 8)
        canvas.drawString(MARGIN, MARGIN - 2 * mm, printable(text.footer))

    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="week")
    doc.addPageTemplates([PageTemplate(id="week", frames=[frame], onPageEnd=footer)])
    story: list = []
    for number in range(1, weeks + 1):
        story += _week(text, number, styles, doc.width, ROW_HEIGHTS[paper])
        if number < weeks:
            story.append(PageBreak())
    if text.red_flags:  # the last page, to keep by the phone
        story += [PageBreak(), _para(text.title, styles["title"]), Spacer(0, 2 * mm),
                  help_box(text.red_flags, styles, doc.width, clinic_name=text.clinic_name,
                           phone=text.phone, emergency_number=text.emergency_number)]  # fmt: skip
    doc.build(story)
    return buffer.getvalue()


def _week(text: DiaryText, number: int, styles, width: float, row_height: float) -> list:
    return [
        _para(text.title, styles["title"]),
        _para(text.week_heading(number), styles["week"]),
        _para(text.week_start(), styles["body"]),
        _para(text.fever_rule, styles["rule"]),
        _para(text.phone_line, styles["body"]),
        _para(text.how_to, styles["body"]),
        Spacer(0, 2 * mm),
        _days_table(text, styles, width, row_height),
        Spacer(0, 4 * mm),
        _questions_box(text, styles, width),
    ]


def _days_table(text: DiaryText, styles, width: float, row_height: float) -> Table:
    """Seven blank days under a two-row heading: "Temperature" spans morning and evening."""
    head, cell = styles["head"], styles["cell"]
    top = [_para(text.day_column, head), _para(text.date_column, head),
           _para(text.temperature_column, head), "",
           _para(text.symptoms_column, head), _para(text.medicines_column, head)]  # fmt: skip
    times = ["", "", *(_para(time, head) for time in text.temperature_times), "", ""]
    days = [
        [_para(text.day_label(day), cell), *[""] * BLANK_CELLS_PER_DAY]
        for day in range(1, DAYS_PER_WEEK + 1)
    ]
    table = Table(
        [top, times, *days],
        colWidths=[width * share for share in COLUMN_SHARES],
        rowHeights=[None, None] + [row_height] * DAYS_PER_WEEK,
    )
    spans = [("SPAN", (0, 0), (0, 1)), ("SPAN", (1, 0), (1, 1)), ("SPAN", (2, 0), (3, 0)),
             ("SPAN", (4, 0), (4, 1)), ("SPAN", (5, 0), (5, 1))]  # fmt: skip
    table.setStyle(
        TableStyle(
            [
                *spans,
                ("GRID", (0, 0), (-1, -1), 0.8, colors.black),
                ("LINEBELOW", (0, 1), (-1, 1), 1.6, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def _questions_box(text: DiaryText, styles, width: float) -> Table:
    table = Table(
        [[_para(text.questions, styles["head"])], [""]],
        colWidths=[width],
        rowHeights=[None, QUESTIONS_HEIGHT],
    )
    table.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 1.2, colors.black)]))
    return table

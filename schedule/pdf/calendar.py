"""The treatment calendar as a PDF (ReportLab Platypus). Returns bytes; knows nothing of HTTP.

All text is real, selectable text in the embedded font. Every string goes through `printable()`
and is escaped before it becomes a Paragraph. Long calendars flow over as many pages as they
need, with the table header repeated and "Page X of Y" on every page.
"""

import datetime as dt
import io
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from .. import wording
from ..dates import NAMES
from ..months import month_grids
from ..plan import Plan
from .fonts import printable, register_fonts
from .paper import PAPER_SIZES

MARGIN = 15 * mm
TITLE = "Isatuximab treatment calendar"


def _styles() -> dict[str, ParagraphStyle]:
    regular, bold = register_fonts()
    body = ParagraphStyle("body", fontName=regular, fontSize=10.5, leading=14, spaceAfter=4)
    cell = ParagraphStyle("cell", parent=body, fontSize=9.5, leading=12, spaceAfter=0)
    return {
        "title": ParagraphStyle("title", parent=body, fontName=bold, fontSize=18, leading=22),
        "h2": ParagraphStyle("h2", parent=body, fontName=bold, fontSize=13, leading=17,
                             spaceBefore=8),
        "body": body,
        "box": ParagraphStyle("box", parent=body, fontName=bold, borderColor=colors.black,
                              borderWidth=1.5, borderPadding=6, spaceBefore=6, spaceAfter=12),
        "cell": cell,
        "head": ParagraphStyle("head", parent=cell, fontName=bold),
        "small": ParagraphStyle("small", parent=cell, fontName=bold, fontSize=7.5, leading=9),
    }  # fmt: skip


def _para(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(printable(text)), style)


def render_calendar_pdf(plan: Plan, paper: str, generated_on: dt.date) -> bytes:
    """The calendar PDF on A4 or US Letter (`paper` is "a4" or "letter")."""
    if paper not in PAPER_SIZES:
        raise ValueError("Paper must be a4 or letter.")
    styles = _styles()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer, pagesize=PAPER_SIZES[paper], title=TITLE, author="Isatuximab treatment guide",
        leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN, bottomMargin=MARGIN + 8 * mm,
    )  # fmt: skip
    story = [_para(TITLE, styles["title"]), _para(wording.ESTIMATE, styles["box"])]
    story += _summary(plan, styles)
    story += [_para("Your infusions", styles["h2"]), _infusion_table(plan, styles, doc.width)]
    story += _month_tables(plan, styles, doc.width)
    footer = f"{wording.made_on(generated_on)} {wording.ESTIMATE}"
    doc.build(story, canvasmaker=_numbered_canvas(printable(footer)))
    return buffer.getvalue()


def _summary(plan: Plan, styles) -> list[Paragraph]:
    """The same summary, notes and advice as the result page, in the page's order."""
    items = [
        Paragraph(f"<b>{escape(printable(item.label))}:</b> {escape(printable(item.value))}",
                  styles["body"])
        for item in wording.summary_items(plan)
    ]  # fmt: skip
    lines = [*wording.DOSE_NOTES, *wording.status_lines(plan), wording.TIMES, wording.DELAYS]
    return items + [_para(line, styles["body"]) for line in lines]


def _infusion_table(plan: Plan, styles, width: float) -> Table:
    widths = [width * f for f in (0.36, 0.16, 0.2, 0.28)]
    rows: list[list] = [[_para(text, styles["head"]) for text in wording.INFUSION_COLUMNS]]
    for infusion in plan.infusions:
        row = wording.infusion_row(infusion)
        date = f"{row.date} {wording.MOVED}" if row.moved else row.date
        cells = (date, row.name, row.cycle_day, row.expected_time)
        rows.append([_cell(text, styles["cell"], w) for text, w in zip(cells, widths, strict=True)])
    table = Table(rows, colWidths=widths, repeatRows=1)
    cell = styles["cell"]
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("LINEBELOW", (0, 0), (-1, 0), 1.5, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONT", (0, 1), (-1, -1), cell.fontName, cell.fontSize, cell.leading),
            ]
        )
    )
    return table


def _cell(text: str, style: ParagraphStyle, width: float) -> str | Paragraph:
    """Plain text when it fits on one line (a Paragraph per cell made long calendars slow to
    lay out), else a Paragraph that wraps. Cell padding is ReportLab's 6 points a side."""
    text = printable(text)
    if stringWidth(text, style.fontName, style.fontSize) <= width - 12:
        return text
    return Paragraph(escape(text), style)


def _month_tables(plan: Plan, styles, width: float) -> list:
    """One 7-column grid per month. Plain days are plain strings (a Paragraph per cell made
    long calendars slow); an infusion day adds "● Infusion N" under the day number."""
    regular, bold = register_fonts()
    flowables: list = []
    for grid in month_grids(plan.infusions):
        rows: list[list] = [list(NAMES.short_days)]
        for week in grid.weeks:
            row: list = []
            for day in week:
                if day is None or not day.infusion:
                    row.append("" if day is None else str(day.date.day))
                    continue
                label = f"● Infusion {day.infusion.number}"
                row.append(
                    [_para(str(day.date.day), styles["cell"]), _para(label, styles["small"])]
                )
            rows.append(row)
        table = Table(rows, colWidths=[width / 7] * 7)
        table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                                   ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("FONT", (0, 0), (-1, 0), bold, 9.5, 12),
                                   ("FONT", (0, 1), (-1, -1), regular, 9.5, 12)]))  # fmt: skip
        heading = [] if flowables else [_para("Month by month", styles["h2"])]
        block = [*heading, _para(grid.title, styles["h2"]), table, Spacer(1, 4)]
        flowables.append(KeepTogether(block))
    return flowables


def _numbered_canvas(footer: str) -> type[Canvas]:
    """A canvas that writes `footer` and "Page X of Y" once the page count is known."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self) -> None:  # ReportLab's method name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self._draw_footer(number, total)
                super().showPage()
            super().save()

        def _draw_footer(self, number: int, total: int) -> None:
            regular, _ = register_fonts()
            width, _ = self._pagesize
            self.setFont(regular, 8.5)
            self.drawString(MARGIN, MARGIN, footer)
            self.drawRightString(width - MARGIN, MARGIN - 11, f"Page {number} of {total}")

    return NumberedCanvas

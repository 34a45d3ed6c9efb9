"""The treatment calendar handout (ReportLab). Returns bytes; knows nothing of HTTP.

Page 1 is the at-a-glance page: regimen, optional name, clinic and 24-hour number, the next
visits, a legend of every medicine, the "when to get help" box and the estimate notice. Then
one month per page: tall cells to write in, clinic days shaded and framed (clear in black and
white), and a notes area. The typed name, clinic and phone are drawn and never kept.
"""

import datetime as dt
import functools
import io
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import PageBreak, SimpleDocTemplate, Spacer, Table, TableStyle

from isatuximab_portal.lib.dates import long_date, weekday_headings
from isatuximab_portal.lib.fonts import paragraph as _para
from isatuximab_portal.lib.fonts import printable, register_fonts
from isatuximab_portal.lib.help_box import help_box
from isatuximab_portal.lib.language import current_language, gettext
from isatuximab_portal.lib.paper import PAPER_SIZES

from .. import wording
from ..coverage import others_banner
from ..dose import Dose
from ..months import month_grids
from ..plan import Schedule
from ..weight import convert

MARGIN = 15 * mm
ESTIMATE = wording.ESTIMATE  # translated where it is drawn
NEXT_VISITS = 3
SHADE = colors.Color(0.85, 0.85, 0.85)


@dataclass(frozen=True)
class Handout:
    """What the person typed for this one document (never stored) and the site's numbers."""

    patient_name: str = ""
    clinic_name: str = ""
    clinic_phone: str = ""
    emergency_number: str = ""
    fever: str = ""  # the site's fever threshold in both units, e.g. "38 °C (100.4 °F)"
    place: str | None = None  # where the public holidays are from
    # The regimen's red flags as (tier, text), from the one governed source (the view reads
    # education.red_flags); this renderer keeps no list of its own.
    red_flags: tuple[tuple[str, str], ...] = ()
    large_print: bool = False  # 14 pt text in the calendar cells and on the first page


CELL_PT, LARGE_CELL_PT = 9, 14


def _styles(large: bool = False) -> dict[str, ParagraphStyle]:
    regular, bold = register_fonts()
    size = 14 if large else 10
    body = ParagraphStyle("body", fontName=regular, fontSize=size, leading=size * 1.3,
                          spaceAfter=3)  # fmt: skip
    return {
        "title": ParagraphStyle("title", parent=body, fontName=bold, fontSize=18, leading=22),
        "h2": ParagraphStyle("h2", parent=body, fontName=bold, fontSize=13, leading=17,
                             spaceBefore=6, keepWithNext=1),
        "body": body,
        "bold": ParagraphStyle("bold", parent=body, fontName=bold),
        "box": ParagraphStyle("box", parent=body, fontName=bold, borderColor=colors.black,
                              borderWidth=1.5, borderPadding=6, spaceBefore=6, spaceAfter=12),
        "cell": ParagraphStyle("cell", parent=body, fontSize=_cell_pt(large),
                               leading=_cell_pt(large) * 1.25, spaceAfter=0),
        "banner": ParagraphStyle("banner", parent=body, fontName=bold, fontSize=size + 2,
                                 leading=(size + 2) * 1.3, borderColor=colors.black,
                                 borderWidth=3, borderPadding=6, spaceBefore=6, spaceAfter=12),
    }  # fmt: skip


def render_calendar_pdf(
    schedule: Schedule, dose: Dose, paper: str, handout: Handout, made_on: dt.date
) -> bytes:
    """The handout on A4 or US Letter (`paper` is "a4" or "letter")."""
    if paper not in PAPER_SIZES:
        raise ValueError("Paper must be a4 or letter.")
    styles = _styles(handout.large_print)
    buffer = io.BytesIO()
    title = gettext("Treatment calendar: {regimen}").format(regimen=schedule.regimen.local_name)
    author = gettext("Isatuximab treatment guide")
    doc = SimpleDocTemplate(
        buffer, pagesize=PAPER_SIZES[paper], title=title, author=author, lang=_pdf_language(),
        leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN, bottomMargin=MARGIN + 8 * mm,
    )  # fmt: skip
    story = _first_page(schedule, dose, handout, styles, doc.width, title, made_on)
    story += _months(schedule, handout, styles, doc.width, doc.height)
    footer = f"{wording.printed_on(made_on)} {gettext(ESTIMATE)}"
    doc.build(
        story, canvasmaker=_numbered_canvas(printable(footer), gettext("Page {number} of {total}"))
    )
    return buffer.getvalue()


def _cell_pt(large: bool) -> int:
    return LARGE_CELL_PT if large else CELL_PT


def _first_page(schedule, dose, handout: Handout, styles, width, title, made_on) -> list:
    story: list = [_para(title, styles["title"])]
    if handout.patient_name:
        # Translators: on the handout, "For: <the patient's name>".
        story.append(
            _para(gettext("For: {name}").format(name=handout.patient_name), styles["bold"])
        )
    story.append(_para(gettext(ESTIMATE), styles["box"]))
    banner = others_banner(schedule)
    if banner:
        story.append(_para(banner, styles["banner"]))
    regimen = schedule.regimen
    story += [
        _para(wording.covers_text(schedule), styles["bold"]),
        _para(wording.printed_on(made_on), styles["body"]),
        _para(_regimen_line(regimen), styles["body"]),
        *_start_line(schedule, styles),
        _para(_dose_line(dose), styles["body"]),
        _para(gettext("Your next clinic visits"), styles["h2"]),
        _visits_table(schedule, handout, styles, width),
        _para(wording.premedicines(), styles["body"]),
        _para(gettext("Your medicines"), styles["h2"]),
        _legend_table(schedule, styles, width),
    ]
    story.append(Spacer(1, 6))
    for line in _notes(schedule):
        story.append(_para(line, styles["body"]))
    story += [_help_box(handout, styles, width), PageBreak()]
    return story


def _start_line(schedule: Schedule, styles) -> list:
    """'Your treatment starts on ...' before the start; later a printed 'today' would go stale."""
    if schedule.where_today.started:
        return []
    return [_para(wording.today_text(schedule), styles["bold"])]


def _regimen_line(regimen) -> str:
    # Translators: "Isa-Pd: isatuximab with pomalidomide and dexamethasone."
    text = gettext("{regimen}: {partners}.")
    return text.format(regimen=regimen.local_name, partners=regimen.local_partners)


def _dose_line(dose: Dose) -> str:
    return gettext(
        "Estimated isatuximab dose: {dose} ({volume} of medicine) for a weight of {weight} "
        "({other}). Your pharmacy prepares the exact dose."
    ).format(dose=dose.text, volume=dose.volume_text, weight=dose.weight_text,
             other=convert(dose.weight_kg, "kg"))  # fmt: skip


def _pdf_language() -> str | None:
    """The document language for PDF readers when it is not English (the English handout is
    left exactly as it was)."""
    language = current_language()
    return None if language == "en" else language


def _notes(schedule: Schedule) -> list[str]:
    notes = [gettext(wording.AS_PRESCRIBED)]
    dex_note = wording.dexamethasone_note(schedule)
    if dex_note:
        notes.append(dex_note)
    notes += wording.delay_notes(schedule)
    source = None if schedule.others_missing else wording.source_note(schedule)
    return [*([source] if source else []), *notes, *schedule.notes]


def _visits_table(schedule: Schedule, handout: Handout, styles, width: float) -> Table:
    headings = (gettext("Date"), gettext("Cycle and day"), gettext("At the clinic"))
    rows = [[_para(t, styles["bold"]) for t in headings]]
    for day in wording.next_visits(schedule, NEXT_VISITS):
        given = [wording.items_text(day.clinic_items) + "."]
        given += [
            t for t in (wording.infusion_time(day), wording.holiday_text(day, handout.place)) if t
        ]
        rows.append([
            _para(long_date(day.date), styles["cell"]),
            _para(wording.cycle_day(day), styles["cell"]),
            _para(" ".join(given), styles["cell"]),
        ])  # fmt: skip
    if len(rows) == 1:
        none = gettext("No clinic visit from today in the cycles shown.")
        rows.append([_para(none, styles["cell"])])
    table = Table(rows, colWidths=[width * f for f in (0.3, 0.17, 0.53)], repeatRows=1)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                               ("VALIGN", (0, 0), (-1, -1), "TOP")]))  # fmt: skip
    return table


def _legend_table(schedule: Schedule, styles, width: float) -> Table:
    rows = [
        [_para(f"{e.symbol} {e.label}", styles["bold"]), _para(e.text, styles["cell"])]
        for e in wording.legend(schedule)
    ]
    table = Table(rows, colWidths=[width * 0.14, width * 0.86])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LINEBELOW", (0, 0), (-1, -1), 0.5, colors.black)]))  # fmt: skip
    return table


def _help_box(handout: Handout, styles, width: float) -> Table:
    return help_box(
        handout.red_flags, styles, width, clinic_name=handout.clinic_name,
        phone=handout.clinic_phone, emergency_number=handout.emergency_number,
        closing=[gettext(wording.INTENDED_USE)],
    )  # fmt: skip


def _months(schedule: Schedule, handout: Handout, styles, width: float, height: float) -> list:
    regular, bold = register_fonts()
    story: list = []
    size = _cell_pt(handout.large_print)
    cell_height = min(30 * mm, (height - 80 * mm) / 6)
    key = "; ".join(f"{e.symbol} {e.name} ({e.label})" for e in wording.legend(schedule)) + "."
    shaded = gettext("Shaded, framed days are clinic visits. {key}").format(key=key)
    where = gettext("{clinic} = at the clinic. {home} = at home.").format(
        clinic=f"{wording.CLINIC_MARK} {wording.clinic_word()}",
        home=f"{wording.HOME_MARK} {wording.home_word()}",
    )
    words = (wording.clinic_word(), wording.home_word(), gettext("! holiday"))
    weekdays = [short for short, _ in weekday_headings()]
    banner = others_banner(schedule)
    for month in month_grids({d.date: d for d in schedule.days}, schedule.today):
        rows: list[list[str]] = [list(weekdays)]
        style = [("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                 ("VALIGN", (0, 0), (-1, -1), "TOP"),
                 ("FONT", (0, 0), (-1, 0), bold, size + 0.5, size + 3),
                 ("FONT", (0, 1), (-1, -1), regular, size, size * 1.25)]  # fmt: skip
        flags = []
        for r, week in enumerate(month.weeks, start=1):
            rows.append([_cell_text(cell, words) for cell in week])
            for c, cell in enumerate(week):
                if cell and cell.day and cell.day.is_clinic:
                    style += [("BACKGROUND", (c, r), (c, r), SHADE),
                              ("BOX", (c, r), (c, r), 2, colors.black)]  # fmt: skip
                holiday = cell and cell.day and wording.holiday_text(cell.day, handout.place)
                if holiday:
                    # Translators: "Friday 25 December 2026: Public holiday in ..."
                    flags.append(gettext("{date}: {note}").format(
                        date=long_date(cell.date), note=holiday))  # fmt: skip
        heights = [size + 5] + [_row_height(row, size, cell_height) for row in rows[1:]]
        table = Table(rows, colWidths=[width / 7] * 7, rowHeights=heights, repeatRows=1)
        table.setStyle(TableStyle(style))
        story += [_para(month.title, styles["title"])]
        story += [_para(banner, styles["banner"])] if banner else []
        story += [table, Spacer(1, 4)]
        story += [_para(flag, styles["cell"]) for flag in flags]
        story += [_para(where, styles["bold"]), _para(shaded, styles["body"]),
                  _para(gettext("Notes:"), styles["bold"]),
                  _notes_lines(width), PageBreak()]  # fmt: skip
    return story[:-1]


def _row_height(row: list[str], size: float, minimum: float) -> float:
    """Tall enough to write in, and never cutting off a line of large print."""
    lines = max(text.count("\n") + 1 for text in row)
    return max(minimum, lines * size * 1.25 + 6)


def _cell_text(cell, words: tuple[str, str, str] = ("Clinic", "Home", "! holiday")) -> str:
    """A month cell's lines: the day number, then the clinic medicines under "✚ Clinic" and
    the home ones under "⌂ Home" (`words` in the page's language). No "today": a handout is
    read for months."""
    if cell is None:
        return ""
    clinic_word, home_word, holiday = words
    lines = [str(cell.date.day)]
    if cell.day:
        for mark, word, items in ((wording.CLINIC_MARK, clinic_word, cell.day.clinic_items),
                                  (wording.HOME_MARK, home_word, cell.day.home_items)):  # fmt: skip
            if items:
                lines.append(f"{mark} {word}:")
                lines += [
                    f"{i.medicine.symbol} {i.medicine.label}"
                    + (f" {i.infusion_number}" if i.infusion_number else "")
                    for i in items
                ]
        if cell.day.holiday:
            lines.append(holiday)
    return "\n".join(_printable(line) for line in lines)


@functools.lru_cache(maxsize=1024)
def _printable(line: str) -> str:
    """The cell lines repeat ("● Isa 5", "■ Dex"), so each is made printable once."""
    return printable(line)


def _notes_lines(width: float) -> Table:
    table = Table([[""]] * 3, colWidths=[width], rowHeights=[9 * mm] * 3)
    table.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.5, colors.black)]))
    return table


def _numbered_canvas(footer: str, page_text: str = "Page {number} of {total}") -> type[Canvas]:
    """A canvas that writes `footer` and "Page X of Y" (`page_text`) once the page count is
    known."""

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
            # A longer language takes two lines, the first in the gap above the usual one.
            lines = simpleSplit(footer, regular, 8.5, width - 2 * MARGIN)
            for index, line in enumerate(lines):
                self.drawString(MARGIN, MARGIN + 10 * (len(lines) - 1 - index), line)
            page = page_text.format(number=number, total=total)
            self.drawRightString(width - MARGIN, MARGIN - 11, page)

    return NumberedCanvas

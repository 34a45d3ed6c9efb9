"""The wallet card's fields: what each holds, where its box is, how long it may be, and how a
value is fitted into its box. The form checks input with this module; the renderer
(`card/pdf/wallet_card.py`) draws with it. No Django, no drawing here.

Every filled value is fitted into its box: the font shrinks from 8 pt to no less than 6 pt
and wraps onto the box's lines. The form refuses text that still does not fit (`fits()`);
the renderer never overflows (`fit()` shortens with "..." as a last resort) and never crashes
on any Unicode input (`printable()` swaps what the font cannot draw).

Labels are translated (`lib/language.py`): `field_boxes()` gives the boxes in the current
language, and `max_lengths()` the limits that fit beside the longer Spanish labels. English
uses FIELD_BOXES and MAX_LENGTHS unchanged.
"""

import datetime
from dataclasses import dataclass, fields, replace

from bidi import get_display
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from isatuximab_portal.lib.dates import short_date
from isatuximab_portal.lib.fonts import printable, register_fonts
from isatuximab_portal.lib.language import current_language, gettext, gettext_noop

from .carry_until import carry_until

CARD_WIDTH = 85.60 * mm  # ISO/IEC 7810 ID-1, 242.65 pt
CARD_HEIGHT = 53.98 * mm  # 153.01 pt
SAFE = 3 * mm  # keep text this far from the card edge (cutting and card-printer tolerance)
QR_SIZE = 50  # points, about 17.6 mm, in the back's bottom-right corner

# Type sizes in points. Nothing on the card or the sheet is smaller than MIN_FONT_SIZE.
MIN_FONT_SIZE = 6
LABEL_SIZE = 6.5
VALUE_SIZES = (8, 7.5, 7, 6.5, 6)  # tried in turn until the value fits its box
MULTILINE_MAX_SIZE = 7.5  # a value on two lines must fit the 8.5 pt line pitch
LINE_PITCH = 8.5

# Longest text each field accepts. Each limit is at most the number of "Щ" (the widest Latin or
# Cyrillic letter, wider than "W") that fit the box at 6 pt; test_wallet_card.py checks this.
MAX_LENGTHS = {
    "name": 60,
    "centre": 46,
    "centre_phone": 20,
    "contact_name": 22,
    "contact_phone": 20,
    "results_held_at": 34,
}
# Spanish labels are longer, so a few boxes hold a little less; the same test checks them.
MAX_LENGTHS_BY_LANGUAGE = {
    "en": MAX_LENGTHS,
    "es": {
        "name": 58,
        "centre": 42,
        "centre_phone": 19,
        "contact_name": 21,
        "contact_phone": 20,
        "results_held_at": 34,
    },
}


def max_lengths() -> dict[str, int]:
    """Each field's longest text in the current language."""
    return MAX_LENGTHS_BY_LANGUAGE.get(current_language(), MAX_LENGTHS)


BLOOD_GROUPS = [
    ("", gettext_noop("Leave blank (write it by hand)")),
    # Translators: a blood group; the words before the bracket are printed on the card.
    ("A+", gettext_noop("A RhD positive (A+)")),
    ("A-", gettext_noop("A RhD negative (A-)")),
    ("B+", gettext_noop("B RhD positive (B+)")),
    ("B-", gettext_noop("B RhD negative (B-)")),
    ("AB+", gettext_noop("AB RhD positive (AB+)")),
    ("AB-", gettext_noop("AB RhD negative (AB-)")),
    ("O+", gettext_noop("O RhD positive (O+)")),
    ("O-", gettext_noop("O RhD negative (O-)")),
    ("unknown", gettext_noop("Not known")),
]
# Printed in words, the choice's label without the symbol: a "+" or "-" is easy to misread on
# a worn card. Blank stays blank, to be written by hand.
BLOOD_GROUP_ON_CARD = {
    value: label.split(" (")[0] if value else "" for value, label in BLOOD_GROUPS
}


def blood_group_on_card(value: str) -> str:
    """The blood group as printed, in the current language ('A RhD negative'; blank stays blank).

    >>> blood_group_on_card("A-")
    'A RhD negative'
    """
    label = dict(BLOOD_GROUPS)[value]
    return gettext(label).split(" (")[0] if value else ""


@dataclass(frozen=True)
class CardDetails:
    """What the holder or nurse typed; every field may be empty (written by hand later)."""

    name: str = ""
    start_date: datetime.date | None = None
    centre: str = ""
    centre_phone: str = ""
    blood_group: str = ""
    screen_date: datetime.date | None = None
    contact_name: str = ""
    contact_phone: str = ""
    last_dose_date: datetime.date | None = None
    results_held_at: str = ""


@dataclass(frozen=True)
class FieldBox:
    """A labelled blank on one side of the card; x, y are the label baseline in card points."""

    key: str
    label: str
    side: str  # "front" or "back"
    x: float
    y: float
    width: float  # from the label start to the right end of the writing line
    lines: int = 1

    @property
    def label_width(self) -> float:
        return stringWidth(self.label, register_fonts()[1], LABEL_SIZE)

    @property
    def value_x(self) -> float:
        return self.x + self.label_width + 3

    @property
    def value_width(self) -> float:
        return self.x + self.width - self.value_x


FULL_WIDTH = CARD_WIDTH - 2 * SAFE
BESIDE_QR = FULL_WIDTH - QR_SIZE - 6
ROW_PITCH = 12.5  # from one row's baseline to the next: room to write by hand
TOP_ROW = CARD_HEIGHT - SAFE - 7  # baseline of the back's first row
LAST_DOSE_WIDTH = 94  # the front's last-dose box; the carry-until box takes the rest of the row
ROW_GAP = 4  # between two boxes on one row


def _back_row(n: int) -> float:
    """Baseline of the back's n-th row; rows 2 and 3 have a second line (LINE_PITCH below)."""
    return TOP_ROW - ROW_PITCH * n - LINE_PITCH * max(0, min(n - 2, 2))


def _front_row(n: int) -> float:
    """Baseline of the front's n-th row counted up from the bottom row (n = 0)."""
    return SAFE + 2.5 + ROW_PITCH * n


# The carry-until box is worked out from the last dose (card/carry_until.py), not typed.
FIELD_BOXES = (
    FieldBox("name", gettext_noop("Name:"), "front", SAFE, _front_row(3) + LINE_PITCH,
             FULL_WIDTH, lines=2),
    FieldBox("last_dose_date", gettext_noop("Last dose:"), "front", SAFE, _front_row(2),
             LAST_DOSE_WIDTH),
    FieldBox("carry_until", gettext_noop("Carry until at least:"), "front",
             SAFE + LAST_DOSE_WIDTH + ROW_GAP, _front_row(2),
             FULL_WIDTH - LAST_DOSE_WIDTH - ROW_GAP),
    FieldBox("contact_name", gettext_noop("Emergency contact:"), "front", SAFE, _front_row(1),
             FULL_WIDTH),
    FieldBox("contact_phone", gettext_noop("Their phone:"), "front", SAFE, _front_row(0),
             FULL_WIDTH),
    FieldBox("blood_group", gettext_noop("Blood group (information only):"), "back", SAFE,
             _back_row(0), FULL_WIDTH),
    FieldBox("screen_date", gettext_noop("Type and screen (group and screen) on:"), "back",
             SAFE, _back_row(1), FULL_WIDTH),
    FieldBox("results_held_at", gettext_noop("Pre-treatment results held at:"), "back", SAFE,
             _back_row(2), FULL_WIDTH, lines=2),
    FieldBox("centre", gettext_noop("Treatment centre:"), "back", SAFE, _back_row(3),
             FULL_WIDTH, lines=2),
    FieldBox("centre_phone", gettext_noop("Centre 24-hour phone:"), "back", SAFE, _back_row(4),
             FULL_WIDTH),
    FieldBox("start_date", gettext_noop("Treatment started:"), "back", SAFE, _back_row(5),
             BESIDE_QR),
)  # fmt: skip
BOXES = {box.key: box for box in FIELD_BOXES}


def field_boxes() -> tuple[FieldBox, ...]:
    """The boxes with their labels in the current language (in English, FIELD_BOXES itself).

    The last-dose box grows with its label so the date keeps its room; the carry-until box
    takes the rest of the row.
    """
    if current_language() == "en":
        return FIELD_BOXES
    out = {box.key: replace(box, label=gettext(box.label)) for box in FIELD_BOXES}
    last = out["last_dose_date"]
    width = LAST_DOSE_WIDTH + last.label_width - BOXES["last_dose_date"].label_width
    out["last_dose_date"] = replace(last, width=width)
    out["carry_until"] = replace(
        out["carry_until"], x=SAFE + width + ROW_GAP, width=FULL_WIDTH - width - ROW_GAP
    )
    return tuple(out.values())


def boxes() -> dict[str, FieldBox]:
    """The boxes by field name, in the current language."""
    return {box.key: box for box in field_boxes()}


@dataclass(frozen=True)
class Fitted:
    size: float
    lines: tuple[str, ...]
    shortened: bool = False


def clean(text: str) -> str:
    """One line of drawable text: unknown glyphs swapped, whitespace collapsed, RTL reordered."""
    return get_display(" ".join(printable(text).split()))


def text_width(text: str, size: float) -> float:
    return stringWidth(text, register_fonts()[0], size)


def wrap(text: str, width: float, size: float) -> list[str]:
    """Greedy word wrap; a word wider than the box is broken between characters."""
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        candidate = f"{current} {word}" if current else word
        if text_width(candidate, size) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        current = ""
        for char in word:
            if text_width(current + char, size) > width and current:
                lines.append(current)
                current = ""
            current += char
    if current:
        lines.append(current)
    return lines


def fit(text: str, width: float, max_lines: int) -> Fitted:
    """Largest size from VALUE_SIZES at which `text` fits `max_lines` lines of `width` points.

    >>> fit("Ana Silva", 200, 1).size
    8
    """
    text = clean(text)
    for size in VALUE_SIZES:
        lines = wrap(text, width, size)
        if len(lines) <= 1 or (len(lines) <= max_lines and size <= MULTILINE_MAX_SIZE):
            return Fitted(size, tuple(lines))
    lines = wrap(text, width, MIN_FONT_SIZE)[:max_lines]
    last = lines[-1]
    while last and text_width(last + "...", MIN_FONT_SIZE) > width:
        last = last[:-1]
    return Fitted(MIN_FONT_SIZE, (*lines[:-1], last + "..."), shortened=True)


def fits(key: str, text: str) -> bool:
    """True when `text` fits the box for field `key` without being shortened."""
    box = boxes()[key]
    return not fit(text, box.value_width, box.lines).shortened


def card_values(details: CardDetails) -> dict[str, str]:
    """Each box's text as printed; dates as day, short month, year ('5 Jan 2026').

    The carry-until box is filled from the last dose: 6 months on, rounded up
    (card/carry_until.py), and left blank to write by hand when no last dose is given.
    """
    values = {}
    for field in fields(details):
        value = getattr(details, field.name)
        is_date = isinstance(value, datetime.date) or value is None
        values[field.name] = short_date(value) if is_date else value
    last_dose = details.last_dose_date
    values["carry_until"] = short_date(carry_until(last_dose)) if last_dose else ""
    return values

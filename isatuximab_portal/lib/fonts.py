"""One embedded TrueType font family for every PDF, and safe text for it.

DejaVu Sans covers Latin, Greek, Cyrillic and many symbols; it is used when the system has it
(Debian: fonts-dejavu-core). Otherwise ReportLab's bundled Bitstream Vera is used. Characters
the chosen font cannot draw (emoji, most non-Latin scripts under Vera) degrade to an
accent-free letter where one exists, else to "?", so any input renders and nothing crashes.
"""

import functools
import unicodedata
from pathlib import Path
from xml.sax.saxutils import escape

import reportlab
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph

REGULAR = "PortalSans"
BOLD = "PortalSans-Bold"

_SYSTEM_DIRS = [Path("/usr/share/fonts/truetype/dejavu")]
_VERA_DIR = Path(reportlab.__file__).parent / "fonts"


def _font_files() -> tuple[Path, Path]:
    for folder in _SYSTEM_DIRS:
        regular, bold = folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"
        if regular.is_file() and bold.is_file():
            return regular, bold
    return _VERA_DIR / "Vera.ttf", _VERA_DIR / "VeraBd.ttf"


@functools.cache
def register_fonts() -> tuple[str, str]:
    """Register the family once per process; returns (regular, bold) font names."""
    regular, bold = _font_files()
    pdfmetrics.registerFont(TTFont(REGULAR, str(regular)))
    pdfmetrics.registerFont(TTFont(BOLD, str(bold)))
    pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD)
    return REGULAR, BOLD


@functools.cache
def _drawable() -> frozenset[int]:
    register_fonts()
    face = pdfmetrics.getFont(REGULAR).face
    return frozenset(face.charToGlyph)


def printable(text: str) -> str:
    """Return `text` with every character the embedded font cannot draw replaced.

    >>> printable("Zoë Ødegård")  # both fonts draw these
    'Zoë Ødegård'
    >>> printable("山田")  # neither font has CJK
    '??'
    """
    drawable = _drawable()
    out = []
    for char in text:
        if ord(char) in drawable or char in "\n\t":
            out.append(char)
            continue
        base = unicodedata.normalize("NFKD", char)
        stripped = "".join(c for c in base if not unicodedata.combining(c))
        if stripped and all(ord(c) in drawable for c in stripped):
            out.append(stripped)
        elif not unicodedata.category(char).startswith(("M", "C")):
            out.append("?")
    return "".join(out)


def paragraph(text: str, style) -> Paragraph:
    """Plain text as a ReportLab Paragraph: made printable in the embedded font, then escaped
    (a Paragraph reads its text as markup)."""
    return Paragraph(escape(printable(text)), style)

"""The question sheet's wording, shared by the print view and the PDF.

The sheet holds the questions a patient ticked or typed, lines to write the answers, the date it
was made, the care team's 24-hour number (the approved ``HelpSettings`` value, passed in) and
"Bring this to your visit". No Django import: sentences go through ``lib.language``, so a view
running in Spanish gets a Spanish sheet.
"""

import datetime as dt
from dataclasses import dataclass

from isatuximab_portal.lib.dates import long_date
from isatuximab_portal.lib.language import gettext

MAX_OWN_QUESTIONS = 5
OWN_MAX_LENGTH = 200
BLANK = "______________"


@dataclass(frozen=True)
class SheetText:
    """Every sentence on the sheet other than the questions themselves."""

    title: str
    bring: str
    made_on: str
    phone_line: str
    answer_label: str
    footer: str
    continued: str


def sheet_text(phone_24h: str, today: dt.date) -> SheetText:
    """The sheet's sentences for this site's 24-hour number and the date it is made."""
    return SheetText(
        title=gettext("Questions for my next visit"),
        bring=gettext("Bring this to your visit."),
        made_on=gettext("Made on {date}").format(date=long_date(today)),
        phone_line=gettext("My care team's 24-hour number: {phone}").format(
            phone=phone_24h or BLANK
        ),
        # Translators: printed under each question, above the lines for the answer.
        answer_label=gettext("Answer:"),
        footer=gettext(
            "A question sheet from the isatuximab treatment guide. It is not medical advice."
        ),
        # Translators: at the top of a second page when the questions do not fit on one.
        continued=gettext("Questions for my next visit (continued)"),
    )

"""Form pieces the calendar and the wallet card share: one date field, one rule for a valid
treatment date, one set of paper choices, and radio buttons that error links can reach."""

import datetime as dt
import re

from django import forms
from django.utils.functional import lazy
from django.utils.text import format_lazy
from django.utils.translation import get_language, gettext, gettext_lazy

YEARS_BACK, YEARS_AHEAD = 5, 1
# Languages whose readers only ever write day/month/year (dd/mm/aaaa in Spanish, in Spain and
# Latin America alike): there "13/11/2026" and "05/01/2026" have one meaning, so they are read.
DAY_FIRST_LANGUAGES = frozenset({"es"})
ISO_HINT = gettext_lazy(
    "Use the date picker or type the date as YYYY-MM-DD, for example 2026-01-05."
)
DAY_FIRST_HINT = gettext_lazy(
    "Use the date picker or type the date as day/month/year, for example 05/01/2026 "
    "for 5 January 2026."
)
# Keys match the PDFs' paper sizes (`isatuximab_portal/lib/paper.py`).
PAPER_CHOICES = [
    ("a4", gettext_lazy("A4 (most countries)")),
    ("letter", gettext_lazy("US Letter (USA and Canada)")),
]
DEFAULT_PAPER = "a4"

_ISO_DATE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}")
_AMBIGUOUS_DATE = re.compile(r"\d{1,4}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{1,4}")
# dd/mm/aaaa, dd-mm-aaaa, dd.mm.aaaa, d/m/aa (the same separator twice).
_DAY_FIRST = re.compile(r"(\d{1,2})\s*([/.\-])\s*(\d{1,2})\s*\2\s*(\d{4}|\d{2})")


def day_first() -> bool:
    """True when the page's language writes dates day/month/year only (Spanish)."""
    return (get_language() or "en").split("-")[0] in DAY_FIRST_LANGUAGES


def _date_hint() -> str:
    return str(DAY_FIRST_HINT if day_first() else ISO_HINT)


# The hint follows the page's language when a message is shown, not when this module loads.
DATE_HINT = lazy(_date_hint, str)()


def years_from(day: dt.date, years: int) -> dt.date:
    """The same day `years` later (or earlier); 29 February becomes 28 February.

    >>> years_from(dt.date(2024, 2, 29), 1)
    datetime.date(2025, 2, 28)
    """
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def check_treatment_date(day: dt.date, today: dt.date) -> dt.date:
    """The one rule for a treatment start (or pre-treatment test) date: from YEARS_BACK years
    before `today` to YEARS_AHEAD year after it, both ends included. Raises ValidationError."""
    if day < years_from(today, -YEARS_BACK):
        raise forms.ValidationError(
            gettext(
                "Enter a date within the last {years} years. For an older date, ask your care team."
            ).format(years=YEARS_BACK)
        )
    if day > years_from(today, YEARS_AHEAD):
        raise forms.ValidationError(
            gettext("Enter a date no more than 1 year from today. Check the year.")
        )
    return day


class LinkableRadioSelect(forms.RadioSelect):
    """Radio buttons whose field id is the first button's, so error-summary links reach them."""

    def id_for_label(self, id_, index="0"):
        return super().id_for_label(id_, index)


class IsoDateField(forms.DateField):
    """A date from <input type="date"> (the picker stays) or typed as YYYY-MM-DD; under a
    day-first language (Spanish) also as dd/mm/aaaa, dd-mm-aaaa or d/m/aa. In English any
    other order is refused, as 05/01/2026 could be 5 January or 1 May there."""

    widget = forms.DateInput(attrs={"type": "date", "autocomplete": "off"}, format="%Y-%m-%d")

    def to_python(self, value):
        if isinstance(value, dt.date):
            return value
        text = str(value or "").strip()
        if not text:
            return None
        parts = _date_parts(text)
        if parts:
            try:
                return dt.date(*parts)
            except ValueError:
                message = with_hint(gettext("That date does not exist."))
                raise forms.ValidationError(message) from None
        if _AMBIGUOUS_DATE.fullmatch(text) and not day_first():
            raise forms.ValidationError(
                with_hint(gettext("A date like 05/01/2026 can mean 5 January or 1 May."))
            )
        raise forms.ValidationError(with_hint(gettext("Enter a real date.")))


def _date_parts(text: str) -> tuple[int, int, int] | None:
    """(year, month, day) from YYYY-MM-DD always, and from day/month/year (two-digit years
    are 20xx: treatment dates lie within a few years of today) under a day-first language."""
    if _ISO_DATE.fullmatch(text):
        year, month, day = (int(part) for part in text.split("-"))
        return year, month, day
    match = _DAY_FIRST.fullmatch(text) if day_first() else None
    if match:
        day, _, month, year = match.groups()
        return int(year) + (2000 if len(year) == 2 else 0), int(month), int(day)
    return None


def with_hint(message):
    """`message` followed by DATE_HINT (two sentences; lazy if `message` is lazy)."""
    return format_lazy("{} {}", message, DATE_HINT)


def paper_field(label: str, help_text: str = "") -> forms.ChoiceField:
    """Paper size for a PDF: optional, because a missing value means the default (A4)."""
    return forms.ChoiceField(
        label=label,
        choices=PAPER_CHOICES,
        initial=DEFAULT_PAPER,
        required=False,
        widget=LinkableRadioSelect,
        help_text=help_text,
        error_messages={"invalid_choice": gettext_lazy("Choose A4 or US Letter.")},
    )

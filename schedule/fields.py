"""Form pieces the calendar and the wallet card share: one date field, one rule for a valid
treatment date, one set of paper choices, and radio buttons that error links can reach."""

import datetime as dt
import re

from django import forms

YEARS_BACK, YEARS_AHEAD = 5, 1
DATE_HINT = "Use the date picker or type the date as YYYY-MM-DD, for example 2026-01-05."
# Keys match the PDFs' paper sizes (`schedule/pdf/paper.py`).
PAPER_CHOICES = [("a4", "A4 (most countries)"), ("letter", "US Letter (USA and Canada)")]
DEFAULT_PAPER = "a4"

_ISO_DATE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}")
_AMBIGUOUS_DATE = re.compile(r"\d{1,4}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{1,4}")


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
            f"Enter a date within the last {YEARS_BACK} years. For an older date, ask your "
            "care team."
        )
    if day > years_from(today, YEARS_AHEAD):
        raise forms.ValidationError("Enter a date no more than 1 year from today. Check the year.")
    return day


class LinkableRadioSelect(forms.RadioSelect):
    """Radio buttons whose field id is the first button's, so error-summary links reach them."""

    def id_for_label(self, id_, index="0"):
        return super().id_for_label(id_, index)


class IsoDateField(forms.DateField):
    """A date from <input type="date"> or typed as YYYY-MM-DD; day/month orders are refused."""

    widget = forms.DateInput(attrs={"type": "date", "autocomplete": "off"}, format="%Y-%m-%d")

    def to_python(self, value):
        if isinstance(value, dt.date):
            return value
        text = str(value or "").strip()
        if not text:
            return None
        if _ISO_DATE.fullmatch(text):
            try:
                return dt.date(*(int(part) for part in text.split("-")))
            except ValueError:
                raise forms.ValidationError("That date does not exist. " + DATE_HINT) from None
        if _AMBIGUOUS_DATE.fullmatch(text):
            raise forms.ValidationError(
                "A date like 05/01/2026 can mean 5 January or 1 May. " + DATE_HINT
            )
        raise forms.ValidationError("Enter a real date. " + DATE_HINT)


def paper_field(label: str, help_text: str) -> forms.ChoiceField:
    """Paper size for a PDF: optional, because a missing value means the default (A4)."""
    return forms.ChoiceField(
        label=label,
        choices=PAPER_CHOICES,
        initial=DEFAULT_PAPER,
        required=False,
        widget=LinkableRadioSelect,
        help_text=help_text,
        error_messages={"invalid_choice": "Choose A4 or US Letter."},
    )

"""Every date and weekday the tools show, written out in words (no Django, no locale).

The names are data, not `strftime`, whose day and month names follow the server's locale: a
second language is one more `DateNames` table. Every format is day-month-year, which no reader can
mistake for month-day-year.
"""

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class DateNames:
    days: tuple[str, ...]  # Monday first, as `date.weekday()` counts
    short_days: tuple[str, ...]
    months: tuple[str, ...]  # January first
    short_months: tuple[str, ...]


ENGLISH = DateNames(
    days=("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    short_days=("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
    months=("January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December"),
    short_months=("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
                  "Dec"),
)  # fmt: skip
NAMES = ENGLISH


def long_date(day: dt.date) -> str:
    """Weekday, day, month, year.

    >>> long_date(dt.date(2026, 1, 5))
    'Monday 5 January 2026'
    """
    return f"{NAMES.days[day.weekday()]} {day.day} {NAMES.months[day.month - 1]} {day.year}"


def short_date(day: dt.date | None) -> str:
    """Day, short month, year, for small spaces such as the wallet card; None gives "".

    >>> short_date(dt.date(2026, 1, 5))
    '5 Jan 2026'
    """
    if day is None:
        return ""
    return f"{day.day} {NAMES.short_months[day.month - 1]} {day.year}"


def month_title(year: int, month: int) -> str:
    """
    >>> month_title(2026, 3)
    'March 2026'
    """
    return f"{NAMES.months[month - 1]} {year}"


def weekday_headings() -> list[tuple[str, str]]:
    """(short, full) weekday names, Monday first, for calendar grid headings."""
    return list(zip(NAMES.short_days, NAMES.days, strict=True))

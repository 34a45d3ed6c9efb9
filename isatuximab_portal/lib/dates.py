"""Every date and weekday the tools show, written out in words (no Django, no locale).

The names are data, not `strftime`, whose day and month names follow the server's locale: a
second language is one more `DateNames` table. Every format is day-month-year, which no reader can
mistake for month-day-year. English is used unless a caller writes inside ``written_in("es")``
(a context variable, so concurrent requests cannot mix their languages).
"""

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass


@dataclass(frozen=True)
class DateNames:
    days: tuple[str, ...]  # Monday first, as `date.weekday()` counts
    short_days: tuple[str, ...]
    months: tuple[str, ...]  # January first
    short_months: tuple[str, ...]
    long_pattern: str = "{weekday} {day} {month} {year}"
    month_pattern: str = "{month} {year}"


ENGLISH = DateNames(
    days=("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    short_days=("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
    months=("January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December"),
    short_months=("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
                  "Dec"),
)  # fmt: skip
# Spanish writes names in lower case, with "de" between day, month and year.
SPANISH = DateNames(
    days=("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"),
    short_days=("lun", "mar", "mié", "jue", "vie", "sáb", "dom"),
    months=("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
            "septiembre", "octubre", "noviembre", "diciembre"),
    short_months=("ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov",
                  "dic"),
    long_pattern="{weekday} {day} de {month} de {year}",
    month_pattern="{month} de {year}",
)  # fmt: skip
TABLES = {"en": ENGLISH, "es": SPANISH}
_current: ContextVar[DateNames] = ContextVar("date_names", default=ENGLISH)


@contextmanager
def written_in(language: str) -> Iterator[DateNames]:
    """Write dates in ``language`` (English when there is no table for it) inside the block.

    >>> with written_in("es"):
    ...     long_date(dt.date(2026, 1, 5))
    'lunes 5 de enero de 2026'
    >>> long_date(dt.date(2026, 1, 5))
    'Monday 5 January 2026'
    """
    token = _current.set(TABLES.get(language, ENGLISH))
    try:
        yield _current.get()
    finally:
        _current.reset(token)


def long_date(day: dt.date) -> str:
    """Weekday, day, month, year.

    >>> long_date(dt.date(2026, 1, 5))
    'Monday 5 January 2026'
    """
    names = _current.get()
    return names.long_pattern.format(
        weekday=names.days[day.weekday()],
        day=day.day,
        month=names.months[day.month - 1],
        year=day.year,
    )


def short_date(day: dt.date | None) -> str:
    """Day, short month, year, for small spaces such as the wallet card; None gives "".

    >>> short_date(dt.date(2026, 1, 5))
    '5 Jan 2026'
    """
    if day is None:
        return ""
    return f"{day.day} {_current.get().short_months[day.month - 1]} {day.year}"


def month_title(year: int, month: int) -> str:
    """
    >>> month_title(2026, 3)
    'March 2026'
    """
    names = _current.get()
    return names.month_pattern.format(month=names.months[month - 1], year=year)


def weekday_headings() -> list[tuple[str, str]]:
    """(short, full) weekday names, Monday first, for calendar grid headings."""
    names = _current.get()
    return list(zip(names.short_days, names.days, strict=True))


def weekday_day_month(day: dt.date) -> str:
    """Short weekday, day and short month, for lists of dates within one week.

    >>> weekday_day_month(dt.date(2026, 3, 23))
    'Mon 23 Mar'
    """
    names = _current.get()
    return f"{names.short_days[day.weekday()]} {day.day} {names.short_months[day.month - 1]}"

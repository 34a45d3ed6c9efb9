"""Month grids of treatment days, weeks starting on Monday, with today and past days (no Django).

One source for the result page's month tables and the handout PDF's.
"""

import calendar
import datetime as dt
from dataclasses import dataclass
from typing import Any

from .plan import long_date

_WEEKS = calendar.Calendar(firstweekday=calendar.MONDAY).monthdatescalendar
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")  # fmt: skip


@dataclass(frozen=True)
class Cell:
    date: dt.date
    day: Any  # what the caller keyed by date (a TreatmentDay, a DayView), or None
    is_today: bool
    is_past: bool

    @property
    def date_text(self) -> str:
        return long_date(self.date)


@dataclass(frozen=True)
class Month:
    year: int
    month: int
    weeks: tuple[tuple[Cell | None, ...], ...]  # None pads the months either side

    @property
    def title(self) -> str:
        return f"{_MONTHS[self.month - 1]} {self.year}"


def month_grids(by_date: dict[dt.date, Any], today: dt.date) -> tuple[Month, ...]:
    """One grid per month from the first to the last date in `by_date` (in date order)."""
    if not by_date:
        return ()
    first, last = min(by_date), max(by_date)
    year, month = first.year, first.month
    end = (last.year, last.month)
    grids = []
    while (year, month) <= end:
        weeks = tuple(
            tuple(
                Cell(d, by_date.get(d), d == today, d < today) if d.month == month else None
                for d in week
            )
            for week in _WEEKS(year, month)
        )
        grids.append(Month(year, month, weeks))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return tuple(grids)

"""Month grids of treatment days, weeks starting on Monday, with today and past days (no Django).

One source for the result page's month tables and the handout PDF's.
"""

import calendar
import datetime as dt
from dataclasses import dataclass

from .plan import long_date
from .treatment import TreatmentDay

_WEEKS = calendar.Calendar(firstweekday=calendar.MONDAY).monthdatescalendar
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")  # fmt: skip


@dataclass(frozen=True)
class Cell:
    date: dt.date
    day: TreatmentDay | None
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


def month_grids(days: tuple[TreatmentDay, ...], today: dt.date) -> tuple[Month, ...]:
    """One grid per month from the first to the last treatment day."""
    if not days:
        return ()
    by_date = {day.date: day for day in days}
    year, month = days[0].date.year, days[0].date.month
    end = (days[-1].date.year, days[-1].date.month)
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

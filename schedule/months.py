"""Month-by-month grids of treatment days, weeks starting on Monday (no Django).

One source for the result page's month tables and the PDF's: each grid is a list of weeks,
each week seven days, with `None` padding the days that belong to the months either side.
Each day knows whether it is today or already past, so both can be said in words.
"""

import calendar
import datetime as dt
from dataclasses import dataclass
from typing import Any

from isatuximab_portal.lib.dates import long_date, month_title

_WEEKS = calendar.Calendar(firstweekday=calendar.MONDAY).monthdatescalendar


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
        return month_title(self.year, self.month)


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

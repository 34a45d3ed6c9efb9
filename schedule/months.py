"""Month-by-month grids of a plan's infusions, weeks starting on Monday (no Django).

One source for the result page's month tables and the PDF's: each grid is a list of weeks,
each week seven days, with `None` padding the days that belong to the months either side.
"""

import calendar
import datetime as dt
from dataclasses import dataclass

from .dates import month_title
from .plan import Infusion

_WEEKS = calendar.Calendar(firstweekday=calendar.MONDAY).monthdatescalendar


@dataclass(frozen=True)
class GridDay:
    date: dt.date
    infusion: Infusion | None


@dataclass(frozen=True)
class MonthGrid:
    year: int
    month: int
    weeks: tuple[tuple[GridDay | None, ...], ...]  # Monday first; None pads other months

    @property
    def title(self) -> str:
        return month_title(self.year, self.month)


def month_grids(infusions: tuple[Infusion, ...]) -> tuple[MonthGrid, ...]:
    """One grid per month from the first to the last infusion, weeks starting on Monday."""
    if not infusions:
        return ()
    by_date = {i.date: i for i in infusions}
    year, month = infusions[0].date.year, infusions[0].date.month
    end = (infusions[-1].date.year, infusions[-1].date.month)
    grids = []
    while (year, month) <= end:
        weeks = tuple(
            tuple(GridDay(d, by_date.get(d)) if d.month == month else None for d in week)
            for week in _WEEKS(year, month)
        )
        grids.append(MonthGrid(year, month, weeks))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return tuple(grids)

import datetime as dt
from decimal import Decimal

from schedule.months import month_grids
from schedule.plan import build_plan

START = dt.date(2026, 1, 5)


def make(slug, first, last):
    return build_plan(slug, START, Decimal(70), "kg", START, first, last)


def test_it_builds_monday_first_month_grids_marking_infusion_days():
    grids = month_grids(make("isa-pd", first=1, last=2).infusions)
    assert [g.title for g in grids] == ["January 2026", "February 2026"]
    january = grids[0]
    assert january.weeks[0][0] is None  # 1 January 2026 is a Thursday
    assert january.weeks[0][3].date == dt.date(2026, 1, 1)
    marked = [d.infusion.number for w in january.weeks for d in w if d and d.infusion]
    assert marked == [1, 2, 3, 4]
    assert month_grids(()) == ()

import datetime as dt

from schedule.months import month_grids
from schedule.plan import build_schedule

START = dt.date(2026, 1, 5)


def test_it_builds_monday_first_month_grids_marking_treatment_days_today_and_past():
    schedule = build_schedule("isa-pd", START, dt.date(2026, 1, 12), first_cycle=1, last_cycle=2)
    grids = month_grids({day.date: day for day in schedule.days}, schedule.today)
    assert [g.title for g in grids] == ["January 2026", "February 2026"]
    january = grids[0]
    assert january.weeks[0][0] is None  # 1 January 2026 is a Thursday
    assert january.weeks[0][3].date == dt.date(2026, 1, 1)
    cells = [c for week in january.weeks for c in week if c]
    infusions = [c.day.infusion.infusion_number for c in cells if c.day and c.day.infusion]
    assert infusions == [1, 2, 3, 4]
    assert [c.date.day for c in cells if c.is_today] == [12]
    assert all(c.is_past == (c.date < dt.date(2026, 1, 12)) for c in cells)
    assert cells[0].date_text == "Thursday 1 January 2026"
    assert month_grids({}, START) == ()

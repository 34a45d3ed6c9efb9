"""The carry-until date printed on the alert card: 6 months after the last dose, rounded up."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from card.carry_until import CARRY_MONTHS, add_months_rounding_up, carry_until


@pytest.mark.parametrize(
    ("last_dose", "expected"),
    [
        (dt.date(2026, 1, 5), dt.date(2026, 7, 5)),  # same day of the month
        (dt.date(2026, 7, 15), dt.date(2027, 1, 15)),  # into the next year
        (dt.date(2026, 8, 31), dt.date(2027, 3, 1)),  # no 31 Feb: the 1st of March
        (dt.date(2026, 8, 29), dt.date(2027, 3, 1)),  # no 29 Feb in 2027
        (dt.date(2027, 8, 29), dt.date(2028, 2, 29)),  # 2028 is a leap year
        (dt.date(2027, 8, 30), dt.date(2028, 3, 1)),
        (dt.date(2026, 12, 31), dt.date(2027, 7, 1)),  # no 31 Jun
        (dt.date(2026, 3, 31), dt.date(2026, 10, 1)),  # no 31 Sep
        (dt.date(2026, 2, 28), dt.date(2026, 8, 28)),
        (dt.date(2028, 2, 29), dt.date(2028, 8, 29)),
    ],
)
def test_it_gives_the_same_day_six_months_on_or_the_next_first_of_the_month(last_dose, expected):
    assert CARRY_MONTHS == 6
    assert carry_until(last_dose) == expected


@given(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_it_is_never_less_than_six_whole_calendar_months_nor_more_than_a_day_over(day):
    until = carry_until(day)
    assert 181 <= (until - day).days <= 185
    months = (until.year - day.year) * 12 + until.month - day.month
    # Either exactly 6 months to the same day, or the day did not exist and it rolled to the 1st.
    assert (months == 6 and until.day == day.day) or (months == 7 and until.day == 1)


def test_it_rejects_negative_months_and_dates_past_the_calendar():
    with pytest.raises(ValueError):
        add_months_rounding_up(dt.date(2026, 1, 1), -1)
    with pytest.raises(ValueError):
        carry_until(dt.date(9999, 8, 1))

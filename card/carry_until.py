"""How long to carry the blood transfusion alert card after the last isatuximab dose.

FACTS.md section 6 and FACTS-partner-drugs.md P8a: the EU patient alert card is carried during
treatment and shown to any healthcare professional for 6 months after treatment stops. No
isatuximab label sentence gives a shorter or longer time, so the card uses 6 months after the
last dose. Pure Python: no Django here.

The rule for "6 months after" a date, written so it can never shorten the time:

- the same day of the month, 6 calendar months later (5 Jan -> 5 Jul);
- when that month has no such day (31 Aug -> 31 Feb does not exist), the first day of the
  next month (1 Mar), never the last day of the short month. The card says "at least", and
  rounding up keeps it true under any reading of "6 months" (181 to 184 days).

>>> carry_until(datetime.date(2026, 8, 31))
datetime.date(2027, 3, 1)
>>> carry_until(datetime.date(2026, 1, 5))
datetime.date(2026, 7, 5)
"""

import calendar
import datetime

CARRY_MONTHS = 6  # FACTS.md 6 ("for 6 months after treatment is stopped"), P8a


def add_months_rounding_up(day: datetime.date, months: int) -> datetime.date:
    """`day` moved `months` calendar months on; a missing day becomes the next month's 1st.

    >>> add_months_rounding_up(datetime.date(2027, 8, 29), 6)  # 2028 is a leap year
    datetime.date(2028, 2, 29)
    >>> add_months_rounding_up(datetime.date(2026, 8, 29), 6)
    datetime.date(2027, 3, 1)
    """
    if months < 0:
        raise ValueError("months must not be negative")
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    if year > datetime.MAXYEAR:
        raise ValueError("the date is too far in the future")
    last_day = calendar.monthrange(year, month)[1]
    if day.day <= last_day:
        return datetime.date(year, month, day.day)
    return datetime.date(year, month, last_day) + datetime.timedelta(days=1)


def carry_until(last_dose: datetime.date) -> datetime.date:
    """The earliest date the card may be put away: CARRY_MONTHS after the last dose."""
    return add_months_rounding_up(last_dose, CARRY_MONTHS)

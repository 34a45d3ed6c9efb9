import datetime as dt
import re
from pathlib import Path

import pytest

from isatuximab_portal.lib import dates

SCHEDULE = Path(dates.__file__).parent


@pytest.mark.parametrize(
    ("day", "long", "short"),
    [
        (dt.date(2026, 1, 5), "Monday 5 January 2026", "5 Jan 2026"),
        (dt.date(2026, 3, 10), "Tuesday 10 March 2026", "10 Mar 2026"),
        (dt.date(2028, 2, 29), "Tuesday 29 February 2028", "29 Feb 2028"),
        (dt.date(2026, 12, 27), "Sunday 27 December 2026", "27 Dec 2026"),
    ],
)
def test_it_writes_dates_in_words_day_first(day, long, short):
    assert dates.long_date(day) == long
    assert dates.short_date(day) == short


def test_it_leaves_a_missing_date_blank():
    assert dates.short_date(None) == ""


def test_it_names_months_and_weekdays_from_monday():
    assert dates.month_title(2026, 12) == "December 2026"
    assert dates.weekday_headings()[0] == ("Mon", "Monday")
    assert dates.weekday_headings()[-1] == ("Sun", "Sunday")


def test_no_schedule_code_formats_dates_through_the_server_locale():
    locale_dependent = re.compile(r"%[aAbBcxX]|\|date:")
    sources = [*SCHEDULE.rglob("*.py"), *SCHEDULE.rglob("*.html")]
    offenders = [p.name for p in sources if locale_dependent.search(p.read_text())]
    assert offenders == []


@pytest.mark.parametrize(
    ("day", "long", "short", "month"),
    [
        (dt.date(2026, 1, 5), "lunes 5 de enero de 2026", "5 ene 2026", "enero de 2026"),
        (dt.date(2026, 3, 11), "miércoles 11 de marzo de 2026", "11 mar 2026", "marzo de 2026"),
        (dt.date(2028, 2, 29), "martes 29 de febrero de 2028", "29 feb 2028", "febrero de 2028"),
        (dt.date(2026, 9, 26), "sábado 26 de septiembre de 2026", "26 sept 2026",
         "septiembre de 2026"),
    ],
)  # fmt: skip
def test_it_writes_dates_in_spanish_without_the_process_locale(day, long, short, month):
    with dates.written_in("es"):
        assert dates.long_date(day) == long
        assert dates.short_date(day) == short
        assert dates.month_title(day.year, day.month) == month
        assert dates.weekday_headings()[0] == ("lun", "lunes")
    assert dates.long_date(day).split()[0] in dates.ENGLISH.days  # English again afterwards


def test_an_unknown_language_writes_english_dates():
    with dates.written_in("xx"):
        assert dates.long_date(dt.date(2026, 1, 5)) == "Monday 5 January 2026"

import datetime as dt

import pytest

from schedule.public_holidays import holiday_lookup, place_choices, place_name

YEARS = range(2026, 2028)


@pytest.mark.parametrize(
    ("place", "day", "name"),
    [
        ("GB-SCT", "2026-01-02", "New Year Holiday"),
        ("GB-ENG", "2026-01-02", None),  # Scotland only
        ("US-MA", "2026-04-20", "Patriots' Day"),
        ("US-NY", "2026-04-20", None),
        ("CA-QC", "2026-06-24", "Saint John the Baptist Day"),
        ("CA-ON", "2026-06-24", None),
        ("IE", "2026-03-17", "Saint Patrick's Day"),
    ],
)
def test_it_looks_up_holidays_by_country_and_region(place, day, name):
    assert holiday_lookup(place, YEARS)(dt.date.fromisoformat(day)) == name


def test_no_place_means_no_holidays():
    assert holiday_lookup("", YEARS)(dt.date(2026, 12, 25)) is None
    assert holiday_lookup(None, YEARS)(dt.date(2026, 1, 1)) is None


def test_it_offers_regions_where_holidays_differ():
    groups = dict(place_choices())
    assert ("GB-SCT", "Scotland (United Kingdom)") in groups["United Kingdom"]
    assert ("CA-ON", "Ontario (Canada)") in groups["Canada"]
    assert len(groups["United States"]) >= 50
    assert place_name("GB-ENG") == "England"
    with pytest.raises(ValueError):
        place_name("XX-1")

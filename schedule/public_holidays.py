"""Public holidays by country and region, from the maintained `holidays` package (no Django).

A visit on a public holiday is flagged, never moved: the clinic decides. No place, no flags.
Places are keys like "GB-ENG", "US-NY", "CA-ON" or "IE"; the list is fixed here so the form
offers only places whose region rules the package knows.
"""

import datetime as dt
import functools
from collections.abc import Callable

import holidays

from isatuximab_portal.lib.language import current_language, gettext, gettext_noop

# Country code -> (English name, whether to offer its regions: holidays differ by region).
# Country names are translated where shown; region names are too where the catalogue has them
# (REGION_NAMES), else they stay as the package writes them.
COUNTRIES: dict[str, tuple[str, bool]] = {
    "GB": (gettext_noop("United Kingdom"), True),
    "IE": (gettext_noop("Ireland"), False),
    "US": (gettext_noop("United States"), True),
    "CA": (gettext_noop("Canada"), True),
    "AU": (gettext_noop("Australia"), True),
    "NZ": (gettext_noop("New Zealand"), False),
    "DE": (gettext_noop("Germany"), True),
    "FR": (gettext_noop("France"), False),
    "ES": (gettext_noop("Spain"), True),
    # Latin America (issue 25): the package names their holidays in Spanish.
    "MX": (gettext_noop("Mexico"), False),
    "CO": (gettext_noop("Colombia"), False),
    "AR": (gettext_noop("Argentina"), True),
    "CL": (gettext_noop("Chile"), True),
    "PE": (gettext_noop("Peru"), False),
    "IT": (gettext_noop("Italy"), False),
    "NL": (gettext_noop("Netherlands"), False),
    "BE": (gettext_noop("Belgium"), False),
}


# Region names the package writes in English whose Spanish name differs (marked for the
# catalogue; every region name goes through gettext, which leaves the others as they are).
REGION_NAMES = (
    gettext_noop("England"),
    gettext_noop("Scotland"),
    gettext_noop("Wales"),
    gettext_noop("Northern Ireland"),
    gettext_noop("New York"),
    gettext_noop("New Jersey"),
    gettext_noop("New Mexico"),
    gettext_noop("North Carolina"),
    gettext_noop("South Carolina"),
    gettext_noop("North Dakota"),
    gettext_noop("South Dakota"),
    gettext_noop("Pennsylvania"),
    gettext_noop("West Virginia"),
    gettext_noop("District of Columbia"),
    gettext_noop("Puerto Rico"),
)


@functools.cache
def _region_names(country: str) -> dict[str, str]:
    """Region code -> English name (the first alias the package lists for it)."""
    cls = holidays.country_holidays(country).__class__
    names: dict[str, str] = {}
    for alias, code in getattr(cls, "subdivisions_aliases", {}).items():
        names.setdefault(code, alias)
    return {code: names.get(code, code) for code in cls.subdivisions}


def place_choices() -> tuple[tuple[str, tuple[tuple[str, str], ...]], ...]:
    """Grouped choices for a select: (country name, ((key, label), ...)), in the current
    language."""
    return _place_choices(current_language())


@functools.cache
def _place_choices(language: str) -> tuple[tuple[str, tuple[tuple[str, str], ...]], ...]:
    groups = []
    for code, (english, regional) in COUNTRIES.items():
        name = gettext(english)
        if regional:
            regions = _region_names(code)
            options = tuple(
                (f"{code}-{r}", f"{gettext(label)} ({name})") for r, label in regions.items()
            )
            options = tuple(sorted(options, key=lambda option: option[1]))
        else:
            options = ((code, name),)
        groups.append((name, options))
    return tuple(groups)


def place_name(key: str) -> str:
    """'England', 'New York', 'Ireland' for a key from place_choices()."""
    country, _, region = key.partition("-")
    if country not in COUNTRIES:
        raise ValueError("Unknown place.")
    if not region:
        return gettext(COUNTRIES[country][0])
    names = _region_names(country)
    if region not in names:
        raise ValueError("Unknown region.")
    return gettext(names[region])


def holiday_lookup(key: str | None, years: range) -> Callable[[dt.date], str | None]:
    """A function giving the holiday's name for a date, or None; a no-op when key is empty."""
    if not key:
        return lambda day: None
    place_name(key)
    country, _, region = key.partition("-")
    table = holidays.country_holidays(
        country, subdiv=region or None, years=years, language=_holiday_language(country)
    )
    return lambda day: table.get(day)


def _holiday_language(country: str) -> str:
    """The holidays' names in the current language where the package has it, else English."""
    cls = holidays.country_holidays(country).__class__
    language = current_language()
    return language if language in getattr(cls, "supported_languages", ()) else "en_US"

"""Warnings about the days a care team types (pure Python, no Django): shown, never blocking.

FACTS-backbone 6.7: bortezomib needs at least 72 hours between doses. Typed days such as
"1, 2, 3, 8" would give injections on three days running, so the calendar warns on the result
page and the handout (through ``Schedule.notes``) and still shows the days as typed: the team's
plan wins, but a slip in typing should be seen.
"""

import datetime as dt
from itertools import pairwise

from isatuximab_portal.lib.dates import long_date
from isatuximab_portal.lib.language import gettext

MIN_GAPS = {"bortezomib": dt.timedelta(hours=72)}
SHOWN = 3  # pairs named in the warning; the rest are counted


def spacing_warnings(days) -> list[str]:
    """One warning per medicine whose doses are closer than its minimum gap (``days``: the
    schedule's TreatmentDay objects, in date order)."""
    warnings = []
    for key, gap in MIN_GAPS.items():
        dates = [d.date for d in days if any(i.medicine.key == key for i in d.items)]
        close = [(a, b) for a, b in pairwise(dates) if b - a < gap]
        if close:
            warnings.append(_warning(key, close))
    return warnings


def _warning(key: str, close: list[tuple[dt.date, dt.date]]) -> str:
    # Translators: two dates that are too close, "Monday 5 January and Tuesday 6 January 2026".
    pair = gettext("{first} and {second}")
    pairs = "; ".join(
        pair.format(first=long_date(a), second=long_date(b)) for a, b in close[:SHOWN]
    )
    if len(close) > SHOWN:
        pairs += gettext(" and {n} more").format(n=len(close) - SHOWN)
    text = gettext(
        "Check with your team: {medicine} doses need at least 72 hours (3 days) between them, "
        "but these are closer: {pairs}."
    )
    return text.format(medicine=gettext(key), pairs=pairs)

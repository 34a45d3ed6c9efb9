"""A short way to write the days of a cycle: "1-21", "1, 8, 15, 22", "1-14, 22-35" (no Django).

`parse_days` turns the text into sorted, unique day numbers and raises DaySyntaxError with a
plain message for bad syntax, day 0, a day past the end of the cycle, or an empty list.
`format_days` writes days back in the shortest form, so parse(format(days)) == days.
"""

import re

from isatuximab_portal.lib.language import gettext, gettext_noop

NONE_WORDS = frozenset({"none", "no days", "-", "ninguno", "ninguna", "ningún día"})
# A day or a range: "1-21", "1 to 21", and as Spanish writes it, "1 al 21", "del 1 al 21",
# "1 a 21", "de 1 a 21", "1 hasta 21" (issue 25).
_PART = re.compile(
    r"(?:(?:del|de|from|d[ií]as?|days?)\s+)?(\d{1,3})"
    r"(?:\s*(?:-|\u2013|\u2014|to|through|al|a|hasta)\s*(\d{1,3}))?"
)
EXAMPLE = gettext_noop("Type days like 1-21 or 1, 8, 15, 22.")


class DaySyntaxError(ValueError):
    """The text cannot be read as cycle days; the message says what to change."""


def parse_days(text: str, cycle_length: int, allow_none: bool = False) -> tuple[int, ...]:
    """Days 1..cycle_length from `text`; 'none' gives () only when `allow_none`."""
    cleaned = (text or "").strip().lower()
    if allow_none and cleaned in NONE_WORDS:
        return ()
    if not cleaned:
        empty = gettext("Enter at least one day.")
        raise DaySyntaxError(f"{empty} {gettext(EXAMPLE)}")
    days: set[int] = set()
    for part in re.split(r"\s*[,;]\s*|\s+(?:and|y)\s+", cleaned):
        days.update(_part_days(part, cycle_length))
    return tuple(sorted(days))


def _part_days(part: str, cycle_length: int) -> range:
    if not part:
        empty = gettext("There is an empty place between two commas.")
        raise DaySyntaxError(f"{empty} {gettext(EXAMPLE)}")
    match = _PART.fullmatch(part)
    if not match:
        text = gettext("“{text}” is not a day or a range of days.").format(text=part[:20])
        raise DaySyntaxError(f"{text} {gettext(EXAMPLE)}")
    first = int(match[1])
    last = int(match[2]) if match[2] else first
    if first == 0 or last == 0:
        raise DaySyntaxError(gettext("Days are counted from 1. There is no day 0."))
    if last < first:
        text = gettext("In {first}-{last} the first day must come first: {last}-{first}.")
        raise DaySyntaxError(text.format(first=first, last=last))
    if last > cycle_length:
        text = gettext("Day {day} is past the end of the cycle. These cycles have {length} days.")
        raise DaySyntaxError(text.format(day=last, length=cycle_length))
    return range(first, last + 1)


def format_days(days: tuple[int, ...], dash: str = "-") -> str:
    """(1, 2, 3, 8) -> '1-3, 8'. Runs of 3 or more days become ranges."""
    parts: list[str] = []
    run: list[int] = []
    for day in sorted(set(days)):
        if run and day != run[-1] + 1:
            parts.append(_run_text(run, dash))
            run = []
        run.append(day)
    if run:
        parts.append(_run_text(run, dash))
    return ", ".join(parts)


def _run_text(run: list[int], dash: str) -> str:
    if len(run) >= 3:
        return f"{run[0]}{dash}{run[-1]}"
    return ", ".join(str(day) for day in run)


def days_in_words(days: tuple[int, ...]) -> str:
    """'days 1 to 21', 'days 1, 8, 15 and 22', 'day 1' for legends read by people."""
    # Translators: between the first and last day of a range, "1 to 21"; keep the spaces.
    text = format_days(days, dash=gettext(" to "))
    if len(days) == 1:
        return gettext("day {day}").format(day=text)
    head, _, tail = text.rpartition(", ")
    if head:
        return gettext("days {head} and {tail}").format(head=head, tail=tail)
    # Translators: {days} is a range, like "1 to 21".
    return gettext("days {days}").format(days=text)

"""The one way content text is filled in for any output (pure Python, no Django).

Page bodies, checklist items and red flags may hold tokens for the site's settings:
``{fever}`` (the fever threshold in °C and °F), ``{emergency_number}`` and ``{phone_24h}``.
Every output (web page, booklet, search snippet, offline copy, calendar, handout, .ics)
fills them through ``fill``; a token left unreplaced raises ``UnreplacedToken``, so a build
never prints "{fever}" to a patient.
"""

import re
from decimal import Decimal

from .fever import DEFAULT_FEVER_C, fever_text

TOKEN = re.compile(r"\{[A-Za-z_][\w ]{0,40}\}")


class UnreplacedToken(ValueError):
    """A ``{…}`` token would reach a patient: the text or the settings need fixing."""


def site_values(
    fever_c: Decimal = DEFAULT_FEVER_C, emergency_number: str = "", phone_24h: str = ""
) -> dict[str, str]:
    """The value of every token, from the site's settings (the caller words the fallbacks for
    empty numbers in the reader's language)."""
    return {
        "fever": fever_text(fever_c),
        "emergency_number": emergency_number,
        "phone_24h": phone_24h,
    }


def fill(text: str, values: dict[str, str] | None = None) -> str:
    """``text`` with every known token replaced; raises UnreplacedToken for any other.

    >>> fill("Call at {fever}.").replace("\\u00a0", " ")
    'Call at 38 °C (100.4 °F).'
    >>> fill("Call at {fevr}.")
    Traceback (most recent call last):
    ...
    education.text.site_text.UnreplacedToken: unreplaced token {fevr} in: Call at {fevr}.
    """
    values = site_values() if values is None else values
    for name, value in values.items():
        text = text.replace("{" + name + "}", value)
    check_filled(text)
    return text


def check_filled(text: str) -> str:
    """Raise UnreplacedToken when ``text`` still holds a ``{…}`` token."""
    leftover = TOKEN.search(text)
    if leftover:
        raise UnreplacedToken(f"unreplaced token {leftover.group(0)} in: {text[:200]}")
    return text

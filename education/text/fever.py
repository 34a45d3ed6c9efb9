"""The fever threshold in both units, and the token editors use for it (pure Python, no Django).

FACTS-partner-drugs P5 (and FACTS 15b): 38 °C (100.4 °F) is common advice (CDC, Cancer
Research UK, Blood Cancer UK), but some hospitals use 37.5 °C, so each site sets its own
threshold in the admin. Every temperature the site shows is given in both units.

Editors write ``{fever}`` in a page body or checklist item; it is replaced by the site's
threshold, e.g. ``38 °C (100.4 °F)``.
"""

from decimal import ROUND_HALF_UP, Decimal

from isatuximab_portal.lib.number_format import format_number

FEVER_TOKEN = "{fever}"
DEFAULT_FEVER_C = Decimal("38.0")
MIN_FEVER_C = Decimal("37.0")
MAX_FEVER_C = Decimal("39.0")
# Non-breaking spaces keep a number and its unit on one line.
NBSP = "\u00a0"


def degrees(value: Decimal) -> str:
    """One decimal place, without a trailing '.0' (how people write temperatures), with the
    current language's decimal mark ("100,4" in Spanish).

    >>> degrees(Decimal("38.0")), degrees(Decimal("100.40"))
    ('38', '100.4')
    """
    return format_number(value, places=1)


def to_fahrenheit(celsius: Decimal) -> Decimal:
    """Degrees Fahrenheit to 0.1, rounding half up.

    >>> to_fahrenheit(Decimal("38")), to_fahrenheit(Decimal("37.5"))
    (Decimal('100.4'), Decimal('99.5'))
    """
    return (Decimal(celsius) * 9 / 5 + 32).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def fever_text(celsius: Decimal = DEFAULT_FEVER_C) -> str:
    """The threshold in both units, with non-breaking spaces.

    >>> fever_text(Decimal("38.0")).replace(NBSP, " ")
    '38 °C (100.4 °F)'
    """
    celsius = Decimal(celsius)
    return f"{degrees(celsius)}{NBSP}°C ({degrees(to_fahrenheit(celsius))}{NBSP}°F)"


def replace_fever_token(text: str, celsius: Decimal = DEFAULT_FEVER_C) -> str:
    """Put the threshold in place of every ``{fever}`` token."""
    if FEVER_TOKEN not in text:
        return text
    return text.replace(FEVER_TOKEN, fever_text(celsius))

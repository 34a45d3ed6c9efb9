"""Every number a person reads (dose, volume, weight, temperature, size), written the way the
current language writes it (pure Python, no Django).

English keeps the style the site always had: a point for decimals and a comma for thousands
("1,125 mg", "112.5 kg"). Spanish uses a decimal comma and NO thousands separator: "1125 mg",
"112,5 kg". A Spanish reader takes "1,125 mg" for about one milligram and "1.125 mg" is just as
easy to misread, and the RAE/ISO rule writes four-digit numbers without a separator anyway;
for doses the safe choice is none at any length. The language is the one set by
``language.speaking`` (English outside it), so every renderer that runs inside a request
(page, handout, card, PNG, ``.ics``, diary, messages) writes the same way.
"""

from decimal import ROUND_HALF_UP, Decimal

from .language import current_language

# Decimal mark and thousands separator for each language ("" = none).
STYLES = {"en": (".", ","), "es": (",", "")}


def format_number(value, places: int | None = None, language: str | None = None) -> str:
    """``value`` for people: no trailing zeros, rounded to ``places`` decimals if given.

    >>> format_number(Decimal("1125")), format_number(Decimal("112.50"))
    ('1,125', '112.5')
    >>> format_number(Decimal("1125"), language="es")
    '1125'
    >>> format_number(Decimal("112.50"), language="es")
    '112,5'
    >>> format_number(Decimal("100.40"), places=1, language="es"), format_number(38, places=1)
    ('100,4', '38')
    >>> format_number(Decimal("1234567.25"), language="es")
    '1234567,25'
    """
    number = Decimal(str(value))
    if places is not None:
        number = number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    text = f"{number.normalize():,f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    point, thousands = STYLES.get(language or current_language(), STYLES["en"])
    whole, _, fraction = text.partition(".")
    whole = whole.replace(",", thousands)
    return f"{whole}{point}{fraction}" if fraction else whole


def decimal_mark(language: str | None = None) -> str:
    """The decimal mark of ``language`` (the current one by default), for examples in hints.

    >>> decimal_mark(), decimal_mark("es")
    ('.', ',')
    """
    return STYLES.get(language or current_language(), STYLES["en"])[0]

""" "When to get help" as a boxed ReportLab block, for every PDF made with ReportLab.

The calendar handout and the symptom diary print the red flags through this one function, so
they give the same tier headings, the same order and the same numbers. The signs themselves
come, as plain (tier, text) pairs, from the one governed source (``education.red_flags``, read
by the views); this module keeps no list of its own and knows nothing of Django models.
"""

from collections.abc import Iterable

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, Table, TableStyle

from .addressing import call_whom
from .fonts import paragraph as para
from .language import gettext

# The red-flag tiers, most urgent first (education's RedFlag.Tier values, as plain data).
TIERS = ("emergency", "call_now", "next_visit")


def help_box(
    red_flags: Iterable[tuple[str, str]],
    styles: dict[str, ParagraphStyle],
    width: float,
    clinic_name: str = "",
    phone: str = "",
    emergency_number: str = "",
    closing: Iterable[str] = (),
) -> Table:
    """The three tiers, each heading with whom to call, then its signs; ``closing`` sentences
    follow. ``styles`` needs "h2", "bold" and "body"."""
    pairs = tuple(red_flags)
    clinic = call_whom(clinic_name or gettext("your care team"))
    phone = phone or gettext("the 24-hour number your care team gave you")
    emergency = call_whom(
        emergency_number
        or gettext("your emergency number (999 in the UK, 112 in the EU, 911 in the US)")
    )
    signs = {tier: [text for t, text in pairs if t == tier] for tier in TIERS}
    lines = [
        para(gettext("When to get help"), styles["h2"]),
        para(gettext("Emergency: call {emergency} now if you have:").format(emergency=emergency),
             styles["bold"]),
        *_bullets(signs["emergency"], styles),
        para(gettext("Urgent, day or night: call {clinic} on {phone} straight away if you "
                     "have:").format(clinic=clinic, phone=phone), styles["bold"]),
        *_bullets(signs["call_now"], styles),
        para(gettext("Not urgent: tell your team at your next visit about:"), styles["bold"]),
        *_bullets(signs["next_visit"], styles),
        *(para(sentence, styles["body"]) for sentence in closing),
    ]  # fmt: skip
    box = Table([[lines]], colWidths=[width])
    box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 2, colors.black),
                             ("LEFTPADDING", (0, 0), (-1, -1), 8)]))  # fmt: skip
    return box


def _bullets(texts: list[str], styles) -> list[Paragraph]:
    return [para(f"\u2022 {text}", styles["body"]) for text in texts]

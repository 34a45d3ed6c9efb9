"""Every self-check question sends the reader back to a section the page really has.

An editor who rewords a heading changes its id ('What if I have a reaction?' ->
'what-if-i-have-a-reaction'), and a question that linked to the old id would send a reader
nowhere. The page form refuses such a save (the question's "section to re-read" gets the
message, with the page's sections listed), and approval refuses a draft whose questions point
at a section its body no longer has, so a broken link cannot reach the public by either door.

The get-help page shows under the red-flag tiers, so its questions may also link to a tier:
'emergency', 'call-now' or 'next-visit' (the ids includes/help_block.html gives them).
"""

from collections.abc import Iterable

from ..models import GET_HELP_SLUG, HelpSettings
from ..text.rendering import page_html
from .headings import heading_ids

TIER_IDS = ("emergency", "call-now", "next-visit")


def section_ids(slug: str, body: str, help_settings: HelpSettings | None = None) -> list[str]:
    """The ids a question on page ``slug`` with Markdown ``body`` may link to, in page order.
    Headings are rendered as the public sees them (the fever setting filled in)."""
    html = page_html(body, [], (help_settings or HelpSettings.load()).token_values())
    tiers = list(TIER_IDS) if slug == GET_HELP_SLUG else []
    return tiers + heading_ids(html)


def missing_anchors(slug: str, body: str, anchors: Iterable[str]) -> list[str]:
    """The anchors (in the order given, once each) that are not a section of the page."""
    sections = set(section_ids(slug, body))
    return list(dict.fromkeys(a for a in anchors if a not in sections))


def anchor_message(anchor: str, sections: list[str]) -> str:
    return (
        f"This page has no section “{anchor}” (was its heading reworded?). "
        f"Choose one of: {', '.join(sections) or 'none: give the page a ## heading first'}."
    )

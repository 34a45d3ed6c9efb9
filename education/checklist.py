"""The public checklist, grouped under its headings, with glossary words explained.

The instruction and its reason are plain text typed in the admin: they are escaped here, their
tokens ({fever}, the numbers) are filled by ``site_text.fill``, and glossary terms in the reasons
are marked once on the whole checklist. The tick-box labels are left unmarked, so a tap on a
label always ticks its box. The signs under "Call your team straight away" are not items: they
are the governed red flags (education.red_flags), shown there by the template.

The item about carrying the alert card is found by its words (in any site language) and gets
a link to the card maker and the card picture, so the patient can act on it at once.
"""

import html
from dataclasses import dataclass

from django.utils.safestring import SafeString, mark_safe

from .models import ChecklistItem
from .text.rendering import Term, link_glossary
from .text.site_text import fill

# Words that mark the "carry your alert card" item, lower case, in each site language.
ALERT_CARD_WORDS = ("alert card", "tarjeta de alerta")


def is_about_alert_card(text: str) -> bool:
    """True for an item about the alert card.

    >>> is_about_alert_card("Carry your alert card"), is_about_alert_card("Go to every visit")
    (True, False)
    """
    lowered = text.lower()
    return any(words in lowered for words in ALERT_CARD_WORDS)


@dataclass(frozen=True)
class Entry:
    item: ChecklistItem
    text: str
    why_html: SafeString
    alert_card: bool = False


@dataclass(frozen=True)
class Group:
    key: str
    heading: str
    entries: tuple[Entry, ...]


def grouped_checklist(
    items: list[ChecklistItem], terms: list[Term], values: dict[str, str]
) -> list[Group]:
    """Items under their headings, in heading order; headings with no items are left out."""
    used: set[str] = set()
    groups = []
    for key, heading in ChecklistItem.Group.choices:
        entries = tuple(_entry(item, terms, values, used) for item in items if item.group == key)
        if entries:
            groups.append(Group(key=key, heading=heading, entries=entries))
    return groups


def _entry(item: ChecklistItem, terms: list[Term], values: dict, used: set[str]) -> Entry:
    text = fill(item.text, values)
    why = html.escape(fill(item.why, values), quote=False)
    why_html = link_glossary(why, terms, used)
    return Entry(
        item=item,
        text=text,
        why_html=mark_safe(why_html),  # escaped above
        alert_card=is_about_alert_card(text),
    )

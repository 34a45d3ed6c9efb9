"""How the treatment calendar names each medicine: the legend, a day's items, and the notes on
the other medicines (where their days come from, the clinic-day dexamethasone).

Part of the calendar's wording (`wording.py`, which re-exports the names its callers use) and
written the same way: whole sentences with placeholders, each translated as one string, in the
current language (see ``language.py``). No backbone dose is ever written.
"""

import functools
from dataclasses import dataclass

from isatuximab_portal.lib.language import current_language, gettext, gettext_noop

from .backbone import AT_CLINIC_DAYS, CLINIC, EDITED_NOTE, TEAM_NOTE, TRIAL_NOTE, Medicine
from .day_syntax import days_in_words
from .plan import Item, Schedule

NO_EXTRA_DEX = gettext_noop(
    "On a clinic day, the dexamethasone you get before the infusion is that day's dose. Do not "
    "take an extra dexamethasone tablet at home that day unless your team tells you to."
)


@dataclass(frozen=True)
class LegendEntry:
    symbol: str
    label: str
    name: str
    text: str


# The premedication dexamethasone is the day's regimen dose only for Isa-Pd and Isa-Kd (label);
# for Isa-VRd that rule is UNCONFIRMED (FACTS-backbone 0, 9.4), so the sentence is not shown.
NO_EXTRA_DEX_REGIMENS = ("isa-pd", "isa-kd")


def dexamethasone_note(schedule: Schedule) -> str | None:
    """NO_EXTRA_DEX (translated) where the label confirms it and dexamethasone is on the
    calendar."""
    shown = any(m.key == "dexamethasone" for m in schedule.medicines)
    confirmed = shown and schedule.regimen.slug in NO_EXTRA_DEX_REGIMENS
    return gettext(NO_EXTRA_DEX) if confirmed else None


def how_and_where(medicine: Medicine) -> str:
    """'pomalidomide capsule at home', 'dexamethasone at the clinic on clinic days, ...'."""
    name, how = medicine.local_name, medicine.local_how
    if medicine.where == AT_CLINIC_DAYS:
        return gettext(
            "{name} at the clinic on clinic days and as a {how} at home on the other days"
        ).format(name=name, how=how)
    if medicine.where == CLINIC:
        # Translators: "pomalidomide capsule at the clinic": {how} is capsule, tablet, drip...
        return gettext("{name} {how} at the clinic").format(name=name, how=how)
    # Translators: "pomalidomide capsule at home": {how} is capsule, tablet, drip (IV)...
    return gettext("{name} {how} at home").format(name=name, how=how)


def medicine_days_text(medicine: Medicine, schedule: Schedule) -> str:
    """'days 1 to 21 of every cycle', 'days 1, 8, 15 and 22 in cycle 1; days 1 and 15 from
    cycle 2 onwards' (isatuximab days come from the regimen's phases)."""
    if medicine.rules:
        raw = [(r.first_cycle, r.last_cycle, r.days) for r in medicine.rules]
    else:
        raw = [(p.first_cycle, p.last_cycle, p.infusion_days) for p in schedule.regimen.phases]
    rules: list[tuple[int, int | None, tuple[int, ...]]] = []
    for first, last, days in raw:
        if days and rules and rules[-1][2] == days and rules[-1][1] == first - 1:
            rules[-1] = (rules[-1][0], last, days)  # the same days in the next cycles: one entry
        elif days:
            rules.append((first, last, days))
    if len(rules) == 1 and rules[0][0] == 1 and rules[0][1] is None:
        # Translators: {days} is like "days 1 to 21" or "days 1, 8, 15 and 22".
        return gettext("{days} of every cycle").format(days=days_in_words(rules[0][2]))
    parts = []
    for first, last, days in rules:
        if last is None:
            text = gettext("{days} from cycle {first} on")
        elif first == last:
            text = gettext("{days} in cycle {first}")
        else:
            text = gettext("{days} in cycles {first} to {last}")
        parts.append(text.format(days=days_in_words(days), first=first, last=last))
    return "; ".join(parts)


def legend(schedule: Schedule) -> list[LegendEntry]:
    """Every medicine with how and where it is taken: 'pomalidomide capsule at home, days 1 to
    21 of every cycle'."""
    return [
        LegendEntry(
            m.symbol,
            m.label,
            m.local_name,
            # Translators: "pomalidomide capsule at home, days 1 to 21 of every cycle".
            gettext("{how_and_where}, {days}").format(
                how_and_where=how_and_where(m), days=medicine_days_text(m, schedule)
            ),
        )
        for m in schedule.medicines
    ]


def source_note(schedule: Schedule) -> str | None:
    """Where the other medicines' days come from, when that needs saying."""
    note = {"trial": TRIAL_NOTE, "team": TEAM_NOTE, "edited": EDITED_NOTE}.get(schedule.status)
    return gettext(note) if note else None


def item_text(item: Item) -> str:
    """'isatuximab drip (IV), infusion 3', 'pomalidomide capsule', 'dexamethasone'."""
    medicine = item.medicine
    name, how = medicine.local_name, medicine.local_how
    if item.infusion_number is not None:
        # Translators: "isatuximab drip (IV), infusion 3".
        text = gettext("{name} {how}, infusion {number}")
        return text.format(name=name, how=how, number=item.infusion_number)
    if medicine.where == AT_CLINIC_DAYS:
        # Translators: "dexamethasone tablet", taken at home.
        return name if item.where == CLINIC else gettext("{name} tablet").format(name=name)
    # Translators: "pomalidomide capsule"; {how} is capsule, tablet, drip (IV)...
    return gettext("{name} {how}").format(name=name, how=how)


def items_text(items: tuple[Item, ...]) -> str:
    return _items_text(items, current_language())


@functools.lru_cache(maxsize=512)
def _items_text(items: tuple[Item, ...], language: str) -> str:
    return "; ".join(item_text(item) for item in items)

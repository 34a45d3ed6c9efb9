"""The red flags as every output prints them, and the site's values for content tokens.

``red_flags`` is the single reader of ``RedFlag``: /get-help/ and the help block, the checklist,
the booklet, the diary and (through the schedule views, which pass plain data to the pure
renderers) the calendar page, handout and .ics all call it. ``fill_content`` is the single way
page bodies, checklist items and red flags get the site's fever number and phone numbers.
"""

from dataclasses import dataclass

from .models import HelpSettings
from .models.red_flags import RedFlag
from .text.site_text import fill
from .translations import localised

TIERS = tuple(RedFlag.Tier.values)  # most urgent first


@dataclass(frozen=True)
class Flag:
    tier: str
    text: str


def content_values(help_settings: HelpSettings | None = None) -> dict[str, str]:
    """The token values from the approved help settings, in the active language."""
    return (help_settings or HelpSettings.load()).token_values()


def fill_content(text: str, help_settings: HelpSettings | None = None) -> str:
    """``text`` with the site's values in; raises UnreplacedToken for an unknown token."""
    return fill(text, content_values(help_settings))


def red_flags(
    language: str, regimen: str | None = None, help_settings: HelpSettings | None = None
) -> tuple[Flag, ...]:
    """The published red flags in ``language`` (English where not translated yet), for one
    regimen key or, with ``None``, for every regimen; most urgent tier first."""
    values = content_values(help_settings)
    if RedFlag.objects.exists():
        rows = localised(RedFlag.objects.all(), language, key=lambda f: (f.order, f.pk))
    else:  # a new database before load_initial_content: the shipped file, never an empty list
        rows = _shipped(language)
    rows = [row for row in rows if row.applies_to(regimen)]
    rows.sort(key=lambda f: (TIERS.index(f.tier), f.order, f.pk))
    return tuple(Flag(row.tier, fill(row.text, values)) for row in rows)


def by_tier(flags: tuple[Flag, ...]) -> dict[str, list[str]]:
    """{tier: [sign, ...]} for every tier, most urgent first (empty lists kept)."""
    grouped: dict[str, list[str]] = {tier: [] for tier in TIERS}
    for flag in flags:
        grouped[flag.tier].append(flag.text)
    return grouped


def as_data(flags: tuple[Flag, ...]) -> tuple[tuple[str, str], ...]:
    """Plain (tier, text) pairs for the schedule's pure renderers."""
    return tuple((flag.tier, flag.text) for flag in flags)


def preview_help(draft: RedFlag) -> dict:
    """The get-help page's context with ``draft`` in place of its published version (the
    admin's preview of a red-flag revision)."""
    hs = HelpSettings.load()
    values = content_values(hs)
    rows = [f for f in RedFlag.objects.published().for_language(draft.language) if f.pk != draft.pk]
    rows = [*rows, draft] if draft.published else rows
    rows.sort(key=lambda f: (TIERS.index(f.tier), f.order, f.pk))
    flags = tuple(Flag(row.tier, fill(row.text, values)) for row in rows)
    return {"help_settings": hs, "red_flag_tiers": by_tier(flags)}


def _shipped(language: str) -> list[RedFlag]:
    """The shipped red flags (unsaved rows) in ``language``, English where it has none."""
    from .content_loader import CONTENT_DIR, shipped_red_flags  # the loader imports governance

    folder = CONTENT_DIR / language if language != "en" else CONTENT_DIR
    values = shipped_red_flags(folder) or shipped_red_flags(CONTENT_DIR)
    return [RedFlag(pk=v["order"], **v) for v in values if v["published"]]

"""Calendars that never mislead: the sentences every output uses when the other medicines'
days are left off the calendar (no Django; the form's part is in coverage_form.py).

IMROZ (Isa-VRd without a transplant) day lists are UNCONFIRMED (FACTS-backbone 3), so nothing
is prefilled (backbone status "team"). A calendar showing only isatuximab would look complete
and say "nothing at home" on days the patient takes lenalidomide or dexamethasone. So the care
team either types the days or ticks "the other medicines are not on this calendar"; the page,
handout and .ics then carry OTHERS_NOT_SHOWN and never say a day holds nothing.
"""

from isatuximab_portal.lib.language import gettext, gettext_noop

from .plan import Schedule

OTHERS_NOT_SHOWN = gettext_noop(
    "Your other medicines are NOT shown here. Ask your care team which days to take them."
)
OTHERS_NOT_SHOWN_CELL = gettext_noop("Other medicines not shown")


def others_banner(schedule: Schedule) -> str | None:
    """OTHERS_NOT_SHOWN in the current language when the calendar leaves medicines off."""
    return gettext(OTHERS_NOT_SHOWN) if schedule.others_missing else None

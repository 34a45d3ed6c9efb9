"""Calendars that never mislead: what the form asks when the other medicines' days are not
prefilled, and the sentences every output uses when they are left off.

IMROZ (Isa-VRd without a transplant) day lists are UNCONFIRMED (FACTS-backbone 3), so nothing
is prefilled (backbone status "team"). A calendar showing only isatuximab would look complete
and say "nothing at home" on days the patient takes lenalidomide or dexamethasone. So the care
team either types the days or ticks OTHERS_OFF; the page, handout and .ics then carry
OTHERS_NOT_SHOWN and never say a day holds nothing. The large-print handout choice lives here
too (a handout option added with this work).
"""

from django import forms
from django.utils.translation import gettext, gettext_lazy, gettext_noop

from .backbone import BACKBONES
from .regimens import REGIMENS

OTHERS_OFF = "others_off"
LARGE_PRINT = "large_print"

OTHERS_NOT_SHOWN = gettext_noop(
    "Your other medicines are NOT shown here. Ask your care team which days to take them."
)
OTHERS_NOT_SHOWN_CELL = gettext_noop("Other medicines not shown")
NEEDS_DAYS = gettext_noop(
    "The days of the other medicines are empty. Type them in the boxes for {regimen} under "
    "“For your care team”, or tick this box to print a calendar that says they are not shown."
)


def coverage_fields() -> dict[str, forms.Field]:
    return {
        OTHERS_OFF: forms.BooleanField(
            label=gettext_lazy("The other medicines are not on this calendar"),
            required=False,
            help_text=gettext_lazy(
                "For Isa-VRd without a transplant the other medicines' days are not filled in. "
                "Type them below, or tick this box: the calendar then says clearly that they "
                "are not shown."
            ),
        ),
        LARGE_PRINT: forms.BooleanField(
            label=gettext_lazy("Large print handout (bigger text in the calendar)"),
            required=False,
        ),
    }


def check_others(form, slug: str | None) -> bool:
    """True when the other medicines are left off the calendar on purpose. Adds a message by
    the tick box when a regimen's other days are empty and it is not ticked."""
    if not slug or slug not in BACKBONES or BACKBONES[slug].status != "team":
        return False
    ticked = bool(form.cleaned_data.get(OTHERS_OFF))
    if form.blank_days and not ticked:
        name = REGIMENS[slug].local_name
        form.add_error(OTHERS_OFF, gettext(NEEDS_DAYS).format(regimen=name))
        return False
    return bool(form.blank_days)


def others_banner(schedule) -> str | None:
    """OTHERS_NOT_SHOWN in the current language when the calendar leaves medicines off."""
    return gettext(OTHERS_NOT_SHOWN) if schedule.others_missing else None

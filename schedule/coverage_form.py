"""The calendar form's part of "calendars that never mislead" (see coverage.py): the tick box
"the other medicines are not on this calendar", the check that refuses a calendar whose other
medicines' days are empty and not ticked, and the large-print handout choice."""

from django import forms
from django.utils.translation import gettext, gettext_lazy, gettext_noop

from .backbone import BACKBONES
from .regimens import REGIMENS

OTHERS_OFF = "others_off"
LARGE_PRINT = "large_print"

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

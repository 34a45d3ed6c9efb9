"""The diary's print choices. Nothing personal is asked, so the form is a plain GET form."""

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from isatuximab_portal.lib.fields import paper_field

from .wording import DEFAULT_WEEKS, MAX_WEEKS

TYPE_WEEKS = format_lazy(
    _("Type a whole number of weeks from 1 to {most}, like 4."), most=MAX_WEEKS
)


class DiaryForm(forms.Form):
    paper = paper_field(_("Paper size"))
    weeks = forms.IntegerField(
        label=_("Number of weeks"),
        min_value=1,
        max_value=MAX_WEEKS,
        initial=DEFAULT_WEEKS,
        required=False,
        help_text=format_lazy(_("One page for each week, from 1 to {most}."), most=MAX_WEEKS),
        error_messages={
            "invalid": TYPE_WEEKS,
            "min_value": TYPE_WEEKS,
            "max_value": format_lazy(
                _("The most you can print at once is {most} weeks."), most=MAX_WEEKS
            ),
        },
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "class": "input-short"}),
    )

    def clean_paper(self) -> str:
        return self.cleaned_data.get("paper") or "a4"

    def clean_weeks(self) -> int:
        weeks = self.cleaned_data.get("weeks")
        return DEFAULT_WEEKS if weeks is None else weeks

"""The diary's print choices. Nothing personal is asked, so the form is a plain GET form."""

from django import forms

from schedule.forms import LinkableRadioSelect

from .diary import DEFAULT_WEEKS, MAX_WEEKS

PAPER_CHOICES = [("a4", "A4 (most countries)"), ("letter", "US Letter (USA and Canada)")]


class DiaryForm(forms.Form):
    paper = forms.ChoiceField(
        label="Paper size",
        choices=PAPER_CHOICES,
        initial="a4",
        required=False,
        widget=LinkableRadioSelect,
        error_messages={"invalid_choice": "Choose A4 or US Letter."},
    )
    weeks = forms.IntegerField(
        label="Number of weeks",
        min_value=1,
        max_value=MAX_WEEKS,
        initial=DEFAULT_WEEKS,
        required=False,
        help_text=f"One page for each week, from 1 to {MAX_WEEKS}.",
        error_messages={
            "invalid": f"Type a whole number of weeks from 1 to {MAX_WEEKS}, like 4.",
            "min_value": f"Type a whole number of weeks from 1 to {MAX_WEEKS}, like 4.",
            "max_value": f"The most you can print at once is {MAX_WEEKS} weeks.",
        },
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "class": "input-short"}),
    )

    def clean_paper(self) -> str:
        return self.cleaned_data.get("paper") or "a4"

    def clean_weeks(self) -> int:
        weeks = self.cleaned_data.get("weeks")
        return DEFAULT_WEEKS if weeks is None else weeks

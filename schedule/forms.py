"""The treatment calendar form: forgiving typing, clear messages, and no stored values."""

import datetime as dt
import re
from decimal import Decimal

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Field, Fieldset, Layout
from django import forms

from .fields import (
    DATE_HINT,
    DEFAULT_PAPER,
    IsoDateField,
    LinkableRadioSelect,
    check_treatment_date,
    paper_field,
)
from .plan import MAX_DELAY_DAYS, Delay, Plan, PlanError, build_plan
from .regimens import REGIMENS

MAX_CYCLE = 999

_NUMBER = re.compile(r"\d{1,6}(?:\.\d{0,3}|,\d{1,2})?")  # "1,200" is not a decimal
_TYPED_UNIT = re.compile(
    r"(?P<number>.*?)\s*(?P<unit>kgs?|kilos?|kilograms?|lbs?|pounds?)?\.?", re.IGNORECASE
)


def _regimen_choices() -> list[tuple[str, str]]:
    choices = [("", "Choose a treatment")]
    for regimen in REGIMENS.values():
        label = f"{regimen.name}: {regimen.who_for} (approved in {regimen.approved_text})"
        choices.append((regimen.slug, label))
    return choices


class WeightField(forms.CharField):
    """A weight typed as "70", "70.5", "70,5" or "70 kg"; cleans to (Decimal, typed unit)."""

    def to_python(self, value):
        text = super().to_python(value)
        if text in self.empty_values:
            return None
        match = _TYPED_UNIT.fullmatch(text)
        number = match["number"] if match else text
        typed = (match["unit"] or "").lower()[:1] if match else ""
        if number.startswith("-"):
            raise forms.ValidationError("The weight must be a number above 0, like 70.")
        if not _NUMBER.fullmatch(number):
            raise forms.ValidationError("Enter the weight as a number, like 70 or 70.5.")
        unit = {"k": "kg", "l": "lb", "p": "lb"}.get(typed)
        return Decimal(number.replace(",", ".")), unit


def _cycle_field(label: str, help_text: str, maximum: int = MAX_CYCLE) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=1,
        max_value=maximum,
        help_text=help_text,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        error_messages={
            "invalid": "Enter a whole number, like 4.",
            "min_value": "Enter a number of 1 or more.",
            "max_value": f"Enter a number of {maximum} or less.",
        },
    )


class CalendarForm(forms.Form):
    regimen = forms.ChoiceField(
        label="Your treatment",
        choices=_regimen_choices,
        help_text="Your care team can tell you which one you have. Only the drip (IV) form "
        "is listed.",
        error_messages={
            "required": "Choose your treatment from the list.",
            "invalid_choice": "Choose one of the treatments in the list.",
        },
    )
    weight = WeightField(
        label="Your weight",
        help_text="A number, like 70 or 70.5. Used only to estimate the dose.",
        widget=forms.TextInput(attrs={"inputmode": "decimal", "spellcheck": "false"}),
        error_messages={"required": "Enter your weight, like 70 or 70.5."},
    )
    weight_unit = forms.ChoiceField(
        label="Weight unit",
        choices=[("kg", "Kilograms (kg)"), ("lb", "Pounds (lb)")],
        initial="kg",
        widget=LinkableRadioSelect,
        help_text="Choose the unit your weight is in.",
        error_messages={
            "required": "Choose kilograms (kg) or pounds (lb).",
            "invalid_choice": "Choose kilograms (kg) or pounds (lb).",
        },
    )
    start_date = IsoDateField(
        label="Date of your first infusion (cycle 1, day 1)",
        help_text="The day your treatment started or will start. Type it as YYYY-MM-DD "
        "if you have no date picker.",
        error_messages={"required": "Enter the date of your first infusion. " + DATE_HINT},
    )
    first_cycle = _cycle_field(
        "First cycle to show", "Leave empty to start from the cycle you are in now."
    )
    last_cycle = _cycle_field(
        "Last cycle to show", "Leave empty to show about 6 months. At most 2 years."
    )
    delay_from = _cycle_field(
        "Number of the infusion that was delayed",
        "Optional. Infusion numbers count from your very first infusion.",
    )
    delay_days = _cycle_field(
        "How many days later it was given",
        f"Optional. From 1 to {MAX_DELAY_DAYS} days.",
        maximum=MAX_DELAY_DAYS,
    )
    paper = paper_field("Paper size for the PDF", "Only matters if you download the PDF.")

    def __init__(self, *args, today: dt.date, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.today = today
        self.plan: Plan | None = None
        for field in self.fields.values():
            field.widget.attrs["autocomplete"] = "off"
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout(
            "regimen",
            Field("weight", css_class="input-short"),
            "weight_unit",
            Field("start_date", css_class="input-date"),
            Fieldset(
                "Which cycles to show (optional)",
                Field("first_cycle", css_class="input-short"),
                Field("last_cycle", css_class="input-short"),
            ),
            Fieldset(
                "If a dose was delayed (optional)",
                Field("delay_from", css_class="input-short"),
                Field("delay_days", css_class="input-short"),
            ),
            "paper",
        )

    def clean_start_date(self) -> dt.date:
        return check_treatment_date(self.cleaned_data["start_date"], self.today)

    def clean_paper(self) -> str:
        return self.cleaned_data.get("paper") or DEFAULT_PAPER

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        weight, typed_unit = data["weight"]
        unit = data["weight_unit"]
        if typed_unit and typed_unit != unit:
            self.add_error(
                "weight",
                f"You typed {typed_unit} but chose {unit} below. Remove the unit from the "
                "box or choose the matching unit.",
            )
            return data
        delay = self._delay(data)
        if self.errors:
            return data
        try:
            self.plan = build_plan(
                data["regimen"], data["start_date"], weight, unit, self.today,
                data["first_cycle"], data["last_cycle"], delay,
            )  # fmt: skip
        except PlanError as error:
            self.add_error(error.field if error.field in self.fields else None, str(error))
        return data

    def _delay(self, data) -> Delay | None:
        number, days = data.get("delay_from"), data.get("delay_days")
        if number is None and days is None:
            return None
        if number is None:
            self.add_error("delay_from", "Enter the number of the infusion that was delayed.")
        if days is None:
            self.add_error("delay_days", "Enter how many days later the infusion was given.")
        return Delay(number, days) if number and days else None

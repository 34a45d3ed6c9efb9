"""The treatment calendar form for the whole regimen: clear messages, a weight question, and
no stored values.

Cleaning gives one of three answers: errors (shown next to the fields and in a summary),
`question` (a weight to confirm before any dose is shown) or `schedule` with `dose`.
"""

import dataclasses
import datetime as dt
from html import escape

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Field, Fieldset, Layout
from django import forms
from django.utils.translation import gettext, gettext_lazy, gettext_noop

from isatuximab_portal.lib.fields import (
    DEFAULT_PAPER,
    IsoDateField,
    LinkableRadioSelect,
    check_treatment_date,
    paper_field,
    with_hint,
)

from . import calendar_fields as cf
from .backbone import BACKBONES, Medicine, with_days
from .coverage_form import OTHERS_OFF, check_others, coverage_fields
from .day_syntax import DaySyntaxError, parse_days
from .delays import MAX_DELAYS, Delay
from .dose import Dose, PlanError
from .plan import Schedule, build_schedule
from .public_holidays import holiday_lookup, place_name
from .regimens import REGIMENS
from .weight import Question, read_weight


def _e(text: str) -> str:
    """Text for the layout's HTML pieces (quotes kept as they are, as before)."""
    return escape(text, quote=False)


HOLIDAY_YEARS = 5  # two years of treatment plus room for delays
UNIT_CHOICES = [("kg", gettext_lazy("Kilograms (kg)")), ("lb", gettext_lazy("Pounds (lb)"))]


def _regimen_choices() -> list[tuple[str, str]]:
    """Called each time the form is drawn, so the labels are in the page's language."""
    choices = [("", gettext("Choose a treatment"))]
    for regimen in REGIMENS.values():
        # Translators: "Isa-Pd: myeloma that has come back ... (approved in the US and the EU)".
        label = gettext("{regimen}: {who_for} ({approval})").format(
            regimen=regimen.local_name, who_for=regimen.local_who_for, approval=regimen.approval
        )
        choices.append((regimen.slug, label))
    return choices


class CalendarForm(forms.Form):
    regimen = forms.ChoiceField(
        label=gettext_lazy("Your treatment"),
        choices=_regimen_choices,
        help_text=gettext_lazy(
            "Your care team can tell you which one you have. Only the drip (IV) form is listed."
        ),
        error_messages={
            "required": gettext_lazy("Choose your treatment from the list."),
            "invalid_choice": gettext_lazy("Choose one of the treatments in the list."),
        },
    )
    weight = forms.CharField(
        label=gettext_lazy("Your weight"),
        max_length=30,
        help_text=gettext_lazy(
            "A number, like 70 or 70.5. You can type the unit too, like 154 lb. Used only to "
            "estimate the isatuximab dose."
        ),
        widget=forms.TextInput(attrs={"inputmode": "decimal", "spellcheck": "false"}),
        error_messages={
            "required": gettext_lazy("Enter your weight, like 70 or 70.5."),
            "max_length": gettext_lazy("Enter the weight as a number, like 70 or 70.5."),
        },
    )
    weight_unit = forms.ChoiceField(
        label=gettext_lazy("Weight unit"),
        choices=UNIT_CHOICES,
        required=False,
        widget=LinkableRadioSelect,
        help_text=gettext_lazy("Choose the unit your weight is in."),
        error_messages={"invalid_choice": gettext_lazy("Choose kilograms (kg) or pounds (lb).")},
    )
    weight_checked = forms.CharField(required=False, max_length=40, widget=forms.HiddenInput)
    start_date = IsoDateField(
        label=gettext_lazy("Date of your first infusion (cycle 1, day 1)"),
        help_text=gettext_lazy(
            "The day your treatment started or will start. Type it as YYYY-MM-DD if you have "
            "no date picker."
        ),
        error_messages={
            "required": with_hint(gettext_lazy("Enter the date of your first infusion."))
        },
    )
    first_cycle = cf._number(
        gettext_lazy("First cycle to show"),
        gettext_lazy("Leave empty to start now."),
        cf.MAX_NUMBER,
    )
    last_cycle = cf._number(
        gettext_lazy("Last cycle to show"),
        gettext_lazy("Leave empty to show about 6 months. At most 2 years."),
        cf.MAX_NUMBER,
    )
    paper = paper_field(
        gettext_lazy("Paper size for the PDF"),
        gettext_lazy("Only matters if you download the PDF."),
    )

    def __init__(self, *args, today: dt.date, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.today = today
        extra = {
            **cf.option_fields(),
            **cf.handout_fields(),
            **cf.day_fields(),
            **cf.delay_fields(),
            **coverage_fields(),
        }
        self.fields.update(extra)
        for field in self.fields.values():
            field.widget.attrs["autocomplete"] = "off"
        self.schedule: Schedule | None = None
        self.dose: Dose | None = None
        self.question: Question | None = None
        self.blank_days: list[str] = []  # IMROZ boxes left empty (see coverage.py)

    @property
    def helper(self) -> FormHelper:
        """Built when the form is drawn, so the optional section opens if it holds errors."""
        helper = FormHelper()
        helper.form_tag = False
        helper.disable_csrf = True
        helper.layout = self._layout()
        return helper

    def _layout(self) -> Layout:
        open_attr = " open" if self._optional_used() else ""
        delays_title = gettext("Delays")
        days = [
            Fieldset(
                gettext("If your treatment is {regimen}").format(regimen=REGIMENS[slug].local_name),
                *[n for n in self.fields if n.startswith(f"days_{slug}_")],
                data_regimen=slug,
            )
            for slug in BACKBONES
        ]
        delays = [
            Fieldset(gettext("Delay {row}").format(row=row), f"delay{row}_kind",
                     Field(f"delay{row}_number", css_class="input-short"),
                     Field(f"delay{row}_days", css_class="input-short"), css_class="delay-row")
            for row in range(1, MAX_DELAYS + 1)
        ]  # fmt: skip
        return Layout(
            "regimen", Field("weight", css_class="input-short"), "weight_unit", "weight_checked",
            Field("start_date", css_class="input-date"),
            Fieldset(gettext("Which cycles to show (optional)"),
                     Field("first_cycle", css_class="input-short"),
                     Field("last_cycle", css_class="input-short")),
            "holidays",
            OTHERS_OFF,
            HTML(f'<details class="optional-section" id="other-medicines"{open_attr}><summary>'
                 f"{_e(gettext(OPTIONAL_SUMMARY))}</summary><p>{_e(gettext(DAYS_INTRO))}</p>"),
            *days,
            HTML(f"<h3>{_e(delays_title)}</h3><p>{_e(gettext(DELAYS_INTRO))}</p>"),
            *delays,
            HTML("</details>"),
            Fieldset(gettext("For the printed handout (optional, never stored)"), "patient_name",
                     "clinic_name", "clinic_phone"),
            Fieldset(gettext("Calendar file (.ics) choices"), "ics_tablets", "ics_past"),
            "paper", "large_print",
        )  # fmt: skip

    def _optional_used(self) -> bool:
        if not self.is_bound:
            return False
        names = [n for n in self.fields if n.startswith(("days_", "delay"))]
        changed = any(
            (self.data.get(n) or "") != (self.fields[n].initial or "")
            for n in names
            if not n.endswith("_kind")
        )
        return changed or any(n in self.errors for n in names)

    def clean_start_date(self) -> dt.date:
        return check_treatment_date(self.cleaned_data["start_date"], self.today)

    def clean_paper(self) -> str:
        return self.cleaned_data.get("paper") or DEFAULT_PAPER

    def clean(self):
        data = super().clean()
        slug = data.get("regimen")
        medicines = self._medicines(slug) if slug else None
        delays = self._delays(data)
        others_missing = check_others(self, slug)
        if self.errors:
            return data
        try:
            self.schedule = build_schedule(
                slug, data["start_date"], self.today, medicines, delays,
                data["first_cycle"], data["last_cycle"], self._holidays(data),
            )  # fmt: skip
            if others_missing:
                self.schedule = dataclasses.replace(self.schedule, others_missing=True)
            answer = read_weight(data["weight"], data["weight_unit"], data["weight_checked"])
        except PlanError as error:
            self.add_error(error.field if error.field in self.fields else None, str(error))
            return data
        if isinstance(answer, Question):
            self.question = answer
        else:
            self.dose = answer
        return data

    @property
    def holidays_lookup(self):
        """The chosen place's public holidays by date (None when no place was chosen)."""
        data = getattr(self, "cleaned_data", {})
        if not data.get("holidays") or not data.get("start_date"):
            return None
        return self._holidays(data)

    @property
    def place(self) -> str | None:
        key = self.cleaned_data.get("holidays") if hasattr(self, "cleaned_data") else None
        return place_name(key) if key else None

    def _holidays(self, data):
        years = range(data["start_date"].year, data["start_date"].year + HOLIDAY_YEARS)
        return holiday_lookup(data.get("holidays"), years)

    def _medicines(self, slug: str) -> tuple[Medicine, ...]:
        regimen, out = REGIMENS[slug], []
        team_enters = BACKBONES[slug].status == "team"
        for medicine in BACKBONES[slug].medicines:
            days = {}
            for index, rule in enumerate(medicine.rules):
                name = cf.days_field_name(slug, medicine, index)
                if name not in self.data:  # not sent at all (no optional section): defaults
                    if team_enters:
                        self.blank_days.append(name)
                    continue
                text = self.cleaned_data.get(name, "")
                if team_enters and not text.strip():
                    days[index] = ()
                    self.blank_days.append(name)
                    continue
                try:
                    days[index] = parse_days(text, cf.rule_length(regimen, rule), allow_none=True)
                except DaySyntaxError as error:
                    self.add_error(name, str(error))
            out.append(with_days(medicine, days))
        return tuple(out)

    def _delays(self, data) -> tuple[Delay, ...]:
        delays = []
        for row in range(1, MAX_DELAYS + 1):
            number, days = data.get(f"delay{row}_number"), data.get(f"delay{row}_days")
            if number is None and days is None:
                continue
            if number is None:
                message = gettext("Enter the infusion or cycle number.")
                self.add_error(f"delay{row}_number", message)
            if days is None:
                self.add_error(f"delay{row}_days", gettext("Enter how many days later."))
            if number and days:
                kind = data.get(f"delay{row}_kind") or "infusion"
                delays.append(Delay(kind, number, days, row))
        return tuple(delays)


OPTIONAL_SUMMARY = gettext_noop("For your care team: other medicines' days and delays (optional)")
DAYS_INTRO = gettext_noop(
    "Each box holds the days of each cycle, like 1-21, 1, 8, 15, 22 or 1-14, 22-35. Change "
    "them to match the plan, or type none to leave a medicine out. Only the boxes for the "
    "treatment chosen above are used. For Isa-VRd without a transplant the boxes are empty: "
    "the care team types the days."
)
DELAYS_INTRO = gettext_noop(
    "If a drip was given late, the later drips and clinic visits move by the same number of "
    "days; tablets and capsules at home stay on their days, and your team decides about them. "
    "Enter where each delay starts (an infusion number or a cycle number) and how many days "
    "later it was."
)

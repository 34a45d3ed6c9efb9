"""Field builders for the whole-regimen calendar form: other medicines' days, delays, the
handout's personal lines. Every value is typed for one answer and never stored."""

from django import forms

from .backbone import BACKBONES, DayRule, Medicine
from .day_syntax import format_days
from .delays import CYCLE, INFUSION, MAX_DELAY_DAYS, MAX_DELAYS
from .public_holidays import place_choices
from .regimens import REGIMENS, Regimen
from .wording import how_and_where

MAX_NUMBER = 999
NAME_LENGTH, PHONE_LENGTH = 80, 40


def days_field_name(slug: str, medicine: Medicine, index: int) -> str:
    return f"days_{slug}_{medicine.key}_{index}"


def rule_length(regimen: Regimen, rule: DayRule) -> int:
    """The shortest cycle length among the cycles a rule covers (days past it are refused)."""
    last = rule.last_cycle or max(p.first_cycle for p in regimen.phases)
    return min(regimen.phase_for(c).length_days for c in range(rule.first_cycle, last + 1))


def day_fields() -> dict[str, forms.CharField]:
    """One text box per regimen, medicine and run of cycles, prefilled with the defaults."""
    fields = {}
    for slug, backbone in BACKBONES.items():
        regimen = REGIMENS[slug]
        for medicine in backbone.medicines:
            for index, rule in enumerate(medicine.rules):
                fields[days_field_name(slug, medicine, index)] = forms.CharField(
                    label=f"{regimen.name}: {how_and_where(medicine)}, {rule.cycles_text}",
                    required=False,
                    max_length=200,
                    initial=format_days(rule.days),
                    help_text=f"Days of each cycle, like 1-21 or 1, 8, 15, 22. Cycles have "
                    f"{rule_length(regimen, rule)} days. Type none to leave it out.",
                    widget=forms.TextInput(attrs={"spellcheck": "false"}),
                    error_messages={"max_length": "Use at most 200 characters."},
                )
    return fields


def delay_fields() -> dict[str, forms.Field]:
    fields: dict[str, forms.Field] = {}
    for row in range(1, MAX_DELAYS + 1):
        fields[f"delay{row}_kind"] = forms.ChoiceField(
            label=f"Delay {row} starts at",
            choices=[(INFUSION, "Infusion number"), (CYCLE, "Cycle number")],
            initial=INFUSION,
            required=False,
            error_messages={"invalid_choice": "Choose infusion or cycle."},
        )
        fields[f"delay{row}_number"] = _number(
            f"Delay {row}: infusion or cycle number",
            "Infusions count from your first one.",
            MAX_NUMBER,
        )
        fields[f"delay{row}_days"] = _number(
            f"Delay {row}: days later", f"From 1 to {MAX_DELAY_DAYS} days.", MAX_DELAY_DAYS
        )
    return fields


def _number(label: str, help_text: str, maximum: int) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=1,
        max_value=maximum,
        help_text=help_text,
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "invalid": "Enter a whole number, like 4.",
            "min_value": "Enter a number of 1 or more.",
            "max_value": f"Enter a number of {maximum} or less.",
        },
    )


def _text(label: str, help_text: str, length: int) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        max_length=length,
        help_text=help_text,
        error_messages={"max_length": f"Use at most {length} characters."},
    )


def handout_fields() -> dict[str, forms.Field]:
    return {
        "patient_name": _text(
            "Name to print on the handout", "Optional. Printed on the PDF only.", NAME_LENGTH
        ),
        "clinic_name": _text("Clinic or hospital", "Optional. Printed on the PDF.", NAME_LENGTH),
        "clinic_phone": _text(
            "Clinic phone number, day and night (24 hours)",
            "Optional. The number to call if you feel unwell.",
            PHONE_LENGTH,
        ),
    }


def option_fields() -> dict[str, forms.Field]:
    groups = [("", "No public holidays")] + [
        (country, list(options)) for country, options in place_choices()
    ]
    return {
        "holidays": forms.ChoiceField(
            label="Public holidays of (optional)",
            choices=groups,
            required=False,
            help_text="Clinic visits on a public holiday there are marked, because your clinic "
            "may move them.",
            error_messages={"invalid_choice": "Choose a place from the list."},
        ),
        "ics_tablets": forms.BooleanField(
            label="Also add reminders for tablets and capsules taken at home", required=False
        ),
        "ics_past": forms.BooleanField(label="Also add days that are already past", required=False),
    }

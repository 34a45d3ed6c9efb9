"""Field builders for the whole-regimen calendar form: other medicines' days, delays, the
handout's personal lines. Every value is typed for one answer and never stored.

The builders run when a form is made, inside the view's language, so labels that depend on the
regimen are written with ``gettext``; the rest are lazy, because ``_number`` also builds class
fields of the form."""

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext, gettext_lazy

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
                # Translators: "Isa-Pd: pomalidomide capsule at home, cycle 1 onwards".
                label = gettext("{regimen}: {medicine}, {cycles}").format(
                    regimen=regimen.local_name,
                    medicine=how_and_where(medicine),
                    cycles=rule.cycles_text,
                )
                help_text = gettext(
                    "Days of each cycle, like 1-21 or 1, 8, 15, 22. Cycles have {length} days. "
                    "Type none to leave it out."
                ).format(length=rule_length(regimen, rule))
                fields[days_field_name(slug, medicine, index)] = forms.CharField(
                    label=label,
                    required=False,
                    max_length=200,
                    initial=format_days(rule.days),
                    help_text=help_text,
                    widget=forms.TextInput(attrs={"spellcheck": "false"}),
                    error_messages={"max_length": _at_most(200)},
                )
    return fields


def delay_fields() -> dict[str, forms.Field]:
    fields: dict[str, forms.Field] = {}
    for row in range(1, MAX_DELAYS + 1):
        fields[f"delay{row}_kind"] = forms.ChoiceField(
            label=format_lazy(gettext_lazy("Delay {row} starts at"), row=row),
            choices=[
                (INFUSION, gettext_lazy("Infusion number")),
                (CYCLE, gettext_lazy("Cycle number")),
            ],
            initial=INFUSION,
            required=False,
            error_messages={"invalid_choice": gettext_lazy("Choose infusion or cycle.")},
        )
        fields[f"delay{row}_number"] = _number(
            format_lazy(gettext_lazy("Delay {row}: infusion or cycle number"), row=row),
            gettext_lazy("Infusions count from your first one."),
            MAX_NUMBER,
        )
        fields[f"delay{row}_days"] = _number(
            format_lazy(gettext_lazy("Delay {row}: days later"), row=row),
            format_lazy(gettext_lazy("From 1 to {n} days."), n=MAX_DELAY_DAYS),
            MAX_DELAY_DAYS,
        )
    return fields


def _at_most(length: int):
    return format_lazy(gettext_lazy("Use at most {n} characters."), n=length)


def _number(label, help_text, maximum: int) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=1,
        max_value=maximum,
        help_text=help_text,
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "invalid": gettext_lazy("Enter a whole number, like 4."),
            "min_value": gettext_lazy("Enter a number of 1 or more."),
            "max_value": format_lazy(gettext_lazy("Enter a number of {n} or less."), n=maximum),
        },
    )


def _text(label, help_text, length: int) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        max_length=length,
        help_text=help_text,
        error_messages={"max_length": _at_most(length)},
    )


def handout_fields() -> dict[str, forms.Field]:
    return {
        "patient_name": _text(
            gettext_lazy("Name to print on the handout"),
            gettext_lazy("Optional. Printed on the PDF only."),
            NAME_LENGTH,
        ),
        "clinic_name": _text(
            gettext_lazy("Clinic or hospital"),
            gettext_lazy("Optional. Printed on the PDF."),
            NAME_LENGTH,
        ),
        "clinic_phone": _text(
            gettext_lazy("Clinic phone number, day and night (24 hours)"),
            gettext_lazy("Optional. The number to call if you feel unwell."),
            PHONE_LENGTH,
        ),
    }


def option_fields() -> dict[str, forms.Field]:
    groups = [("", gettext_lazy("No public holidays"))] + [
        (country, list(options)) for country, options in place_choices()
    ]
    return {
        "holidays": forms.ChoiceField(
            label=gettext_lazy("Public holidays of (optional)"),
            choices=groups,
            required=False,
            help_text=gettext_lazy(
                "Clinic visits on a public holiday there are marked, because your clinic may "
                "move them."
            ),
            error_messages={"invalid_choice": gettext_lazy("Choose a place from the list.")},
        ),
        "ics_tablets": forms.BooleanField(
            label=gettext_lazy("Also add reminders for tablets and capsules taken at home"),
            required=False,
        ),
        "ics_past": forms.BooleanField(
            label=gettext_lazy("Also add days that are already past"), required=False
        ),
    }

"""The wallet-card form: every field optional, each one limited so it fits its box on the card."""

import datetime
import re

from django import forms

from .card_fields import BLOOD_GROUP_ON_CARD, BLOOD_GROUPS, MAX_LENGTHS, CardDetails, fits
from .carry_until import carry_until
from .dates import short_date
from .fields import (
    DEFAULT_PAPER,
    IsoDateField,
    LinkableRadioSelect,
    check_treatment_date,
    paper_field,
)

PHONE_PATTERN = re.compile(r"[0-9 +()\-]*")
MIN_PHONE_DIGITS = 3
LAYOUTS = [
    ("sheet", "A page with two cards to cut out and fold (for a home or office printer)"),
    ("card", "Two pages at card size, front and back (for a plastic card printer)"),
]

OFF = {"autocomplete": "off"}


def _text(label: str, key: str, help_text: str) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        max_length=MAX_LENGTHS[key],
        help_text=f"{help_text} Up to {MAX_LENGTHS[key]} characters.",
        widget=forms.TextInput(attrs={"spellcheck": "false", **OFF}),
    )


def _phone(label: str, key: str, help_text: str) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        max_length=MAX_LENGTHS[key],
        help_text=f"{help_text} Numbers, spaces, + ( ) and - only. "
        f"Up to {MAX_LENGTHS[key]} characters.",
        widget=forms.TextInput(attrs={"type": "tel", "inputmode": "tel", **OFF}),
    )


def _date(label: str, help_text: str) -> IsoDateField:
    return IsoDateField(label=label, required=False, help_text=help_text)


class WalletCardForm(forms.Form):
    """Every field is optional; `today` (the site's local date) bounds the dates."""

    name = _text("Your name", "name", "The person who carries the card.")
    start_date = _date(
        "Date you started isatuximab",
        "The date of your first isatuximab infusion.",
    )
    centre = _text(
        "Treatment centre",
        "centre",
        "The hospital or clinic that gives you isatuximab.",
    )
    centre_phone = _phone(
        "Treatment centre 24-hour phone",
        "centre_phone",
        "The number to call day or night about your treatment.",
    )
    blood_group = forms.ChoiceField(
        label="Blood group",
        choices=BLOOD_GROUPS,
        required=False,
        help_text="Copy it from the lab report of the blood test done before your first "
        "infusion. If you do not have the report, leave it blank and ask your nurse.",
        widget=forms.Select(attrs=OFF),
    )
    screen_date = _date(
        "Date of the type and screen (group and screen) test before treatment",
        "The blood group and antibody test done before your first infusion. Ask your nurse.",
    )
    results_held_at = _text(
        "Where your blood results from before treatment are kept",
        "results_held_at",
        "The lab or hospital that did that test, for example 'City Hospital blood bank'. "
        "The blood bank asks them for your results.",
    )
    last_dose_date = _date(
        "Date of your last isatuximab dose (only if your treatment has stopped)",
        "Leave it empty while you are still having isatuximab. If you fill it in, the card "
        "shows the date to carry it until: 6 months after the last dose.",
    )
    contact_name = _text(
        "Emergency contact name",
        "contact_name",
        "Someone we can call for you, for example a family member.",
    )
    contact_phone = _phone("Emergency contact phone", "contact_phone", "Their phone number.")
    paper = paper_field("Paper size", "Pick the paper in your printer.")
    layout = forms.ChoiceField(
        label="How will you print it?",
        choices=LAYOUTS,
        initial="sheet",
        required=False,
        help_text="Most people print on paper at home or at the clinic.",
        widget=LinkableRadioSelect,
    )

    def __init__(self, *args, today: datetime.date, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.today = today

    def _clean_date(self, key: str) -> datetime.date | None:
        value = self.cleaned_data.get(key)
        return value and check_treatment_date(value, self.today)

    def clean_paper(self) -> str:
        return self.cleaned_data.get("paper") or DEFAULT_PAPER

    def clean_layout(self) -> str:
        return self.cleaned_data.get("layout") or "sheet"

    def clean_start_date(self) -> datetime.date | None:
        return self._clean_date("start_date")

    def clean_screen_date(self) -> datetime.date | None:
        return self._clean_date("screen_date")

    def clean_last_dose_date(self) -> datetime.date | None:
        """A past date whose 6-month window has not ended: the card is for that window."""
        value = self.cleaned_data.get("last_dose_date")
        if value and value > self.today:
            raise forms.ValidationError(
                "The last dose cannot be in the future. While you are still having "
                "isatuximab, leave this empty."
            )
        if value and carry_until(value) < self.today:
            raise forms.ValidationError(
                f"That is more than 6 months ago: the card was needed until "
                f"{short_date(carry_until(value))}. Check the date, or leave it empty."
            )
        return value

    def _clean_text(self, key: str) -> str:
        value = self.cleaned_data.get(key, "")
        if not fits(key, value):
            raise forms.ValidationError(
                "This is too wide to fit on the card. Use fewer or narrower letters."
            )
        return value

    def _clean_phone(self, key: str) -> str:
        value = self.cleaned_data.get(key, "")
        if not PHONE_PATTERN.fullmatch(value):
            raise forms.ValidationError("Use only numbers, spaces, + ( ) and -.")
        if value and sum(char.isdigit() for char in value) < MIN_PHONE_DIGITS:
            raise forms.ValidationError("Enter the whole phone number.")
        return self._clean_text(key)

    def clean_name(self) -> str:
        return self._clean_text("name")

    def clean_centre(self) -> str:
        return self._clean_text("centre")

    def clean_results_held_at(self) -> str:
        return self._clean_text("results_held_at")

    def clean_contact_name(self) -> str:
        return self._clean_text("contact_name")

    def clean_centre_phone(self) -> str:
        return self._clean_phone("centre_phone")

    def clean_contact_phone(self) -> str:
        return self._clean_phone("contact_phone")

    def clean(self) -> dict:
        data = super().clean()
        start, screen = data.get("start_date"), data.get("screen_date")
        if start and screen and screen > start:
            self.add_error(
                "screen_date",
                "This test is done before the first infusion. "
                "Enter a date on or before the date you started isatuximab.",
            )
        last = data.get("last_dose_date")
        if last and start and last < start:
            self.add_error(
                "last_dose_date",
                "The last dose cannot be before the date you started isatuximab.",
            )
        elif last and screen and last < screen:
            self.add_error(
                "last_dose_date",
                "The last dose comes after the blood test done before treatment. Check both dates.",
            )
        return data

    def details(self) -> CardDetails:
        data = self.cleaned_data
        return CardDetails(
            name=data["name"],
            start_date=data["start_date"],
            centre=data["centre"],
            centre_phone=data["centre_phone"],
            blood_group=BLOOD_GROUP_ON_CARD[data["blood_group"]],
            screen_date=data["screen_date"],
            contact_name=data["contact_name"],
            contact_phone=data["contact_phone"],
            last_dose_date=data["last_dose_date"],
            results_held_at=data["results_held_at"],
        )


def calendar_prefill(data) -> dict:
    """Initial values from the calendar's hidden fields; anything unreadable is dropped."""
    field = WalletCardForm.base_fields["start_date"]
    try:
        value = field.clean(data.get("start_date", ""))
    except forms.ValidationError:
        return {}
    return {"start_date": value} if value else {}

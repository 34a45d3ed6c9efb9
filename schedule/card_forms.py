"""The wallet-card form: every field optional, each one limited so it fits its box on the card."""

import datetime
import re

from django import forms
from django.utils import timezone

from .pdf.wallet_card import CardDetails, fits

# Longest text each field accepts. Each limit is at most the number of "Щ" (the widest Latin or
# Cyrillic letter, wider than "W") that fit the box at 6 pt; test_wallet_card.py checks this.
MAX_LENGTHS = {
    "name": 60,
    "centre": 46,
    "centre_phone": 20,
    "contact_name": 22,
    "contact_phone": 20,
}
EARLIEST_DATE = datetime.date(2010, 1, 1)  # isatuximab's first trials; earlier is a typo
MAX_DAYS_AHEAD = 366  # a start date can be planned up to a year ahead, not further
PHONE_PATTERN = re.compile(r"[0-9 +()\-]*")
MIN_PHONE_DIGITS = 3

BLOOD_GROUPS = [
    ("", "Leave blank (write it by hand)"),
    ("A+", "A RhD positive (A+)"),
    ("A-", "A RhD negative (A-)"),
    ("B+", "B RhD positive (B+)"),
    ("B-", "B RhD negative (B-)"),
    ("AB+", "AB RhD positive (AB+)"),
    ("AB-", "AB RhD negative (AB-)"),
    ("O+", "O RhD positive (O+)"),
    ("O-", "O RhD negative (O-)"),
    ("unknown", "Not known"),
]
# Printed in words, the choice's label without the symbol: a "+" or "-" is easy to misread on
# a worn card. Blank stays blank, to be written by hand.
BLOOD_GROUP_ON_CARD = {
    value: label.split(" (")[0] if value else "" for value, label in BLOOD_GROUPS
}
PAPERS = [("a4", "A4 (most countries)"), ("letter", "US Letter (USA and Canada)")]
LAYOUTS = [
    ("sheet", "A page with two cards to cut out and fold (for a home or office printer)"),
    ("card", "Two pages at card size, front and back (for a plastic card printer)"),
]

OFF = {"autocomplete": "off"}
DATE_WIDGET = forms.DateInput(attrs={"type": "date", **OFF}, format="%Y-%m-%d")


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


def _date(label: str, help_text: str) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=False,
        input_formats=["%Y-%m-%d"],
        help_text=help_text,
        widget=DATE_WIDGET,
        error_messages={"invalid": "Enter a real date, for example 2026-01-05."},
    )


class WalletCardForm(forms.Form):
    """Pass `today` in tests; it defaults to the site's local date."""

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
        help_text="From the blood test done before your first infusion. Ask your nurse.",
        widget=forms.Select(attrs=OFF),
    )
    screen_date = _date(
        "Date of the blood group test before treatment",
        "The date of the blood group and antibody test (type and screen) done before "
        "your first infusion. Ask your nurse.",
    )
    contact_name = _text(
        "Emergency contact name",
        "contact_name",
        "Someone we can call for you, for example a family member.",
    )
    contact_phone = _phone("Emergency contact phone", "contact_phone", "Their phone number.")
    paper = forms.ChoiceField(
        label="Paper size",
        choices=PAPERS,
        initial="a4",
        required=False,  # a radio button is always picked; a missing value means the default
        help_text="Pick the paper in your printer.",
        widget=forms.RadioSelect,
    )
    layout = forms.ChoiceField(
        label="How will you print it?",
        choices=LAYOUTS,
        initial="sheet",
        required=False,
        help_text="Most people print on paper at home or at the clinic.",
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, today: datetime.date | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today or timezone.localdate()

    def _clean_date(self, key: str) -> datetime.date | None:
        value = self.cleaned_data.get(key)
        if value and value < EARLIEST_DATE:
            raise forms.ValidationError(f"Enter a date after {EARLIEST_DATE:%Y}.")
        if value and value > self.today + datetime.timedelta(days=MAX_DAYS_AHEAD):
            raise forms.ValidationError("Enter a date less than a year from today.")
        return value

    def clean_paper(self) -> str:
        return self.cleaned_data.get("paper") or "a4"

    def clean_layout(self) -> str:
        return self.cleaned_data.get("layout") or "sheet"

    def clean_start_date(self) -> datetime.date | None:
        return self._clean_date("start_date")

    def clean_screen_date(self) -> datetime.date | None:
        return self._clean_date("screen_date")

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
        )


def calendar_prefill(data) -> dict:
    """Initial values from the calendar's hidden fields; anything unreadable is dropped."""
    field = WalletCardForm.base_fields["start_date"]
    try:
        value = field.clean(data.get("start_date", ""))
    except forms.ValidationError:
        return {}
    return {"start_date": value} if value else {}

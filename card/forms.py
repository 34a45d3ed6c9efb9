"""The wallet-card form: every field optional, each one limited so it fits its box on the card."""

import datetime
import re

from django import forms
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext, gettext_lazy
from django.utils.translation import gettext_lazy as _

from isatuximab_portal.lib.dates import short_date
from isatuximab_portal.lib.fields import (
    DEFAULT_PAPER,
    IsoDateField,
    LinkableRadioSelect,
    check_treatment_date,
    paper_field,
)

from .carry_until import carry_until
from .fields import BLOOD_GROUPS, CardDetails, blood_group_on_card, fits, max_lengths

PHONE_PATTERN = re.compile(r"[0-9 +()\-]*")
MIN_PHONE_DIGITS = 3
LAYOUTS = [
    (
        "sheet",
        gettext_lazy("A page with two cards to cut out and fold (for a home or office printer)"),
    ),
    ("card", gettext_lazy("Two pages at card size, front and back (for a plastic card printer)")),
]
# The phone picture is the first choice: it needs no printer (issue 24).
OUTPUTS = [
    ("image", gettext_lazy("A picture of the card for my phone (no printer needed)")),
    ("pdf", gettext_lazy("A card to print (PDF)")),
]
PHONE_KEYS = ("centre_phone", "contact_phone")

OFF = {"autocomplete": "off"}


def _text(label: str, help_text: str) -> forms.CharField:
    """A free-text field; its length limit and the help's last sentence are set per language
    when the form is made (`WalletCardForm.limit_lengths`)."""
    return forms.CharField(
        label=label,
        required=False,
        help_text=help_text,
        widget=forms.TextInput(attrs={"spellcheck": "false", **OFF}),
    )


def _phone(label: str, help_text: str) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        help_text=help_text,
        widget=forms.TextInput(attrs={"type": "tel", "inputmode": "tel", **OFF}),
    )


def _date(label: str, help_text: str) -> IsoDateField:
    return IsoDateField(label=label, required=False, help_text=help_text)


class WalletCardForm(forms.Form):
    """Every field is optional; `today` (the site's local date) bounds the dates."""

    output = forms.ChoiceField(
        label=_("What do you want to make?"),
        choices=OUTPUTS,
        initial="image",
        required=False,
        help_text=_("You can come back and make the other one."),
        widget=LinkableRadioSelect,
    )
    name = _text(_("Your name"), _("The person who carries the card."))
    start_date = _date(
        _("Date you started isatuximab"),
        _("The date of your first isatuximab infusion."),
    )
    centre = _text(
        _("Treatment centre"),
        _("The hospital or clinic that gives you isatuximab."),
    )
    centre_phone = _phone(
        _("Treatment centre 24-hour phone"),
        _("The number to call day or night about your treatment."),
    )
    blood_group = forms.ChoiceField(
        label=_("Blood group"),
        choices=[(value, _(label)) for value, label in BLOOD_GROUPS],
        required=False,
        help_text=_(
            "Copy it from the lab report of the blood test done before your first "
            "infusion. If you do not have the report, leave it blank and ask your nurse."
        ),
        widget=forms.Select(attrs=OFF),
    )
    screen_date = _date(
        _("Date of the type and screen (group and screen) test before treatment"),
        _("The blood group and antibody test done before your first infusion. Ask your nurse."),
    )
    results_held_at = _text(
        _("Where your blood results from before treatment are kept"),
        _(
            "The lab or hospital that did that test, for example 'City Hospital blood bank'. "
            "The blood bank asks them for your results."
        ),
    )
    last_dose_date = _date(
        _("Date of your last isatuximab dose (only if your treatment has stopped)"),
        _(
            "Leave it empty while you are still having isatuximab. If you fill it in, the card "
            "shows the date to carry it until: 6 months after the last dose."
        ),
    )
    contact_name = _text(
        _("Emergency contact name"),
        _("Someone we can call for you, for example a family member."),
    )
    contact_phone = _phone(_("Emergency contact phone"), _("Their phone number."))
    paper = paper_field(_("Paper size"), _("Pick the paper in your printer."))
    layout = forms.ChoiceField(
        label=_("How will you print it?"),
        choices=LAYOUTS,
        initial="sheet",
        required=False,
        help_text=_("Most people print on paper at home or at the clinic."),
        widget=LinkableRadioSelect,
    )

    def __init__(self, *args, today: datetime.date, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.today = today
        self.limit_lengths()

    def limit_lengths(self) -> None:
        """Each text field's length limit in the page's language (longer labels leave a box
        less room), in the input's maxlength, its check and the end of its help text."""
        for key, limit in max_lengths().items():
            field = self.fields[key]
            field.max_length = limit
            field.widget.attrs["maxlength"] = str(limit)
            others = [v for v in field.validators if not isinstance(v, MaxLengthValidator)]
            field.validators = [*others, MaxLengthValidator(limit)]
            if key in PHONE_KEYS:
                help_text = gettext(
                    "{help} Numbers, spaces, + ( ) and - only. Up to {limit} characters."
                )
            else:
                help_text = gettext("{help} Up to {limit} characters.")
            field.help_text = help_text.format(help=field.help_text, limit=limit)

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
                gettext(
                    "The last dose cannot be in the future. While you are still having "
                    "isatuximab, leave this empty."
                )
            )
        if value and carry_until(value) < self.today:
            raise forms.ValidationError(
                gettext(
                    "That is more than 6 months ago: the card was needed until {date}. "
                    "Check the date, or leave it empty."
                ).format(date=short_date(carry_until(value)))
            )
        return value

    def _clean_text(self, key: str) -> str:
        value = self.cleaned_data.get(key, "")
        if not fits(key, value):
            raise forms.ValidationError(
                gettext("This is too wide to fit on the card. Use fewer or narrower letters.")
            )
        return value

    def _clean_phone(self, key: str) -> str:
        value = self.cleaned_data.get(key, "")
        if not PHONE_PATTERN.fullmatch(value):
            raise forms.ValidationError(gettext("Use only numbers, spaces, + ( ) and -."))
        if value and sum(char.isdigit() for char in value) < MIN_PHONE_DIGITS:
            raise forms.ValidationError(gettext("Enter the whole phone number."))
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
                gettext(
                    "This test is done before the first infusion. "
                    "Enter a date on or before the date you started isatuximab."
                ),
            )
        last = data.get("last_dose_date")
        if last and start and last < start:
            self.add_error(
                "last_dose_date",
                gettext("The last dose cannot be before the date you started isatuximab."),
            )
        elif last and screen and last < screen:
            self.add_error(
                "last_dose_date",
                gettext(
                    "The last dose comes after the blood test done before treatment. "
                    "Check both dates."
                ),
            )
        return data

    def details(self) -> CardDetails:
        data = self.cleaned_data
        return CardDetails(
            name=data["name"],
            start_date=data["start_date"],
            centre=data["centre"],
            centre_phone=data["centre_phone"],
            blood_group=blood_group_on_card(data["blood_group"]),
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

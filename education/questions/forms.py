"""The question builder's form: the ticked prompts, up to five questions of the patient's own
and the paper size. It is POSTed (the typed questions are personal) and never saved."""

import re

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from isatuximab_portal.lib.fields import paper_field

from .wording import MAX_OWN_QUESTIONS, OWN_MAX_LENGTH

OWN_FIELD = re.compile(r"^own_(\d+)$")
TOO_LONG = format_lazy(
    _("Keep each question to {most} characters or fewer. Split a long one in two."),
    most=OWN_MAX_LENGTH,
)
TOO_MANY = format_lazy(
    _("You can add up to {most} questions of your own. Write any others on the sheet by hand."),
    most=MAX_OWN_QUESTIONS,
)


class ListedCheckboxes(forms.CheckboxSelectMultiple):
    """The ticks, drawn by the template group by group; the field's id is that of the message
    box above the list, so the error summary's link reaches it."""

    def id_for_label(self, id_, index=None):
        return id_


def _own_field(number: int) -> forms.CharField:
    return forms.CharField(
        label=format_lazy(_("Your question {number}"), number=number),
        required=False,
        max_length=OWN_MAX_LENGTH,
        strip=True,
        error_messages={"max_length": TOO_LONG},
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "true"}),
    )


class QuestionSheetForm(forms.Form):
    asked = forms.TypedMultipleChoiceField(
        label=_("Questions from the list"),
        coerce=int,
        required=False,
        widget=ListedCheckboxes,
        error_messages={"invalid_choice": _("Choose questions from the list.")},
    )
    paper = paper_field(_("Paper size"))

    def __init__(self, *args, prompts=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.prompts = {prompt.pk: prompt for prompt in prompts}
        self.fields["asked"].choices = [(pk, p.text) for pk, p in self.prompts.items()]
        for number in range(1, MAX_OWN_QUESTIONS + 1):
            self.fields[f"own_{number}"] = _own_field(number)

    def own_fields(self) -> list:
        return [self[f"own_{number}"] for number in range(1, MAX_OWN_QUESTIONS + 1)]

    def clean_paper(self) -> str:
        return self.cleaned_data.get("paper") or "a4"

    def clean(self) -> dict:
        cleaned = super().clean()
        extra = [
            key
            for key, value in self.data.items()
            if (match := OWN_FIELD.match(key))
            and int(match.group(1)) > MAX_OWN_QUESTIONS
            and value.strip()
        ]
        if extra:
            self.add_error(f"own_{MAX_OWN_QUESTIONS}", TOO_MANY)
        elif not self.errors and not self.questions():
            self.add_error("asked", _("Tick at least one question, or write your own."))
        return cleaned

    def questions(self) -> list[str]:
        """The ticked prompts in the list's order, then the patient's own, as typed."""
        asked = set(self.cleaned_data.get("asked") or ())
        ticked = [p.text for pk, p in self.prompts.items() if pk in asked]
        own = [self.cleaned_data.get(f"own_{n}", "") for n in range(1, MAX_OWN_QUESTIONS + 1)]
        return ticked + [question for question in own if question]

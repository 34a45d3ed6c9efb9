from django import forms


class CodeForm(forms.Form):
    """One box for a six-digit app code or a recovery code; what was typed is never kept."""

    code = forms.CharField(
        label="Code",
        max_length=32,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "autofocus": True,
                "spellcheck": "false",
                "autocapitalize": "off",
            }
        ),
    )

"""Site-wide records edited in the admin: the care team's numbers and fever temperature, the
content version that keys every cache, and the search synonyms.

Help settings and synonyms need no clinical sign-off, so they have no ``Revision``;
django-simple-history keeps their edit history instead (who changed the 24-hour number, when).
Governed content (pages, checklist items, glossary terms) has ``Revision`` as its only history.
"""

import re

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext
from simple_history.models import HistoricalRecords

from ..text.fever import DEFAULT_FEVER_C, MAX_FEVER_C, MIN_FEVER_C, fever_text
from ..text.site_text import site_values


class HelpSettings(models.Model):
    """The care team's numbers for the 'when to get help' block. There is only one record.

    Its fields hold the approved values the public sees; the admin saves changes as draft
    revisions that a clinical reviewer approves (education.governance), like pages.
    """

    centre_name = models.CharField(
        "treatment centre name",
        max_length=120,
        blank=True,
        help_text="e.g. 'St Mary's Hospital cancer unit'. Leave blank to say 'your care team'.",
    )
    phone_24h = models.CharField(
        "24-hour phone number",
        max_length=40,
        blank=True,
        help_text="The number patients call day or night with a fever or a reaction. Leave "
        "blank to say 'the 24-hour number your care team gave you'.",
    )
    emergency_number = models.CharField(
        max_length=40,
        blank=True,
        help_text="The local emergency number, e.g. 999. Leave blank to show '999 in the UK, "
        "112 in the EU, 911 in the US'.",
    )
    fever_threshold_c = models.DecimalField(
        "fever temperature (°C)",
        max_digits=3,
        decimal_places=1,
        default=DEFAULT_FEVER_C,
        validators=[MinValueValidator(MIN_FEVER_C), MaxValueValidator(MAX_FEVER_C)],
        help_text=f"The temperature in °C, from {MIN_FEVER_C} to {MAX_FEVER_C} in steps of "
        f"0.1, at which patients must call the 24-hour number. {DEFAULT_FEVER_C:.0f} is common "
        "advice; some hospitals use 37.5. The site shows it in both units everywhere, e.g. "
        "'38 °C (100.4 °F)'.",
    )
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    SINGLETON_PK = 1

    class Meta:
        verbose_name = "help settings"
        verbose_name_plural = "help settings"

    def __str__(self) -> str:
        return "Help settings (care team numbers)"

    def save(self, *args, **kwargs) -> None:
        self.pk = self.SINGLETON_PK
        super().save(*args, **kwargs)

    @classmethod
    def load(cls) -> "HelpSettings":
        """The one record, or unsaved defaults when an admin has not set it up yet."""
        return cls.objects.filter(pk=cls.SINGLETON_PK).first() or cls()

    @staticmethod
    def tel_href(number: str) -> str:
        """A tel: link for a typed number, keeping only digits and a leading +."""
        digits = re.sub(r"[^\d+]", "", number)
        return f"tel:{digits}" if re.search(r"\d", digits) else ""

    def fever_text(self) -> str:
        """The fever threshold in both units, e.g. '38 °C (100.4 °F)'."""
        return fever_text(self.fever_threshold_c)

    def token_values(self) -> dict[str, str]:
        """The value of every content token ({fever}, {emergency_number}, {phone_24h}) from
        these settings, in the active language (text.site_text.fill puts them in)."""
        return site_values(
            self.fever_threshold_c,
            self.emergency_number or gettext("999 in the UK, 112 in the EU, 911 in the US"),
            self.phone_24h or gettext("the 24-hour number your care team gave you"),
        )

    def emergency_tel(self) -> str:
        return self.tel_href(self.emergency_number)

    def phone_tel(self) -> str:
        return self.tel_href(self.phone_24h)


class ContentVersion(models.Model):
    """One counter that goes up whenever any public content changes (see education/cache.py).

    Public pages are cached under the current number, so an edit made in any process shows
    on the next request in every process: reading this one row is the only query a cached
    page costs.
    """

    SINGLETON_PK = 1

    version = models.PositiveBigIntegerField(default=0)

    def __str__(self) -> str:
        return f"Content version {self.version}"


class SearchSynonym(models.Model):
    """Words that mean the same thing to the site search (e.g. 'fever, temperature').

    A search for any word in a group also finds the others. Editors keep the list in the
    admin as drafts a clinical reviewer approves (like pages); the search uses only published
    groups. The first list ships in migration 0003.
    """

    words = models.CharField(
        "words that mean the same",
        max_length=300,
        unique=True,
        help_text="Words or short phrases people may search for that mean the same thing, "
        "separated by commas, e.g. 'fever, temperature, high temperature'. A search for any "
        "of them also finds the others. Brand names and short forms are fine, e.g. "
        "'dex, dexamethasone'.",
    )
    published = models.BooleanField(
        default=True,
        help_text="Used by the search. A new group is switched off until a clinical reviewer "
        "approves it; untick to stop using a group (also after approval).",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["words"]
        verbose_name = "search synonym"

    def __str__(self) -> str:
        return self.words

    def phrases(self) -> list[str]:
        """Each entry, lower case with single spaces; empty entries dropped."""
        entries = (" ".join(entry.split()).lower() for entry in self.words.split(","))
        return list(dict.fromkeys(entry for entry in entries if entry))

    def clean(self) -> None:
        super().clean()
        if len(self.phrases()) < 2:
            raise ValidationError(
                {"words": "Give at least two words or phrases, separated by commas."}
            )

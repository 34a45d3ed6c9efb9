"""The checklist's items and the glossary's terms (see ``education.models`` for the shared
rules: revisions, shipped-content fingerprints, one ``published()`` queryset per model)."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from ..text.fever import FEVER_TOKEN
from ..text.spelling_display import shown
from .pages import ShippedContent, fingerprint
from .translation import Translatable, TranslatableQuerySet


class ChecklistItemQuerySet(TranslatableQuerySet):
    def published(self) -> "ChecklistItemQuerySet":
        return self.filter(published=True)


NEGATIVE_START = re.compile(r"^\s*(do not|don't|don\u2019t|never|avoid)\b", re.IGNORECASE)


class ChecklistItem(Translatable, ShippedContent):
    class Kind(models.TextChoices):
        DO = "do", _("Do")
        DONT = "dont", _("Don't")

    class Group(models.TextChoices):
        """The checklist's headings, in the order they are shown."""

        BEFORE = "before", _("Before treatment starts")
        INFUSION_DAY = "infusion_day", _("On infusion days")
        EVERY_DAY = "every_day", _("Every day")
        CALL_NOW = "call_now", _("Call your team straight away")

    kind = models.CharField(
        max_length=4,
        choices=Kind.choices,
        help_text="'Do' for something to do, 'Don't' for something to avoid.",
    )
    text = models.CharField(
        "instruction",
        max_length=200,
        help_text="A short instruction that follows the word 'Do' or 'Don't', e.g. 'eat a "
        "snack before you come'. For 'Don't' items, do not start with 'do not' or 'never'. "
        f"Write {FEVER_TOKEN} for the fever temperature set in Help settings.",
    )
    why = models.CharField(
        max_length=300,
        help_text="One plain sentence on why this matters.",
    )
    group = models.CharField(
        "heading",
        max_length=20,
        choices=Group.choices,
        default=Group.EVERY_DAY,
        help_text="The heading this item is listed under on the checklist.",
    )
    order = models.PositiveIntegerField(
        default=100, help_text="Items are listed from the lowest number to the highest."
    )
    published = models.BooleanField(
        default=True, help_text="Untick to hide this item from the public checklist."
    )
    objects = ChecklistItemQuerySet.as_manager()

    SHIPPED_FIELDS = ("kind", "text", "why", "group", "order", "published")

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = "checklist item"
        constraints = [Translatable.one_translation_per_language("checklistitem")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.text}"

    def clean(self) -> None:
        super().clean()
        if self.kind == self.Kind.DONT and NEGATIVE_START.match(self.text or ""):
            raise ValidationError(
                {
                    "text": "This is shown after 'Don't:', so start with the action itself "
                    "(e.g. 'skip a dose'), not with 'do not' or 'never'."
                }
            )

    def storage_key(self) -> str:
        """The browser's localStorage key for this item's tick: changes when the text does."""
        return f"{self.pk}-{fingerprint({'t': self.text})[:8]}"


class GlossaryTermQuerySet(TranslatableQuerySet):
    def published(self) -> "GlossaryTermQuerySet":
        return self.filter(published=True)


class GlossaryTerm(Translatable, ShippedContent):
    term = models.CharField(
        max_length=80,
        help_text="The word or phrase as people see it on the pages, e.g. 'monoclonal antibody'.",
    )
    slug = models.SlugField(
        max_length=80,
        help_text="Used in the glossary address (/glossary/#slug). Filled in from the term.",
    )
    other_spellings = models.CharField(
        max_length=300,
        blank=True,
        help_text="Other ways the term is written, separated by commas, e.g. 'ADCC, "
        "antibody-dependent cellular cytotoxicity'. These are linked too.",
    )
    definition = models.TextField(
        help_text="A plain explanation in one or two short sentences. No Markdown.",
    )
    published = models.BooleanField(
        default=True, help_text="Untick to hide the term from the glossary and from pages."
    )
    objects = GlossaryTermQuerySet.as_manager()

    SHIPPED_FIELDS = ("term", "other_spellings", "definition", "published")

    class Meta:
        ordering = ["term"]
        verbose_name = "glossary term"
        constraints = [
            Translatable.unique_in_language("glossaryterm", "term"),
            Translatable.unique_in_language("glossaryterm", "slug"),
            Translatable.one_translation_per_language("glossaryterm"),
        ]

    def __str__(self) -> str:
        return self.term

    def save(self, *args, **kwargs) -> None:
        if not self.slug:
            self.slug = slugify(self.term)[:80] or "term"
        super().save(*args, **kwargs)

    def spellings_by_language(self) -> tuple[str, list[str]]:
        """The other spellings as (those in the term's own language, those in English).

        A translated term lists its English original's words too, so that a reader can match
        English paperwork: those are the original's term and spellings, which the page marks
        as English; an English or untranslated term keeps its spellings exactly as written.
        In a translation, search variants, inflections and brands the definition names are left out
        of both lines (``education/text/spelling_display.py``) but still link and search.
        """
        source = self.translation_of
        if source is None:
            return self.other_spellings, []
        others = [s.strip() for s in self.other_spellings.split(",") if s.strip()]
        english = {spelling.casefold() for spelling in source.spellings()}
        own = shown(
            [s for s in others if s.casefold() not in english], [self.term], self.definition
        )
        in_english = [s for s in others if s.casefold() in english]
        # The English original's term itself, then its real other spellings (issue 25).
        in_english = shown(in_english, [self.term], self.definition)
        in_english = [s for s in in_english if s.casefold() == source.term.casefold()] + shown(
            [s for s in in_english if s.casefold() != source.term.casefold()],
            [source.term],
            source.definition,
        )
        return ", ".join(own), in_english

    def spellings(self) -> list[str]:
        """The term and its other spellings, longest first."""
        others = [s.strip() for s in self.other_spellings.split(",") if s.strip()]
        return sorted({self.term.strip(), *others}, key=len, reverse=True)

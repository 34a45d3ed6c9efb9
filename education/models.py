"""Content that clinical editors keep up to date in the admin.

Every model keeps its full edit history (django-simple-history), so nothing an editor writes
is ever lost and any version can be restored from the admin. Public views only ever read
through each model's ``published()`` queryset.
"""

import hashlib
import json
import re

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, URLValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .fever import DEFAULT_FEVER_C, FEVER_TOKEN, MAX_FEVER_C, MIN_FEVER_C, fever_text
from .readability import grade_level, spanish_score
from .translation_models import ENGLISH, Translatable, TranslatableQuerySet

# Pages with their own top-level address instead of /learn/<slug>/ (slug -> URL name).
CANONICAL_URL_NAMES = {"for-blood-banks": "for-blood-banks"}

_validate_url = URLValidator(schemes=["http", "https"])


def fingerprint(values: dict) -> str:
    """A stable hash of content values, used to tell shipped content from admin edits."""
    encoded = json.dumps(values, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(encoded.encode("utf-8")).hexdigest()


def parse_sources(text: str) -> list[tuple[str, str]]:
    """One source per line, ``label | link`` (the link may be left out).

    >>> parse_sources("US label, section 1 | https://example.org\\nICARIA-MM trial")
    [('US label, section 1', 'https://example.org'), ('ICARIA-MM trial', '')]
    """
    sources = []
    for line in text.splitlines():
        if not line.strip():
            continue
        label, _, url = line.partition("|")
        sources.append((label.strip(), url.strip()))
    return sources


class ShippedContent(models.Model):
    """Fields that let `load_initial_content` update shipped content without overwriting edits.

    ``content_key`` names the shipped file entry the object came from; ``shipped_hash`` is the
    fingerprint of the version last loaded. While the object's own fingerprint still equals
    it, nobody has edited it, so a newer shipped version may replace it.
    """

    content_key = models.CharField(max_length=200, blank=True, default="", editable=False)
    shipped_hash = models.CharField(max_length=64, blank=True, default="", editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    SHIPPED_FIELDS: tuple[str, ...] = ()

    class Meta:
        abstract = True

    def content_values(self) -> dict:
        return {name: getattr(self, name) for name in self.SHIPPED_FIELDS}

    def content_hash(self) -> str:
        return fingerprint(self.content_values())


class PageQuerySet(TranslatableQuerySet):
    def published(self) -> "PageQuerySet":
        return self.filter(status=Page.Status.PUBLISHED)


class Page(Translatable, ShippedContent):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

    title = models.CharField(
        max_length=120,
        help_text="The page heading and browser tab title. Ask a question or name the topic "
        "in plain words, e.g. 'What is isatuximab?'.",
    )
    slug = models.SlugField(
        max_length=80,
        help_text="The last part of the web address: lower-case words joined by hyphens. "
        "Changing it breaks links people have saved. A translation keeps the English slug.",
    )
    summary = models.CharField(
        "main message",
        max_length=300,
        help_text="One plain sentence with the most important point. It is shown first, "
        "in large text, and in the list of pages.",
    )
    description = models.CharField(
        "meta description",
        max_length=200,
        help_text="One sentence for search engines and link previews. Each page needs its own.",
    )
    body = models.TextField(
        help_text="The page text in Markdown: '## Heading', '- list item', '**bold**', "
        "'[link text](/learn/other-page/)'. Raw HTML and scripts are removed. Aim for short "
        "sentences and everyday words (reading grade 6, never above 8). Write "
        f"{FEVER_TOKEN} for the fever temperature set in Help settings: it is shown in both "
        "units, e.g. '38 °C (100.4 °F)'. Never type the number itself.",
    )
    order = models.PositiveIntegerField(
        default=100, help_text="Pages are listed from the lowest number to the highest."
    )
    status = models.CharField(
        max_length=10,
        choices=Status.choices,
        default=Status.DRAFT,
        help_text="Draft: only staff can see it (use 'View on site' to preview). "
        "Published: anyone can see it.",
    )
    show_help = models.BooleanField(
        "show the when-to-get-help block",
        default=False,
        help_text="Show the three-level 'When to get help' box with the care team's numbers "
        "at the end of this page.",
    )
    last_reviewed = models.DateField(
        help_text="The date a clinician last checked every fact on this page.",
    )
    next_review_due = models.DateField(
        help_text="When the page must be checked again: at most 12 months after the last "
        "review, and at once when the medicine's label changes.",
    )
    reviewer = models.CharField(
        max_length=200,
        help_text="Who reviewed the page: a name or a role, e.g. 'Myeloma clinical nurse "
        "specialist'.",
    )
    sources = models.TextField(
        blank=True,
        help_text="One source per line: 'label, section or trial | link'. The link part "
        "may be left out, e.g. 'US prescribing information, section 5.1 | https://...'.",
    )
    reading_grade = models.DecimalField(
        "reading grade",
        max_digits=4,
        decimal_places=1,
        default=0,
        editable=False,
        help_text="US school grade needed to read the body (Flesch-Kincaid). Worked out when "
        "the page is saved. Aim for 6 or lower; never above 8. English pages only.",
    )
    reading_score = models.DecimalField(
        "Spanish reading ease",
        max_digits=5,
        decimal_places=1,
        null=True,
        blank=True,
        editable=False,
        help_text="Spanish pages only: Fernández-Huerta reading ease (0 to 100, higher is "
        "easier). Aim for 70 or more ('bastante fácil').",
    )
    history = HistoricalRecords()

    objects = PageQuerySet.as_manager()

    SHIPPED_FIELDS = (
        "title",
        "slug",
        "summary",
        "description",
        "body",
        "order",
        "status",
        "show_help",
        "last_reviewed",
        "next_review_due",
        "reviewer",
        "sources",
    )

    class Meta:
        ordering = ["order", "title"]
        constraints = [
            Translatable.unique_in_language("page", "title"),
            Translatable.unique_in_language("page", "slug"),
            Translatable.unique_in_language("page", "description"),
            Translatable.one_translation_per_language("page"),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        if self.language == ENGLISH:
            self.reading_grade, self.reading_score = grade_level(self.body), None
        else:
            self.reading_grade, self.reading_score = 0, spanish_score(self.body)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        """The page's address in its own language (Spanish pages under /es/)."""
        with translation.override(self.language):
            return self.local_url()

    def local_url(self) -> str:
        """The address in the active language: an English page not translated yet is shown
        under /es/ too, so a Spanish reader stays on the Spanish site."""
        if self.slug in CANONICAL_URL_NAMES:
            return reverse(CANONICAL_URL_NAMES[self.slug])
        return reverse("page", args=[self.slug])

    def clean(self) -> None:
        super().clean()
        errors = {}
        dates = self.last_reviewed and self.next_review_due
        if dates and self.next_review_due <= self.last_reviewed:
            errors["next_review_due"] = "The next review must come after the last review."
        for label, url in parse_sources(self.sources or ""):
            if not label:
                errors["sources"] = "Each source needs a label before the '|'."
            elif url:
                try:
                    _validate_url(url)
                except ValidationError:
                    errors["sources"] = f"This link is not a full http(s) address: {url}"
        if errors:
            raise ValidationError(errors)

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def review_overdue(self) -> bool:
        return self.next_review_due < timezone.localdate()

    def source_list(self) -> list[tuple[str, str]]:
        return parse_sources(self.sources)


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
    history = HistoricalRecords()

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
    history = HistoricalRecords()

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

    def spellings(self) -> list[str]:
        """The term and its other spellings, longest first."""
        others = [s.strip() for s in self.other_spellings.split(",") if s.strip()]
        return sorted({self.term.strip(), *others}, key=len, reverse=True)


class HelpSettings(models.Model):
    """The care team's numbers for the 'when to get help' block. There is only one record."""

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
    admin; the first list ships in migration 0003.
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


# Governance models live in their own module; importing them here registers them with Django.
from .revision_models import Approval, PageFeedback, ReviewSettings, Revision  # noqa: E402, F401

"""Content that clinical editors keep up to date in the admin.

Every change to a page, checklist item or glossary term is kept as a ``Revision``
(education.governance), so nothing an editor writes is ever lost and any version can be
restored from the admin. Public views only ever read
through each model's ``published()`` queryset.
"""

import hashlib
import json

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone, translation

from ..text.fever import FEVER_TOKEN
from ..text.readability import grade_level, spanish_score
from .translation import ENGLISH, Translatable, TranslatableQuerySet

# Pages with their own top-level address instead of /learn/<slug>/ (slug -> URL name).
# Pages shown at their own address (URL name) instead of /learn/<slug>/, and not listed with the
# learn pages: the blood-bank sheet, and get-help, whose governed wording (and self-check) sits
# under the red-flag tiers on /get-help/.
GET_HELP_SLUG = "get-help"
CANONICAL_URL_NAMES = {"for-blood-banks": "for-blood-banks", GET_HELP_SLUG: "get-help"}

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

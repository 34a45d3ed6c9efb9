"""Models for clinical governance: revisions, sign-offs and the review cycle.

The content models (Page, ChecklistItem, GlossaryTerm) keep holding the *published* wording in
their own fields, so every public view still reads through ``published()``. Every edit made in
the admin becomes a ``Revision`` instead; a clinical reviewer's ``Approval`` of the latest
draft copies it into the live object. Nothing here is ever deleted.
"""

import datetime

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone


class Revision(models.Model):
    """One saved version of a content object's wording, with who wrote it and why."""

    class State(models.TextChoices):
        DRAFT = "draft", "Draft: waiting for clinical approval"
        PUBLISHED = "published", "Published: this is what the public sees"
        RETIRED = "retired", "Was published, replaced by a later revision"
        REPLACED = "replaced", "Draft replaced by a later draft before approval"

    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT)
    object_id = models.PositiveBigIntegerField()
    content_object = GenericForeignKey("content_type", "object_id")
    number = models.PositiveIntegerField(help_text="1 for the first revision of the object.")
    content = models.JSONField(help_text="The content fields, line endings normalised.")
    content_hash = models.CharField(max_length=64, help_text="SHA-256 of the content.")
    summary = models.CharField(
        "change summary", max_length=200, help_text="One line: what changed and why."
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Empty for content loaded from the shipped files or a migration.",
    )
    author_name = models.CharField(max_length=200, help_text="Who wrote it, as shown in history.")
    created_at = models.DateTimeField(default=timezone.now)
    state = models.CharField(max_length=10, choices=State.choices, default=State.DRAFT)
    published_at = models.DateTimeField(null=True, blank=True)
    based_on = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="For a revert: the old revision this draft was copied from.",
    )

    class Meta:
        ordering = ["content_type", "object_id", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "number"], name="one_number_per_revision"
            ),
            # Never two open drafts of one object (a partial unique index on both databases).
            models.UniqueConstraint(
                fields=["content_type", "object_id"],
                condition=models.Q(state="draft"),
                name="one_open_draft_per_object",
            ),
        ]
        indexes = [models.Index(fields=["content_type", "object_id", "state"])]
        permissions = [("approve_revision", "Can approve a revision (clinical reviewer)")]

    def __str__(self) -> str:
        return f"Revision {self.number} of {self.content_type.name} {self.object_id}"

    @property
    def is_draft(self) -> bool:
        return self.state == self.State.DRAFT


class Approval(models.Model):
    """A clinical reviewer's sign-off, bound to the exact text (content hash) they read."""

    revision = models.ForeignKey(Revision, on_delete=models.PROTECT, related_name="approvals")
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    reviewer_name = models.CharField(max_length=120, help_text="Shown on the public page.")
    reviewer_role = models.CharField(max_length=120, help_text="Shown on the public page.")
    content_hash = models.CharField(max_length=64, help_text="The hash of the text approved.")
    approved_on = models.DateField()
    created_at = models.DateTimeField(default=timezone.now)
    by_superuser = models.BooleanField(
        default=False,
        help_text="The approver was a superuser (break-glass); the dashboard shows it.",
    )

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Approved by {self.reviewer_name} ({self.reviewer_role}) on {self.approved_on}"


class ReviewSettings(models.Model):
    """How often published content must be reviewed again. There is only one record; a change
    is a draft until a clinical reviewer approves it (education.governance)."""

    SINGLETON_PK = 1

    review_months = models.PositiveSmallIntegerField(
        "months between reviews",
        default=12,
        validators=[MinValueValidator(1), MaxValueValidator(36)],
        help_text="When a reviewer approves a page, its next review is due this many months "
        "later. 12 is usual.",
    )

    class Meta:
        verbose_name = "review settings"
        verbose_name_plural = "review settings"

    def __str__(self) -> str:
        return f"Review every {self.review_months} months"

    def save(self, *args, **kwargs) -> None:
        self.pk = self.SINGLETON_PK
        super().save(*args, **kwargs)

    @classmethod
    def load(cls) -> "ReviewSettings":
        return cls.objects.filter(pk=cls.SINGLETON_PK).first() or cls()

    def next_review(self, reviewed: datetime.date) -> datetime.date:
        """``reviewed`` plus the review interval; 31 January + 1 month is 28/29 February."""
        month_index = reviewed.month - 1 + self.review_months
        year, month = reviewed.year + month_index // 12, month_index % 12 + 1
        for day in (reviewed.day, 30, 29, 28):
            try:
                return datetime.date(year, month, day)
            except ValueError:
                continue
        raise AssertionError("unreachable")

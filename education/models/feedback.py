"""The answers to "Was this page helpful?": the page, the revision shown and the date only.

Nothing else about the visitor is kept (no address, cookie or time of day).
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .revisions import Revision


class PageFeedback(models.Model):
    """One 'Was this page helpful?' answer: the page, the revision shown and the date only."""

    class Reason(models.TextChoices):
        HARD = "hard", _("It was hard to understand")
        MISSING = "missing", _("Information was missing")
        OUT_OF_DATE = "outdated", _("It looked out of date")
        OTHER = "other", _("Something else")

    path = models.CharField(max_length=200, help_text="The public address of the page.")
    revision = models.ForeignKey(
        Revision, null=True, blank=True, on_delete=models.PROTECT, related_name="feedback"
    )
    helpful = models.BooleanField()
    reason = models.CharField(max_length=10, choices=Reason.choices, blank=True)
    date = models.DateField(default=timezone.localdate)

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = "page feedback"
        verbose_name_plural = "page feedback"

    def __str__(self) -> str:
        return f"{self.path}: {'yes' if self.helpful else 'no'}"

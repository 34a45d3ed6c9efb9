"""Self-check questions ("Check what you understood") and their anonymous answer counts.

A question belongs to a page and is clinical wording: the rows here are the editors' working
copy, edited inline on the page in the admin. Every save of the page stores the questions in
the page's draft revision (governance.rules.snapshot), and the public only ever reads the
questions held by the page's *published* revision (education.selfcheck.questions), so no
question reaches the public before a second person approves the page.

``SelfCheckAnswer`` keeps exactly the question, the page revision shown, right or wrong and the
date: no answer text, address, cookie or session.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from ..text.fever import FEVER_TOKEN
from .pages import Page, ShippedContent
from .revisions import Revision


class SelfCheckQuestion(ShippedContent):
    class Kind(models.TextChoices):
        TRUE_FALSE = "truefalse", "True or false"
        ONE_OF_THREE = "oneof3", "One of three"

    page = models.ForeignKey(Page, on_delete=models.PROTECT, related_name="self_checks")
    key = models.SlugField(
        max_length=80,
        help_text="A short name shared by the English question and its translation, "
        "e.g. 'infusion-day-fever'.",
    )
    order = models.PositiveIntegerField(default=10, help_text="Lowest number first.")
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.TRUE_FALSE)
    question = models.CharField(
        max_length=300,
        help_text="One plain sentence about something the reader must do. Write "
        f"{FEVER_TOKEN} for the fever temperature; never type the number.",
    )
    choice_1 = models.CharField(max_length=150, blank=True, help_text="One of three only.")
    choice_2 = models.CharField(max_length=150, blank=True, help_text="One of three only.")
    choice_3 = models.CharField(max_length=150, blank=True, help_text="One of three only.")
    answer = models.PositiveSmallIntegerField(
        "right answer",
        default=1,
        help_text="True or false: 1 = true, 2 = false. One of three: the right choice (1-3).",
    )
    explanation = models.CharField(
        max_length=400, help_text="One or two plain sentences on why. Shown after answering."
    )
    anchor = models.SlugField(
        "section to re-read",
        max_length=120,
        help_text="The id of the heading to link to, e.g. 'what-if-i-have-a-reaction'.",
    )
    facts_ref = models.CharField(
        "FACTS reference",
        max_length=200,
        help_text="Admin only: the FACTS section this is checked against, e.g. "
        "'FACTS-partner-drugs P5'.",
    )
    included = models.BooleanField(
        "in the self-check", default=True, help_text="Untick to take the question out."
    )

    SHIPPED_FIELDS = ("key", "order", "kind", "question", "choice_1", "choice_2", "choice_3",
                      "answer", "explanation", "anchor", "facts_ref", "included")  # fmt: skip

    class Meta:
        ordering = ["page", "order", "pk"]
        verbose_name = "self-check question"
        constraints = [
            models.UniqueConstraint(fields=["page", "key"], name="selfcheck_key_unique_per_page")
        ]

    def __str__(self) -> str:
        return self.question

    def choices(self) -> list[str]:
        if self.kind == self.Kind.TRUE_FALSE:
            return []
        return [self.choice_1, self.choice_2, self.choice_3]

    def clean(self) -> None:
        super().clean()
        limit = 2 if self.kind == self.Kind.TRUE_FALSE else 3
        errors = {}
        if not 1 <= (self.answer or 0) <= limit:
            errors["answer"] = f"Choose a number from 1 to {limit}."
        if self.kind == self.Kind.ONE_OF_THREE and not all(
            c.strip() for c in (self.choice_1, self.choice_2, self.choice_3)
        ):
            errors["choice_3"] = "A one-of-three question needs all three choices."
        if errors:
            raise ValidationError(errors)


class SelfCheckAnswer(models.Model):
    """One anonymous answer to one question: question, revision, right or wrong, date."""

    question = models.ForeignKey(
        SelfCheckQuestion, on_delete=models.PROTECT, related_name="answers"
    )
    revision = models.ForeignKey(Revision, on_delete=models.PROTECT, related_name="+")
    correct = models.BooleanField()
    date = models.DateField(default=timezone.localdate)

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = "self-check answer count"

    def __str__(self) -> str:
        return f"{self.question_id}: {'right' if self.correct else 'wrong'}"

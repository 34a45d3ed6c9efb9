"""Content in more than one language: each object has a language, and a Spanish object points
to the English object it translates and the English revision it was translated from.

A translation is governed like any other object (its own drafts, approvals and review dates,
education.governance.rules). It is *out of date* when its English source has a published revision
newer than the one it was translated from.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

ENGLISH = "en"


class TranslatableQuerySet(models.QuerySet):
    def for_language(self, language: str | None) -> "TranslatableQuerySet":
        """Only the objects written in ``language`` (English when it is empty or unknown)."""
        known = {code for code, _ in settings.LANGUAGES}
        return self.filter(language=language if language in known else ENGLISH)


class Translatable(models.Model):
    language = models.CharField(
        max_length=5,
        choices=settings.LANGUAGES,
        default=ENGLISH,
        db_index=True,
        help_text="The language this is written in. Spanish pages are shown under /es/.",
    )
    translation_of = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="translations",
        limit_choices_to={"language": ENGLISH},
        help_text="For a translation: the English original. Leave empty for English content.",
    )
    source_revision = models.ForeignKey(
        "education.Revision",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="For a translation: the revision of the English original it was translated "
        "from. When the English text gets a newer published revision, the translation is "
        "listed as out of date; choose the newer revision once the translation matches it.",
    )

    class Meta:
        abstract = True

    def clean(self) -> None:
        super().clean()
        errors = {}
        source = self.translation_of
        if source is not None and (self.language == ENGLISH or source.language != ENGLISH):
            errors["translation_of"] = (
                "A translation must be in a language other than English and point to the "
                "English original."
            )
        revision = self.source_revision
        if revision is not None and (
            source is None
            or revision.object_id != source.pk
            or revision.content_type.model_class() is not type(self)
        ):
            errors["source_revision"] = "Choose a revision of the English original."
        if errors:
            raise ValidationError(errors)

    @staticmethod
    def one_translation_per_language(model_name: str) -> models.UniqueConstraint:
        return models.UniqueConstraint(
            fields=["translation_of", "language"],
            condition=Q(translation_of__isnull=False),
            name=f"{model_name}_one_translation_per_language",
        )

    @staticmethod
    def unique_in_language(model_name: str, field: str) -> models.UniqueConstraint:
        return models.UniqueConstraint(
            fields=[field, "language"], name=f"{model_name}_{field}_unique_per_language"
        )

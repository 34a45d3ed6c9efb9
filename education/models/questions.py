"""The prompt questions of the question builder ("Questions for my next visit").

Clinical wording under the same drafts and two-person sign-off as checklist items (the model is
one of ``governance.rules.GOVERNED_MODELS``), shipped in ``content/questions.json`` and
``content/es/questions.json`` and loaded by ``load_initial_content``. The three "Ask Me 3"
questions (AHRQ) are flagged and listed first; the others are grouped by moment of care.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .pages import ShippedContent
from .translation import Translatable, TranslatableQuerySet

PROMPT_MAX_LENGTH = 200


class QuestionPromptQuerySet(TranslatableQuerySet):
    def published(self) -> "QuestionPromptQuerySet":
        return self.filter(published=True)


class QuestionPrompt(Translatable, ShippedContent):
    class Group(models.TextChoices):
        """The moments of care the prompts are grouped by, in the order they are shown."""

        BEFORE = "before", _("Before starting")
        INFUSION_DAY = "infusion_day", _("On infusion days")
        SIDE_EFFECTS = "side_effects", _("Side effects")
        BLOOD_TESTS = "blood_tests", _("Blood tests and transfusion")
        PREGNANCY = "pregnancy", _("Pregnancy and family")
        AFTER = "after", _("After treatment")

    text = models.CharField(
        "question",
        max_length=PROMPT_MAX_LENGTH,
        help_text="One short question a patient may want to ask, in plain words, ending with "
        "'?'. Only ask about things the guide's facts cover.",
    )
    group = models.CharField(
        "moment",
        max_length=20,
        choices=Group.choices,
        default=Group.BEFORE,
        help_text="The moment of care this question is listed under.",
    )
    is_ask_me_3 = models.BooleanField(
        "Ask Me 3 question",
        default=False,
        help_text="Tick for the three 'Ask Me 3' questions, which are listed first.",
    )
    order = models.PositiveIntegerField(
        default=100, help_text="Questions are listed from the lowest number to the highest."
    )
    published = models.BooleanField(
        default=True, help_text="Untick to hide this question from the question builder."
    )
    objects = QuestionPromptQuerySet.as_manager()

    SHIPPED_FIELDS = ("text", "group", "is_ask_me_3", "order", "published")

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = "question prompt"
        constraints = [Translatable.one_translation_per_language("questionprompt")]

    def __str__(self) -> str:
        return self.text

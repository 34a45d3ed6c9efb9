"""The regimen's red flags: the one governed list of signs that mean "get help", by urgency.

Every output that tells a patient when to get help (/get-help/, the help block on pages, the
checklist's "call straight away" group, the booklet, the diary, the calendar page, its handout
PDF and its .ics file, in English and Spanish) renders this list through
``education.red_flags``; none keeps its own copy. Each sign names its tier, the regimens it
applies to (regimen keys from the calendar, stored as plain text so education never imports
schedule) and the FACTS section it rests on. Edits are drafts until a second person, a clinical
reviewer, approves them (education.governance), like pages and checklist items.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .pages import ShippedContent
from .translation import Translatable, TranslatableQuerySet

ALL_REGIMENS = "all"


class RedFlagQuerySet(TranslatableQuerySet):
    def published(self) -> "RedFlagQuerySet":
        return self.filter(published=True)


class RedFlag(Translatable, ShippedContent):
    class Tier(models.TextChoices):
        """The three urgency tiers, most urgent first (FACTS-partner-drugs P5)."""

        EMERGENCY = "emergency", _("Emergency: call the emergency number")
        CALL_NOW = "call_now", _("Urgent: call the 24-hour number now")
        NEXT_VISIT = "next_visit", _("Not urgent: tell the team at the next visit")

    tier = models.CharField(max_length=12, choices=Tier.choices)
    text = models.CharField(
        "sign",
        max_length=200,
        help_text="The sign in plain words, as it follows 'if you have:', e.g. 'chest pain'. "
        "Write {fever} for the fever temperature set in Help settings.",
    )
    regimens = models.CharField(
        max_length=100,
        default=ALL_REGIMENS,
        help_text="'all', or the calendar's regimen keys this sign applies to, separated by "
        "commas (isa-pd, isa-kd, isa-vrd, isa-vrd-induction).",
    )
    facts_ref = models.CharField(
        "FACTS reference",
        max_length=120,
        help_text="Where the sign and its tier come from, e.g. 'FACTS-partner-drugs P5'.",
    )
    order = models.PositiveIntegerField(
        default=100, help_text="Signs are listed from the lowest number to the highest."
    )
    published = models.BooleanField(default=True, help_text="Untick to hide this sign everywhere.")
    objects = RedFlagQuerySet.as_manager()

    SHIPPED_FIELDS = ("tier", "text", "regimens", "facts_ref", "order", "published")

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = "red flag"
        constraints = [Translatable.one_translation_per_language("redflag")]

    def __str__(self) -> str:
        return f"{self.get_tier_display()}: {self.text}"

    def regimen_keys(self) -> set[str]:
        return {key.strip() for key in self.regimens.split(",") if key.strip()}

    def applies_to(self, regimen: str | None) -> bool:
        """True for every regimen when ``regimens`` is 'all', or when it names ``regimen``;
        ``None`` (a page for every regimen) takes every sign."""
        keys = self.regimen_keys()
        return regimen is None or ALL_REGIMENS in keys or regimen in keys

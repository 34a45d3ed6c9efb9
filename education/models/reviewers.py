"""Who a clinical reviewer is, as the public sees it: set by an administrator, never typed at
approval, so nobody can sign off wording under an invented name or role."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class ReviewerProfile(models.Model):
    """The public name and role shown under 'Reviewed by' for one reviewer account."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="reviewer_profile",
        help_text="The reviewer's own account. Nobody can set up or change their own profile.",
    )
    public_name = models.CharField(
        max_length=120,
        help_text="The reviewer's real name as shown on public pages, e.g. 'Dr Ana Ruiz'. "
        "Check it against their staff record.",
    )
    public_role = models.CharField(
        max_length=120,
        help_text="Their role as shown on public pages, e.g. 'Consultant haematologist' or "
        "'Myeloma clinical nurse specialist'.",
    )
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "reviewer profile"

    def __str__(self) -> str:
        return f"{self.public_name} ({self.public_role})"

    @classmethod
    def of(cls, user) -> "ReviewerProfile | None":
        if user is None or not user.pk:
            return None
        return cls.objects.filter(user=user).first()


class ReviewerGrant(models.Model):
    """A request, made in the admin, to give an account the Clinical reviewers role.

    The role is added only when a second person, an active clinical reviewer with a profile
    who is neither the asker nor the account itself, confirms it. So one administrator cannot
    make a second account of their own a reviewer and sign off their own words with it. The
    server command line (``assign_role``) grants at once: whoever runs it already has the
    server, and it is how the first reviewers are set up.

    A reviewer whose password another account sets, or whose second factor another account
    deletes, could now be signed in as by that account: their role is taken away and asked
    for again the same way, so a second reviewer confirms it is still them.
    """

    class Outcome(models.TextChoices):
        WAITING = "waiting", "waiting for a second reviewer"
        CONFIRMED = "confirmed", "confirmed"
        DECLINED = "declined", "declined"
        WITHDRAWN = "withdrawn", "withdrawn"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reviewer_grants"
    )
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    asked_at = models.DateTimeField(default=timezone.now)
    reason = models.CharField(max_length=200, blank=True, help_text="Why it was asked for.")
    outcome = models.CharField(max_length=10, choices=Outcome.choices, default=Outcome.WAITING)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )  # fmt: skip
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "reviewer role request"
        ordering = ["-asked_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user"],
                condition=models.Q(outcome="waiting"),
                name="one_waiting_reviewer_grant_per_user",
            )
        ]

    def __str__(self) -> str:
        return f"Clinical reviewer role for {self.user.get_username()}"

    @property
    def waiting(self) -> bool:
        return self.outcome == self.Outcome.WAITING

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

"""The Clinical reviewers role is given by two people: one asks, a reviewer confirms.

An administrator who ticks "Clinical reviewers" on a user's admin page does not give the role:
the tick becomes a *reviewer role request* (``ReviewerGrant``) and the account stays out of the
group until an active clinical reviewer with a reviewer profile, who is neither the one who
asked nor the account itself, confirms it. Without this, one administrator could create a
second account, make it a reviewer, sign in as it and approve their own drafts: one person,
two accounts, no second pair of eyes.

A reviewer whose password is set, or whose second factor is deleted, by another account loses
the role and it is asked for again (``suspend_after_takeover``): that account now knows how to
sign in as them.

Taking the role away needs no second person (it only removes power). A waiting request is
declined by a reviewer or withdrawn by the person who asked. ``assign_role`` on the server
command line still grants at once: whoever can run it has the server already, and it is how
the first reviewers are set up.

Every step is written to the admin's audit log as a "Role change: ..." the dashboard lists.
"""

from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from ..models import ReviewerGrant, ReviewerProfile
from .roles import REVIEWERS, ROLE_CHANGE, is_reviewer
from .rules import GovernanceError


def audit(actor, user, message: str) -> None:
    LogEntry.objects.log_actions(
        actor.pk, [user], CHANGE, change_message=f"{ROLE_CHANGE}{message}", single_object=True
    )


def waiting_grants():
    return (
        ReviewerGrant.objects.filter(outcome=ReviewerGrant.Outcome.WAITING)
        .select_related("user", "asked_by")
        .order_by("asked_at")
    )


def ask(user, asked_by, reason: str = "") -> ReviewerGrant:
    """Record that ``asked_by`` wants ``user`` to be a clinical reviewer (idempotent)."""
    grant = ReviewerGrant.objects.filter(user=user, outcome=ReviewerGrant.Outcome.WAITING).first()
    if grant is None:
        grant = ReviewerGrant.objects.create(user=user, asked_by=asked_by, reason=reason)
        why = f"{reason}; " if reason else ""
        audit(
            asked_by, user,
            f"asked for {REVIEWERS} for {user.get_username()} ({why}waits for a second "
            "reviewer to confirm)",
        )  # fmt: skip
    return grant


def suspend_after_takeover(user, by, what: str) -> bool:
    """``by`` set ``user``'s password or removed their second factor, so ``by`` could sign in
    as them: a reviewer loses the role until a second reviewer confirms it again. Returns
    whether the role was taken away. Nothing happens when people change their own."""
    if by.pk == user.pk or not user.groups.filter(name=REVIEWERS).exists():
        return False
    user.groups.remove(*user.groups.filter(name=REVIEWERS))
    audit(by, user, f"removed {REVIEWERS} from {user.get_username()} ({what})")
    ask(user, by, reason=f"{what}; check it is still them")
    return True


def check_can_confirm(grant: ReviewerGrant, user) -> None:
    """Raise GovernanceError with the reason when ``user`` may not confirm ``grant``."""
    if not grant.waiting:
        raise GovernanceError(f"This request was already {grant.get_outcome_display()}.")
    if user.pk == grant.user_id:
        raise GovernanceError("Nobody can confirm their own reviewer role.")
    if user.pk == grant.asked_by_id:
        raise GovernanceError(
            "You asked for this role, so another clinical reviewer must confirm it "
            "(two-person rule)."
        )
    if not is_reviewer(user) or ReviewerProfile.of(user) is None:
        raise GovernanceError(
            "Only a clinical reviewer with a reviewer profile can confirm a new reviewer."
        )
    if not grant.user.is_active:
        raise GovernanceError("This account is not active, so it cannot be a reviewer.")


def check_can_decline(grant: ReviewerGrant, user) -> None:
    if not grant.waiting:
        raise GovernanceError(f"This request was already {grant.get_outcome_display()}.")
    if user.pk == grant.user_id:
        raise GovernanceError("Nobody can decide on their own reviewer role.")
    if not (is_reviewer(user) or user.pk == grant.asked_by_id):
        raise GovernanceError("Only a clinical reviewer or the person who asked can decline.")


def outcome_of_decline(grant: ReviewerGrant, user) -> str:
    """The person who asked withdraws; anyone else declines."""
    if user.pk == grant.asked_by_id:
        return ReviewerGrant.Outcome.WITHDRAWN
    return ReviewerGrant.Outcome.DECLINED


@transaction.atomic
def confirm(grant: ReviewerGrant, user) -> None:
    grant = ReviewerGrant.objects.select_for_update().select_related("user").get(pk=grant.pk)
    check_can_confirm(grant, user)
    grant.user.groups.add(Group.objects.get(name=REVIEWERS))
    _close(grant, user, ReviewerGrant.Outcome.CONFIRMED)
    asker = grant.asked_by.get_username() if grant.asked_by else "a deleted account"
    audit(
        user, grant.user,
        f"granted {REVIEWERS} to {grant.user.get_username()} (asked by {asker}, confirmed by "
        f"{user.get_username()})",
    )  # fmt: skip


@transaction.atomic
def decline(grant: ReviewerGrant, user) -> None:
    grant = ReviewerGrant.objects.select_for_update().select_related("user").get(pk=grant.pk)
    check_can_decline(grant, user)
    outcome = outcome_of_decline(grant, user)
    _close(grant, user, outcome)
    audit(user, grant.user, f"request for {REVIEWERS} for {grant.user.get_username()} {outcome}")


def _close(grant: ReviewerGrant, by, outcome: str) -> None:
    grant.outcome = outcome
    grant.decided_by = by
    grant.decided_at = timezone.now()
    grant.save(update_fields=["outcome", "decided_by", "decided_at"])

"""Drafts, sign-off and publishing for pages, checklist items, glossary terms and the safety
settings (help numbers and fever temperature, search synonyms, review interval).

Every rule is enforced here, on the server, whatever the admin templates show:

- ``save_draft``: an editor's change becomes a new draft revision; the live object (what the
  public sees) is untouched. A new object is created hidden, with its first draft.
- ``approve``: only a member of the Clinical reviewers group with a reviewer profile (the public
  name and role, set by an administrator), never anyone who wrote or re-saved any revision of the
  object since it was last published, only the latest draft, and only when the hash the reviewer
  saw matches the stored wording. Approval copies the draft into the live object, publishes it
  and restarts the review cycle.
- ``revert``: an old revision becomes a new draft, needing approval like any other change.
- ``record_published``: content loaded from the shipped files (or by the data migration) is a
  published revision with clinical sign-off pending.
"""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone

from ..models import (
    Approval,
    ChecklistItem,
    GlossaryTerm,
    HelpSettings,
    Page,
    QuestionPrompt,
    RedFlag,
    ReviewerProfile,
    ReviewSettings,
    Revision,
    SearchSynonym,
)
from ..selfcheck.anchors import missing_anchors
from ..selfcheck.questions import SNAPSHOT_KEY, restore_working_copy, snapshot_questions
from .concurrency import check_fresh, lock_object
from .roles import is_reviewer
from .snapshots import Snapshot, content_hash, json_value

GOVERNED_MODELS: tuple[type[models.Model], ...] = (
    Page,
    ChecklistItem,
    GlossaryTerm,
    RedFlag,
    QuestionPrompt,
)
# Safety settings: the fever temperature, the care team's numbers, search synonyms and the
# review interval are drafts until a clinical reviewer approves them, exactly like pages.
SETTINGS_MODELS: tuple[type[models.Model], ...] = (HelpSettings, ReviewSettings, SearchSynonym)
# Set by approval only, never by an editor's draft.
REVIEW_FIELDS = {"last_reviewed", "next_review_due", "reviewer"}
VISIBILITY_FIELDS = {"status": Page.Status.DRAFT, "published": False}
SHIPPED_AUTHOR = "Content team (shipped content files)"


class GovernanceError(PermissionDenied):
    """A forbidden step; the message says why in plain words (shown to the admin user)."""


def content_fields(model: type[models.Model]) -> list[models.Field]:
    """The fields a revision holds: every editable field except the review record."""
    return [
        f
        for f in model._meta.concrete_fields
        if f.editable and not f.primary_key and f.name not in REVIEW_FIELDS
    ]


def snapshot(obj: models.Model) -> Snapshot:
    """The governed content of ``obj``; a page's includes its self-check questions, so the
    page's content hash (and its approval) covers them."""
    values = {f.name: json_value(f.value_from_object(obj)) for f in content_fields(type(obj))}
    if isinstance(obj, Page):
        values[SNAPSHOT_KEY] = snapshot_questions(obj)
    return values


def apply_snapshot(obj: models.Model, content: Snapshot) -> models.Model:
    """Copy a revision's content onto an object in memory (the caller decides to save)."""
    for field in content_fields(type(obj)):
        if field.name in content:
            setattr(obj, field.attname, field.to_python(content[field.name]))
    return obj


def revisions_of(obj: models.Model) -> models.QuerySet[Revision]:
    ct = ContentType.objects.get_for_model(type(obj))
    return Revision.objects.filter(content_type=ct, object_id=obj.pk).order_by("-number")


def latest_revision(obj: models.Model) -> Revision | None:
    return revisions_of(obj).first()


def pending_draft(obj: models.Model) -> Revision | None:
    """The latest revision when it is a draft waiting for approval."""
    latest = latest_revision(obj)
    return latest if latest is not None and latest.is_draft else None


def published_revision(obj: models.Model) -> Revision | None:
    return revisions_of(obj).filter(state=Revision.State.PUBLISHED).first()


def public_approval(obj: models.Model) -> Approval | None:
    """The sign-off of the revision the public sees, or None while sign-off is pending."""
    published = published_revision(obj)
    if published is None:
        return None
    return published.approvals.filter(content_hash=published.content_hash).first()


def _can_edit(user, model: type[models.Model], adding: bool) -> bool:
    meta = model._meta
    action = "add" if adding else "change"
    return bool(
        user and user.is_active and user.has_perm(f"{meta.app_label}.{action}_{meta.model_name}")
    )


def _new_revision(obj: models.Model, content: Snapshot, summary: str, user, **extra) -> Revision:
    summary = " ".join((summary or "").split())
    if not summary:
        raise GovernanceError("Every change needs a one-line change summary.")
    latest = latest_revision(obj)
    return Revision.objects.create(
        content_type=ContentType.objects.get_for_model(type(obj)),
        object_id=obj.pk,
        number=(latest.number + 1) if latest else 1,
        content=content,
        content_hash=content_hash(content),
        summary=summary[:200],
        author=user,
        author_name=(user.get_full_name() or user.get_username()) if user else SHIPPED_AUTHOR,
        **extra,
    )


def _replace_older_drafts(obj: models.Model) -> None:
    revisions_of(obj).filter(state=Revision.State.DRAFT).update(state=Revision.State.REPLACED)


def _hide(obj: models.Model) -> None:
    for name, hidden in VISIBILITY_FIELDS.items():
        if hasattr(obj, name):
            setattr(obj, name, hidden)


def _placeholder_review(obj: models.Model) -> None:
    """A new page needs review dates to be saved; approval replaces them before it goes live."""
    if isinstance(obj, Page):
        today = timezone.localdate()
        obj.last_reviewed = obj.last_reviewed or today
        obj.next_review_due = obj.next_review_due or ReviewSettings.load().next_review(today)
        obj.reviewer = obj.reviewer or "Not yet reviewed"


def _save_hidden(obj: models.Model) -> None:
    """Save a new object so the public does not see its content before approval.

    A one-record settings model (help numbers, review interval) is saved with its defaults,
    which is what the public already sees while no record exists; the typed values wait in
    the draft.
    """
    if hasattr(type(obj), "SINGLETON_PK"):
        blank = type(obj)()
        blank.save()
        obj.pk = blank.pk
        return
    _hide(obj)
    _placeholder_review(obj)
    obj.save()


@transaction.atomic
def save_draft(
    obj: models.Model, user, summary: str, adding: bool = False, base: int | None = None
) -> Revision:
    """Store ``obj``'s in-memory field values as a new draft revision.

    An existing object is not saved: the public keeps seeing the published wording. A new
    object is saved hidden (draft status, or unpublished) so it has an id for its revisions.
    ``base`` is the latest revision number the editor's form was opened on: if someone saved
    since, ``concurrency.StaleEdit`` is raised and nothing is stored.
    """
    if not _can_edit(user, type(obj), adding):
        raise GovernanceError("You do not have permission to edit this content.")
    content = snapshot(obj)
    if adding:
        _save_hidden(obj)
    else:
        lock_object(obj)
        check_fresh(obj, base)
        _replace_older_drafts(obj)
    return _new_revision(obj, content, summary, user)


def authors_since_publication(obj: models.Model) -> set[int]:
    """Ids of everyone who saved any revision of ``obj`` after its published one."""
    revisions = revisions_of(obj)
    published = published_revision(obj)
    if published is not None:
        revisions = revisions.filter(number__gt=published.number)
    return set(revisions.exclude(author=None).values_list("author_id", flat=True))


def check_can_approve(revision: Revision, user, seen_hash: str) -> None:
    """Raise GovernanceError with the reason when ``user`` may not approve ``revision``."""
    if not is_reviewer(user):
        raise GovernanceError("Only members of the Clinical reviewers group can approve.")
    if ReviewerProfile.of(user) is None:
        raise GovernanceError(
            "Your account has no reviewer profile (the name and role shown on public pages). "
            "Ask an administrator to set it up under Users, then approve."
        )
    if user.pk in authors_since_publication(revision.content_object) or (
        revision.author_id is not None and revision.author_id == user.pk
    ):
        raise GovernanceError(
            "You wrote or saved a revision of this since it was last published, so someone "
            "else must approve it (two-person rule)."
        )
    latest = latest_revision(revision.content_object)
    if not revision.is_draft or latest is None or latest.pk != revision.pk:
        raise GovernanceError(
            f"Revision {revision.number} is no longer the latest draft, so it cannot be "
            "approved. Open the history and review the latest draft instead."
        )
    if not (seen_hash == revision.content_hash == content_hash(revision.content)):
        raise GovernanceError(
            "The wording changed after you opened it. Read it again before approving."
        )


def check_self_check_links(revision: Revision) -> None:
    """A page draft whose self-check links to a section its body does not have (a reworded
    heading) cannot be approved, by whatever door the draft came in."""
    content = revision.content
    questions = content.get(SNAPSHOT_KEY) or []
    if not questions or "body" not in content:
        return
    page = revision.content_object
    missing = missing_anchors(getattr(page, "slug", ""), content["body"],
                              (q["anchor"] for q in questions))  # fmt: skip
    if missing:
        raise GovernanceError(
            "This draft cannot be published: a self-check question links to a section the page "
            f"does not have ({', '.join(missing)}). Ask the editor to fix the question's "
            "“section to re-read”."
        )


@transaction.atomic
def approve(revision: Revision, user, seen_hash: str) -> Approval:
    """Sign off ``revision`` and publish it; the review dates restart from today.

    The public name and role come from the reviewer's profile, never from the request.
    """
    lock_object(revision.content_object)  # the same order as save_draft: object, then revision
    revision = Revision.objects.select_for_update().get(pk=revision.pk)
    check_can_approve(revision, user, seen_hash)
    check_self_check_links(revision)
    profile = ReviewerProfile.of(user)
    name, role = profile.public_name, profile.public_role
    today = timezone.localdate()
    approval = Approval.objects.create(
        revision=revision,
        reviewer=user,
        reviewer_name=name[:120],
        reviewer_role=role[:120],
        content_hash=revision.content_hash,
        approved_on=today,
        by_superuser=user.is_superuser,
    )
    try:
        publish(revision, reviewed=today, reviewer=f"{name} ({role})")
    except ValidationError as exc:  # e.g. another page took this title since the draft
        raise GovernanceError("This draft cannot be published: " + " ".join(exc.messages)) from None
    return approval


def publish(revision: Revision, reviewed: datetime.date | None = None, reviewer: str = "") -> None:
    """Copy a revision into the live object and make it the published one."""
    obj = apply_snapshot(revision.content_object, revision.content)
    if reviewed is not None and isinstance(obj, Page):
        obj.last_reviewed = reviewed
        obj.next_review_due = ReviewSettings.load().next_review(reviewed)
        obj.reviewer = reviewer[:200]
    obj.full_clean(exclude=["slug"] if isinstance(obj, GlossaryTerm) else None)
    obj.save()  # the post_save signal bumps the public page cache version
    revisions_of(obj).filter(state=Revision.State.PUBLISHED).update(state=Revision.State.RETIRED)
    Revision.objects.filter(pk=revision.pk).update(
        state=Revision.State.PUBLISHED, published_at=timezone.now()
    )
    revision.refresh_from_db()


@transaction.atomic
def revert(old: Revision, user, summary: str = "") -> Revision:
    """A new draft with the content of an old revision; nothing is deleted."""
    obj = old.content_object
    if not _can_edit(user, type(obj), adding=False):
        raise GovernanceError("You do not have permission to edit this content.")
    lock_object(obj)
    _replace_older_drafts(obj)
    if isinstance(obj, Page):  # the inline questions show the draft's questions again
        restore_working_copy(obj, old.content)
    summary = summary or f"Back to the wording of revision {old.number}"
    return _new_revision(obj, dict(old.content), summary, user, based_on=old)


def record_published(obj: models.Model, summary: str) -> Revision:
    """The live object's current content as a published revision with sign-off pending."""
    _replace_older_drafts(obj)
    revisions_of(obj).filter(state=Revision.State.PUBLISHED).update(state=Revision.State.RETIRED)
    return _new_revision(
        obj,
        snapshot(obj),
        summary,
        None,
        state=Revision.State.PUBLISHED,
        published_at=timezone.now(),
    )


def edited_by_someone(obj: models.Model) -> bool:
    """True once any person (not the content loader) has saved a revision of ``obj``."""
    return revisions_of(obj).filter(author__isnull=False).exists()


def awaiting_approval() -> list[Revision]:
    """The latest revision of each object, where it is a draft, oldest first."""
    drafts = Revision.objects.filter(state=Revision.State.DRAFT).select_related(
        "content_type", "author"
    )
    return sorted(drafts, key=lambda r: r.created_at)

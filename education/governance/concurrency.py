"""Two editors on one object: lock the live row, refuse a save made from a stale form.

A change form carries the number of the latest revision it was opened on (``base``). Saving
locks the object's row (``select_for_update``; on SQLite the IMMEDIATE transaction already
holds the database's write lock) and compares ``base`` with the latest revision now. If someone
saved in between, the save is refused with what they changed, so nobody's edit silently drops
out of the draft under review. A partial unique index on Revision (one open draft per object)
makes two open drafts impossible whatever the code does.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction

from ..models import Revision
from .diff import FieldDiff, revision_diff

STALE_MESSAGE = (
    "Someone changed this since you opened it (revision {base} then, revision {latest} now). "
    "Here is the difference. Your changes are still in the form: check them against the "
    "new wording, then save again."
)


class StaleEdit(Exception):
    """The form was opened on revision ``base``; revision ``latest`` was saved since."""

    def __init__(self, base: int, latest: Revision) -> None:
        self.base, self.latest = base, latest
        super().__init__(STALE_MESSAGE.format(base=base, latest=latest.number))


def lock_object(obj: models.Model) -> None:
    """Hold the live row's lock until the surrounding transaction ends (no-op outside one)."""
    with transaction.atomic():
        type(obj)._default_manager.select_for_update().filter(pk=obj.pk).exists()


def latest_number(obj: models.Model) -> int:
    """The number of the latest revision of ``obj``; 0 when it has none."""
    ct = ContentType.objects.get_for_model(type(obj))
    latest = Revision.objects.filter(content_type=ct, object_id=obj.pk).order_by("-number")
    return latest.values_list("number", flat=True).first() or 0


def check_fresh(obj: models.Model, base: int | None) -> None:
    """Raise StaleEdit when a revision was saved after revision ``base`` (call under the lock)."""
    if base is None:
        return
    now = latest_number(obj)
    if now != base:
        ct = ContentType.objects.get_for_model(type(obj))
        latest = Revision.objects.get(content_type=ct, object_id=obj.pk, number=now)
        raise StaleEdit(base, latest)


def changes_since(obj: models.Model, error: StaleEdit, labels: dict[str, str]) -> list[FieldDiff]:
    """What the other person changed: the base revision against the latest one."""
    ct = ContentType.objects.get_for_model(type(obj))
    base = Revision.objects.filter(content_type=ct, object_id=obj.pk, number=error.base).first()
    return revision_diff(base.content if base else {}, error.latest.content, labels)

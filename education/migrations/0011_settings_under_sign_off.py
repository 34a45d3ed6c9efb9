"""The safety settings join sign-off: today's values become each record's published revision.

Help numbers and fever temperature, the review interval and every search synonym group keep
exactly what the public sees now (no behaviour change); from here on a change made in the admin
is a draft until a clinical reviewer approves it.
"""

from django.db import migrations
from django.utils import timezone

from education.governance.snapshots import content_hash, json_value

SUMMARY = "Value in use when safety settings came under clinical sign-off"
AUTHOR = "Site settings (before sign-off was required)"
# The fields each revision holds, as the models stood when this migration was written.
FIELDS = {
    "helpsettings": ["centre_name", "phone_24h", "emergency_number", "fever_threshold_c"],
    "reviewsettings": ["review_months"],
    "searchsynonym": ["words", "published"],
}


def first_revisions(apps, schema_editor) -> None:
    content_types = apps.get_model("contenttypes", "ContentType")
    revision_model = apps.get_model("education", "Revision")
    now = timezone.now()
    for model_name, fields in FIELDS.items():
        model = apps.get_model("education", model_name)
        ct, _ = content_types.objects.get_or_create(app_label="education", model=model_name)
        for obj in model.objects.all():
            if revision_model.objects.filter(content_type=ct, object_id=obj.pk).exists():
                continue
            content = {name: json_value(getattr(obj, name)) for name in fields}
            revision_model.objects.create(
                content_type=ct,
                object_id=obj.pk,
                number=1,
                content=content,
                content_hash=content_hash(content),
                summary=SUMMARY,
                author_name=AUTHOR,
                created_at=now,
                state="published",
                published_at=now,
            )


def forget_revisions(apps, schema_editor) -> None:
    """Going back before sign-off: these records had no revisions, so none are left behind."""
    content_types = apps.get_model("contenttypes", "ContentType")
    revision_model = apps.get_model("education", "Revision")
    cts = content_types.objects.filter(app_label="education", model__in=list(FIELDS))
    revisions = revision_model.objects.filter(content_type__in=cts)
    apps.get_model("education", "Approval").objects.filter(revision__in=revisions).delete()
    revisions._raw_delete(revisions.db)


class Migration(migrations.Migration):
    dependencies = [
        ("education", "0010_search_synonym_published"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(first_revisions, forget_revisions)]

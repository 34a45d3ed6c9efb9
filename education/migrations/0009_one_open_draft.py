"""One open draft per object: older duplicate drafts (left by two editors saving at once before
this fix) become 'replaced', then a partial unique index makes a second draft impossible."""

from django.conf import settings
from django.db import migrations, models


def replace_duplicate_drafts(apps, schema_editor) -> None:
    revision_model = apps.get_model("education", "Revision")
    drafts = revision_model.objects.filter(state="draft").order_by(
        "content_type_id", "object_id", "-number"
    )
    seen = set()
    for pk, key in ((r.pk, (r.content_type_id, r.object_id)) for r in drafts):
        if key in seen:
            revision_model.objects.filter(pk=pk).update(state="replaced")
        seen.add(key)


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("education", "0008_reviewer_profiles"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RunPython(replace_duplicate_drafts, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="revision",
            constraint=models.UniqueConstraint(
                condition=models.Q(("state", "draft")),
                fields=("content_type", "object_id"),
                name="one_open_draft_per_object",
            ),
        ),
    ]

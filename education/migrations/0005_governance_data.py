"""Existing content becomes revision 1 of each object: published, clinical sign-off pending.

Nothing is changed in the content itself. The three roles (groups with permissions) are
created here too; ``education.roles`` keeps them in place after later migrations.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations
from django.utils import timezone

from education.governance.roles import ensure_roles
from education.governance.snapshots import content_hash, json_value

SUMMARY = "Content as it was before clinical sign-off was recorded (sign-off pending)"
AUTHOR = "Content team (before revisions were recorded)"
# The fields each revision holds, as the models stood when this migration was written.
FIELDS = {
    "page": ["title", "slug", "summary", "description", "body", "order", "status", "show_help",
             "sources"],
    "checklistitem": ["kind", "text", "why", "order", "published"],
    "glossaryterm": ["term", "slug", "other_spellings", "definition", "published"],
}  # fmt: skip


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
                # "published" means "copied into the live object": a page whose own status
                # is draft stays hidden, exactly as before.
                state="published",
                published_at=now,
            )


def roles(apps, schema_editor) -> None:
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    ensure_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("education", "0004_governance"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(first_revisions, migrations.RunPython.noop),
        migrations.RunPython(roles, migrations.RunPython.noop),
    ]

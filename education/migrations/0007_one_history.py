"""One history for governed content: ``Revision`` is the record of every page, checklist item
and glossary term, so django-simple-history's copies of those three models go.

Revisions, approvals and feedback are untouched. The old history's only other use was to tell
the content loader that an object had been deleted; since migration 0005 every object has
revisions, which outlive it and tell the loader the same (education.content_loader). For an
object deleted *before* 0005 (so it has no revision), its last state is kept here as a retired
revision first, so the loader still does not bring it back.
"""

import hashlib
import json

from django.db import migrations

SUMMARY = "Deleted before revisions were recorded (kept from the old edit history)"
# The content fields as the models stand at migration 0006 (foreign keys by id).
FIELDS = {
    "page": ["title", "slug", "summary", "description", "body", "order", "status", "show_help",
             "sources", "language"],
    "checklistitem": ["kind", "text", "why", "group", "order", "published", "language"],
    "glossaryterm": ["term", "slug", "other_spellings", "definition", "published", "language"],
}  # fmt: skip
LINKS = ["translation_of", "source_revision"]


def _json_value(value):
    """As education.snapshots.json_value for the field types above (text, numbers, booleans)."""
    if isinstance(value, str):
        lines = value.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        return "\n".join(line.rstrip(" \t") for line in lines)
    return value


def _content_hash(content) -> str:
    text = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def keep_deletions(apps, schema_editor) -> None:
    """A retired revision for each object deleted before it had any revision."""
    content_types = apps.get_model("contenttypes", "ContentType")
    revisions = apps.get_model("education", "Revision")
    for model_name, fields in FIELDS.items():
        model = apps.get_model("education", model_name)
        historical = apps.get_model("education", f"historical{model_name}")
        ct, _ = content_types.objects.get_or_create(app_label="education", model=model_name)
        for row in historical.objects.filter(history_type="-").order_by("history_date"):
            if revisions.objects.filter(content_type=ct, object_id=row.id).exists():
                continue
            if model.objects.filter(pk=row.id).exists():
                continue
            content = {name: _json_value(getattr(row, name)) for name in fields}
            content |= {name: getattr(row, f"{name}_id") for name in LINKS}
            revisions.objects.create(
                content_type=ct,
                object_id=row.id,
                number=1,
                content=content,
                content_hash=_content_hash(content),
                summary=SUMMARY,
                author_name="Content team (before revisions were recorded)",
                created_at=row.history_date,
                state="retired",
            )


class Migration(migrations.Migration):
    dependencies = [
        ("education", "0006_languages"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(keep_deletions, migrations.RunPython.noop),
        migrations.DeleteModel(name="HistoricalChecklistItem"),
        migrations.DeleteModel(name="HistoricalGlossaryTerm"),
        migrations.DeleteModel(name="HistoricalPage"),
    ]

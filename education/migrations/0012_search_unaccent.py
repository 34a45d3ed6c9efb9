"""Accent-insensitive full-text search on PostgreSQL (issue 25).

Creates the ``unaccent`` extension (trusted since PostgreSQL 13, so the database owner may create
it) and two text-search configurations that strip accents before the usual stemming:
``isatuximab_english`` and ``isatuximab_spanish`` (``education/search/engine.py`` uses them).
Other databases have nothing to do: their search folds accents in Python.
"""

from django.db import migrations

LANGUAGES = ("english", "spanish")


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    for language in LANGUAGES:
        name = f"isatuximab_{language}"
        schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")
        schema_editor.execute(f"CREATE TEXT SEARCH CONFIGURATION {name} (COPY = {language})")
        schema_editor.execute(
            f"ALTER TEXT SEARCH CONFIGURATION {name} ALTER MAPPING FOR "
            f"hword, hword_part, word WITH unaccent, {language}_stem"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for language in LANGUAGES:
        schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS isatuximab_{language}")


class Migration(migrations.Migration):
    dependencies = [("education", "0011_settings_under_sign_off")]
    operations = [migrations.RunPython(create, drop)]
